#include "sample/json_schema.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace clauselens::sample {

namespace {

// Keeps the properties in the order the schema lists them.
using Json = nlohmann::ordered_json;

const std::set<std::string, std::less<>> k_annotations = {
    "title", "description", "default", "examples", "$schema", "$id", "$comment"};

const std::set<std::string, std::less<>> k_types = {"object", "array",   "string", "integer",
                                                    "number", "boolean", "null"};

// Which keywords apply to which type.
const std::set<std::string, std::less<>> k_object_keywords = {"properties", "required",
                                                              "additionalProperties"};
const std::set<std::string, std::less<>> k_array_keywords = {"items", "minItems", "maxItems"};
const std::set<std::string, std::less<>> k_string_keywords = {"minLength", "maxLength"};

std::string where(const std::string& path) {
    return " at #" + path;
}

std::string pointer_token(const std::string& name) {
    std::string out;
    for (const char c : name) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

[[noreturn]] void fail(const std::string& message, const std::string& path) {
    throw SchemaError(message + where(path));
}

uint32_t count_value(const Json& schema, const char* keyword, const std::string& path) {
    const Json& v = schema.at(keyword);
    if (!v.is_number_unsigned() || v.get<uint64_t>() >= k_unlimited) {
        fail(std::string("'") + keyword + "' must be a non-negative integer", path);
    }
    return static_cast<uint32_t>(v.get<uint64_t>());
}

bool value_has_type(const Json& v, const std::string& type) {
    if (type == "object") {
        return v.is_object();
    }
    if (type == "array") {
        return v.is_array();
    }
    if (type == "string") {
        return v.is_string();
    }
    if (type == "integer") {
        return v.is_number_integer() ||
               (v.is_number_float() && std::trunc(v.get<double>()) == v.get<double>());
    }
    if (type == "number") {
        return v.is_number();
    }
    if (type == "boolean") {
        return v.is_boolean();
    }
    return v.is_null();
}

class Compiler {
public:
    Grammar grammar;

    uint32_t compile(const Json& schema, const std::string& path, uint32_t depth) {
        if (!schema.is_object()) {
            fail("a schema must be a JSON object (true, false and other shorthands are not "
                 "supported)",
                 path);
        }
        if (depth >= k_max_depth) {
            fail("the schema nests deeper than " + std::to_string(k_max_depth) + " levels", path);
        }
        for (const auto& [keyword, value] : schema.items()) {
            if (k_annotations.count(keyword) == 0 && keyword != "type" && keyword != "enum" &&
                keyword != "const" && keyword != "anyOf" && k_object_keywords.count(keyword) == 0 &&
                k_array_keywords.count(keyword) == 0 && k_string_keywords.count(keyword) == 0) {
                fail("unsupported keyword '" + keyword + "'", path);
            }
        }
        if (schema.contains("anyOf")) {
            return compile_any_of(schema, path, depth);
        }
        std::vector<std::string> types = read_types(schema, path);
        check_keywords_apply(schema, types, path);
        if (schema.contains("enum") || schema.contains("const")) {
            return compile_literals(schema, types, path);
        }
        if (types.empty()) {
            fail("a schema needs 'type', 'enum', 'const' or 'anyOf'", path);
        }
        if (types.size() == 1) {
            return compile_type(schema, types[0], path, depth);
        }
        const uint32_t index = add(NodeKind::any_of, path);
        std::vector<uint32_t> alternatives;
        for (const std::string& type : types) {
            alternatives.push_back(compile_type(schema, type, path, depth));
        }
        grammar.nodes[index].alternatives = std::move(alternatives);
        return index;
    }

private:
    uint32_t add(NodeKind kind, const std::string& path) {
        GrammarNode n;
        n.kind = kind;
        n.path = path.empty() ? "#" : "#" + path;
        grammar.nodes.push_back(std::move(n));
        return static_cast<uint32_t>(grammar.nodes.size() - 1);
    }

    std::vector<std::string> read_types(const Json& schema, const std::string& path) {
        std::vector<std::string> types;
        if (!schema.contains("type")) {
            return types;
        }
        const Json& t = schema.at("type");
        const std::string here = path + "/type";
        auto take = [&](const Json& v) {
            if (!v.is_string() || k_types.count(v.get<std::string>()) == 0) {
                fail("'type' must be one of object, array, string, integer, number, boolean, "
                     "null (or a list of them), not " +
                         v.dump(),
                     here);
            }
            const std::string name = v.get<std::string>();
            if (std::find(types.begin(), types.end(), name) == types.end()) {
                types.push_back(name);
            }
        };
        if (t.is_array()) {
            if (t.empty()) {
                fail("'type' lists no types", here);
            }
            for (const Json& v : t) {
                take(v);
            }
        } else {
            take(t);
        }
        // "number" includes the integers: drop "integer" beside it.
        if (std::find(types.begin(), types.end(), "number") != types.end()) {
            std::erase(types, "integer");
        }
        return types;
    }

    void check_keywords_apply(const Json& schema, const std::vector<std::string>& types,
                              const std::string& path) {
        auto has = [&](const char* t) {
            return std::find(types.begin(), types.end(), t) != types.end();
        };
        for (const auto& [keyword, value] : schema.items()) {
            const char* type = k_object_keywords.count(keyword)   ? "object"
                               : k_array_keywords.count(keyword)  ? "array"
                               : k_string_keywords.count(keyword) ? "string"
                                                                  : nullptr;
            if (type != nullptr && !has(type)) {
                fail("'" + keyword + "' needs \"type\": \"" + type + "\"", path);
            }
            if (type != nullptr && (schema.contains("enum") || schema.contains("const"))) {
                fail("'" + keyword +
                         "' together with enum or const is not supported (list only "
                         "the allowed values)",
                     path);
            }
        }
    }

    uint32_t compile_any_of(const Json& schema, const std::string& path, uint32_t depth) {
        for (const auto& [keyword, value] : schema.items()) {
            if (keyword != "anyOf" && k_annotations.count(keyword) == 0) {
                fail("'" + keyword +
                         "' beside 'anyOf' is not supported (move it into each "
                         "alternative)",
                     path);
            }
        }
        const Json& list = schema.at("anyOf");
        if (!list.is_array() || list.empty()) {
            fail("'anyOf' must be a non-empty list of schemas", path + "/anyOf");
        }
        const uint32_t index = add(NodeKind::any_of, path);
        std::vector<uint32_t> alternatives;
        for (size_t i = 0; i < list.size(); ++i) {
            const uint32_t a = compile(list[i], path + "/anyOf/" + std::to_string(i), depth);
            const GrammarNode& node = grammar.nodes[a];
            if (node.kind == NodeKind::any_of) {
                alternatives.insert(alternatives.end(), node.alternatives.begin(),
                                    node.alternatives.end());
            } else {
                alternatives.push_back(a);
            }
        }
        grammar.nodes[index].alternatives = std::move(alternatives);
        return index;
    }

    uint32_t compile_literals(const Json& schema, const std::vector<std::string>& types,
                              const std::string& path) {
        if (schema.contains("enum") && schema.contains("const")) {
            fail("'enum' together with 'const' is not supported", path);
        }
        std::vector<Json> values;
        std::string here = path;
        if (schema.contains("const")) {
            values.push_back(schema.at("const"));
            here += "/const";
        } else {
            const Json& list = schema.at("enum");
            here += "/enum";
            if (!list.is_array() || list.empty()) {
                fail("'enum' must be a non-empty list of values", here);
            }
            values.assign(list.begin(), list.end());
        }
        std::vector<std::string> texts;
        for (const Json& v : values) {
            if (!types.empty() && std::none_of(types.begin(), types.end(), [&](const auto& t) {
                    return value_has_type(v, t);
                })) {
                fail("the value " + v.dump() + " does not have the schema's type", here);
            }
            texts.push_back(v.dump());
        }
        std::sort(texts.begin(), texts.end());
        texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
        const uint32_t index = add(NodeKind::literal, path);
        grammar.nodes[index].literals = std::move(texts);
        return index;
    }

    uint32_t compile_type(const Json& schema, const std::string& type, const std::string& path,
                          uint32_t depth) {
        if (type == "object") {
            return compile_object(schema, path, depth);
        }
        if (type == "array") {
            return compile_array(schema, path, depth);
        }
        if (type == "string") {
            const uint32_t index = add(NodeKind::string, path);
            GrammarNode& n = grammar.nodes[index];
            if (schema.contains("minLength")) {
                n.min_length = count_value(schema, "minLength", path + "/minLength");
            }
            if (schema.contains("maxLength")) {
                n.max_length = count_value(schema, "maxLength", path + "/maxLength");
            }
            if (n.min_length > n.max_length) {
                fail("minLength is above maxLength: no string is valid", path);
            }
            return index;
        }
        if (type == "integer" || type == "number") {
            return add(type == "integer" ? NodeKind::integer : NodeKind::number, path);
        }
        const uint32_t index = add(NodeKind::literal, path);
        grammar.nodes[index].literals = type == "boolean"
                                            ? std::vector<std::string>{"false", "true"}
                                            : std::vector<std::string>{"null"};
        return index;
    }

    uint32_t compile_object(const Json& schema, const std::string& path, uint32_t depth) {
        if (schema.contains("additionalProperties") &&
            !schema.at("additionalProperties").is_boolean()) {
            fail("'additionalProperties' must be true or false (schemas for extra properties are "
                 "not supported)",
                 path + "/additionalProperties");
        }
        std::vector<Property> properties;
        if (schema.contains("properties")) {
            const Json& list = schema.at("properties");
            if (!list.is_object()) {
                fail("'properties' must be an object of schemas", path + "/properties");
            }
            for (const auto& [name, sub] : list.items()) {
                Property p;
                p.name = name;
                p.key = Json(name).dump();
                p.node = compile(sub, path + "/properties/" + pointer_token(name), depth + 1);
                properties.push_back(std::move(p));
            }
        }
        if (properties.size() > 0xffff) {
            fail("more than 65535 properties", path + "/properties");
        }
        for (const Property& p : properties) {
            if (p.key.size() > 0xffff) {
                fail("a property name longer than 65535 bytes", path + "/properties");
            }
        }
        if (schema.contains("required")) {
            const Json& list = schema.at("required");
            const std::string here = path + "/required";
            if (!list.is_array()) {
                fail("'required' must be a list of property names", here);
            }
            for (const Json& name : list) {
                if (!name.is_string()) {
                    fail("'required' must be a list of property names, not " + name.dump(), here);
                }
                auto it = std::find_if(properties.begin(), properties.end(),
                                       [&](const Property& p) { return p.name == name; });
                if (it == properties.end()) {
                    fail("the required property " + name.dump() +
                             " is not described in 'properties'",
                         here);
                }
                it->required = true;
            }
        }
        const uint32_t index = add(NodeKind::object, path);
        GrammarNode& n = grammar.nodes[index];
        n.next_required.assign(properties.size() + 1, static_cast<uint32_t>(properties.size()));
        for (size_t i = properties.size(); i-- > 0;) {
            n.next_required[i] =
                properties[i].required ? static_cast<uint32_t>(i) : n.next_required[i + 1];
        }
        n.properties = std::move(properties);
        return index;
    }

    uint32_t compile_array(const Json& schema, const std::string& path, uint32_t depth) {
        if (!schema.contains("items")) {
            fail("an array needs 'items' (a schema for its elements)", path);
        }
        const Json& items = schema.at("items");
        if (!items.is_object()) {
            fail("'items' must be one schema (lists of schemas are not supported)",
                 path + "/items");
        }
        uint32_t min_items = 0;
        uint32_t max_items = k_unlimited;
        if (schema.contains("minItems")) {
            min_items = count_value(schema, "minItems", path + "/minItems");
        }
        if (schema.contains("maxItems")) {
            max_items = count_value(schema, "maxItems", path + "/maxItems");
        }
        if (min_items > max_items) {
            fail("minItems is above maxItems: no array is valid", path);
        }
        const uint32_t item = compile(items, path + "/items", depth + 1);
        const uint32_t index = add(NodeKind::array, path);
        GrammarNode& n = grammar.nodes[index];
        n.items = item;
        n.min_items = min_items;
        n.max_items = max_items;
        return index;
    }
};

} // namespace

Grammar compile_json_schema(std::string_view text) {
    Json schema;
    try {
        schema = Json::parse(text);
    } catch (const Json::exception& e) {
        // parse_error, or out_of_range for a number too large for a double
        throw SchemaError(std::string("the schema is not valid JSON: ") + e.what());
    }
    Compiler c;
    // Node 0 must be the root: reserve it, compile, then move the root there.
    c.grammar.nodes.emplace_back();
    const uint32_t root = c.compile(schema, "", 0);
    Grammar g = std::move(c.grammar);
    g.nodes[0] = g.nodes[root];
    return g;
}

} // namespace clauselens::sample
