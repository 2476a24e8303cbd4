#pragma once
// Random JSON schemas of every supported kind, and an independent validator
// for documents against them, for the property-based tests.

#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace clauselens::sample::test {

using Json = nlohmann::ordered_json;

// A random schema nesting at most `depth` levels. Strings and arrays are
// always bounded, so that random decoding finishes in a few hundred tokens.
Json random_schema(std::mt19937_64& rng, int depth);

// Empty if `doc` is valid under `schema`; else why not (and where).
std::string validate(const Json& doc, const Json& schema, const std::string& path = "#");

} // namespace clauselens::sample::test
