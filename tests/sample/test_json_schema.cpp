// The schema compiler and the byte-level grammar: each supported keyword
// accepts exactly the documents it should, and bad schemas are refused with
// the keyword and where it is.

#include "sample/grammar.h"
#include "sample/json_schema.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace clauselens::sample;

namespace {

// Whether `text` is a complete document under `schema`.
bool accepts(const std::string& schema, const std::string& text) {
    const Grammar g = compile_json_schema(schema);
    GrammarState s(g);
    return s.advance(text) && s.complete();
}

// Whether `text` can still become a document (a prefix of one).
bool continues(const std::string& schema, const std::string& text) {
    const Grammar g = compile_json_schema(schema);
    GrammarState s(g);
    return s.advance(text);
}

std::string error_of(const std::string& schema) {
    try {
        compile_json_schema(schema);
    } catch (const SchemaError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("grammar: strings, escapes and UTF-8", "[sample][grammar]") {
    const std::string s = R"({"type": "string"})";
    CHECK(accepts(s, R"("")"));
    CHECK(accepts(s, R"("plain text")"));
    CHECK(accepts(s, R"("quote \" backslash \\ slash \/ \b\f\n\r\t")"));
    CHECK(accepts(s, R"("\u00e9\u0041")"));
    CHECK(accepts(s, "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\""));
    CHECK(accepts(s, "  \"leading whitespace\""));
    CHECK_FALSE(accepts(s, R"("unterminated)"));
    CHECK_FALSE(accepts(s, "\"tab\there\""));        // control characters
    CHECK_FALSE(accepts(s, R"("\x")"));              // unknown escape
    CHECK_FALSE(accepts(s, R"("\u12g4")"));          // not hex
    CHECK_FALSE(accepts(s, R"("\ud83d\ude00")"));    // surrogates
    CHECK_FALSE(accepts(s, "\"\xc0\xaf\""));         // overlong
    CHECK_FALSE(accepts(s, "\"\xed\xa0\x80\""));     // UTF-8 surrogate
    CHECK_FALSE(accepts(s, "\"\xf4\x90\x80\x80\"")); // above U+10FFFF
    CHECK_FALSE(accepts(s, "\"\xe2\x82\""));         // cut character
    CHECK(continues(s, "\"\xe2\x82"));               // ...which may still end
    CHECK_FALSE(accepts(s, R"("a" )"));              // nothing after the end
    CHECK_FALSE(accepts(s, std::string(k_max_whitespace + 1, ' ') + "\"\"")); // bounded
    CHECK(accepts(s, std::string(k_max_whitespace, ' ') + "\"\""));
}

TEST_CASE("grammar: a tighter whitespace bound in every gap", "[sample][grammar]") {
    Grammar g = compile_json_schema(
        R"({"type": "object", "properties": {"a": {"type": "array", "items": {"type": "integer"}}}})");
    const auto accepted = [&](const std::string& text) {
        GrammarState s(g);
        return s.advance(text) && s.complete();
    };
    CHECK(accepted("{ \"a\" :  [1,  2] }"));
    set_max_whitespace(g, 1);
    CHECK(accepted(R"({"a": [1, 2]})"));
    CHECK(accepted(R"({ "a" : [ 1 , 2 ] })"));
    CHECK_FALSE(accepted(R"({"a":  [1, 2]})"));
    CHECK_FALSE(accepted("{\"a\": [1,\n\n2]}"));
    set_max_whitespace(g, 0);
    CHECK(accepted(R"({"a":[1,2]})"));
    CHECK_FALSE(accepted(R"({"a": [1,2]})"));
    CHECK_FALSE(accepted(R"( {"a":[1,2]})"));
    set_max_whitespace(g, 200); // capped at the grammar's own bound
    CHECK(accepted(std::string(k_max_whitespace, ' ') + R"({"a":[]})"));
    CHECK_FALSE(accepted(std::string(k_max_whitespace + 1, ' ') + R"({"a":[]})"));
}

TEST_CASE("grammar: minLength and maxLength count code points", "[sample][grammar]") {
    const std::string s = R"({"type": "string", "minLength": 2, "maxLength": 3})";
    CHECK_FALSE(accepts(s, R"("a")"));
    CHECK(accepts(s, R"("ab")"));
    CHECK(accepts(s, "\"\xc3\xa9\xc3\xa9\xc3\xa9\"")); // three two-byte characters
    CHECK(accepts(s, R"("\n\u0041b")"));               // escapes are one character each
    CHECK_FALSE(accepts(s, R"("abcd")"));
    CHECK_FALSE(continues(s, R"("abcd)"));
    CHECK(accepts(R"({"type": "string", "maxLength": 0})", R"("")"));
    CHECK_FALSE(continues(R"({"type": "string", "maxLength": 0})", R"("a)"));
}

TEST_CASE("grammar: integers and numbers", "[sample][grammar]") {
    const std::string i = R"({"type": "integer"})";
    CHECK(accepts(i, "0"));
    CHECK(accepts(i, "-17"));
    CHECK(accepts(i, "123456789012345"));
    CHECK_FALSE(accepts(i, "1234567890123456")); // beyond exact doubles
    CHECK_FALSE(accepts(i, "01"));
    CHECK_FALSE(accepts(i, "1.5"));
    CHECK_FALSE(accepts(i, "-"));
    CHECK_FALSE(accepts(i, "+1"));
    const std::string n = R"({"type": "number"})";
    CHECK(accepts(n, "3"));
    CHECK(accepts(n, "-0.25"));
    CHECK(accepts(n, "6.02e23"));
    CHECK(accepts(n, "1E-7"));
    CHECK(accepts(n, "2e+10"));
    CHECK_FALSE(accepts(n, "1."));
    CHECK_FALSE(accepts(n, ".5"));
    CHECK_FALSE(accepts(n, "1e"));
    CHECK_FALSE(accepts(n, "1e123")); // exponent bounded: always finite
    CHECK_FALSE(accepts(n, "NaN"));
}

TEST_CASE("grammar: boolean, null, enum and const", "[sample][grammar]") {
    CHECK(accepts(R"({"type": "boolean"})", "true"));
    CHECK(accepts(R"({"type": "boolean"})", "false"));
    CHECK_FALSE(accepts(R"({"type": "boolean"})", "tru"));
    CHECK(accepts(R"({"type": "null"})", "null"));
    const std::string e = R"({"enum": ["Governing Law", "Governing", "Non-Compete", 12, 1, null]})";
    CHECK(accepts(e, R"("Governing Law")"));
    CHECK(accepts(e, R"("Governing")"));
    CHECK(accepts(e, "12"));
    CHECK(accepts(e, "1"));
    CHECK(accepts(e, "null"));
    CHECK_FALSE(accepts(e, R"("Governing L")"));
    CHECK_FALSE(accepts(e, R"("Non")"));
    CHECK_FALSE(accepts(e, "123"));
    CHECK_FALSE(accepts(e, "2"));
    CHECK(accepts(R"({"const": "yes"})", R"("yes")"));
    CHECK_FALSE(accepts(R"({"const": "yes"})", R"("no")"));
    CHECK(accepts(R"({"type": "string", "enum": ["caf\u00e9"]})", "\"caf\xc3\xa9\""));
}

TEST_CASE("grammar: objects write listed properties in order", "[sample][grammar]") {
    const std::string o = R"({"type": "object",
        "properties": {"name": {"type": "string"}, "age": {"type": "integer"},
                       "tags": {"type": "array", "items": {"type": "string"}}},
        "required": ["age"], "additionalProperties": false})";
    CHECK(accepts(o, R"({"age":3})"));
    CHECK(accepts(o, R"({"name":"x","age":3})"));
    CHECK(accepts(o, R"({"name":"x","age":3,"tags":[]})"));
    CHECK(accepts(o, "{\n  \"age\": 3,\n  \"tags\": [\"a\", \"b\"]\n}"));
    CHECK_FALSE(accepts(o, R"({})")); // age is required
    CHECK_FALSE(accepts(o, R"({"name":"x"})"));
    CHECK_FALSE(accepts(o, R"({"age":3,"name":"x"})")); // out of order
    CHECK_FALSE(accepts(o, R"({"age":3,"age":4})"));    // twice
    CHECK_FALSE(accepts(o, R"({"age":3,"other":1})"));  // not listed
    CHECK_FALSE(accepts(o, R"({"age":3,})"));           // trailing comma
    CHECK(accepts(R"({"type": "object"})", "{}"));
    CHECK(accepts(R"({"type": "object", "properties": {"a": {"type": "null"}}})", "{ }"));
}

TEST_CASE("grammar: arrays with minItems and maxItems", "[sample][grammar]") {
    const std::string a = R"({"type": "array", "items": {"type": "integer"},
                              "minItems": 1, "maxItems": 3})";
    CHECK_FALSE(accepts(a, "[]"));
    CHECK(accepts(a, "[1]"));
    CHECK(accepts(a, "[1, 2,3]"));
    CHECK_FALSE(accepts(a, "[1,2,3,4]"));
    CHECK_FALSE(continues(a, "[1,2,3,"));
    CHECK_FALSE(accepts(a, "[1,]"));
    CHECK(accepts(R"({"type": "array", "items": {"type": "string"}})", "[]"));
    CHECK_FALSE(
        continues(R"({"type": "array", "items": {"type": "string"}, "maxItems": 0})", "[\""));
    const std::string nested = R"({"type": "array", "items": {"type": "array",
                                   "items": {"type": "boolean"}}})";
    CHECK(accepts(nested, "[[true],[],[false,true]]"));
}

TEST_CASE("grammar: anyOf and type lists", "[sample][grammar]") {
    const std::string a = R"({"anyOf": [
        {"type": "object", "properties": {"kind": {"const": "a"}, "x": {"type": "integer"}},
         "required": ["kind", "x"]},
        {"type": "object", "properties": {"kind": {"const": "b"}, "y": {"type": "string"}},
         "required": ["kind"]},
        {"type": "null"}]})";
    CHECK(accepts(a, R"({"kind":"a","x":1})"));
    CHECK(accepts(a, R"({"kind":"b"})"));
    CHECK(accepts(a, R"({"kind":"b","y":"z"})"));
    CHECK(accepts(a, "null"));
    CHECK_FALSE(accepts(a, R"({"kind":"a"})"));
    CHECK_FALSE(accepts(a, R"({"kind":"a","y":"z"})"));
    const std::string t = R"({"type": ["string", "null"], "maxLength": 2})";
    CHECK(accepts(t, "null"));
    CHECK(accepts(t, R"("ab")"));
    CHECK_FALSE(accepts(t, R"("abc")"));
    const std::string n = R"({"type": ["integer", "number"]})";
    CHECK(accepts(n, "1.5"));
}

TEST_CASE("grammar: the document ends exactly once complete", "[sample][grammar]") {
    const Grammar g = compile_json_schema(R"({"type": "integer"})");
    GrammarState s(g);
    CHECK_FALSE(s.complete());
    REQUIRE(s.advance("12"));
    CHECK(s.complete()); // a number may end here or go on
    CHECK(s.advance("3"));
    CHECK(s.complete());
    CHECK_FALSE(s.advance("."));
    const Grammar o = compile_json_schema(R"({"type": "object"})");
    GrammarState t(o);
    REQUIRE(t.advance("{}"));
    CHECK(t.complete());
    CHECK(t.advanced(' ').dead()); // no whitespace after the end
}

TEST_CASE("json schema: errors name the keyword and where it is", "[sample][schema]") {
    CHECK_THAT(error_of(R"({"type": "string", "pattern": "^a"})"),
               Catch::Equals("unsupported keyword 'pattern' at #"));
    CHECK_THAT(error_of(R"({"type": "object", "properties": {"a/b": {"type": "integer",
                           "minimum": 0}}})"),
               Catch::Equals("unsupported keyword 'minimum' at #/properties/a~1b"));
    CHECK_THAT(error_of(R"({"type": "array", "items": {"$ref": "#/x"}})"),
               Catch::Equals("unsupported keyword '$ref' at #/items"));
    CHECK_THAT(error_of(R"({"oneOf": []})"), Catch::Contains("unsupported keyword 'oneOf' at #"));
    CHECK_THAT(error_of(R"({"type": "str"})"), Catch::Contains("'type' must be one of"));
    CHECK_THAT(error_of(R"({"type": "array"})"),
               Catch::Contains("an array needs 'items' (a schema for its elements) at #"));
    CHECK_THAT(error_of(R"({"type": "object", "properties": {}, "required": ["x"]})"),
               Catch::Contains("\"x\" is not described in 'properties' at #/required"));
    CHECK_THAT(error_of(R"({"type": "string", "minLength": 3, "maxLength": 2})"),
               Catch::Contains("minLength is above maxLength"));
    CHECK_THAT(error_of(R"({"type": "array", "items": {"type": "null"}, "maxItems": -1})"),
               Catch::Contains("'maxItems' must be a non-negative integer at #/maxItems"));
    CHECK_THAT(error_of(R"({"type": "string", "items": {"type": "null"}})"),
               Catch::Contains("'items' needs \"type\": \"array\" at #"));
    CHECK_THAT(error_of(R"({"type": "object", "additionalProperties": {"type": "string"}})"),
               Catch::Contains("at #/additionalProperties"));
    CHECK_THAT(error_of(R"({"anyOf": [{"type": "null"}], "type": "null"})"),
               Catch::Contains("'type' beside 'anyOf' is not supported"));
    CHECK_THAT(error_of(R"({"type": "integer", "enum": [1, "a"]})"),
               Catch::Contains("the value \"a\" does not have the schema's type at #/enum"));
    CHECK_THAT(error_of(R"({"enum": []})"), Catch::Contains("non-empty list"));
    CHECK_THAT(error_of(R"({"description": "no type"})"),
               Catch::Contains("a schema needs 'type', 'enum', 'const' or 'anyOf' at #"));
    CHECK_THAT(error_of("{\"type\": "), Catch::Contains("the schema is not valid JSON"));
    CHECK_THAT(error_of("true"), Catch::Contains("must be a JSON object"));
    std::string deep = R"({"type": "null"})";
    for (uint32_t i = 0; i < k_max_depth; ++i) {
        deep = R"({"type": "array", "items": )" + deep + "}";
    }
    CHECK_THAT(error_of(deep), Catch::Contains("nests deeper than"));
    // Annotations are fine.
    CHECK(error_of(R"({"type": "string", "title": "t", "description": "d", "default": "x",
                       "$schema": "https://json-schema.org/draft/2020-12/schema"})")
              .empty());
}

// Inputs the fuzzer (tools/fuzz/fuzz_schema_reader.cpp) once failed on: a
// schema, a NUL byte, a document. The schema must compile or be refused with
// a SchemaError, and the document's bytes run through the grammar.
TEST_CASE("json schema: fuzzer regressions", "[sample][schema]") {
    const auto folder =
        std::filesystem::path(CLAUSELENS_TEST_DATA_DIR) / "sample" / "fuzz-regressions";
    size_t n = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        INFO(entry.path());
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        const std::string input = bytes.str();
        const size_t split = input.find('\0');
        try {
            const Grammar g = compile_json_schema(input.substr(0, split));
            GrammarState s(g);
            s.advance(split == std::string::npos ? "" : input.substr(split + 1));
        } catch (const SchemaError&) {
        }
        ++n;
    }
    CHECK(n > 0);
}
