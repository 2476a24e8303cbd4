#include "sample/token_mask.h"

#include <algorithm>
#include <stdexcept>

namespace clauselens::sample {

namespace {

// Whether every reading of the state is inside a string's text (not in an
// escape): then a token made only of plain text is decided by the UTF-8 state
// and the characters left, with no need to walk the trie.
bool inside_string_text(const Grammar& g, const GrammarState& state) {
    for (const Stack& s : state.stacks()) {
        if (s.depth == 0) {
            return false;
        }
        if (!in_string_text(g, s.frames[s.depth - 1])) {
            return false;
        }
    }
    return !state.stacks().empty();
}

size_t longest_token(const TokenVocabulary& vocab) {
    size_t longest = 0;
    for (size_t id = 0; id < vocab.size(); ++id) {
        longest = std::max(longest, vocab.bytes(static_cast<int32_t>(id)).size());
    }
    return longest;
}

void add_end_tokens(const TokenVocabulary& vocab, const GrammarState& state, TokenMask& out) {
    if (state.complete()) {
        for (const int32_t e : vocab.end_tokens()) {
            out.set(e);
        }
    }
}

} // namespace

TokenMasker::TokenMasker(const Grammar& grammar, const TokenVocabulary& vocab)
    : grammar_(grammar), vocab_(vocab), scratch_(vocab.size()) {
    levels_.assign(longest_token(vocab) + 1, GrammarState(grammar));
}

void TokenMasker::walk(const TokenTrie& trie, uint32_t node, size_t depth) {
    const TrieNode& n = trie.nodes[node];
    const GrammarState& here = levels_[depth];
    GrammarState& next = levels_[depth + 1];
    for (uint32_t c = n.first_child; c < n.first_child + n.n_children; ++c) {
        const TrieNode& child = trie.nodes[c];
        here.advance_into(child.byte, next);
        if (next.dead()) {
            continue;
        }
        for (uint32_t t = child.first_token; t < child.end_token; ++t) {
            out_->set(trie.token_ids[t]);
        }
        if (child.n_children > 0) {
            walk(trie, c, depth + 1);
        }
    }
}

void TokenMasker::compute(const GrammarState& state, TokenMask& out) {
    out.clear();
    out_ = &out;
    levels_[0] = state;
    if (inside_string_text(grammar_, state)) {
        for (const Stack& s : state.stacks()) {
            const Frame& top = s.frames[s.depth - 1];
            const uint32_t max = grammar_.nodes[top.node].max_length;
            out |= vocab_.plain_string_tokens(top.utf8, max - std::min(max, top.count));
        }
        walk(vocab_.special_trie(), 0, 0);
    } else {
        walk(vocab_.trie(), 0, 0);
    }
    add_end_tokens(vocab_, state, out);
    out_ = nullptr;
}

const TokenMask& TokenMasker::mask(const GrammarState& state) {
    if (state.dead()) {
        throw std::invalid_argument("no document continues from this state");
    }
    std::string key = state.key();
    auto it = cache_.find(key);
    if (it == cache_.end()) {
        compute(state, scratch_);
        if (cache_.size() >= k_cache_entries) {
            cache_.clear();
        }
        it = cache_.emplace(std::move(key), scratch_).first;
    }
    if (it->second.count() == 0) {
        throw std::runtime_error(
            "no token of the vocabulary can continue the JSON document here (the vocabulary "
            "lacks the bytes it needs)");
    }
    return it->second;
}

TokenMask TokenMasker::brute_force_mask(const GrammarState& state) const {
    TokenMask out(vocab_.size());
    for (size_t id = 0; id < vocab_.size(); ++id) {
        const std::string& b = vocab_.bytes(static_cast<int32_t>(id));
        GrammarState s = state;
        if (!b.empty() && s.advance(b)) {
            out.set(static_cast<int32_t>(id));
        }
    }
    add_end_tokens(vocab_, state, out);
    return out;
}

GrammarMatcher::GrammarMatcher(TokenMasker& masker) : masker_(&masker), state_(masker.grammar()) {}

const TokenMask& GrammarMatcher::allowed() {
    if (ended_) {
        throw std::logic_error("the document has ended; no token may follow");
    }
    return masker_->mask(state_);
}

void GrammarMatcher::accept(int32_t token) {
    const TokenVocabulary& vocab = masker_->vocabulary();
    if (ended_ || token < 0 || static_cast<size_t>(token) >= vocab.size()) {
        throw std::invalid_argument("token " + std::to_string(token) +
                                    " cannot follow: the document has ended or the id is not "
                                    "in the vocabulary");
    }
    const auto& ends = vocab.end_tokens();
    if (std::find(ends.begin(), ends.end(), token) != ends.end()) {
        if (!state_.complete()) {
            throw std::invalid_argument("the JSON document is not complete: it cannot end yet");
        }
        ended_ = true;
        return;
    }
    const std::string& b = vocab.bytes(token);
    GrammarState next = state_;
    if (b.empty() || !next.advance(b)) {
        throw std::invalid_argument("token " + std::to_string(token) +
                                    " does not continue the JSON document");
    }
    state_ = std::move(next);
    text_ += b;
}

} // namespace clauselens::sample
