#pragma once
// A small vocabulary made by hand, so that tests can predict every id:
//   0 <unk>, 1 <s>, 2 </s>, 3..258 the byte tokens <0x00>..<0xFF>,
//   then "▁", "a", "b", "c", "▁a", "ab", "▁ab" with BPE scores (-id),
//   control tokens "<|user|>", "<|end|>", "<|end|>!", the user-defined
//   "[X]" and one unused piece.

#include "tokenizer/spm_vocab.h"

#include <cstdint>

namespace clauselens::tokenizer::test {

namespace hand {
constexpr std::int32_t unk = 0;
constexpr std::int32_t bos = 1;
constexpr std::int32_t eos = 2;
constexpr std::int32_t byte(unsigned char b) {
    return 3 + b;
}
constexpr std::int32_t space = 259; // "▁"
constexpr std::int32_t a = 260;
constexpr std::int32_t b = 261;
constexpr std::int32_t c = 262;
constexpr std::int32_t space_a = 263;
constexpr std::int32_t ab = 264;
constexpr std::int32_t space_ab = 265;
constexpr std::int32_t user = 266;     // control "<|user|>"
constexpr std::int32_t end = 267;      // control "<|end|>"
constexpr std::int32_t end_bang = 268; // control "<|end|>!", longer than "<|end|>"
constexpr std::int32_t x = 269;        // user-defined "[X]"
constexpr std::int32_t unused = 270;
constexpr std::int32_t size = 271;
} // namespace hand

SpmVocab hand_vocab();

} // namespace clauselens::tokenizer::test
