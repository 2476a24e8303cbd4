#pragma once
// A sentencepiece (SPM) vocabulary as GGUF files store it: one piece, score
// and type per token id, the special ids and the flags that change encoding.
// This is all that a GGUF keeps of a sentencepiece model, so it is also the
// form in which vocabularies move between GGUF files, sentencepiece `.model`
// files and llama2.c `tokenizer.bin` files.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace clauselens::tokenizer {

// The values are those of GGUF's `tokenizer.ggml.token_type` array (and of
// llama.cpp's llama_token_type); they coincide with sentencepiece's
// ModelProto.SentencePiece.Type.
enum class TokenType : std::int32_t {
    normal = 1,
    unknown = 2,      // <unk>: text the vocabulary cannot cover without byte fallback
    control = 3,      // <s>, </s>: never produced from text, decoded to nothing
    user_defined = 4, // always matched as a whole in the text
    unused = 5,
    byte = 6, // <0x00> .. <0xFF>: byte fallback
};

struct SpmVocab {
    std::vector<std::string> pieces; // "▁" (U+2581) stands for a space
    std::vector<float> scores;       // higher merges first
    std::vector<TokenType> types;

    // -1 when the vocabulary has no such token.
    std::int32_t bos_id = -1;
    std::int32_t eos_id = -1;
    std::int32_t unk_id = -1;
    std::int32_t pad_id = -1;

    bool add_bos = true;  // whether a model expects BOS before its input
    bool add_eos = false; // whether a model expects EOS after its input
    // Whether a space is put in front of the text before it is tokenized
    // (sentencepiece's add_dummy_prefix), so that "Hello" at the start is
    // tokenized like " Hello" in the middle of a sentence.
    bool add_space_prefix = true;
};

// Throws TokenizerError naming the first problem: array lengths that differ,
// an empty vocabulary or piece, a piece that repeats an earlier one, a special
// id out of range, no unknown token or more than one, a byte piece whose text
// is not "<0xNN>", byte pieces but not all 256.
void validate(const SpmVocab& vocab);

// The byte of a byte piece ("<0x0A>" -> 0x0a, upper-case hex digits as
// sentencepiece writes them); -1 when `piece` is not one.
int byte_piece_value(std::string_view piece);

// Token types for vocabularies that carry none (llama2.c's tokenizer.bin):
// `unk_id` is unknown, `bos_id` and `eos_id` control (each may be -1),
// pieces of the form "<0xNN>" byte, all others normal.
std::vector<TokenType> infer_token_types(std::span<const std::string> pieces, std::int32_t unk_id,
                                         std::int32_t bos_id, std::int32_t eos_id);

} // namespace clauselens::tokenizer
