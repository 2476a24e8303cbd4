#pragma once
// Which tokens may come next under a grammar: the masks constrained decoding
// applies to the logits at every step.

#include "sample/grammar.h"
#include "sample/token_vocabulary.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace clauselens::sample {

// Computes masks for the states of one grammar over one vocabulary (both must
// outlive it). Keeps a cache of masks by state, so one masker should serve
// all the sequences decoded under the same schema. Not thread-safe.
class TokenMasker {
public:
    TokenMasker(const Grammar& grammar, const TokenVocabulary& vocab);

    // The tokens whose bytes `state` accepts, plus the vocabulary's end
    // tokens if the document is complete. The reference stays valid until the
    // next call. Throws std::runtime_error if no token is allowed (the
    // vocabulary lacks the bytes the document needs).
    const TokenMask& mask(const GrammarState& state);

    // The same by decoding every token's bytes against the state, without
    // trie or cache: the reference the tests compare with.
    TokenMask brute_force_mask(const GrammarState& state) const;

    const Grammar& grammar() const { return grammar_; }
    const TokenVocabulary& vocabulary() const { return vocab_; }

    // Masks kept before the cache starts afresh.
    static constexpr size_t k_cache_entries = 256;

private:
    void walk(const TokenTrie& trie, uint32_t node, size_t depth);
    void compute(const GrammarState& state, TokenMask& out);

    const Grammar& grammar_;
    const TokenVocabulary& vocab_;
    std::vector<GrammarState> levels_; // the state after each byte of the trie path
    TokenMask* out_ = nullptr;
    TokenMask scratch_;
    std::unordered_map<std::string, TokenMask> cache_;
};

// One document being written under a grammar: its state, and the mask for
// the next token.
class GrammarMatcher {
public:
    explicit GrammarMatcher(TokenMasker& masker);

    // The tokens allowed next (see TokenMasker::mask). After an end token,
    // none may follow: calling it then is an error.
    const TokenMask& allowed();
    // Takes a token: its bytes, or an end token when the document is
    // complete. Throws std::invalid_argument for a token the mask excludes.
    void accept(int32_t token);

    // Whether the bytes so far are a complete document.
    bool complete() const { return state_.complete(); }
    // Whether an end token was accepted.
    bool ended() const { return ended_; }
    const GrammarState& state() const { return state_; }
    const std::string& text() const { return text_; }
    const TokenVocabulary& vocabulary() const { return masker_->vocabulary(); }

private:
    TokenMasker* masker_;
    GrammarState state_;
    std::string text_;
    bool ended_ = false;
};

} // namespace clauselens::sample
