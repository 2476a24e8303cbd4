#pragma once
// The clause library: the categories the model looks for in every contract
// segment, each with a name, a description the model reads, and optional
// typed fields whose values the model writes (Governing Law -> a
// jurisdiction, Renewal Term -> a duration, ...).
//
// Libraries are JSON files that users import, edit and export; each run
// stores the library it used, so results stay interpretable after the
// library changes. From a library come the two texts extraction needs: the
// prompt's list of categories and the JSON schema of the model's answer,
// which constrained decoding enforces.
//
// JSON format (keys in this order, unknown keys refused):
//   {"name": "...", "version": "...", "attribution": "...",
//    "categories": [{"name": "...", "description": "...", "group": "...",
//                    "fields": [{"key": "governing_law", "label": "...",
//                                "type": "jurisdiction", "description": "..."}]}]}
// name, categories, and each category's name and description are required;
// version, attribution, group, fields and a field's description may be left
// out (to_json() leaves them out when empty).

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace clauselens::core {

// Every library failure: bad JSON, a rule broken, a file that cannot be read.
// The message names the place in the JSON ("categories[3].fields[0].type:
// ...") and says what is allowed.
class ClauseLibraryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What kind of value a field holds; it decides the answer schema's shape for
// the field (a party list is an array of names, everything else a string).
enum class FieldType { text, date, duration, party_list, jurisdiction };

inline constexpr std::array<FieldType, 5> k_field_types = {
    FieldType::text, FieldType::date, FieldType::duration, FieldType::party_list,
    FieldType::jurisdiction};

// "text", "date", "duration", "party_list", "jurisdiction".
QString field_type_name(FieldType type);
std::optional<FieldType> field_type_from_name(QStringView name);

struct FieldSpec {
    // Unique across the whole library, lowercase snake_case ("governing_law"):
    // the property name in the model's answer and in stored results.
    QString key;
    QString label; // what the results table shows
    FieldType type = FieldType::text;
    QString description; // what the value should look like; may be empty

    bool operator==(const FieldSpec&) const = default;
};

struct ClauseCategory {
    QString name;        // unique in the library; what results are stored under
    QString description; // what the model reads to decide whether a segment belongs
    QString group;       // related categories share a group (CUAD's groups); may be empty
    std::vector<FieldSpec> fields;

    bool operator==(const ClauseCategory&) const = default;
};

struct ClauseLibrary {
    QString name;
    QString version;
    QString attribution; // where the categories come from and under which licence
    std::vector<ClauseCategory> categories;

    // Parses and validates a library. Throws ClauseLibraryError naming the
    // JSON path of the first problem.
    static ClauseLibrary from_json(const QByteArray& json);
    // Pretty-printed JSON (two-space indent, UTF-8, final newline) in the
    // format above: from_json(to_json()) == *this, and to_json() of a parsed
    // to_json() text gives the same bytes.
    QByteArray to_json() const;

    // The default library: CUAD v1's 41 categories, compiled into the
    // program from resources/clause-library/cuad.json.
    static ClauseLibrary cuad_default();
    // from_json() of a file; errors start with the file's path.
    static ClauseLibrary load_file(const QString& path);

    // Throws ClauseLibraryError if a rule is broken: empty or duplicate
    // category names, duplicate or malformed field keys, control characters,
    // over-long texts. from_json() calls it; call it after editing in code.
    void validate() const;

    const ClauseCategory* find(QStringView category_name) const;
    size_t field_count() const;

    // The JSON schema of the model's answer for one segment:
    //   {"categories": [names of the categories that apply, at most 8],
    //    "fields": {key: value, ...}}
    // compact, for sample::compile_json_schema(). Strings are bounded so
    // that every answer ends within a few hundred tokens.
    std::string answer_schema() const;
    // The library as the model reads it in the prompt: one line
    // "- <name>: <description>" per category, followed for categories with
    // fields by "  fields: <key> (<type>), ...".
    std::string prompt_text() const;

    bool operator==(const ClauseLibrary&) const = default;
};

// Limits that keep the prompt and the answer schema bounded.
inline constexpr int k_max_category_answers = 8; // categories one answer may name
inline constexpr qsizetype k_max_name_length = 100;
inline constexpr qsizetype k_max_description_length = 1000;
inline constexpr qsizetype k_max_key_length = 64;

} // namespace clauselens::core
