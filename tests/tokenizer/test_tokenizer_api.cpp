// The Tokenizer on a vocabulary small enough to predict every id: encoding,
// decoding, streaming pieces, control tokens, and the errors for ids that do
// not exist.

#include "hand_vocab.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/tokenizer_error.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <thread>

using namespace clauselens::tokenizer;
using namespace clauselens::tokenizer::test;

using Ids = std::vector<std::int32_t>;

TEST_CASE("tokenizer: BPE merges by score, byte fallback, user-defined pieces", "[tokenizer]") {
    const Tokenizer tok = Tokenizer::from_vocab(hand_vocab());
    CHECK(tok.vocab_size() == hand::size);
    CHECK(tok.bos() == hand::bos);
    CHECK(tok.eos() == hand::eos);
    CHECK(tok.unk() == hand::unk);
    CHECK(tok.add_bos());

    // "▁ab": "▁a" outscores "ab", then "▁a"+"b" is a piece.
    CHECK(tok.encode("ab", false) == Ids{hand::space_ab});
    CHECK(tok.encode("ab", true) == Ids{hand::bos, hand::space_ab});
    CHECK(tok.encode("ba", false) == Ids{hand::space, hand::b, hand::a});
    CHECK(tok.encode("ab ab", false) == Ids{hand::space_ab, hand::space_ab});
    CHECK(tok.encode("  a", false) == Ids{hand::space, hand::space, hand::space_a});
    // Characters outside the vocabulary fall back to their UTF-8 bytes.
    CHECK(tok.encode("d", false) == Ids{hand::space, hand::byte('d')});
    CHECK(tok.encode("\xf0\x9f\xa6\x99", false) ==
          Ids{hand::space, hand::byte(0xf0), hand::byte(0x9f), hand::byte(0xa6), hand::byte(0x99)});
    // User-defined pieces are always whole.
    CHECK(tok.encode("[X]ab", false) == Ids{hand::space, hand::x, hand::ab});
    CHECK(tok.encode("", false).empty());
    CHECK(tok.encode("", true) == Ids{hand::bos});
}

TEST_CASE("tokenizer: without a space prefix", "[tokenizer]") {
    SpmVocab v = hand_vocab();
    v.add_space_prefix = false;
    const Tokenizer tok = Tokenizer::from_vocab(v);
    CHECK(tok.encode("ab", false) == Ids{hand::ab});
    CHECK(tok.encode(" ab", false) == Ids{hand::space_ab});
    // The first piece keeps its space: there is no prefix to take back.
    CHECK(tok.piece(hand::space_ab) == " ab");
    CHECK(tok.piece(hand::space_ab, hand::bos) == " ab");
}

TEST_CASE("tokenizer: decode as sentencepiece does", "[tokenizer]") {
    const Tokenizer tok = Tokenizer::from_vocab(hand_vocab());
    CHECK(tok.decode(Ids{}).empty());
    CHECK(tok.decode(Ids{hand::bos, hand::space_ab, hand::space_a, hand::eos}) == "ab a");
    CHECK(tok.decode(Ids{hand::space, hand::space, hand::space_a}) == "  a");
    CHECK(tok.decode(Ids{hand::unk}) == " \u2047 ");
    CHECK(tok.decode(Ids{hand::byte(0xe2), hand::byte(0x82), hand::byte(0xac)}) == "\u20ac");
    // An incomplete UTF-8 sequence becomes U+FFFD.
    CHECK(tok.decode(Ids{hand::byte(0xf0), hand::byte(0x9f)}).find("\ufffd") != std::string::npos);
    CHECK(tok.decode(Ids{hand::user, hand::end}).empty());
    CHECK(tok.decode(Ids{hand::x}) == "[X]");
}

TEST_CASE("tokenizer: pieces for streaming", "[tokenizer]") {
    const Tokenizer tok = Tokenizer::from_vocab(hand_vocab());
    // The space prefix is taken back from the first token of the text only.
    CHECK(tok.piece(hand::space_ab) == "ab");
    CHECK(tok.piece(hand::space_ab, hand::bos) == "ab");
    CHECK(tok.piece(hand::space_ab, hand::a) == " ab");
    CHECK(tok.piece(hand::space_ab, hand::eos) == " ab");
    CHECK(tok.piece(hand::space, -1).empty());
    CHECK(tok.piece(hand::ab, -1) == "ab");
    // Byte tokens give their byte; control tokens nothing.
    CHECK(tok.piece(hand::byte('\n'), hand::a) == "\n");
    CHECK(tok.piece(hand::byte(0xf0), hand::a) == "\xf0");
    CHECK(tok.piece(hand::bos).empty());
    CHECK(tok.piece(hand::user, hand::a).empty());
    CHECK(tok.piece(hand::unk, hand::a) == " \u2047 ");
    CHECK(tok.piece(hand::x, hand::a) == "[X]");

    // token_bytes: what a token adds in mid-text, never losing its space.
    CHECK(tok.token_bytes(hand::space_ab) == " ab");
    CHECK(tok.token_bytes(hand::byte(0xf0)) == "\xf0");
    CHECK(tok.token_bytes(hand::eos).empty());

    CHECK(tok.raw_piece(hand::space_ab) == "\u2581ab");
    CHECK(tok.raw_piece(hand::byte(10)) == "<0x0A>");
    CHECK(tok.type(hand::byte(10)) == TokenType::byte);
    CHECK(tok.type(hand::x) == TokenType::user_defined);
    CHECK(tok.type(hand::unused) == TokenType::unused);
    CHECK(tok.is_control(hand::eos));
    CHECK_FALSE(tok.is_control(hand::a));

    // Streaming a whole sequence gives the decoded text, emoji included.
    const std::string text = "ab\xf0\x9f\xa6\x99 ba";
    const Ids ids = tok.encode(text, true);
    std::string streamed;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        streamed += tok.piece(ids[i], i == 0 ? -1 : ids[i - 1]);
    }
    CHECK(streamed == text);
    CHECK(tok.decode(ids) == text);
}

TEST_CASE("tokenizer: control tokens in text only with parse_special", "[tokenizer]") {
    const Tokenizer tok = Tokenizer::from_vocab(hand_vocab());
    const std::string chat = "<|user|>ab<|end|>";
    // Document text: "<|user|>" is just characters.
    const Ids plain = tok.encode(chat, false);
    CHECK(std::find(plain.begin(), plain.end(), hand::user) == plain.end());
    CHECK(tok.decode(plain) == chat);
    // Chat template: each control token's text is that token, and each text
    // between them gets its own space prefix, as in llama.cpp.
    CHECK(tok.encode(chat, false, true) == Ids{hand::user, hand::space_ab, hand::end});
    CHECK(tok.encode(chat, true, true) == Ids{hand::bos, hand::user, hand::space_ab, hand::end});
    CHECK(tok.encode("ab<s>ab</s>", false, true) ==
          Ids{hand::space_ab, hand::bos, hand::space_ab, hand::eos});
    // The longest control token wins.
    CHECK(tok.encode("<|end|>!", false, true) == Ids{hand::end_bang});
    CHECK(tok.encode("<|end|>?", false, true) == Ids{hand::end, hand::space, hand::byte('?')});
    CHECK(tok.encode("<|end", false, true) == tok.encode("<|end", false));
}

TEST_CASE("tokenizer: ids outside the vocabulary are errors", "[tokenizer]") {
    const Tokenizer tok = Tokenizer::from_vocab(hand_vocab());
    const std::string message = "token id 271 is outside the vocabulary of 271 tokens";
    CHECK_THROWS_WITH(tok.piece(hand::size), message);
    CHECK_THROWS_WITH(tok.piece(hand::a, hand::size), message);
    CHECK_THROWS_WITH(tok.raw_piece(hand::size), message);
    CHECK_THROWS_WITH(tok.type(hand::size), message);
    CHECK_THROWS_WITH(tok.is_control(hand::size), message);
    CHECK_THROWS_WITH(tok.decode(Ids{hand::a, hand::size}), message);
    CHECK_THROWS_WITH(tok.decode(Ids{-1}), "token id -1 is outside the vocabulary of 271 tokens");
    CHECK_THROWS_WITH(tok.piece(-7), "token id -7 is outside the vocabulary of 271 tokens");
    CHECK_THROWS_AS(tok.piece(hand::a, -2), TokenizerError);
}

TEST_CASE("tokenizer: concurrent use of one tokenizer", "[tokenizer]") {
    const Tokenizer tok = Tokenizer::from_vocab(hand_vocab());
    const std::string text = "ab ba [X] c\xf0\x9f\xa6\x99 ";
    const Ids expected = tok.encode(text, true);
    std::vector<int> ok(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < ok.size(); ++t) {
        threads.emplace_back([&, t] {
            bool all = true;
            for (int i = 0; i < 500; ++i) {
                all = all && tok.encode(text, true) == expected && tok.decode(expected) == text;
            }
            ok[t] = all ? 1 : 0;
        });
    }
    for (std::thread& t : threads) {
        t.join();
    }
    CHECK(ok == std::vector<int>(4, 1));
}
