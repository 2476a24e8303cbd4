#include "tokenizer/bpe_model.h"

#include "gguf/gguf_error.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/tokenizer_error.h"

#include <queue>

namespace clauselens::tokenizer {

namespace {

std::string hex_byte(int b) {
    constexpr std::string_view digits = "0123456789ABCDEF";
    std::string out = "0x";
    out += digits[static_cast<std::size_t>(b) >> 4];
    out += digits[static_cast<std::size_t>(b) & 15];
    return out;
}

} // namespace

// A word in the making: symbols (token ids) in a linked list over the
// positions of the word's bytes, and the candidate merges by rank.
struct BpeModel::Scratch {
    struct Symbol {
        std::int32_t id;   // -1 once merged into the symbol before it
        std::int32_t prev; // -1 at the start
        std::int32_t next; // -1 at the end
    };
    struct Candidate {
        std::int32_t rank;
        std::int32_t left; // position of the left symbol
        std::int32_t left_id;
        std::int32_t right_id;
        std::int32_t result;
        // Lowest rank first, then leftmost, as Hugging Face breaks ties.
        bool operator>(const Candidate& o) const {
            return rank != o.rank ? rank > o.rank : left > o.left;
        }
    };
    std::vector<Symbol> symbols;
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> queue;
    // The ids of words met before in this text: a contract repeats its
    // words, and a lookup is several times cheaper than merging again.
    std::unordered_map<std::string, std::vector<std::int32_t>, Hash, std::equal_to<>> seen;
};

namespace {
// Longer words rarely repeat; they are merged each time.
constexpr std::size_t k_max_cached_word = 64;
} // namespace

BpeModel::BpeModel(const BpeVocab& vocab) : pre_(vocab.pre) {
    validate(vocab);
    const std::size_t n = vocab.tokens.size();
    bytes_.resize(n);
    by_bytes_.reserve(n);
    std::string decoded;
    for (std::size_t id = 0; id < n; ++id) {
        const std::string& text = vocab.tokens[id];
        switch (vocab.types[id]) {
        case TokenType::control:
        case TokenType::unused:
            break;
        case TokenType::user_defined:
        case TokenType::unknown:
            bytes_[id] = text;
            break;
        default:
            // A normal token outside the byte-level alphabet cannot come out
            // of merges; it still decodes to its text.
            bytes_[id] = byte_level_decode(text, decoded) ? decoded : text;
            by_bytes_.emplace(bytes_[id], static_cast<std::int32_t>(id));
            break;
        }
    }
    for (int b = 0; b < 256; ++b) {
        const std::int32_t id = token_of(std::string(1, static_cast<char>(b)));
        if (id < 0) {
            throw TokenizerError("the vocabulary has no token for byte " + hex_byte(b) + " (" +
                                 byte_level_encode(std::string(1, static_cast<char>(b))) +
                                 "): a byte-level BPE vocabulary needs all 256");
        }
        byte_token_[static_cast<std::size_t>(b)] = id;
    }
    merges_.reserve(vocab.merges.size());
    std::string left;
    std::string right;
    for (std::size_t rank = 0; rank < vocab.merges.size(); ++rank) {
        const std::string& merge = vocab.merges[rank];
        const std::size_t space = merge.find(' ');
        const bool decodes = byte_level_decode(std::string_view(merge).substr(0, space), left) &&
                             byte_level_decode(std::string_view(merge).substr(space + 1), right);
        const std::int32_t a = decodes ? token_of(left) : -1;
        const std::int32_t b = decodes ? token_of(right) : -1;
        const std::int32_t result = decodes ? token_of(left + right) : -1;
        if (a < 0 || b < 0 || result < 0) {
            throw TokenizerError("merge " + std::to_string(rank) + " " + gguf::quote(merge) +
                                 (a < 0 || b < 0 ? " has a part that is not a token"
                                                 : " makes a text that is not a token"));
        }
        // A pair listed twice keeps its first (best) rank.
        merges_.emplace(pair_key(a, b), Merge{static_cast<std::int32_t>(rank), result});
    }
}

std::int32_t BpeModel::token_of(std::string_view bytes) const {
    const auto it = by_bytes_.find(bytes);
    return it == by_bytes_.end() ? -1 : it->second;
}

void BpeModel::encode(std::string_view text, std::vector<std::int32_t>& ids) const {
    Scratch scratch;
    pre_.split(text, [&](std::string_view word) { encode_word(word, ids, scratch); });
}

void BpeModel::encode_word(std::string_view word, std::vector<std::int32_t>& ids,
                           Scratch& scratch) const {
    if (word.size() == 1) {
        ids.push_back(byte_token_[static_cast<unsigned char>(word[0])]);
        return;
    }
    if (pre_.spec().ignore_merges) {
        if (const std::int32_t whole = token_of(word); whole >= 0) {
            ids.push_back(whole);
            return;
        }
    }
    const bool cacheable = word.size() <= k_max_cached_word;
    if (cacheable) {
        if (const auto it = scratch.seen.find(word); it != scratch.seen.end()) {
            ids.insert(ids.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    const std::size_t first = ids.size();
    auto& symbols = scratch.symbols;
    auto& queue = scratch.queue;
    const auto n = static_cast<std::int32_t>(word.size());
    symbols.resize(word.size());
    for (std::int32_t i = 0; i < n; ++i) {
        symbols[static_cast<std::size_t>(i)] = {
            byte_token_[static_cast<unsigned char>(word[static_cast<std::size_t>(i)])], i - 1,
            i + 1 < n ? i + 1 : -1};
    }
    const auto consider = [&](std::int32_t left) {
        if (left < 0) {
            return;
        }
        const Scratch::Symbol& l = symbols[static_cast<std::size_t>(left)];
        if (l.next < 0) {
            return;
        }
        const std::int32_t right_id = symbols[static_cast<std::size_t>(l.next)].id;
        const auto it = merges_.find(pair_key(l.id, right_id));
        if (it != merges_.end()) {
            queue.push({it->second.rank, left, l.id, right_id, it->second.result});
        }
    };
    for (std::int32_t i = 0; i + 1 < n; ++i) {
        consider(i);
    }
    while (!queue.empty()) {
        const Scratch::Candidate c = queue.top();
        queue.pop();
        Scratch::Symbol& l = symbols[static_cast<std::size_t>(c.left)];
        // Stale when either side has merged since: ids only grow, so equal
        // ids mean the same pair.
        if (l.id != c.left_id || l.next < 0) {
            continue;
        }
        Scratch::Symbol& r = symbols[static_cast<std::size_t>(l.next)];
        if (r.id != c.right_id) {
            continue;
        }
        l.id = c.result;
        r.id = -1;
        l.next = r.next;
        if (r.next >= 0) {
            symbols[static_cast<std::size_t>(r.next)].prev = c.left;
        }
        consider(l.prev);
        consider(c.left);
    }
    for (std::int32_t i = 0; i >= 0; i = symbols[static_cast<std::size_t>(i)].next) {
        ids.push_back(symbols[static_cast<std::size_t>(i)].id);
    }
    if (cacheable) {
        scratch.seen.emplace(
            word,
            std::vector<std::int32_t>(ids.begin() + static_cast<std::ptrdiff_t>(first), ids.end()));
    }
}

} // namespace clauselens::tokenizer
