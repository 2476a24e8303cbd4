#include "sample/grammar.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace clauselens::sample {

namespace {

// A pseudo-byte fed to ask whether the document may end here: numbers and
// literals that could still grow end on it.
constexpr int k_end = 256;

// Phases of each kind of frame.
enum ObjectPhase : uint8_t {
    obj_start,
    obj_open,
    obj_key,
    obj_colon,
    obj_value,
    obj_after,
    obj_next
};
enum ArrayPhase : uint8_t { arr_start, arr_open, arr_item, arr_after };
enum StringPhase : uint8_t { str_start, str_chars, str_escape, str_hex };
enum NumberPhase : uint8_t {
    num_start,
    num_minus,
    num_zero,
    num_int,
    num_dot,
    num_frac,
    num_e,
    num_esign,
    num_exp
};
enum LiteralPhase : uint8_t { lit_start, lit_match };

enum class Action {
    reject,
    consumed,      // the byte stays in the top frame
    pop_consumed,  // the byte closes the top frame
    pop_refeed,    // the top frame is complete; the byte belongs to its parent
    push_consumed, // the byte is taken; a child value (node `child`) follows
    push_refeed,   // a child value (node `child`) starts with this byte
};

struct Step {
    Action action = Action::reject;
    uint32_t child = 0;
};

bool is_whitespace(int b) {
    return b == ' ' || b == '\n' || b == '\t' || b == '\r';
}

bool is_digit(int b) {
    return b >= '0' && b <= '9';
}

bool is_hex(int b) {
    return is_digit(b) || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
}

// Counts one more whitespace byte of the current gap, within the bound.
Step take_whitespace(const GrammarNode& n, Frame& f) {
    if (f.whitespace >= n.max_whitespace) {
        return {};
    }
    ++f.whitespace;
    return {Action::consumed};
}

// Object keys that may be written at property position `position`: the
// properties from there up to and including the first required one.
uint32_t last_candidate(const GrammarNode& n, uint32_t position) {
    const auto size = static_cast<uint32_t>(n.properties.size());
    const uint32_t required = n.next_required[position];
    return required < size ? required : size - 1;
}

bool object_may_close(const GrammarNode& n, uint32_t position) {
    return n.next_required[position] == n.properties.size();
}

// The first key among the candidates that starts with `prefix_of`'s first
// `offset` bytes followed by `b`; -1 if none.
int64_t next_key(const GrammarNode& n, uint32_t first, uint32_t prefix_of, uint32_t offset, int b) {
    const std::string& prefix = n.properties[prefix_of].key;
    for (uint32_t i = first; i <= last_candidate(n, first); ++i) {
        const std::string& key = n.properties[i].key;
        if (key.size() > offset && static_cast<uint8_t>(key[offset]) == b &&
            key.compare(0, offset, prefix, 0, offset) == 0) {
            return i;
        }
    }
    return -1;
}

Step step_object(const GrammarNode& n, Frame& f, int b) {
    const bool empty = n.properties.empty();
    switch (f.phase) {
    case obj_start:
        if (is_whitespace(b)) {
            return take_whitespace(n, f);
        }
        if (b == '{') {
            f.phase = obj_open;
            f.whitespace = 0;
            return {Action::consumed};
        }
        return {};
    case obj_open:
    case obj_after:
    case obj_next:
        if (is_whitespace(b)) {
            return take_whitespace(n, f);
        }
        if (b == '"' && f.phase != obj_after && !empty && f.count < n.properties.size()) {
            f.phase = obj_key;
            f.aux = f.count << 16 | 1; // candidate, bytes matched
            return {Action::consumed};
        }
        if (b == ',' && f.phase == obj_after && f.count < n.properties.size()) {
            f.phase = obj_next;
            f.whitespace = 0;
            return {Action::consumed};
        }
        if (b == '}' && f.phase != obj_next && (empty || object_may_close(n, f.count))) {
            return {Action::pop_consumed};
        }
        return {};
    case obj_key: {
        const uint32_t candidate = f.aux >> 16;
        const uint32_t offset = f.aux & 0xffff;
        const int64_t i = next_key(n, f.count, candidate, offset, b);
        if (i < 0) {
            return {};
        }
        const auto index = static_cast<uint32_t>(i);
        if (offset + 1 == n.properties[index].key.size()) {
            f.phase = obj_colon;
            f.whitespace = 0;
            f.count = index + 1;
            f.aux = index;
        } else {
            f.aux = index << 16 | (offset + 1);
        }
        return {Action::consumed};
    }
    case obj_colon:
        if (is_whitespace(b)) {
            return take_whitespace(n, f);
        }
        if (b == ':') {
            f.phase = obj_value;
            return {Action::push_consumed, n.properties[f.aux].node};
        }
        return {};
    default:
        return {};
    }
}

Step step_array(const GrammarNode& n, Frame& f, int b) {
    switch (f.phase) {
    case arr_start:
        if (is_whitespace(b)) {
            return take_whitespace(n, f);
        }
        if (b == '[') {
            f.phase = arr_open;
            f.whitespace = 0;
            return {Action::consumed};
        }
        return {};
    case arr_open:
        if (is_whitespace(b)) {
            return take_whitespace(n, f);
        }
        if (b == ']' && n.min_items == 0) {
            return {Action::pop_consumed};
        }
        if (b != ']' && b != k_end && n.max_items > 0) {
            f.phase = arr_item;
            f.count = 1;
            return {Action::push_refeed, n.items};
        }
        return {};
    case arr_after:
        if (is_whitespace(b)) {
            return take_whitespace(n, f);
        }
        if (b == ']' && f.count >= n.min_items) {
            return {Action::pop_consumed};
        }
        if (b == ',' && f.count < n.max_items) {
            f.phase = arr_item;
            ++f.count;
            return {Action::push_consumed, n.items};
        }
        return {};
    default:
        return {};
    }
}

Step step_string(const GrammarNode& n, Frame& f, int b) {
    switch (f.phase) {
    case str_start:
        if (is_whitespace(b)) {
            return take_whitespace(n, f);
        }
        if (b == '"') {
            f.phase = str_chars;
            return {Action::consumed};
        }
        return {};
    case str_chars: {
        if (b == k_end) {
            return {};
        }
        if (f.utf8 == 0) {
            if (b == '"') {
                return f.count >= n.min_length ? Step{Action::pop_consumed} : Step{};
            }
            if (b < 0x20) {
                return {}; // control characters must be escaped
            }
            if (b == '\\') {
                if (f.count >= n.max_length) {
                    return {};
                }
                ++f.count;
                f.phase = str_escape;
                return {Action::consumed};
            }
        }
        bool starts = false;
        const int next = utf8_step(f.utf8, static_cast<uint8_t>(b), starts);
        if (next < 0 || (starts && f.count >= n.max_length)) {
            return {};
        }
        f.count += starts ? 1 : 0;
        f.utf8 = static_cast<uint8_t>(next);
        return {Action::consumed};
    }
    case str_escape:
        if (b == 'u') {
            f.phase = str_hex;
            f.flag = 0;
            f.aux = 0;
            return {Action::consumed};
        }
        if (b == '"' || b == '\\' || b == '/' || b == 'b' || b == 'f' || b == 'n' || b == 'r' ||
            b == 't') {
            f.phase = str_chars;
            return {Action::consumed};
        }
        return {};
    case str_hex:
        if (!is_hex(b)) {
            return {};
        }
        // \uD800-\uDFFF are halves of surrogate pairs; a model may write any
        // character as UTF-8 instead, so they are not allowed at all.
        if (f.flag == 0) {
            f.aux = (b == 'd' || b == 'D') ? 1 : 0;
        } else if (f.flag == 1 && f.aux == 1 && !(b >= '0' && b <= '7')) {
            return {}; // \uD8xx to \uDFxx
        }
        if (++f.flag == 4) {
            f.phase = str_chars;
            f.flag = 0;
            f.aux = 0;
        }
        return {Action::consumed};
    default:
        return {};
    }
}

Step step_number(const GrammarNode& n, Frame& f, int b) {
    const bool real = n.kind == NodeKind::number;
    auto digits = [&](uint8_t phase, uint32_t count) {
        f.phase = phase;
        f.count = count;
        return Step{Action::consumed};
    };
    switch (f.phase) {
    case num_start:
        if (is_whitespace(b)) {
            return take_whitespace(n, f);
        }
        if (b == '-') {
            f.phase = num_minus;
            return {Action::consumed};
        }
        [[fallthrough]];
    case num_minus:
        if (b == '0') {
            return digits(num_zero, 1);
        }
        if (is_digit(b)) {
            return digits(num_int, 1);
        }
        return {};
    case num_zero:
    case num_int:
        if (f.phase == num_int && is_digit(b) && f.count < k_max_int_digits) {
            return digits(num_int, f.count + 1);
        }
        if (real && b == '.') {
            return digits(num_dot, 0);
        }
        if (real && (b == 'e' || b == 'E')) {
            return digits(num_e, 0);
        }
        return {Action::pop_refeed};
    case num_dot:
        return is_digit(b) ? digits(num_frac, 1) : Step{};
    case num_frac:
        if (is_digit(b) && f.count < k_max_frac_digits) {
            return digits(num_frac, f.count + 1);
        }
        if (b == 'e' || b == 'E') {
            return digits(num_e, 0);
        }
        return {Action::pop_refeed};
    case num_e:
        if (b == '+' || b == '-') {
            return digits(num_esign, 0);
        }
        [[fallthrough]];
    case num_esign:
        return is_digit(b) ? digits(num_exp, 1) : Step{};
    case num_exp:
        if (is_digit(b) && f.count < k_max_exp_digits) {
            return digits(num_exp, f.count + 1);
        }
        return {Action::pop_refeed};
    default:
        return {};
    }
}

// Literals are sorted, so those sharing a prefix are neighbours and the
// first of them is the shortest: `aux` is the first literal that matches the
// `count` bytes written so far.
Step step_literal(const GrammarNode& n, Frame& f, int b) {
    if (f.phase == lit_start && is_whitespace(b)) {
        return take_whitespace(n, f);
    }
    const uint32_t offset = f.phase == lit_start ? 0 : f.count;
    const uint32_t first = f.phase == lit_start ? 0 : f.aux;
    const std::string& prefix = n.literals[first];
    for (size_t i = first; i < n.literals.size(); ++i) {
        const std::string& text = n.literals[i];
        if (text.compare(0, offset, prefix, 0, offset) != 0) {
            break;
        }
        if (text.size() > offset && static_cast<uint8_t>(text[offset]) == b) {
            f.phase = lit_match;
            f.aux = static_cast<uint32_t>(i);
            f.count = offset + 1;
            return {Action::consumed};
        }
    }
    if (f.phase == lit_match && prefix.size() == offset) {
        return {Action::pop_refeed};
    }
    return {};
}

Step step_frame(const Grammar& g, Frame& f, int b) {
    const GrammarNode& n = g.nodes[f.node];
    switch (n.kind) {
    case NodeKind::object:
        return step_object(n, f, b);
    case NodeKind::array:
        return step_array(n, f, b);
    case NodeKind::string:
        return step_string(n, f, b);
    case NodeKind::integer:
    case NodeKind::number:
        return step_number(n, f, b);
    case NodeKind::literal:
        return step_literal(n, f, b);
    case NodeKind::any_of:
        break;
    }
    return {};
}

void push(Stack& s, uint32_t node) {
    if (s.depth == k_max_depth) {
        // The schema compiler refuses deeper schemas; reaching this is a bug.
        throw std::logic_error("grammar stack overflow");
    }
    s.frames[s.depth++] = Frame{node, 0, 0, 0, 0, 0, 0};
}

// Tells the parent of a frame that just closed that its value is written.
void child_done(const Grammar& g, Stack& s) {
    if (s.depth == 0) {
        return;
    }
    Frame& parent = s.frames[s.depth - 1];
    parent.whitespace = 0;
    parent.phase =
        g.nodes[parent.node].kind == NodeKind::object ? uint8_t{obj_after} : uint8_t{arr_after};
}

template <typename Fn>
void for_each_alternative(const Grammar& g, uint32_t node, Fn&& fn) {
    const GrammarNode& n = g.nodes[node];
    if (n.kind != NodeKind::any_of) {
        fn(node);
        return;
    }
    for (const uint32_t a : n.alternatives) {
        fn(a);
    }
}

bool same_stack(const Stack& a, const Stack& b) {
    return a.depth == b.depth &&
           std::memcmp(a.frames.data(), b.frames.data(), a.depth * sizeof(Frame)) == 0;
}

void add_unique(std::vector<Stack>& out, const Stack& s) {
    for (const Stack& o : out) {
        if (same_stack(o, s)) {
            return;
        }
    }
    out.push_back(s);
}

// Feeds byte b to one reading; appends what it becomes (none, one, or
// several after an anyOf) to `out`.
void feed(const Grammar& g, Stack s, int b, std::vector<Stack>& out) {
    for (;;) {
        if (s.depth == 0) {
            if (b == k_end) {
                add_unique(out, s);
            }
            return;
        }
        const Step step = step_frame(g, s.frames[s.depth - 1], b);
        switch (step.action) {
        case Action::reject:
            return;
        case Action::consumed:
            add_unique(out, s);
            return;
        case Action::pop_consumed:
            --s.depth;
            child_done(g, s);
            add_unique(out, s);
            return;
        case Action::pop_refeed:
            --s.depth;
            child_done(g, s);
            continue;
        case Action::push_consumed:
            for_each_alternative(g, step.child, [&](uint32_t node) {
                Stack c = s;
                push(c, node);
                add_unique(out, c);
            });
            return;
        case Action::push_refeed:
            for_each_alternative(g, step.child, [&](uint32_t node) {
                Stack c = s;
                push(c, node);
                feed(g, c, b, out);
            });
            return;
        }
    }
}

} // namespace

int utf8_step(int state, uint8_t b, bool& starts) {
    starts = false;
    switch (state) {
    case 0:
        starts = true;
        if (b < 0x80) {
            return 0;
        }
        if (b >= 0xc2 && b <= 0xdf) {
            return 1;
        }
        if (b == 0xe0) {
            return 4;
        }
        if (b == 0xed) {
            return 5; // no surrogates
        }
        if (b >= 0xe1 && b <= 0xef) {
            return 2;
        }
        if (b == 0xf0) {
            return 6;
        }
        if (b >= 0xf1 && b <= 0xf3) {
            return 3;
        }
        if (b == 0xf4) {
            return 7; // not above U+10FFFF
        }
        return -1;
    case 1:
        return b >= 0x80 && b <= 0xbf ? 0 : -1;
    case 2:
        return b >= 0x80 && b <= 0xbf ? 1 : -1;
    case 3:
        return b >= 0x80 && b <= 0xbf ? 2 : -1;
    case 4:
        return b >= 0xa0 && b <= 0xbf ? 1 : -1; // no overlong 3-byte forms
    case 5:
        return b >= 0x80 && b <= 0x9f ? 1 : -1;
    case 6:
        return b >= 0x90 && b <= 0xbf ? 2 : -1; // no overlong 4-byte forms
    case 7:
        return b >= 0x80 && b <= 0x8f ? 2 : -1;
    default:
        return -1;
    }
}

bool in_string_text(const Grammar& grammar, const Frame& frame) {
    return grammar.nodes[frame.node].kind == NodeKind::string && frame.phase == str_chars;
}

GrammarState::GrammarState(const Grammar& grammar) : grammar_(&grammar) {
    if (grammar.nodes.empty()) {
        throw std::invalid_argument("an empty grammar has no documents");
    }
    for_each_alternative(grammar, 0, [&](uint32_t node) {
        Stack s;
        push(s, node);
        stacks_.push_back(s);
    });
}

void GrammarState::advance_into(uint8_t byte, GrammarState& out) const {
    out.grammar_ = grammar_;
    out.stacks_.clear();
    for (const Stack& s : stacks_) {
        feed(*grammar_, s, byte, out.stacks_);
    }
}

GrammarState GrammarState::advanced(uint8_t byte) const {
    GrammarState out(*this);
    advance_into(byte, out);
    return out;
}

bool GrammarState::advance(std::string_view bytes) {
    GrammarState next(*this);
    for (const char c : bytes) {
        advance_into(static_cast<uint8_t>(c), next);
        stacks_.swap(next.stacks_);
        if (stacks_.empty()) {
            return false;
        }
    }
    return true;
}

bool GrammarState::complete() const {
    std::vector<Stack> out;
    for (const Stack& s : stacks_) {
        feed(*grammar_, s, k_end, out);
        if (!out.empty()) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> GrammarState::literal_choices() const {
    const Grammar& g = *grammar_;
    std::vector<std::string> out;
    auto add_all = [&](uint32_t node) {
        for_each_alternative(g, node, [&](uint32_t a) {
            const GrammarNode& n = g.nodes[a];
            if (n.kind == NodeKind::literal) {
                out.insert(out.end(), n.literals.begin(), n.literals.end());
            }
        });
    };
    for (const Stack& s : stacks_) {
        if (s.depth == 0) {
            continue;
        }
        const Frame& f = s.frames[s.depth - 1];
        const GrammarNode& n = g.nodes[f.node];
        if (n.kind == NodeKind::literal && f.phase == lit_start) {
            add_all(f.node);
        } else if (n.kind == NodeKind::literal) {
            // The literals from f.aux on that share the bytes written so far.
            const std::string& prefix = n.literals[f.aux];
            for (size_t i = f.aux; i < n.literals.size(); ++i) {
                const std::string& text = n.literals[i];
                if (text.compare(0, f.count, prefix, 0, f.count) != 0) {
                    break;
                }
                if (text.size() > f.count) {
                    out.push_back(text.substr(f.count));
                }
            }
        } else if (n.kind == NodeKind::array && f.phase == arr_open && n.max_items > 0) {
            add_all(n.items); // the first item, which is not on the stack yet
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string GrammarState::key() const {
    std::string k;
    for (const Stack& s : stacks_) {
        k.append(reinterpret_cast<const char*>(&s.depth), sizeof s.depth);
        k.append(reinterpret_cast<const char*>(s.frames.data()), s.depth * sizeof(Frame));
    }
    return k;
}

void set_max_whitespace(Grammar& grammar, uint8_t bytes) {
    const uint8_t bound = std::min<uint8_t>(bytes, k_max_whitespace);
    for (GrammarNode& n : grammar.nodes) {
        n.max_whitespace = bound;
    }
}

} // namespace clauselens::sample
