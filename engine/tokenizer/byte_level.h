#pragma once
// GPT-2's byte-level alphabet, which byte-level BPE vocabularies (Llama 3,
// Qwen2) are written in: every byte value has a printable character of its
// own ("Ġ" for a space, "Ċ" for a newline), so that a token's text is a
// string of such characters, one per byte it stands for.

#include <string>
#include <string_view>

namespace clauselens::tokenizer {

// The byte-level text of `bytes`: one character (UTF-8 encoded) per byte.
std::string byte_level_encode(std::string_view bytes);

// The bytes that byte-level text stands for. False (and `out` unspecified)
// when `text` has a character outside the alphabet or is not valid UTF-8.
bool byte_level_decode(std::string_view text, std::string& out);

// `bytes` with each ill-formed UTF-8 sequence replaced by U+FFFD, one per
// maximal subpart as the Unicode standard recommends (and as Hugging Face's
// decoder and browsers do), so "\xE2\x82" becomes one U+FFFD, "\xFF\xFF" two.
std::string valid_utf8(std::string_view bytes);

// The length of the well-formed UTF-8 character at text[pos], or 0 when the
// bytes there do not start one.
std::size_t utf8_char_length(std::string_view text, std::size_t pos);

} // namespace clauselens::tokenizer
