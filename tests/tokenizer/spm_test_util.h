#pragma once
// Helpers for the tokenizer tests: contract text to train and test on,
// sentencepiece models trained in memory, and the path every test takes
// through a GGUF file (vocabulary -> GGUF bytes -> GgufFile -> Tokenizer).

#include "tokenizer/spm_vocab.h"
#include "tokenizer/tokenizer.h"

#include <cstdint>
#include <sentencepiece_processor.h>
#include <string>
#include <string_view>
#include <vector>

namespace clauselens::tokenizer::test {

struct Contract {
    std::string name;
    std::string text;
};

// Every contract text in shared/data/cuad-dev (*.txt but its README), by name.
const std::vector<Contract>& contracts();
// Every line of every contract, without the line breaks.
const std::vector<std::string>& contract_lines();
// The 46 test strings of llama.cpp's ggml-vocab-llama-spm.gguf.inp.
std::vector<std::string> llama_test_strings();
// Hand-picked edge cases: empty text, whitespace runs, digits, Unicode.
std::vector<std::string> edge_case_strings();

// A sentencepiece model trained with spm_train-style `options` on the first
// lines of the contracts; returns the serialized model (no files written).
std::string train_model(const std::string& options);

// Writes `vocab` into an in-memory GGUF file and builds the Tokenizer from it.
Tokenizer tokenizer_through_gguf(const SpmVocab& vocab);

// What the sentencepiece library itself does with a serialized model.
class Reference {
public:
    explicit Reference(const std::string& serialized);

    std::vector<std::int32_t> encode(std::string_view text) const;
    std::string decode(const std::vector<std::int32_t>& ids) const;

private:
    sentencepiece::SentencePieceProcessor sp_;
};

} // namespace clauselens::tokenizer::test
