#include "core/clause_library.h"

#include <QFile>
#include <QHash>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

namespace clauselens::core {

// resources/clause-library/cuad.json, compiled in by CMake
// (clause_library_cuad.cpp in the build folder).
std::string_view cuad_library_json();

namespace {

// ordered_json keeps keys in the order they are written, so that to_json()
// writes name before categories and a round trip gives the same bytes.
using Json = nlohmann::ordered_json;

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw ClauseLibraryError(path.empty() ? what : path + ": " + what);
}

std::string member(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string element(const std::string& path, size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

// "a", "a and b", "a, b and c": the keys an object may have, for messages.
std::string listing(std::initializer_list<std::string_view> words, std::string_view last_joiner) {
    std::string out;
    size_t i = 0;
    for (const std::string_view w : words) {
        if (i > 0) {
            out += i + 1 == words.size() ? std::string(last_joiner) : std::string(", ");
        }
        out += w;
        ++i;
    }
    return out;
}

// "a string", "an array", "null": what was found where something else belongs.
std::string kind_of(const Json& value) {
    if (value.is_null()) {
        return "null";
    }
    const std::string type = value.type_name();
    return (type == "object" || type == "array" ? "an " : "a ") + type;
}

void require_object(const Json& value, const std::string& path, std::string_view what) {
    if (!value.is_object()) {
        fail(path, std::string(what) + " must be a JSON object, found " + kind_of(value));
    }
}

void refuse_unknown_keys(const Json& object, const std::string& path, std::string_view what,
                         std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : object.items()) {
        bool found = false;
        for (const std::string_view k : known) {
            found = found || key == k;
        }
        if (!found) {
            fail(member(path, key),
                 "unknown key; " + std::string(what) + " has the keys " + listing(known, " and "));
        }
    }
}

// The string at object[key]; empty if the key is absent and not required.
QString text_at(const Json& object, const std::string& path, std::string_view key, bool required) {
    const std::string where = member(path, key);
    const auto it = object.find(std::string(key));
    if (it == object.end()) {
        if (required) {
            fail(where, "missing; it is required");
        }
        return {};
    }
    if (!it->is_string()) {
        fail(where, "expected a string, found " + kind_of(*it));
    }
    return QString::fromStdString(it->get<std::string>());
}

const Json* array_at(const Json& object, const std::string& path, std::string_view key,
                     bool required) {
    const std::string where = member(path, key);
    const auto it = object.find(std::string(key));
    if (it == object.end()) {
        if (required) {
            fail(where, "missing; it is required");
        }
        return nullptr;
    }
    if (!it->is_array()) {
        fail(where, "expected an array, found " + kind_of(*it));
    }
    return &*it;
}

FieldSpec parse_field(const Json& value, const std::string& path) {
    require_object(value, path, "a field");
    refuse_unknown_keys(value, path, "a field", {"key", "label", "type", "description"});
    FieldSpec field;
    field.key = text_at(value, path, "key", true);
    field.label = text_at(value, path, "label", true);
    const QString type = text_at(value, path, "type", true);
    const std::optional<FieldType> parsed = field_type_from_name(type);
    if (!parsed) {
        fail(member(path, "type"), "'" + type.toStdString() +
                                       "' is not a field type; use text, date, duration, "
                                       "party_list or jurisdiction");
    }
    field.type = *parsed;
    field.description = text_at(value, path, "description", false);
    return field;
}

ClauseCategory parse_category(const Json& value, const std::string& path) {
    require_object(value, path, "a category");
    refuse_unknown_keys(value, path, "a category", {"name", "description", "group", "fields"});
    ClauseCategory category;
    category.name = text_at(value, path, "name", true);
    category.description = text_at(value, path, "description", true);
    category.group = text_at(value, path, "group", false);
    if (const Json* fields = array_at(value, path, "fields", false)) {
        for (size_t i = 0; i < fields->size(); ++i) {
            category.fields.push_back(
                parse_field((*fields)[i], element(member(path, "fields"), i)));
        }
    }
    return category;
}

// Parses the JSON text, refusing an object that names the same key twice
// (which the JSON parser would otherwise resolve silently to the last one).
Json parse_text(const QByteArray& bytes) {
    std::vector<std::set<std::string>> keys_per_object;
    const Json::parser_callback_t no_repeated_keys = [&](int /*depth*/, Json::parse_event_t event,
                                                         Json& parsed) {
        if (event == Json::parse_event_t::object_start) {
            keys_per_object.emplace_back();
        } else if (event == Json::parse_event_t::object_end) {
            keys_per_object.pop_back();
        } else if (event == Json::parse_event_t::key &&
                   !keys_per_object.back().insert(parsed.get<std::string>()).second) {
            throw ClauseLibraryError("the key '" + parsed.get<std::string>() +
                                     "' appears twice in one object; keep one of them");
        }
        return true;
    };
    try {
        return Json::parse(bytes.begin(), bytes.end(), no_repeated_keys);
    } catch (const Json::parse_error& e) {
        // "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
        // without the library's internal prefix.
        std::string what = e.what();
        const size_t bracket = what.find("] ");
        if (bracket != std::string::npos) {
            what.erase(0, bracket + 2);
        }
        throw ClauseLibraryError("not valid JSON: " + what);
    }
}

qsizetype code_points(const QString& s) {
    return static_cast<qsizetype>(s.toUcs4().size());
}

// Names, labels and descriptions appear on one line of the prompt and in
// table cells: no control characters, no stray outer spaces, bounded length.
void check_text(const QString& text, const std::string& path, qsizetype max_length,
                bool may_be_empty) {
    if (text.isEmpty()) {
        if (!may_be_empty) {
            fail(path, "is empty");
        }
        return;
    }
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            fail(path, "contains a line break or another control character; write it on one "
                       "line");
        }
    }
    if (text.front().isSpace() || text.back().isSpace()) {
        fail(path, "starts or ends with a space; remove it");
    }
    if (code_points(text) > max_length) {
        fail(path, "is " + std::to_string(code_points(text)) + " characters long; at most " +
                       std::to_string(max_length) + " are allowed");
    }
}

// Lowercase snake_case: a letter, then letters and digits in words joined by
// single underscores.
bool is_field_key(const QString& key) {
    if (key.isEmpty() || key.front() < u'a' || key.front() > u'z' || key.back() == u'_') {
        return false;
    }
    QChar previous;
    for (const QChar c : key) {
        const bool lower = c >= u'a' && c <= u'z';
        const bool digit = c >= u'0' && c <= u'9';
        if (!lower && !digit && c != u'_') {
            return false;
        }
        if (c == u'_' && previous == u'_') {
            return false;
        }
        previous = c;
    }
    return true;
}

Json schema_of(FieldType type) {
    switch (type) {
    case FieldType::text:
    case FieldType::jurisdiction:
        return Json{{"type", "string"}, {"maxLength", 200}};
    case FieldType::date:
        return Json{{"type", "string"}, {"maxLength", 40}};
    case FieldType::duration:
        return Json{{"type", "string"}, {"maxLength", 80}};
    case FieldType::party_list:
        return Json{{"type", "array"},
                    {"items", Json{{"type", "string"}, {"maxLength", 120}}},
                    {"maxItems", 8}};
    }
    return {};
}

} // namespace

QString field_type_name(FieldType type) {
    switch (type) {
    case FieldType::text:
        return QStringLiteral("text");
    case FieldType::date:
        return QStringLiteral("date");
    case FieldType::duration:
        return QStringLiteral("duration");
    case FieldType::party_list:
        return QStringLiteral("party_list");
    case FieldType::jurisdiction:
        return QStringLiteral("jurisdiction");
    }
    return {};
}

std::optional<FieldType> field_type_from_name(QStringView name) {
    for (const FieldType type : k_field_types) {
        if (name == field_type_name(type)) {
            return type;
        }
    }
    return std::nullopt;
}

ClauseLibrary ClauseLibrary::from_json(const QByteArray& json) {
    const Json root = parse_text(json);
    require_object(root, "", "the library");
    refuse_unknown_keys(root, "", "a library", {"name", "version", "attribution", "categories"});
    ClauseLibrary library;
    library.name = text_at(root, "", "name", true);
    library.version = text_at(root, "", "version", false);
    library.attribution = text_at(root, "", "attribution", false);
    const Json& categories = *array_at(root, "", "categories", true);
    for (size_t i = 0; i < categories.size(); ++i) {
        library.categories.push_back(parse_category(categories[i], element("categories", i)));
    }
    library.validate();
    return library;
}

void ClauseLibrary::validate() const {
    check_text(name, "name", k_max_name_length, false);
    check_text(version, "version", k_max_name_length, true);
    check_text(attribution, "attribution", k_max_description_length, true);
    if (categories.empty()) {
        fail("categories", "is empty; a library needs at least one category");
    }
    // Case-insensitive: "Governing law" next to "Governing Law" would be two
    // categories no reviewer could tell apart.
    QHash<QString, size_t> category_at;
    QHash<QString, std::string> field_at;
    for (size_t i = 0; i < categories.size(); ++i) {
        const ClauseCategory& c = categories[i];
        const std::string path = element("categories", i);
        check_text(c.name, member(path, "name"), k_max_name_length, false);
        check_text(c.description, member(path, "description"), k_max_description_length, false);
        check_text(c.group, member(path, "group"), k_max_name_length, true);
        const QString folded = c.name.toCaseFolded();
        if (const auto it = category_at.constFind(folded); it != category_at.constEnd()) {
            fail(member(path, "name"), "'" + c.name.toStdString() + "' is already the name of " +
                                           element("categories", *it) +
                                           "; category names must be unique");
        }
        category_at.insert(folded, i);
        for (size_t j = 0; j < c.fields.size(); ++j) {
            const FieldSpec& f = c.fields[j];
            const std::string field_path = element(member(path, "fields"), j);
            if (!is_field_key(f.key) || f.key.size() > k_max_key_length) {
                fail(member(field_path, "key"),
                     "'" + f.key.toStdString() +
                         "' is not a field key; use lowercase letters, digits and single "
                         "underscores, starting with a letter, at most " +
                         std::to_string(k_max_key_length) + " characters (e.g. governing_law)");
            }
            if (const auto it = field_at.constFind(f.key); it != field_at.constEnd()) {
                fail(member(field_path, "key"), "'" + f.key.toStdString() +
                                                    "' is already the key of " + *it +
                                                    "; field keys must be unique in the library");
            }
            field_at.insert(f.key, field_path);
            check_text(f.label, member(field_path, "label"), k_max_name_length, false);
            check_text(f.description, member(field_path, "description"), k_max_description_length,
                       true);
        }
    }
}

QByteArray ClauseLibrary::to_json() const {
    Json root = Json::object();
    root["name"] = name.toStdString();
    if (!version.isEmpty()) {
        root["version"] = version.toStdString();
    }
    if (!attribution.isEmpty()) {
        root["attribution"] = attribution.toStdString();
    }
    Json list = Json::array();
    for (const ClauseCategory& c : categories) {
        Json category = Json::object();
        category["name"] = c.name.toStdString();
        category["description"] = c.description.toStdString();
        if (!c.group.isEmpty()) {
            category["group"] = c.group.toStdString();
        }
        if (!c.fields.empty()) {
            Json fields = Json::array();
            for (const FieldSpec& f : c.fields) {
                Json field = Json::object();
                field["key"] = f.key.toStdString();
                field["label"] = f.label.toStdString();
                field["type"] = field_type_name(f.type).toStdString();
                if (!f.description.isEmpty()) {
                    field["description"] = f.description.toStdString();
                }
                fields.push_back(std::move(field));
            }
            category["fields"] = std::move(fields);
        }
        list.push_back(std::move(category));
    }
    root["categories"] = std::move(list);
    return QByteArray::fromStdString(root.dump(2) + "\n");
}

ClauseLibrary ClauseLibrary::cuad_default() {
    // Parsed once; the compiled-in text is checked by the same rules as a
    // user's file (and by a test), so this cannot throw in a released build.
    static const ClauseLibrary library = [] {
        const std::string_view text = cuad_library_json();
        return from_json(QByteArray(text.data(), static_cast<qsizetype>(text.size())));
    }();
    return library;
}

ClauseLibrary ClauseLibrary::load_file(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw ClauseLibraryError(path.toStdString() + ": cannot open the clause library: " +
                                 file.errorString().toStdString());
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        throw ClauseLibraryError(path.toStdString() + ": cannot read the clause library: " +
                                 file.errorString().toStdString());
    }
    try {
        return from_json(bytes);
    } catch (const ClauseLibraryError& e) {
        throw ClauseLibraryError(path.toStdString() + ": " + e.what());
    }
}

const ClauseCategory* ClauseLibrary::find(QStringView category_name) const {
    for (const ClauseCategory& c : categories) {
        if (c.name == category_name) {
            return &c;
        }
    }
    return nullptr;
}

size_t ClauseLibrary::field_count() const {
    size_t n = 0;
    for (const ClauseCategory& c : categories) {
        n += c.fields.size();
    }
    return n;
}

std::string ClauseLibrary::answer_schema() const {
    Json names = Json::array();
    for (const ClauseCategory& c : categories) {
        names.push_back(c.name.toStdString());
    }
    Json field_properties = Json::object();
    for (const ClauseCategory& c : categories) {
        for (const FieldSpec& f : c.fields) {
            field_properties[f.key.toStdString()] = schema_of(f.type);
        }
    }
    const int max_categories =
        std::min(k_max_category_answers, static_cast<int>(categories.size()));
    Json schema = Json::object();
    schema["type"] = "object";
    schema["properties"] = Json::object();
    schema["properties"]["categories"] =
        Json{{"type", "array"},
             {"items", Json{{"type", "string"}, {"enum", std::move(names)}}},
             {"maxItems", max_categories}};
    schema["properties"]["fields"] = Json{{"type", "object"},
                                          {"properties", std::move(field_properties)},
                                          {"additionalProperties", false}};
    schema["required"] = Json::array({"categories", "fields"});
    schema["additionalProperties"] = false;
    return schema.dump();
}

std::string ClauseLibrary::prompt_text() const {
    std::string out;
    for (const ClauseCategory& c : categories) {
        out += "- " + c.name.toStdString() + ": " + c.description.toStdString() + "\n";
        if (!c.fields.empty()) {
            out += "  fields: ";
            for (size_t i = 0; i < c.fields.size(); ++i) {
                const FieldSpec& f = c.fields[i];
                out += (i > 0 ? ", " : "") + f.key.toStdString() + " (" +
                       field_type_name(f.type).toStdString() + ")";
            }
            out += "\n";
        }
    }
    return out;
}

} // namespace clauselens::core
