#pragma once
// Byte-level BPE vocabularies in GGUF files: the `tokenizer.ggml.*` keys that
// llama.cpp's converters write for `tokenizer.ggml.model = "gpt2"`.

#include "gguf/gguf_reader.h"
#include "gguf/gguf_writer.h"
#include "tokenizer/bpe_vocab.h"

namespace clauselens::tokenizer {

// Reads and validates the vocabulary. Throws TokenizerError (or GgufError for
// a key of the wrong type) when tokenizer.ggml.model is not "gpt2", when
// tokenizer.ggml.pre is missing or names a pre-tokenizer we do not have, or
// when the arrays do not fit together.
//
// Missing keys take llama.cpp's defaults: token types normal,
// add_bos_token true for the Llama 3 pre-tokenizer and false otherwise,
// add_eos_token false. A padding id outside the vocabulary is dropped.
BpeVocab read_bpe_vocab(const gguf::GgufFile& file);

// Adds tokenizer.ggml.model = "gpt2", pre, tokens, token_type, merges, the
// special ids that are not -1 (as u32) and the add_bos_token and
// add_eos_token flags. Validates `vocab` first.
void write_bpe_vocab(gguf::GgufWriter& writer, const BpeVocab& vocab);

} // namespace clauselens::tokenizer
