#pragma once
// A byte-level pushdown automaton for JSON documents of one schema. The
// schema compiler (json_schema.h) turns a JSON schema into a Grammar; a
// GrammarState then says, byte by byte, whether what was written so far can
// still become a valid document, and whether it already is one.
//
// Bytes, not characters: tokens may end in the middle of a UTF-8 character,
// so a state may sit inside one. Every state reached by accepted bytes can be
// completed (the automaton has no dead ends), so masking tokens against it
// never leaves the model without a way to finish.
//
// Whitespace: up to k_max_whitespace bytes of space, tab, CR or LF are allowed
// at each place JSON allows whitespace before the document's end, none after
// it: once the document is complete, nothing but the end of the text may
// follow. The bound keeps a model from looping on whitespace forever.
//
// Numbers: JSON's number syntax with at most k_max_int_digits digits before
// the point, k_max_frac_digits after it and k_max_exp_digits in the exponent,
// so that every number written is finite and every integer exact in a double.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clauselens::sample {

inline constexpr int k_max_whitespace = 16;
inline constexpr uint32_t k_max_int_digits = 15;
inline constexpr uint32_t k_max_frac_digits = 15;
inline constexpr uint32_t k_max_exp_digits = 2;
// Objects and arrays nest at most this deep (the stack is fixed-size, so that
// states copy without allocating while masks are computed).
inline constexpr uint32_t k_max_depth = 16;
inline constexpr uint32_t k_unlimited = UINT32_MAX;

enum class NodeKind : uint8_t { object, array, string, integer, number, literal, any_of };

struct Property {
    std::string name;
    std::string key; // the name as a JSON string, quotes included: what is written
    uint32_t node = 0;
    bool required = false;
};

// One schema, compiled. Nodes refer to each other by index; node 0 is the
// document's root.
struct GrammarNode {
    NodeKind kind = NodeKind::literal;
    std::string path; // JSON pointer into the schema, for messages
    // object: properties in the order they are written; next_required[i] is
    // the first required property at or after i (properties.size() if none)
    std::vector<Property> properties;
    std::vector<uint32_t> next_required;
    // array
    uint32_t items = 0;
    uint32_t min_items = 0;
    uint32_t max_items = k_unlimited;
    // string (lengths in code points)
    uint32_t min_length = 0;
    uint32_t max_length = k_unlimited;
    // literal (enum, const, boolean, null): the JSON texts allowed, sorted
    std::vector<std::string> literals;
    // any_of: the alternatives, none of them any_of itself
    std::vector<uint32_t> alternatives;
    // Whitespace bytes allowed in each gap of this node (set_max_whitespace).
    uint8_t max_whitespace = k_max_whitespace;
};

struct Grammar {
    std::vector<GrammarNode> nodes;
};

// Allows at most `bytes` (<= k_max_whitespace) whitespace bytes in each gap
// instead of k_max_whitespace: 0 forces compact JSON, 1 allows the single
// spaces models write after ':' and ','. Fewer tokens per answer, and no
// budget spent on layout.
void set_max_whitespace(Grammar& grammar, uint8_t bytes);

// One place in the grammar: a node being written and how far it has got.
// 16 bytes with no padding, so that stacks compare and hash as raw bytes.
struct Frame {
    uint32_t node = 0;
    uint8_t phase = 0;
    uint8_t whitespace = 0; // whitespace bytes used in the current gap
    uint8_t utf8 = 0;       // strings: continuation bytes still expected (see grammar.cpp)
    uint8_t flag = 0;
    uint32_t count = 0; // object: next property; array: items; string: code points; ...
    uint32_t aux = 0;
};

struct Stack {
    uint32_t depth = 0; // frames in use; 0 once the document is complete
    std::array<Frame, k_max_depth> frames{};
};

// Where a document stands: the stacks of every reading still possible (more
// than one only under anyOf, until the bytes tell the alternatives apart).
// Empty when the bytes cannot be part of a valid document.
class GrammarState {
public:
    // The state before the first byte of a document of `grammar`, which must
    // outlive it.
    explicit GrammarState(const Grammar& grammar);

    // The state after one more byte; dead() if the byte is not allowed.
    GrammarState advanced(uint8_t byte) const;
    // Advances in place through `bytes`; false (and dead()) at the first one
    // that is not allowed.
    bool advance(std::string_view bytes);
    // Writes the state after `byte` into `out` (reusing its storage): what
    // mask computation calls for every trie edge.
    void advance_into(uint8_t byte, GrammarState& out) const;

    bool dead() const { return stacks_.empty(); }
    // Whether the bytes so far are a complete document.
    bool complete() const;

    // Where the grammar branches between enum/const values (or booleans,
    // null): the bytes that would complete each value that can be written
    // next, e.g. after `[` in an array of enum strings, every value's JSON
    // text; inside a value, the rest of each value still possible. Empty
    // where no such value is next. Sorted, without repeats. With
    // choice_probabilities() (sampler.h) this scores each value.
    std::vector<std::string> literal_choices() const;

    const Grammar& grammar() const { return *grammar_; }
    const std::vector<Stack>& stacks() const { return stacks_; }
    // The state as bytes, equal for equal states: a cache key.
    std::string key() const;

private:
    const Grammar* grammar_;
    std::vector<Stack> stacks_;
};

// Whether a frame is in the text of a string (not in an escape): where a
// token of plain text is decided by the frame's UTF-8 state and the
// characters left alone.
bool in_string_text(const Grammar& grammar, const Frame& frame);

// The UTF-8 automaton strings use: state 0 expects a new character; the
// others expect continuation bytes (see grammar.cpp). Returns the next state,
// or -1 when `byte` is not allowed. `starts` says whether the byte begins a
// character (for maxLength).
int utf8_step(int state, uint8_t byte, bool& starts);
inline constexpr int k_utf8_states = 8;

} // namespace clauselens::sample
