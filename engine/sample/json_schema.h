#pragma once
// JSON schema -> Grammar. The subset supported is what structured answers
// need, and nothing in a schema is ignored if it would change which documents
// are valid: an unsupported keyword is an error naming it and where it is.
//
//   type            "object", "array", "string", "integer", "number",
//                   "boolean", "null", or a list of these (any of them)
//   object          properties, required, additionalProperties (true/false)
//   array           items (required), minItems, maxItems
//   string          minLength, maxLength (in code points)
//   any value       enum, const (any JSON values), anyOf
//   annotations     title, description, default, examples, $schema, $id,
//                   $comment (no effect)
//
// What is written: properties in the order the schema lists them, each at
// most once, the required ones always; so a document validates whether or
// not additionalProperties is false. enum and const values are written in
// the compact form nlohmann::json dumps them in.

#include "sample/grammar.h"

#include <stdexcept>
#include <string>
#include <string_view>

namespace clauselens::sample {

class SchemaError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// `schema` is the schema's JSON text. Throws SchemaError.
Grammar compile_json_schema(std::string_view schema);

} // namespace clauselens::sample
