#pragma once
// Hugging Face tokenizer.json files of byte-level BPE models (Llama 3, Qwen2)
// read into the vocabulary a GGUF file stores, as llama.cpp's converter
// writes it: the model's vocabulary and merges, added tokens (special ones,
// and those that look special like "<|fim_prefix|>", as control tokens;
// the others user-defined), gaps in the ids filled with unused "[PADn]"
// tokens, the pre-tokenizer named after its expression.

#include "tokenizer/bpe_vocab.h"

#include <filesystem>
#include <string_view>

namespace clauselens::tokenizer {

// Reads `path` and, when there is one beside it, tokenizer_config.json, which
// names the BOS, EOS and padding tokens and says whether BOS is added.
// Without it, BOS comes from a TemplateProcessing post-processor that starts
// with a special token, or the pre-tokenizer's default. Throws TokenizerError
// starting with the path for a file that cannot be read, is not JSON, is not
// a byte-level BPE tokenizer, or whose ids or merges do not fit together.
BpeVocab read_tokenizer_json(const std::filesystem::path& path);

// The same from the files' text; `config` may be empty.
BpeVocab parse_tokenizer_json(std::string_view json, std::string_view config = {});

} // namespace clauselens::tokenizer
