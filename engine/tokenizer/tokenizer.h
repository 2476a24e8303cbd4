#pragma once
// Text to token ids and back for the models a GGUF file describes. SPM
// vocabularies (tokenizer.ggml.model = "llama": Llama 1/2, Mistral,
// TinyLlama, Phi-3) are tokenized by the sentencepiece library itself, built
// from the pieces, scores and types stored in the file, so that ids equal the
// original tokenizer's. Byte-level BPE vocabularies ("gpt2": Llama 3, Qwen2)
// go through BpeModel with the pre-tokenizer that tokenizer.ggml.pre names,
// giving the ids of the model's Hugging Face tokenizer.
//
// A Tokenizer is immutable after construction; its const methods may be
// called from several threads at once.

#include "gguf/gguf_reader.h"
#include "tokenizer/bpe_vocab.h"
#include "tokenizer/spm_vocab.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace clauselens::tokenizer {

class BpeModel;

class Tokenizer {
public:
    // Throws TokenizerError for files without a supported tokenizer or with
    // an inconsistent vocabulary (see read_spm_vocab, read_bpe_vocab).
    static Tokenizer from_gguf(const gguf::GgufFile& file);
    static Tokenizer from_vocab(const SpmVocab& vocab);
    static Tokenizer from_vocab(const BpeVocab& vocab);

    Tokenizer(Tokenizer&&) noexcept;
    Tokenizer& operator=(Tokenizer&&) noexcept;
    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;
    ~Tokenizer();

    // The ids of `text` (bytes, normally UTF-8), with BOS first when add_bos
    // and the vocabulary has one. Empty text gives no ids (or only BOS).
    // Control tokens are never read from the text ("<s>" in a document is
    // four characters) unless parse_special, which is for chat templates
    // only, never for document text: then each control token's text becomes
    // that token, and the text between them is tokenized separately, each
    // part with its own space prefix, as llama.cpp does. U+2581 in the text
    // reads as a space, as in sentencepiece.
    std::vector<std::int32_t> encode(std::string_view text, bool add_bos,
                                     bool parse_special = false) const;

    // The text of a sequence, as sentencepiece decodes it: control tokens
    // vanish, the unknown token reads " \u2047 ", runs of byte tokens become
    // their UTF-8 text (an invalid sequence becomes U+FFFD), and the space
    // prefix of the first piece is dropped. decode(encode(s)) == s for valid
    // UTF-8 without U+2581 that the vocabulary covers (with byte fallback:
    // all such text).
    //
    // Byte-level BPE: the tokens' bytes joined, control tokens left out, and
    // then each ill-formed UTF-8 sequence replaced by U+FFFD.
    // decode(encode(s)) == s for valid UTF-8 (in NFC for Qwen2).
    std::string decode(std::span<const std::int32_t> ids) const;

    // The text token `id` adds when generated text is streamed token by
    // token: spaces for "\u2581", a byte token's single raw byte (so a
    // multi-byte character is whole only once all its bytes have arrived:
    // pieces are not always valid UTF-8), nothing for control tokens,
    // " \u2047 " for the unknown token. `previous` is the token before it,
    // -1 at the start of the text. The leading space follows sentencepiece
    // and llama2.c: when the vocabulary adds a space prefix, the first token
    // of the text (previous is -1 or BOS) loses one leading space. So the
    // pieces of encode(s, true), concatenated, give decode() of those ids
    // for text that decodes to valid UTF-8.
    //
    // Byte-level BPE has no such rule: the piece is token_bytes(id), raw
    // bytes that may end inside a UTF-8 character.
    std::string piece(std::int32_t id, std::int32_t previous = -1) const;

    // The bytes token `id` adds in the middle of a text (no start-of-text
    // space rule): what constrained decoding matches against a grammar.
    // Empty for control tokens, which never appear in text.
    std::string token_bytes(std::int32_t id) const;

    // The stored piece, e.g. "\u2581the" or "<0x0A>" (SPM), "Ġthe" (BPE).
    const std::string& raw_piece(std::int32_t id) const;
    TokenType type(std::int32_t id) const;
    bool is_control(std::int32_t id) const { return type(id) == TokenType::control; }

    // -1 when the vocabulary has no such token.
    std::int32_t bos() const { return bos_; }
    std::int32_t eos() const { return eos_; }
    std::int32_t unk() const { return unk_; }
    std::size_t vocab_size() const { return pieces_.size(); }
    // Whether the model wants BOS before its input (tokenizer.ggml.add_bos_token).
    bool add_bos() const { return add_bos_; }

private:
    Tokenizer() = default;
    // Throws TokenizerError when id is not in the vocabulary.
    std::size_t index(std::int32_t id) const;
    void encode_text(std::string_view text, std::vector<std::int32_t>& ids) const;
    // The longest token of special_tokens_ whose text starts at text[pos]
    // (control tokens only when parse_special), or -1.
    std::int32_t special_at(std::string_view text, std::size_t pos, bool parse_special) const;
    // Fills special_tokens_ with the control tokens, and the user-defined
    // ones when they are matched in any text.
    void index_special_tokens(bool user_defined_always);

    struct SpecialToken {
        std::string text;
        std::int32_t id;
        bool always; // matched without parse_special
    };

    std::unique_ptr<sentencepiece::SentencePieceProcessor> processor_; // SPM
    std::unique_ptr<BpeModel> bpe_;                                    // byte-level BPE
    std::vector<std::string> pieces_;
    std::vector<TokenType> types_;
    // Tokens matched in the text before it is tokenized, longest first.
    std::vector<SpecialToken> special_tokens_;
    bool any_always_ = false;                     // some special token has `always`
    std::array<bool, 256> special_first_bytes_{}; // quick rejection in special_at
    std::int32_t bos_ = -1;
    std::int32_t eos_ = -1;
    std::int32_t unk_ = -1;
    bool add_bos_ = true;
    bool add_space_prefix_ = true;
};

} // namespace clauselens::tokenizer
