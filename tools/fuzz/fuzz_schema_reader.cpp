// libFuzzer target for the JSON-schema compiler, the grammar and token
// masking. Build with the `fuzz` preset; run with run_fuzz.sh (name: schema).
//
// Input: a schema's text, then a NUL byte, then the bytes of a document. The
// schema is compiled (an error for a bad one is fine) and the document fed
// byte by byte as far as the grammar allows. Then, where it stopped:
//  - the trie-and-cache mask equals decoding every token's bytes, over a
//    vocabulary of all single bytes plus pieces of the input;
//  - some token is always allowed (no dead ends);
//  - if the whole document was accepted and is complete, it parses as JSON.
// Any violation aborts, and libFuzzer keeps the input.

#include "sample/json_schema.h"
#include "sample/token_mask.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace {

[[noreturn]] void violation(const char* what) {
    std::fprintf(stderr, "schema fuzz check failed: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace clauselens::sample;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const size_t split = input.find('\0');
    const std::string_view schema = input.substr(0, split);
    const std::string_view document =
        split == std::string_view::npos ? std::string_view() : input.substr(split + 1);
    Grammar grammar;
    try {
        grammar = compile_json_schema(schema);
    } catch (const SchemaError&) {
        return 0;
    }
    GrammarState state(grammar);
    size_t accepted = 0;
    for (const char c : document) {
        GrammarState next = state.advanced(static_cast<uint8_t>(c));
        if (next.dead()) {
            break;
        }
        state = std::move(next);
        ++accepted;
    }
    if (accepted == document.size() && state.complete()) {
        if (!nlohmann::json::accept(document)) {
            violation("a complete document does not parse as JSON");
        }
    }

    // Token 0 ends documents; then every byte; then pieces of the input.
    std::vector<std::string> bytes = {""};
    for (int b = 0; b < 256; ++b) {
        bytes.emplace_back(1, static_cast<char>(b));
    }
    for (size_t i = 0; i + 1 < input.size() && bytes.size() < 600; i += 2) {
        bytes.emplace_back(input.substr(i, 1 + i % 5));
    }
    const TokenVocabulary vocab(std::move(bytes), {0});
    TokenMasker masker(grammar, vocab);
    const TokenMask& mask = masker.mask(state);
    if (!(mask == masker.brute_force_mask(state))) {
        violation("the token mask differs from decoding every token");
    }
    if (mask.count() == 0) {
        violation("no token can continue the document");
    }
    return 0;
}
