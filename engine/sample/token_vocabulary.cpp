#include "sample/token_vocabulary.h"

#include "sample/grammar.h"

#include <algorithm>
#include <bit>
#include <numeric>
#include <stdexcept>

namespace clauselens::sample {

TokenMask& TokenMask::operator|=(const TokenMask& other) {
    if (other.size_ != size_) {
        throw std::invalid_argument("token masks of different vocabularies");
    }
    for (size_t i = 0; i < words_.size(); ++i) {
        words_[i] |= other.words_[i];
    }
    return *this;
}

size_t TokenMask::count() const {
    size_t n = 0;
    for (const uint64_t w : words_) {
        n += static_cast<size_t>(std::popcount(w));
    }
    return n;
}

std::vector<int32_t> TokenMask::ids() const {
    std::vector<int32_t> out;
    for (size_t i = 0; i < words_.size(); ++i) {
        uint64_t w = words_[i];
        while (w != 0) {
            out.push_back(static_cast<int32_t>(i * 64 + static_cast<size_t>(std::countr_zero(w))));
            w &= w - 1;
        }
    }
    return out;
}

namespace {

// Builds the subtree of `node` from the sorted tokens [lo, hi), all of which
// share their first `depth` bytes. Children are allocated together, so that
// they are contiguous.
void build_node(TokenTrie& t, const std::vector<std::string>& bytes,
                const std::vector<int32_t>& order, uint32_t node, size_t lo, size_t hi,
                size_t depth) {
    t.nodes[node].first_token = static_cast<uint32_t>(t.token_ids.size());
    while (lo < hi && bytes[static_cast<size_t>(order[lo])].size() == depth) {
        t.token_ids.push_back(order[lo++]);
    }
    t.nodes[node].end_token = static_cast<uint32_t>(t.token_ids.size());
    // Group the rest by their next byte.
    std::vector<std::pair<size_t, size_t>> groups;
    for (size_t i = lo; i < hi;) {
        const char b = bytes[static_cast<size_t>(order[i])][depth];
        size_t j = i + 1;
        while (j < hi && bytes[static_cast<size_t>(order[j])][depth] == b) {
            ++j;
        }
        groups.emplace_back(i, j);
        i = j;
    }
    const auto first = static_cast<uint32_t>(t.nodes.size());
    t.nodes[node].first_child = first;
    t.nodes[node].n_children = static_cast<uint32_t>(groups.size());
    t.nodes.resize(t.nodes.size() + groups.size());
    for (size_t g = 0; g < groups.size(); ++g) {
        t.nodes[first + g].byte =
            static_cast<uint8_t>(bytes[static_cast<size_t>(order[groups[g].first])][depth]);
    }
    for (size_t g = 0; g < groups.size(); ++g) {
        build_node(t, bytes, order, first + static_cast<uint32_t>(g), groups[g].first,
                   groups[g].second, depth + 1);
    }
}

bool is_string_special(uint8_t b) {
    return b == '"' || b == '\\' || b < 0x20;
}

} // namespace

TokenTrie TokenTrie::build(const std::vector<std::string>& bytes, std::span<const int32_t> ids) {
    std::vector<int32_t> order;
    for (const int32_t id : ids) {
        if (!bytes[static_cast<size_t>(id)].empty()) {
            order.push_back(id);
        }
    }
    std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
        const std::string& x = bytes[static_cast<size_t>(a)];
        const std::string& y = bytes[static_cast<size_t>(b)];
        return x < y || (x == y && a < b);
    });
    TokenTrie t;
    t.nodes.resize(1);
    build_node(t, bytes, order, 0, 0, order.size(), 0);
    return t;
}

TokenVocabulary::TokenVocabulary(std::vector<std::string> bytes, std::vector<int32_t> end_tokens)
    : bytes_(std::move(bytes)), end_tokens_(std::move(end_tokens)) {
    const size_t n = bytes_.size();
    for (const int32_t e : end_tokens_) {
        if (e < 0 || static_cast<size_t>(e) >= n) {
            throw std::invalid_argument("end token " + std::to_string(e) +
                                        " is not in the vocabulary");
        }
    }
    std::vector<int32_t> all(n);
    std::iota(all.begin(), all.end(), 0);
    trie_ = TokenTrie::build(bytes_, all);

    // Classify each token for the inside of strings.
    std::vector<int32_t> special;
    plain_.assign(static_cast<size_t>(k_utf8_states) * (k_plain_max_chars + 1), TokenMask(n));
    for (size_t id = 0; id < n; ++id) {
        const std::string& b = bytes_[id];
        if (b.empty()) {
            continue;
        }
        uint32_t chars = 0;
        bool plain = true;
        for (const char c : b) {
            const auto u = static_cast<uint8_t>(c);
            plain = plain && !is_string_special(u);
            chars += (u & 0xc0) != 0x80 ? 1 : 0;
        }
        if (!plain || chars > k_plain_max_chars) {
            special.push_back(static_cast<int32_t>(id));
            continue;
        }
        for (int state = 0; state < k_utf8_states; ++state) {
            int s = state;
            for (const char c : b) {
                bool starts = false;
                s = utf8_step(s, static_cast<uint8_t>(c), starts);
                if (s < 0) {
                    break;
                }
            }
            if (s < 0) {
                continue;
            }
            for (uint32_t k = chars; k <= k_plain_max_chars; ++k) {
                plain_[static_cast<size_t>(state) * (k_plain_max_chars + 1) + k].set(
                    static_cast<int32_t>(id));
            }
        }
    }
    special_trie_ = TokenTrie::build(bytes_, special);
}

const TokenMask& TokenVocabulary::plain_string_tokens(int utf8, uint32_t chars) const {
    return plain_[static_cast<size_t>(utf8) * (k_plain_max_chars + 1) +
                  std::min(chars, k_plain_max_chars)];
}

} // namespace clauselens::sample
