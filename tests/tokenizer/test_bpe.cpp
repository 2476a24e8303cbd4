// Byte-level BPE on small vocabularies built in memory: the byte alphabet,
// UTF-8 repair, the pre-tokenizers, merge order, special tokens, the GGUF
// keys, and the errors for vocabularies and tokenizer.json files we cannot use.

#include "gguf/gguf_reader.h"
#include "gguf/gguf_writer.h"
#include "tokenizer/bpe_gguf.h"
#include "tokenizer/bpe_model.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/tokenizer_error.h"
#include "tokenizer/tokenizer_json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace clauselens::tokenizer {

namespace {

using Ids = std::vector<std::int32_t>;

// 256 byte tokens (id = byte value), then the merges' results, then
// specials: 256 "Ġt", 257 "he", 258 "Ġthe", 259 "ab", 260 "bc", 261 "abc",
// 262 "<|bos|>" (control), 263 "<|eos|>" (control), 264 "<tool>"
// (user-defined), 265 "<tool>x" (control, longer than <tool>).
BpeVocab small_vocab(const std::string& pre, const std::vector<std::string>& merges) {
    BpeVocab v;
    for (int b = 0; b < 256; ++b) {
        v.tokens.push_back(byte_level_encode(std::string(1, static_cast<char>(b))));
        v.types.push_back(TokenType::normal);
    }
    for (const char* t : {"Ġt", "he", "Ġthe", "ab", "bc", "abc"}) {
        v.tokens.emplace_back(t);
        v.types.push_back(TokenType::normal);
    }
    v.tokens.emplace_back("<|bos|>");
    v.types.push_back(TokenType::control);
    v.tokens.emplace_back("<|eos|>");
    v.types.push_back(TokenType::control);
    v.tokens.emplace_back("<tool>");
    v.types.push_back(TokenType::user_defined);
    v.tokens.emplace_back("<tool>x");
    v.types.push_back(TokenType::control);
    v.merges = merges;
    v.pre = pre;
    v.bos_id = 262;
    v.eos_id = 263;
    v.add_bos = true;
    return v;
}

const std::vector<std::string> k_merges = {"Ġ t", "h e", "Ġt he", "b c", "a b", "a bc"};

std::int32_t b(char c) {
    return static_cast<unsigned char>(c);
}

std::vector<std::string> words(const std::string& pre, std::string_view text) {
    std::vector<std::string> out;
    PreTokenizer(pre).split(text, [&](std::string_view w) { out.emplace_back(w); });
    return out;
}

std::vector<std::byte> gguf_bytes(const BpeVocab& v) {
    gguf::GgufWriter w;
    write_bpe_vocab(w, v);
    return w.write_to_memory();
}

} // namespace

TEST_CASE("bpe: the byte alphabet maps every byte and back", "[tokenizer][bpe]") {
    CHECK(byte_level_encode(" ") == "Ġ");
    CHECK(byte_level_encode("\n") == "Ċ");
    CHECK(byte_level_encode("a!~") == "a!~");
    CHECK(byte_level_encode("\xC3\xA9") == "Ã©"); // é's two bytes, each printable Latin-1
    std::string all;
    for (int i = 0; i < 256; ++i) {
        all += static_cast<char>(i);
    }
    std::string back;
    REQUIRE(byte_level_decode(byte_level_encode(all), back));
    CHECK(back == all);
    CHECK_FALSE(byte_level_decode("\xE2\x82\xAC", back)); // € is not in the alphabet
    CHECK_FALSE(byte_level_decode("\xC3", back));         // cut UTF-8
}

TEST_CASE("bpe: ill-formed UTF-8 becomes U+FFFD per maximal subpart", "[tokenizer][bpe]") {
    const std::string r = "\xEF\xBF\xBD";
    CHECK(valid_utf8("plain \xC3\xA9 text \xF0\x9F\xA6\x99") ==
          "plain \xC3\xA9 text \xF0\x9F\xA6\x99");
    CHECK(valid_utf8("\xE2\x82") == r); // a cut three-byte character
    CHECK(valid_utf8("a\xF0\x9F\xA6"
                     "b") == "a" + r + "b");
    CHECK(valid_utf8("\xFF\xFF") == r + r);                 // bytes that start nothing
    CHECK(valid_utf8("\xED\xA0\x80") == r + r + r);         // a surrogate
    CHECK(valid_utf8("\xC0\xAF") == r + r);                 // overlong
    CHECK(valid_utf8("\xF4\x90\x80\x80") == r + r + r + r); // above U+10FFFF
    CHECK(utf8_char_length("\xF0\x9F\xA6\x99", 0) == 4);
    CHECK(utf8_char_length("\x80", 0) == 0);
}

TEST_CASE("bpe: the pre-tokenizers split words as the models' expressions do", "[tokenizer][bpe]") {
    CHECK(words("llama-bpe", "Hello world's 1234567 x") ==
          std::vector<std::string>{"Hello", " world", "'s", " ", "123", "456", "7", " x"});
    CHECK(words("qwen2", "ab 123") == std::vector<std::string>{"ab", " ", "1", "2", "3"});
    CHECK(words("gpt-2", "ab 123") == std::vector<std::string>{"ab", " 123"});
    // Whitespace before a word stays with the word; newlines group.
    CHECK(words("llama-bpe", "a   b\n\n c") ==
          std::vector<std::string>{"a", "  ", " b", "\n\n", " c"});
    CHECK(words("llama-bpe", "I'M DON'T") == std::vector<std::string>{"I", "'M", " DON", "'T"});
    // Unicode letters and digits by category, not by byte.
    CHECK(words("llama-bpe", "Zürich ٣٤٥٦ 中文") ==
          std::vector<std::string>{"Zürich", " ", "٣٤٥", "٦", " 中文"});
    // Bytes that are not UTF-8 are words of their own.
    CHECK(words("llama-bpe", "ab\xFF"
                             "cd") == std::vector<std::string>{"ab", "\xFF", "cd"});
    // Qwen's NFC: a decomposed é is one letter.
    CHECK(words("qwen2", "e\xCC\x81t\xC3\xA9") == std::vector<std::string>{"\xC3\xA9t\xC3\xA9"});
}

TEST_CASE("bpe: merges apply by rank, lowest first", "[tokenizer][bpe]") {
    const Tokenizer bc_first = Tokenizer::from_vocab(small_vocab("qwen2", k_merges));
    CHECK(bc_first.encode("abc", false) == Ids{261}); // b c, then a bc
    CHECK(bc_first.encode(" the", false) == Ids{258});
    CHECK(bc_first.encode("the", false) == Ids{b('t'), 257});
    const Tokenizer ab_first =
        Tokenizer::from_vocab(small_vocab("qwen2", {"a b", "b c", "Ġ t", "h e", "Ġt he"}));
    CHECK(ab_first.encode("abc", false) == Ids{259, b('c')}); // a b wins; no "ab c" merge
    // Equal ranks merge leftmost first: "abab" -> ab ab.
    CHECK(ab_first.encode("abab", false) == Ids{259, 259});
    // A long word stays exact (and fast): every "ab" pair merges.
    std::string long_word;
    for (int i = 0; i < 5000; ++i) {
        long_word += "ab";
    }
    CHECK(ab_first.encode(long_word, false) == Ids(5000, 259));
}

TEST_CASE("bpe: Llama 3 takes a word that is a token whole (ignore_merges)", "[tokenizer][bpe]") {
    // "abc" is a token but no merges lead to it.
    const std::vector<std::string> merges = {"a b"};
    CHECK(Tokenizer::from_vocab(small_vocab("llama-bpe", merges)).encode("abc", false) == Ids{261});
    CHECK(Tokenizer::from_vocab(small_vocab("qwen2", merges)).encode("abc", false) ==
          Ids{259, b('c')});
}

TEST_CASE("bpe: control tokens only with parse_special, user-defined ones always",
          "[tokenizer][bpe]") {
    const Tokenizer tok = Tokenizer::from_vocab(small_vocab("llama-bpe", k_merges));
    CHECK(tok.encode("the", true) == Ids{262, b('t'), 257});
    CHECK(tok.encode("", true) == Ids{262});
    CHECK(tok.encode("<|eos|>", false).size() > 1);
    CHECK(tok.encode("<|eos|>", false, true) == Ids{263});
    CHECK(tok.encode("a<|eos|> the", false, true) == Ids{b('a'), 263, 258});
    CHECK(tok.encode("<tool>", false) == Ids{264});
    CHECK(tok.encode("a<tool>b", false) == Ids{b('a'), 264, b('b')});
    // Longest match: "<tool>x" is a control token, taken only with parse_special.
    CHECK(tok.encode("<tool>x", false) == Ids{264, b('x')});
    CHECK(tok.encode("<tool>x", false, true) == Ids{265});
}

TEST_CASE("bpe: decode joins bytes, drops control tokens, repairs UTF-8 at the end",
          "[tokenizer][bpe]") {
    const Tokenizer tok = Tokenizer::from_vocab(small_vocab("llama-bpe", k_merges));
    CHECK(tok.decode(Ids{262, b('a'), 258, 264, 263}) == "a the<tool>");
    CHECK(tok.token_bytes(258) == " the");
    CHECK(tok.token_bytes(262).empty());
    CHECK(tok.token_bytes(264) == "<tool>");
    CHECK(tok.raw_piece(258) == "Ġthe");
    // An emoji's four bytes come one token at a time: pieces are raw bytes,
    // decode repairs only what is still broken at the end.
    const Ids emoji = tok.encode("\xF0\x9F\xA6\x99", false);
    REQUIRE(emoji.size() == 4);
    CHECK(tok.piece(emoji[0]) == "\xF0");
    CHECK(tok.decode(emoji) == "\xF0\x9F\xA6\x99");
    CHECK(tok.decode(Ids(emoji.begin(), emoji.begin() + 2)) == "\xEF\xBF\xBD");
    // Arbitrary bytes go through unchanged.
    const std::string binary("\x00\xFF\xFE a\x80", 6);
    std::string joined;
    for (const std::int32_t id : tok.encode(binary, false)) {
        joined += tok.token_bytes(id);
    }
    CHECK(joined == binary);
    CHECK_THROWS_AS(tok.decode(Ids{266}), TokenizerError);
    CHECK_THROWS_AS(tok.token_bytes(-1), TokenizerError);
}

TEST_CASE("bpe gguf: the vocabulary round-trips through GGUF keys", "[tokenizer][bpe][gguf]") {
    const BpeVocab v = small_vocab("qwen2", k_merges);
    const std::vector<std::byte> bytes = gguf_bytes(v);
    const gguf::GgufFile file = gguf::GgufFile::from_memory(bytes);
    CHECK(file.get_string("tokenizer.ggml.model") == "gpt2");
    CHECK(file.get_string("tokenizer.ggml.pre") == "qwen2");
    const BpeVocab back = read_bpe_vocab(file);
    CHECK(back.tokens == v.tokens);
    CHECK(back.types == v.types);
    CHECK(back.merges == v.merges);
    CHECK(back.bos_id == 262);
    CHECK(back.eos_id == 263);
    CHECK(back.add_bos);
    const Tokenizer tok = Tokenizer::from_gguf(file);
    CHECK(tok.encode("abc the", true) == Ids{262, 261, 258});
}

TEST_CASE("bpe gguf: an unknown pre-tokenizer is named with the supported ones",
          "[tokenizer][bpe][gguf]") {
    BpeVocab v = small_vocab("qwen2", k_merges);
    gguf::GgufWriter w;
    write_bpe_vocab(w, v);
    // Rewrite the key: the writer validates, so build the file by hand.
    gguf::GgufWriter hand;
    const std::vector<std::byte> good = w.write_to_memory();
    const gguf::GgufFile file = gguf::GgufFile::from_memory(good);
    for (const gguf::MetadataEntry& e : file.metadata()) {
        if (e.key == "tokenizer.ggml.pre") {
            hand.add_string(e.key, "falcon");
        } else {
            hand.add_value(e.key, e.value);
        }
    }
    const std::vector<std::byte> bad = hand.write_to_memory();
    CHECK_THROWS_WITH(Tokenizer::from_gguf(gguf::GgufFile::from_memory(bad)),
                      Catch::Contains("'falcon'") && Catch::Contains("llama-bpe") &&
                          Catch::Contains("qwen2"));
}

TEST_CASE("bpe: unusable vocabularies are refused with the reason", "[tokenizer][bpe]") {
    BpeVocab v = small_vocab("qwen2", k_merges);
    v.merges.push_back("ab");
    CHECK_THROWS_WITH(Tokenizer::from_vocab(v), Catch::Contains("not two tokens separated"));
    v = small_vocab("qwen2", k_merges);
    v.merges.push_back("t he"); // "the" is not a token
    CHECK_THROWS_WITH(Tokenizer::from_vocab(v), Catch::Contains("not a token"));
    v = small_vocab("qwen2", k_merges);
    v.tokens[10] = "x10"; // byte 0x0A loses its token
    CHECK_THROWS_WITH(Tokenizer::from_vocab(v), Catch::Contains("no token for byte 0x0A"));
    v = small_vocab("qwen2", k_merges);
    v.bos_id = 1000;
    CHECK_THROWS_WITH(Tokenizer::from_vocab(v), Catch::Contains("outside the vocabulary"));
    v = small_vocab("nonesuch", k_merges);
    CHECK_THROWS_WITH(Tokenizer::from_vocab(v), Catch::Contains("'nonesuch'"));
}

TEST_CASE("tokenizer.json: a small byte-level BPE file converts", "[tokenizer][bpe][json]") {
    // Every byte's character, two merges, one special and one plain added token.
    nlohmann::json vocab = nlohmann::json::object();
    for (int i = 0; i < 256; ++i) {
        vocab[byte_level_encode(std::string(1, static_cast<char>(i)))] = i;
    }
    vocab["ab"] = 256;
    vocab["abc"] = 257;
    const nlohmann::json j = {
        {"model", {{"type", "BPE"}, {"vocab", vocab}, {"merges", {{"a", "b"}, "ab c"}}}},
        {"pre_tokenizer",
         {{"type", "Sequence"},
          {"pretokenizers",
           {{{"type", "Split"},
             {"pattern",
              {{"Regex", "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|"
                         "\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!"
                         "\\S)|\\s+"}}}},
            {{"type", "ByteLevel"}, {"use_regex", false}}}}}},
        {"added_tokens",
         {{{"id", 259}, {"content", "<|end|>"}, {"special", true}},
          {{"id", 260}, {"content", "<x>"}, {"special", false}}}},
    };
    const std::string config = R"({"eos_token": "<|end|>", "bos_token": null})";
    const BpeVocab v = parse_tokenizer_json(j.dump(), config);
    CHECK(v.pre == "qwen2");
    REQUIRE(v.tokens.size() == 261);
    CHECK(v.tokens[258] == "[PAD258]"); // the gap
    CHECK(v.types[258] == TokenType::unused);
    CHECK(v.types[259] == TokenType::control);
    CHECK(v.types[260] == TokenType::user_defined);
    CHECK(v.merges == std::vector<std::string>{"a b", "ab c"});
    CHECK(v.eos_id == 259);
    CHECK(v.bos_id == -1);
    CHECK_FALSE(v.add_bos);
    const Tokenizer tok = Tokenizer::from_vocab(v);
    CHECK(tok.encode("abc<x><|end|>", true) ==
          Ids{257, 260, b('<'), b('|'), b('e'), b('n'), b('d'), b('|'), b('>')});
    CHECK(tok.encode("abc<|end|>", true, true) == Ids{257, 259});
}

TEST_CASE("tokenizer.json: malformed files are refused with the reason", "[tokenizer][bpe][json]") {
    CHECK_THROWS_WITH(parse_tokenizer_json("{not json"), Catch::Contains("not valid JSON"));
    CHECK_THROWS_WITH(parse_tokenizer_json("[]"), Catch::Contains("not a JSON object"));
    CHECK_THROWS_WITH(parse_tokenizer_json(R"({"model": {"type": "WordPiece"}})"),
                      Catch::Contains("\"WordPiece\"; only BPE"));
    const std::string byte_level = R"("pre_tokenizer": {"type": "ByteLevel"})";
    CHECK_THROWS_WITH(
        parse_tokenizer_json(R"({"model": {"type": "BPE", "merges": []}, )" + byte_level + "}"),
        Catch::Contains("has no \"vocab\""));
    CHECK_THROWS_WITH(
        parse_tokenizer_json(R"({"model": {"type": "BPE", "vocab": {"a": -4}, "merges": []}, )" +
                             byte_level + "}"),
        Catch::Contains("is -4, outside"));
    CHECK_THROWS_WITH(
        parse_tokenizer_json(
            R"({"model": {"type": "BPE", "vocab": {"a": 0, "b": 0}, "merges": []}, )" + byte_level +
            "}"),
        Catch::Contains("id 0 is given to both"));
    CHECK_THROWS_WITH(
        parse_tokenizer_json(R"({"model": {"type": "BPE", "vocab": {"a": 0}, "merges": [7]}, )" +
                             byte_level + "}"),
        Catch::Contains("merge 0 is neither"));
    CHECK_THROWS_WITH(
        parse_tokenizer_json(R"({"model": {"type": "BPE", "vocab": {"a": 0}, "merges": []},
            "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
              {"type": "Split", "pattern": {"Regex": "\\w+"}},
              {"type": "ByteLevel", "use_regex": false}]}})"),
        Catch::Contains("expression \\w+ is not one ClauseLens knows"));
    CHECK_THROWS_WITH(
        parse_tokenizer_json(R"({"model": {"type": "BPE", "vocab": {"a": 0}, "merges": []},
            "pre_tokenizer": {"type": "Whitespace"}})"),
        Catch::Contains("Whitespace step"));
    CHECK_THROWS_WITH(read_tokenizer_json("no-such-dir/tokenizer.json"),
                      Catch::StartsWith("no-such-dir/tokenizer.json: cannot open"));
}

} // namespace clauselens::tokenizer
