// The clause library: the built-in CUAD library against CUAD's own category
// list, JSON round trips, every validation rule with its message, the answer
// schema (exact text, compiled by the engine's grammar, random documents of
// it parsed back) and the prompt text, and libraries in the store.

#include "core/clause_library.h"
#include "core/store.h"
#include "sample/grammar.h"
#include "sample/json_schema.h"
#include "schema_testing.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <tuple>

using clauselens::core::ClauseCategory;
using clauselens::core::ClauseLibrary;
using clauselens::core::ClauseLibraryError;
using clauselens::core::FieldSpec;
using clauselens::core::FieldType;
using clauselens::core::Store;
using clauselens::core::StoreError;
using Json = nlohmann::ordered_json;

namespace {

const QString k_resource =
    QStringLiteral(CLAUSELENS_TEST_DATA_DIR "/../../resources/clause-library/cuad.json");

QByteArray read_all(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

std::string error_of(const std::string& json) {
    try {
        ClauseLibrary::from_json(QByteArray::fromStdString(json));
    } catch (const ClauseLibraryError& e) {
        return e.what();
    }
    return "";
}

// A small library with every field type, the optional parts left out in one
// category, and non-ASCII text.
ClauseLibrary small_library() {
    ClauseLibrary lib;
    lib.name = QStringLiteral("Leases");
    lib.version = QStringLiteral("2.1");
    lib.attribution = QStringLiteral("Written by the legal team, \u00a9 2026");
    lib.categories = {
        ClauseCategory{QStringLiteral("Governing Law"),
                       QStringLiteral("Which law governs the \u201clease\u201d?"),
                       QString(),
                       {FieldSpec{QStringLiteral("governing_law"), QStringLiteral("Law"),
                                  FieldType::jurisdiction, QStringLiteral("State or country")}}},
        ClauseCategory{QStringLiteral("Term"),
                       QStringLiteral("How long the lease runs"),
                       QStringLiteral("dates"),
                       {FieldSpec{QStringLiteral("start_date"), QStringLiteral("Start"),
                                  FieldType::date, QString()},
                        FieldSpec{QStringLiteral("term_length"), QStringLiteral("Length"),
                                  FieldType::duration, QStringLiteral("e.g. 5 years")}}},
        ClauseCategory{QStringLiteral("Parties"),
                       QStringLiteral("Who signed"),
                       QString(),
                       {FieldSpec{QStringLiteral("parties"), QStringLiteral("Parties"),
                                  FieldType::party_list, QString()},
                        FieldSpec{QStringLiteral("premises"), QStringLiteral("Premises"),
                                  FieldType::text, QString()}}},
        ClauseCategory{
            QStringLiteral("Pets"), QStringLiteral("Whether pets are allowed"), QString(), {}},
    };
    return lib;
}

// A library JSON text with `categories` spliced in, for the validation table.
std::string with_categories(const std::string& categories) {
    return R"({"name": "L", "categories": )" + categories + "}";
}

std::string four_categories_third_field(const std::string& field) {
    return with_categories(R"([{"name": "A", "description": "a"},
        {"name": "B", "description": "b"}, {"name": "C", "description": "c"},
        {"name": "D", "description": "d", "fields": [)" +
                           field + "]}]");
}

// A random document of the grammar: from the start state, one allowed byte
// after another until the document is complete. Whitespace is picked rarely
// and a quote often, so that strings stay short and objects get keys; every
// state of the grammar can be completed and strings and arrays are bounded,
// so the walk ends.
std::string random_walk(const clauselens::sample::Grammar& grammar, std::mt19937_64& rng) {
    clauselens::sample::GrammarState state(grammar);
    std::string text;
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    while (!state.complete()) {
        std::vector<uint8_t> space;
        std::vector<uint8_t> other;
        bool quote = false;
        for (int b = 0; b < 256; ++b) {
            if (!state.advanced(static_cast<uint8_t>(b)).dead()) {
                const bool is_space = b == ' ' || b == '\t' || b == '\n' || b == '\r';
                (is_space ? space : other).push_back(static_cast<uint8_t>(b));
                quote = quote || b == '"';
            }
        }
        REQUIRE((!space.empty() || !other.empty()));
        const bool use_space = other.empty() || (!space.empty() && coin(rng) < 0.03);
        const std::vector<uint8_t>& from = use_space ? space : other;
        uint8_t b = from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(rng)];
        if (quote && coin(rng) < 0.15) {
            b = '"';
        }
        state = state.advanced(b);
        text += static_cast<char>(b);
        REQUIRE(text.size() < 100000);
    }
    return text;
}

} // namespace

TEST_CASE("library: the default library is CUAD's 41 categories in CUAD's order",
          "[library][cuad]") {
    const ClauseLibrary lib = ClauseLibrary::cuad_default();
    CHECK(lib.name == QStringLiteral("CUAD v1"));
    CHECK(lib.attribution.contains(QStringLiteral("The Atticus Project")));
    CHECK(lib.attribution.contains(QStringLiteral("CC BY 4.0")));
    CHECK(lib.attribution.contains(QStringLiteral("https://www.atticusprojectai.org/cuad")));

    std::ifstream in(CLAUSELENS_SHARED_DATA_DIR "/cuad-dev/cuad-categories.jsonl");
    REQUIRE(in);
    std::vector<Json> cuad;
    for (std::string line; std::getline(in, line);) {
        cuad.push_back(Json::parse(line));
    }
    REQUIRE(cuad.size() == 41);
    REQUIRE(lib.categories.size() == 41);
    for (const Json& c : cuad) {
        const ClauseCategory& ours = lib.categories[c["index"].get<size_t>() - 1];
        INFO(c["category"].get<std::string>());
        CHECK(ours.name.toStdString() == c["category"].get<std::string>());
        // CUAD's descriptions with runs of spaces collapsed.
        CHECK(ours.description ==
              QString::fromStdString(c["description"].get<std::string>()).simplified());
        const std::string group = c["group"].get<std::string>();
        CHECK(ours.group.toStdString() == (group == "-" ? "" : group));
    }

    // The eight categories CUAD answers with a value have one typed field each.
    const std::vector<std::tuple<const char*, const char*, FieldType>> typed = {
        {"Document Name", "document_name", FieldType::text},
        {"Parties", "parties", FieldType::party_list},
        {"Agreement Date", "agreement_date", FieldType::date},
        {"Effective Date", "effective_date", FieldType::date},
        {"Expiration Date", "expiration_date", FieldType::date},
        {"Renewal Term", "renewal_term", FieldType::duration},
        {"Notice Period to Terminate Renewal", "renewal_notice_period", FieldType::duration},
        {"Governing Law", "governing_law", FieldType::jurisdiction},
    };
    CHECK(lib.field_count() == 8);
    for (const auto& [name, key, type] : typed) {
        const ClauseCategory* c = lib.find(QString::fromUtf8(name));
        REQUIRE(c != nullptr);
        REQUIRE(c->fields.size() == 1);
        CHECK(c->fields[0].key == QString::fromUtf8(key));
        CHECK(c->fields[0].type == type);
    }
    CHECK(lib.find(u"Exclusivity")->fields.empty());
    CHECK(lib.find(u"exclusivity") == nullptr); // names are exact
    CHECK(lib.find(u"Arbitration") == nullptr);
}

TEST_CASE("library: every category of the cuad-dev gold labels is in the default library",
          "[library][cuad]") {
    const ClauseLibrary lib = ClauseLibrary::cuad_default();
    std::ifstream in(CLAUSELENS_SHARED_DATA_DIR "/cuad-dev/cuad-dev-labels.jsonl");
    REQUIRE(in);
    std::set<std::string> categories;
    size_t labels = 0;
    for (std::string line; std::getline(in, line); ++labels) {
        categories.insert(Json::parse(line)["category"].get<std::string>());
    }
    CHECK(labels == 263);
    CHECK(categories.size() == 37);
    for (const std::string& name : categories) {
        INFO(name);
        CHECK(lib.find(QString::fromStdString(name)) != nullptr);
    }
}

TEST_CASE("library: the compiled-in library is resources/clause-library/cuad.json byte for byte",
          "[library][cuad]") {
    const QByteArray file = read_all(k_resource);
    CHECK(ClauseLibrary::cuad_default().to_json() == file);
    CHECK(ClauseLibrary::load_file(k_resource) == ClauseLibrary::cuad_default());
}

TEST_CASE("library: JSON round trips are exact", "[library][json]") {
    const ClauseLibrary lib = small_library();
    REQUIRE_NOTHROW(lib.validate());
    const QByteArray json = lib.to_json();
    const ClauseLibrary back = ClauseLibrary::from_json(json);
    CHECK(back == lib);
    CHECK(back.to_json() == json);
    // Optional parts left out stay left out; UTF-8 is written as is.
    CHECK_FALSE(json.contains("\"group\": \"\""));
    CHECK(json.contains("\"group\": \"dates\""));
    CHECK(json.contains("\xe2\x80\x9clease\xe2\x80\x9d"));
    CHECK(json.endsWith("}\n"));
    CHECK(json.startsWith("{\n  \"name\": \"Leases\",\n  \"version\": \"2.1\",\n"));

    ClauseLibrary bare;
    bare.name = QStringLiteral("Bare");
    bare.categories = {ClauseCategory{QStringLiteral("X"), QStringLiteral("x"), {}, {}}};
    CHECK(bare.to_json() ==
          "{\n  \"name\": \"Bare\",\n  \"categories\": [\n    {\n      \"name\": \"X\",\n"
          "      \"description\": \"x\"\n    }\n  ]\n}\n");
    CHECK(ClauseLibrary::from_json(bare.to_json()) == bare);
}

TEST_CASE("library: broken libraries are refused with the place and what to do",
          "[library][validation]") {
    CHECK(error_of(four_categories_third_field(
              R"({"key": "when", "label": "When", "type": "datetime"})")) ==
          "categories[3].fields[0].type: 'datetime' is not a field type; use text, date, "
          "duration, party_list or jurisdiction");
    CHECK(error_of(with_categories(R"([{"name": "Governing Law", "description": "a"},
        {"name": "Term", "description": "b"}, {"name": "governing law", "description": "c"}])")) ==
          "categories[2].name: 'governing law' is already the name of categories[0]; category "
          "names must be unique");
    CHECK(error_of(with_categories(R"([
        {"name": "A", "description": "a", "fields": [{"key": "law", "label": "L", "type": "text"}]},
        {"name": "B", "description": "b", "fields": [{"key": "x", "label": "X", "type": "date"},
                                                    {"key": "law", "label": "L", "type": "text"}]}
        ])")) == "categories[1].fields[1].key: 'law' is already the key of "
                 "categories[0].fields[0]; field keys must be unique in the library");
    CHECK(error_of(with_categories(R"([{"name": "", "description": "a"}])")) ==
          "categories[0].name: is empty");
    CHECK(error_of(R"({"name": "", "categories": [{"name": "A", "description": "a"}]})") ==
          "name: is empty");
    CHECK(error_of(with_categories(R"([{"name": "A", "description": "a", "colour": "red"}])")) ==
          "categories[0].colour: unknown key; a category has the keys name, description, group "
          "and fields");
    CHECK(error_of(R"({"name": "L", "categories": [], "author": "me"})") ==
          "author: unknown key; a library has the keys name, version, attribution and "
          "categories");
    CHECK(error_of(four_categories_third_field(
              R"({"key": "law", "label": "L", "type": "text", "format": "x"})")) ==
          "categories[3].fields[0].format: unknown key; a field has the keys key, label, type "
          "and description");
    CHECK(error_of(with_categories("[]")) ==
          "categories: is empty; a library needs at least one category");
    CHECK(error_of(R"({"name": "L"})") == "categories: missing; it is required");
    CHECK(error_of(with_categories(R"([{"name": "A"}])")) ==
          "categories[0].description: missing; it is required");
    CHECK(error_of(with_categories(R"([{"name": 7, "description": "a"}])")) ==
          "categories[0].name: expected a string, found a number");
    CHECK(error_of(with_categories(R"({"name": "A"})")) ==
          "categories: expected an array, found an object");
    CHECK(error_of(with_categories(R"(["Governing Law"])")) ==
          "categories[0]: a category must be a JSON object, found a string");
    CHECK(error_of("[1, 2]") == "the library must be a JSON object, found an array");
    CHECK(error_of(four_categories_third_field(
              R"({"key": "Governing Law", "label": "L", "type": "text"})")) ==
          "categories[3].fields[0].key: 'Governing Law' is not a field key; use lowercase "
          "letters, digits and single underscores, starting with a letter, at most 64 "
          "characters (e.g. governing_law)");
    for (const char* bad : {"1st", "law_", "a__b", "_a", "gov-law", "\xc3\xa9t\xc3\xa9"}) {
        INFO(bad);
        CHECK_THAT(error_of(four_categories_third_field(std::string(R"({"key": ")") + bad +
                                                        R"(", "label": "L", "type": "text"})")),
                   Catch::StartsWith("categories[3].fields[0].key: '"));
    }
    CHECK(error_of(four_categories_third_field(
              R"({"key": "a1_b2", "label": "L", "type": "text"})")) == "");
    CHECK(error_of(with_categories(R"([{"name": "A", "description": "two\nlines"}])")) ==
          "categories[0].description: contains a line break or another control character; "
          "write it on one line");
    CHECK(error_of(with_categories(R"([{"name": "A ", "description": "a"}])")) ==
          "categories[0].name: starts or ends with a space; remove it");
    CHECK(error_of(with_categories(R"([{"name": "A", "description": ")" + std::string(1001, 'x') +
                                   "\"}]")) ==
          "categories[0].description: is 1001 characters long; at most 1000 are allowed");
    CHECK(error_of(R"({"name": "L", "name": "M", "categories": []})") ==
          "the key 'name' appears twice in one object; keep one of them");
    CHECK_THAT(error_of("{\"name\": \"L\",\n \"categories\": [}"),
               Catch::StartsWith("not valid JSON: parse error at line 2, column 17: "));
    CHECK_THAT(error_of(""), Catch::StartsWith("not valid JSON: "));
    CHECK_THAT(error_of("{\"name\": \"\xff\"}"), Catch::StartsWith("not valid JSON: "));

    // A library edited in code is checked by the same rules.
    ClauseLibrary lib = small_library();
    lib.categories[1].fields[0].key = QStringLiteral("governing_law");
    CHECK_THROWS_WITH(lib.validate(),
                      "categories[1].fields[0].key: 'governing_law' is already the key of "
                      "categories[0].fields[0]; field keys must be unique in the library");
}

TEST_CASE("library: files are read whole and errors name the file", "[library][json]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString good = dir.filePath(QStringLiteral("leases.json"));
    {
        QFile f(good);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(small_library().to_json());
    }
    CHECK(ClauseLibrary::load_file(good) == small_library());

    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    {
        QFile f(broken);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(
            four_categories_third_field(R"({"key": "k", "label": "K", "type": "number"})").c_str());
    }
    CHECK_THROWS_WITH(ClauseLibrary::load_file(broken),
                      broken.toStdString() +
                          ": categories[3].fields[0].type: 'number' is not a field type; use "
                          "text, date, duration, party_list or jurisdiction");
    const QString missing = dir.filePath(QStringLiteral("none.json"));
    CHECK_THROWS_WITH(
        ClauseLibrary::load_file(missing),
        Catch::StartsWith(missing.toStdString() + ": cannot open the clause library: "));
}

TEST_CASE("library: the answer schema has the shape the extractor relies on", "[library][schema]") {
    const ClauseLibrary lib = small_library();
    CHECK(lib.answer_schema() ==
          R"({"type":"object","properties":{"categories":{"type":"array","items":{"type":"string",)"
          R"("enum":["Governing Law","Term","Parties","Pets"]},"maxItems":4},"fields":{"type":)"
          R"("object","properties":{"governing_law":{"type":"string","maxLength":200},)"
          R"("start_date":{"type":"string","maxLength":40},"term_length":{"type":"string",)"
          R"("maxLength":80},"parties":{"type":"array","items":{"type":"string","maxLength":120},)"
          R"("maxItems":8},"premises":{"type":"string","maxLength":200}},)"
          R"("additionalProperties":false}},"required":["categories","fields"],)"
          R"("additionalProperties":false})");

    const Json cuad = Json::parse(ClauseLibrary::cuad_default().answer_schema());
    CHECK(cuad["properties"]["categories"]["maxItems"] == 8); // min(8, 41)
    CHECK(cuad["properties"]["categories"]["items"]["enum"].size() == 41);
    CHECK(cuad["properties"]["categories"]["items"]["enum"][40] == "Third Party Beneficiary");
    CHECK(cuad["properties"]["fields"]["properties"].size() == 8);
    CHECK(cuad["properties"]["fields"]["properties"]["renewal_notice_period"]["maxLength"] == 80);

    // A library without fields still gives an answer with an empty fields object.
    ClauseLibrary plain;
    plain.name = QStringLiteral("P");
    plain.categories = {ClauseCategory{QStringLiteral("X"), QStringLiteral("x"), {}, {}}};
    const clauselens::sample::Grammar g =
        clauselens::sample::compile_json_schema(plain.answer_schema());
    clauselens::sample::GrammarState s(g);
    CHECK((s.advance(R"({"categories":[],"fields":{}})") && s.complete()));
}

TEST_CASE("library: the answer schema compiles to the engine's grammar and every document of it "
          "parses into categories and typed fields",
          "[library][schema]") {
    for (const ClauseLibrary& lib : {ClauseLibrary::cuad_default(), small_library()}) {
        INFO(lib.name.toStdString());
        const std::string schema_text = lib.answer_schema();
        const Json schema = Json::parse(schema_text);
        const clauselens::sample::Grammar grammar =
            clauselens::sample::compile_json_schema(schema_text);

        // What the grammar refuses: a category not in the library, a field
        // key not in it, a date longer than 40 characters, a ninth category.
        const auto accepts = [&](const std::string& text) {
            clauselens::sample::GrammarState st(grammar);
            return st.advance(text) && st.complete();
        };
        const ClauseCategory& first = lib.categories[0];
        CHECK(accepts(R"({"categories":[")" + first.name.toStdString() + R"("],"fields":{}})"));
        CHECK_FALSE(accepts(R"({"categories":["Arbitration"],"fields":{}})"));
        CHECK_FALSE(accepts(R"({"categories":[],"fields":{"colour":"red"}})"));
        CHECK_FALSE(accepts(R"({"categories":[],"fields":{}, "notes":""})"));
        CHECK_FALSE(accepts(R"({"fields":{}})"));

        std::mt19937_64 rng(6);
        QSet<QString> names;
        std::map<std::string, FieldType> types;
        for (const ClauseCategory& c : lib.categories) {
            names.insert(c.name);
            for (const FieldSpec& f : c.fields) {
                types[f.key.toStdString()] = f.type;
            }
        }
        size_t fields_seen = 0;
        size_t categories_seen = 0;
        for (int walk = 0; walk < 60; ++walk) {
            const std::string text = random_walk(grammar, rng);
            INFO(text);
            Json doc;
            REQUIRE_NOTHROW(doc = Json::parse(text));
            CHECK(clauselens::sample::test::validate(doc, schema).empty());
            REQUIRE(doc.is_object());
            REQUIRE(doc.size() == 2);
            REQUIRE(doc["categories"].is_array());
            CHECK(doc["categories"].size() <= 8);
            for (const Json& name : doc["categories"]) {
                CHECK(names.contains(QString::fromStdString(name.get<std::string>())));
                ++categories_seen;
            }
            REQUIRE(doc["fields"].is_object());
            for (const auto& [key, value] : doc["fields"].items()) {
                REQUIRE(types.count(key) == 1);
                ++fields_seen;
                if (types[key] == FieldType::party_list) {
                    REQUIRE(value.is_array());
                    CHECK(value.size() <= 8);
                    for (const Json& party : value) {
                        CHECK(party.is_string());
                    }
                } else {
                    CHECK(value.is_string());
                }
            }
        }
        // The walks reached both parts of the answer, not only empty ones.
        CHECK(categories_seen > 10);
        CHECK(fields_seen > 10);
    }
}

TEST_CASE("library: the prompt lists each category with its description and fields",
          "[library][prompt]") {
    CHECK(small_library().prompt_text() ==
          "- Governing Law: Which law governs the \xe2\x80\x9clease\xe2\x80\x9d?\n"
          "  fields: governing_law (jurisdiction)\n"
          "- Term: How long the lease runs\n"
          "  fields: start_date (date), term_length (duration)\n"
          "- Parties: Who signed\n"
          "  fields: parties (party_list), premises (text)\n"
          "- Pets: Whether pets are allowed\n");
    const std::string cuad = ClauseLibrary::cuad_default().prompt_text();
    CHECK(cuad.find("- Governing Law: Which state/country's law governs the interpretation of the "
                    "contract?\n  fields: governing_law (jurisdiction)\n- Most Favored Nation: ") !=
          std::string::npos);
    CHECK(std::count(cuad.begin(), cuad.end(), '\n') == 41 + 8);
}

TEST_CASE("library: libraries are stored by name and each run keeps its own", "[library][store]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("libraries.db"));
    const QByteArray cuad = ClauseLibrary::cuad_default().to_json();
    const QByteArray leases = small_library().to_json();
    qint64 run = 0;
    {
        Store store = Store::open(path);
        CHECK(store.library_names().empty());
        CHECK_FALSE(store.library(QStringLiteral("CUAD v1")).has_value());
        store.save_library(QStringLiteral("CUAD v1"), cuad);
        store.save_library(QStringLiteral("Leases"), cuad);
        store.save_library(QStringLiteral("Leases"), leases); // replaces
        CHECK(store.count("clause_library") == 2);
        run = store.add_run(QStringLiteral("m.gguf"), QString(), QString::fromUtf8(leases),
                            QStringLiteral("{}"));
        // Changing the stored library later leaves the run's copy as it was.
        store.save_library(QStringLiteral("Leases"), cuad);
    }
    const Store store = Store::open_read_only(path);
    CHECK(store.library_names() ==
          std::vector<QString>{QStringLiteral("CUAD v1"), QStringLiteral("Leases")});
    CHECK(store.library(QStringLiteral("CUAD v1")) == cuad);
    CHECK(store.library(QStringLiteral("Leases")) == cuad);
    CHECK(store.run_library(run) == leases);
    CHECK(ClauseLibrary::from_json(store.run_library(run)) == small_library());
    CHECK_THROWS_AS(store.run_library(run + 1), StoreError);
    CHECK_THROWS_WITH(store.run_library(run + 1), Catch::Contains("no run with id"));
}
