#pragma once
// A byte-level BPE vocabulary (GGUF's tokenizer.ggml.model = "gpt2": Llama 3,
// Qwen2) as GGUF files store it: one token text and type per id, the merges
// in rank order, the name of the pre-tokenizer, the special ids and flags.

#include "tokenizer/spm_vocab.h" // TokenType

#include <cstdint>
#include <string>
#include <vector>

namespace clauselens::tokenizer {

struct BpeVocab {
    // Normal tokens in the byte-level alphabet ("Ġthe" is " the", see
    // byte_level.h); control and user-defined tokens as their plain text
    // ("<|begin_of_text|>"), as llama.cpp's converters write them.
    std::vector<std::string> tokens;
    std::vector<TokenType> types;
    // "Ġ t": two tokens that merge into their concatenation, highest
    // priority first.
    std::vector<std::string> merges;
    // tokenizer.ggml.pre: which pre-tokenizer splits the text into words
    // (see pre_tokenizer.h).
    std::string pre;

    // -1 when the vocabulary has no such token.
    std::int32_t bos_id = -1;
    std::int32_t eos_id = -1;
    std::int32_t unk_id = -1;
    std::int32_t pad_id = -1;

    bool add_bos = false; // whether a model expects BOS before its input
    bool add_eos = false;
};

// Throws TokenizerError naming the first problem: array lengths that differ,
// an empty vocabulary or token, a special id out of range, an unsupported
// pre-tokenizer, a merge that is not two texts separated by one space.
// Whether the merges' parts and results are tokens, and every byte has a
// token, is checked when a BpeModel is built from the vocabulary.
void validate(const BpeVocab& vocab);

} // namespace clauselens::tokenizer
