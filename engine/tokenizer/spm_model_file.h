#pragma once
// sentencepiece `.model` files (e.g. Llama's tokenizer.model), read through
// the sentencepiece library into the vocabulary a GGUF file would keep.

#include "tokenizer/spm_proto.h"
#include "tokenizer/spm_vocab.h"

#include <filesystem>
#include <string_view>

namespace clauselens::tokenizer {

struct SpmModelFile {
    SpmVocab vocab;            // add_bos true, add_eos false, as llama.cpp's converter writes
    SpmModelSettings settings; // what a GGUF vocabulary cannot keep
};

// Loads the model with SentencePieceProcessor, which checks it, and takes
// pieces, scores, types and special ids from its API; only what sentencepiece
// 0.1.97 does not expose (user-defined pieces, normalizer settings, model
// type) comes from the serialized model itself. Throws TokenizerError.
SpmModelFile read_spm_model_file(const std::filesystem::path& path);
SpmModelFile read_spm_model(std::string_view serialized);

// Throws TokenizerError saying why a GGUF "llama" vocabulary made from this
// model would not tokenize like it: Unicode normalization rules, removal of
// extra whitespace, whitespace as suffix, or a model type other than BPE
// (GGUF does not record the type, and llama vocabularies are BPE).
void check_gguf_compatible(const SpmModelSettings& settings);

} // namespace clauselens::tokenizer
