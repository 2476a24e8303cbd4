#include "schema_testing.h"

#include <cmath>
#include <vector>

namespace clauselens::sample::test {

namespace {

int pick(std::mt19937_64& rng, int n) {
    return static_cast<int>(rng() % static_cast<uint64_t>(n));
}

// Words that share prefixes, need escapes or are not ASCII: the enum cases
// that are easy to get wrong.
const std::vector<std::string> k_words = {
    "Governing Law", "Governing",   "Gov",  "Non-Compete", "Non-Disparagement",
    "Exclusivity",   "caf\xc3\xa9", "a\"b", "x\\y",        "",
    "line\nbreak",   "\xe2\x82\xac"};

// Property names, some of them sharing prefixes.
const std::vector<std::string> k_names = {"a",     "ab",         "name", "names",
                                          "value", "k\xc3\xa9y", "q\"t"};

Json random_scalar(std::mt19937_64& rng) {
    switch (pick(rng, 5)) {
    case 0:
        return k_words[static_cast<size_t>(pick(rng, static_cast<int>(k_words.size())))];
    case 1:
        return pick(rng, 2000) - 1000;
    case 2:
        return (pick(rng, 2000) - 1000) / 8.0;
    case 3:
        return pick(rng, 2) == 0;
    default:
        return nullptr;
    }
}

Json random_leaf(std::mt19937_64& rng) {
    switch (pick(rng, 8)) {
    case 0: {
        Json s = {{"type", "string"}, {"maxLength", pick(rng, 12)}};
        if (pick(rng, 3) == 0) {
            s["minLength"] = pick(rng, s["maxLength"].get<int>() + 1);
        }
        return s;
    }
    case 1: {
        Json e = Json::array();
        const int n = 1 + pick(rng, 5);
        for (int i = 0; i < n; ++i) {
            e.push_back(pick(rng, 3) == 0 ? random_scalar(rng)
                                          : Json(k_words[static_cast<size_t>(
                                                pick(rng, static_cast<int>(k_words.size())))]));
        }
        return {{"enum", e}};
    }
    case 2:
        return {{"const", random_scalar(rng)}};
    case 3:
        return {{"type", "integer"}};
    case 4:
        return {{"type", "number"}};
    case 5:
        return {{"type", "boolean"}};
    case 6:
        return {{"type", "null"}};
    default:
        return {{"type", Json::array({"string", "null"})}, {"maxLength", pick(rng, 6)}};
    }
}

} // namespace

Json random_schema(std::mt19937_64& rng, int depth) {
    const int kind = depth <= 0 ? 0 : pick(rng, 5);
    if (kind <= 1) {
        return random_leaf(rng);
    }
    if (kind == 2) {
        Json o = {{"type", "object"}, {"properties", Json::object()}};
        Json required = Json::array();
        const int n = pick(rng, 4);
        for (int i = 0; i < n; ++i) {
            const std::string name =
                k_names[static_cast<size_t>(pick(rng, static_cast<int>(k_names.size())))];
            if (o["properties"].contains(name)) {
                continue;
            }
            o["properties"][name] = random_schema(rng, depth - 1);
            if (pick(rng, 2) == 0) {
                required.push_back(name);
            }
        }
        o["required"] = required;
        if (pick(rng, 2) == 0) {
            o["additionalProperties"] = false;
        }
        return o;
    }
    if (kind == 3) {
        const int min = pick(rng, 3);
        return {{"type", "array"},
                {"items", random_schema(rng, depth - 1)},
                {"minItems", min},
                {"maxItems", min + pick(rng, 3)}};
    }
    Json alternatives = Json::array();
    const int n = 1 + pick(rng, 3);
    for (int i = 0; i < n; ++i) {
        alternatives.push_back(random_schema(rng, depth - 1));
    }
    return {{"anyOf", alternatives}};
}

namespace {

// Code points of a UTF-8 string (nlohmann checked it is valid).
size_t code_points(const std::string& s) {
    size_t n = 0;
    for (const char c : s) {
        n += (static_cast<unsigned char>(c) & 0xc0) != 0x80 ? 1 : 0;
    }
    return n;
}

bool has_type(const Json& doc, const std::string& type) {
    if (type == "object") {
        return doc.is_object();
    }
    if (type == "array") {
        return doc.is_array();
    }
    if (type == "string") {
        return doc.is_string();
    }
    if (type == "integer") {
        return doc.is_number_integer() ||
               (doc.is_number_float() && std::trunc(doc.get<double>()) == doc.get<double>());
    }
    if (type == "number") {
        return doc.is_number();
    }
    if (type == "boolean") {
        return doc.is_boolean();
    }
    return doc.is_null();
}

} // namespace

std::string validate(const Json& doc, const Json& schema, const std::string& path) {
    if (schema.contains("anyOf")) {
        for (const Json& alternative : schema["anyOf"]) {
            if (validate(doc, alternative, path).empty()) {
                return "";
            }
        }
        return path + ": matches no alternative of anyOf";
    }
    if (schema.contains("enum")) {
        for (const Json& v : schema["enum"]) {
            if (v == doc) {
                return "";
            }
        }
        return path + ": " + doc.dump() + " is not in the enum";
    }
    if (schema.contains("const")) {
        return schema["const"] == doc ? "" : path + ": not the const value";
    }
    std::vector<std::string> types;
    if (schema["type"].is_array()) {
        for (const Json& t : schema["type"]) {
            types.push_back(t.get<std::string>());
        }
    } else {
        types.push_back(schema["type"].get<std::string>());
    }
    bool typed = false;
    for (const std::string& t : types) {
        typed = typed || has_type(doc, t);
    }
    if (!typed) {
        return path + ": " + doc.dump() + " has the wrong type";
    }
    if (doc.is_string()) {
        const size_t n = code_points(doc.get<std::string>());
        if (schema.contains("maxLength") && n > schema["maxLength"].get<size_t>()) {
            return path + ": longer than maxLength";
        }
        if (schema.contains("minLength") && n < schema["minLength"].get<size_t>()) {
            return path + ": shorter than minLength";
        }
    }
    if (doc.is_array()) {
        if (schema.contains("minItems") && doc.size() < schema["minItems"].get<size_t>()) {
            return path + ": fewer than minItems";
        }
        if (schema.contains("maxItems") && doc.size() > schema["maxItems"].get<size_t>()) {
            return path + ": more than maxItems";
        }
        for (size_t i = 0; i < doc.size(); ++i) {
            std::string why = validate(doc[i], schema["items"], path + "/" + std::to_string(i));
            if (!why.empty()) {
                return why;
            }
        }
    }
    if (doc.is_object()) {
        const Json properties = schema.value("properties", Json::object());
        if (schema.contains("required")) {
            for (const Json& name : schema["required"]) {
                if (!doc.contains(name.get<std::string>())) {
                    return path + ": lacks required " + name.dump();
                }
            }
        }
        for (const auto& [name, value] : doc.items()) {
            if (!properties.contains(name)) {
                if (schema.value("additionalProperties", true) == false) {
                    return path + ": property " + name + " is not allowed";
                }
                continue;
            }
            std::string why = validate(value, properties[name], path + "/" + name);
            if (!why.empty()) {
                return why;
            }
        }
    }
    return "";
}

} // namespace clauselens::sample::test
