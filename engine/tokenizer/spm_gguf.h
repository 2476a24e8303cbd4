#pragma once
// SPM vocabularies in GGUF files: the standard `tokenizer.ggml.*` keys that
// llama.cpp's converters write for `tokenizer.ggml.model = "llama"`.

#include "gguf/gguf_reader.h"
#include "gguf/gguf_writer.h"
#include "tokenizer/spm_vocab.h"

namespace clauselens::tokenizer {

// Reads and validates the vocabulary. Throws TokenizerError (or GgufError for
// a key of the wrong type) when the file has no tokenizer, another kind of
// tokenizer (for "gpt2", see read_bpe_vocab), or
// arrays that do not fit together.
//
// Missing keys take llama.cpp's defaults: token types are inferred (see
// infer_token_types), add_bos_token true, add_eos_token false,
// add_space_prefix true. A missing special id is -1, except the unknown
// token, which is then the token of type unknown. A padding id outside the
// vocabulary is dropped rather than refused, as llama.cpp does: nothing uses it.
SpmVocab read_spm_vocab(const gguf::GgufFile& file);

// Adds tokenizer.ggml.model = "llama", tokens, scores, token_type, the
// special ids that are not -1 (as u32) and the add_bos_token,
// add_eos_token and add_space_prefix flags. Validates `vocab` first.
void write_spm_vocab(gguf::GgufWriter& writer, const SpmVocab& vocab);

} // namespace clauselens::tokenizer
