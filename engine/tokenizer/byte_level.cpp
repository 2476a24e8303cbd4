#include "tokenizer/byte_level.h"

#include <array>
#include <cstdint>

namespace clauselens::tokenizer {

namespace {

// GPT-2's table: the printable bytes of Latin-1 ('!'..'~', '¡'..'¬',
// '®'..'ÿ') stand for themselves; the other 68 bytes, in order, take the
// code points from U+0100 up.
struct Alphabet {
    std::array<char32_t, 256> to_code_point{};
    std::array<std::int16_t, 0x144> to_byte{}; // -1 outside the alphabet

    Alphabet() {
        to_byte.fill(-1);
        char32_t next = 0x100;
        for (int b = 0; b < 256; ++b) {
            const bool printable =
                (b >= '!' && b <= '~') || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
            to_code_point[b] = printable ? static_cast<char32_t>(b) : next++;
            to_byte[to_code_point[b]] = static_cast<std::int16_t>(b);
        }
    }
};

const Alphabet& alphabet() {
    static const Alphabet a;
    return a;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xc0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        out += static_cast<char>(0xe0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    }
}

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

} // namespace

namespace {

// Table 3-7 of the Unicode standard: how many bytes a lead byte announces
// and the range of the byte after it, which rules out overlong forms,
// surrogates and values above U+10FFFF. n is 0 for a byte that leads nothing.
struct Lead {
    std::size_t n = 0;
    unsigned lo = 0x80;
    unsigned hi = 0xbf;
};

Lead lead(unsigned b0) {
    if (b0 < 0x80) {
        return {1, 0, 0};
    }
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        return {2, 0x80, 0xbf};
    }
    if (b0 >= 0xe0 && b0 <= 0xef) {
        return {3, b0 == 0xe0 ? 0xa0u : 0x80u, b0 == 0xed ? 0x9fu : 0xbfu};
    }
    if (b0 >= 0xf0 && b0 <= 0xf4) {
        return {4, b0 == 0xf0 ? 0x90u : 0x80u, b0 == 0xf4 ? 0x8fu : 0xbfu};
    }
    return {};
}

// How many bytes from text[pos] belong to the sequence its lead byte starts:
// the lead and the continuation bytes that fit, at most l.n.
std::size_t sequence_prefix(std::string_view text, std::size_t pos, const Lead& l) {
    std::size_t k = 1;
    while (k < l.n && pos + k < text.size()) {
        const unsigned b = static_cast<unsigned char>(text[pos + k]);
        const unsigned lo = k == 1 ? l.lo : 0x80u;
        const unsigned hi = k == 1 ? l.hi : 0xbfu;
        if (b < lo || b > hi) {
            break;
        }
        ++k;
    }
    return k;
}

} // namespace

std::size_t utf8_char_length(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) {
        return 0;
    }
    const Lead l = lead(static_cast<unsigned char>(text[pos]));
    if (l.n <= 1) {
        return l.n;
    }
    return sequence_prefix(text, pos, l) == l.n ? l.n : 0;
}

std::string byte_level_encode(std::string_view bytes) {
    const Alphabet& a = alphabet();
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        append_utf8(out, a.to_code_point[static_cast<unsigned char>(c)]);
    }
    return out;
}

bool byte_level_decode(std::string_view text, std::string& out) {
    const Alphabet& a = alphabet();
    out.clear();
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t n = utf8_char_length(text, i);
        char32_t c = 0;
        if (n == 1) {
            c = static_cast<unsigned char>(text[i]);
        } else if (n == 2) {
            c = ((static_cast<unsigned char>(text[i]) & 0x1fu) << 6) |
                (static_cast<unsigned char>(text[i + 1]) & 0x3fu);
        } else {
            return false; // the alphabet ends at U+0143: all of it is 1 or 2 bytes
        }
        if (c >= a.to_byte.size() || a.to_byte[c] < 0) {
            return false;
        }
        out += static_cast<char>(a.to_byte[c]);
        i += n;
    }
    return true;
}

std::string valid_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t n = utf8_char_length(bytes, i);
        if (n > 0) {
            out.append(bytes.substr(i, n));
            i += n;
            continue;
        }
        // The maximal subpart: a lead byte and the continuation bytes that
        // fit it, or a single byte that leads nothing, becomes one U+FFFD.
        const Lead l = lead(static_cast<unsigned char>(bytes[i]));
        const std::size_t len = l.n == 0 ? 1 : sequence_prefix(bytes, i, l);
        out.append(k_replacement);
        i += len;
    }
    return out;
}

} // namespace clauselens::tokenizer
