#pragma once
// What constrained decoding needs to know about a vocabulary, computed once
// and shared by every grammar and sequence: each token's bytes, a trie over
// them (so that a mask is found by walking the grammar along shared prefixes
// instead of decoding 150k tokens one by one), and tables for the commonest
// place in a document, the inside of a string, where almost every token is
// allowed and walking would visit the whole trie.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace clauselens::tokenizer {
class Tokenizer;
}

namespace clauselens::sample {

// A set of token ids.
class TokenMask {
public:
    TokenMask() = default;
    explicit TokenMask(size_t n_tokens) : size_(n_tokens), words_((n_tokens + 63) / 64, 0) {}

    size_t size() const { return size_; }
    bool test(int32_t id) const {
        return id >= 0 && static_cast<size_t>(id) < size_ &&
               (words_[static_cast<size_t>(id) >> 6] >> (id & 63) & 1) != 0;
    }
    void set(int32_t id) { words_[static_cast<size_t>(id) >> 6] |= uint64_t{1} << (id & 63); }
    void clear() { std::fill(words_.begin(), words_.end(), 0); }
    TokenMask& operator|=(const TokenMask& other);
    size_t count() const;
    // The ids in the set, ascending.
    std::vector<int32_t> ids() const;
    bool operator==(const TokenMask&) const = default;

    std::span<const uint64_t> words() const { return words_; }

private:
    size_t size_ = 0;
    std::vector<uint64_t> words_;
};

struct TrieNode {
    uint32_t first_child = 0; // children are contiguous, ordered by byte
    uint32_t n_children = 0;
    uint32_t first_token = 0; // tokens whose bytes end here: token_ids[first..end)
    uint32_t end_token = 0;
    uint8_t byte = 0;
};

struct TokenTrie {
    std::vector<TrieNode> nodes; // nodes[0] is the root (no bytes)
    std::vector<int32_t> token_ids;

    // A trie of the given tokens (those with empty bytes are left out).
    static TokenTrie build(const std::vector<std::string>& bytes, std::span<const int32_t> ids);
};

class TokenVocabulary {
public:
    // bytes[id] is what token id adds to the text (empty for tokens that never
    // appear in text); end_tokens end a document (EOS, end of turn).
    TokenVocabulary(std::vector<std::string> bytes, std::vector<int32_t> end_tokens);
    // From a tokenizer: token_bytes() of every token, EOS as the end token
    // plus any of `extra_end_tokens`.
    static TokenVocabulary from_tokenizer(const tokenizer::Tokenizer& tok,
                                          std::span<const int32_t> extra_end_tokens = {});

    size_t size() const { return bytes_.size(); }
    const std::string& bytes(int32_t id) const { return bytes_[static_cast<size_t>(id)]; }
    const std::vector<int32_t>& end_tokens() const { return end_tokens_; }

    // Every token with bytes.
    const TokenTrie& trie() const { return trie_; }
    // Tokens that string content alone cannot take: with a quote, backslash
    // or control byte, or more than k_plain_max_chars characters.
    const TokenTrie& special_trie() const { return special_trie_; }
    // Tokens made only of string content that the UTF-8 automaton accepts
    // from state `utf8`, starting at most `chars` characters (both in range).
    const TokenMask& plain_string_tokens(int utf8, uint32_t chars) const;

    static constexpr uint32_t k_plain_max_chars = 32;

private:
    std::vector<std::string> bytes_;
    std::vector<int32_t> end_tokens_;
    TokenTrie trie_;
    TokenTrie special_trie_;
    // [utf8 state][chars]: cumulative over chars
    std::vector<TokenMask> plain_;
};

} // namespace clauselens::sample
