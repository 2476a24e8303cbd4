#pragma once
// Imports a model from llama2.c's legacy checkpoint format (a 7-int header
// followed by float32 weights) and its tokenizer.bin (pieces and scores) into
// a GGUF file with the `llama` architecture and an SPM vocabulary, so that
// the small models trained with llama2.c run in ClauseLens.

#include "tokenizer/spm_vocab.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace clauselens::model {

// Reads tokenizer.bin of `n_vocab` tokens: ids 0, 1, 2 are <unk>, <s>, </s>;
// spaces become U+2581 again, as sentencepiece stores them. Throws a clear
// error for a truncated or malformed file.
tokenizer::SpmVocab read_llama2c_tokenizer(const std::filesystem::path& path, uint32_t n_vocab);

// Writes `out` (through a temporary file; nothing is left behind on error).
// Returns a one-line description of what was converted.
std::string convert_llama2c(const std::filesystem::path& checkpoint,
                            const std::filesystem::path& tokenizer,
                            const std::filesystem::path& out);

} // namespace clauselens::model
