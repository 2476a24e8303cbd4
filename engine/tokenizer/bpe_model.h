#pragma once
// Byte-level BPE encoding: the pre-tokenizer splits a text into words, each
// word's bytes start as one token each, and the adjacent pair of lowest merge
// rank merges until no pair has a merge, as Hugging Face's BPE model does.
// The Tokenizer class uses this for "gpt2" vocabularies; special and
// user-defined tokens are matched before text reaches it.

#include "tokenizer/bpe_vocab.h"
#include "tokenizer/pre_tokenizer.h"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace clauselens::tokenizer {

class BpeModel {
public:
    // Validates `vocab` and throws TokenizerError when a merge's parts or
    // result are not normal tokens, or a byte has no token of its own.
    explicit BpeModel(const BpeVocab& vocab);

    // Appends the ids of `text`, special tokens included as plain text.
    // Safe to call from several threads at once.
    void encode(std::string_view text, std::vector<std::int32_t>& ids) const;

    // The bytes token `id` stands for in text: a normal token's byte-level
    // text decoded, a user-defined or unknown token's text as it is, nothing
    // for control and unused tokens. `id` must be in the vocabulary.
    const std::string& token_bytes(std::int32_t id) const {
        return bytes_[static_cast<std::size_t>(id)];
    }

    const PreTokenizer& pre_tokenizer() const { return pre_; }

private:
    struct Merge {
        std::int32_t rank;
        std::int32_t result;
    };
    // Reused between words of one encode() call.
    struct Scratch;

    void encode_word(std::string_view word, std::vector<std::int32_t>& ids, Scratch& scratch) const;
    std::int32_t token_of(std::string_view bytes) const;
    static std::uint64_t pair_key(std::int32_t left, std::int32_t right) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(left)) << 32) |
               static_cast<std::uint32_t>(right);
    }

    // Lets by_bytes_ be searched with a string_view, without a copy.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };

    PreTokenizer pre_;
    std::vector<std::string> bytes_; // by id
    // Normal tokens by their bytes; the first id wins for a repeated text.
    std::unordered_map<std::string, std::int32_t, Hash, std::equal_to<>> by_bytes_;
    std::array<std::int32_t, 256> byte_token_{};
    std::unordered_map<std::uint64_t, Merge> merges_; // by pair_key(left, right)
};

} // namespace clauselens::tokenizer
