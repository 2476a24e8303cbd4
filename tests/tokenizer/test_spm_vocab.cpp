// Vocabularies on their own: validation, inferred token types, and the
// sentencepiece model format (written for the library, read from .model files).

#include "hand_vocab.h"
#include "spm_test_util.h"
#include "tokenizer/spm_model_file.h"
#include "tokenizer/spm_proto.h"
#include "tokenizer/spm_vocab.h"
#include "tokenizer/tokenizer_error.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace clauselens::tokenizer;
using namespace clauselens::tokenizer::test;

TEST_CASE("spm vocab: validate names the first problem", "[tokenizer]") {
    CHECK_NOTHROW(validate(hand_vocab()));
    SpmVocab v = hand_vocab();

    SECTION("empty") {
        CHECK_THROWS_WITH(validate(SpmVocab{}), "the vocabulary is empty");
    }
    SECTION("lengths differ") {
        v.scores.pop_back();
        CHECK_THROWS_WITH(validate(v), "the vocabulary has 271 pieces but 270 scores and 271 "
                                       "token types");
    }
    SECTION("an empty piece") {
        v.pieces[hand::a].clear();
        CHECK_THROWS_WITH(validate(v), "token 260 '' is empty");
    }
    SECTION("a repeated piece") {
        v.pieces[hand::b] = v.pieces[hand::a];
        CHECK_THROWS_WITH(validate(v), "token 261 'a' repeats token 260");
    }
    SECTION("a special id out of range") {
        v.eos_id = hand::size;
        CHECK_THROWS_WITH(validate(v), "EOS id 271 is outside the vocabulary of 271 tokens");
    }
    SECTION("no unknown token") {
        v.types[hand::unk] = TokenType::control;
        v.unk_id = -1;
        CHECK_THROWS_WITH(validate(v), Catch::StartsWith("the vocabulary has no unknown token"));
    }
    SECTION("two unknown tokens") {
        v.types[hand::c] = TokenType::unknown;
        CHECK_THROWS_WITH(validate(v), "token 262 'c' is a second unknown token after token 0");
    }
    SECTION("the unknown id is not the unknown token") {
        v.unk_id = hand::a;
        CHECK_THROWS_WITH(validate(v),
                          "the unknown token id is 260 but the token of type unknown is 0");
    }
    SECTION("a byte token that is not <0xNN>") {
        // sentencepiece writes upper case. (Assigned through a std::string:
        // GCC 12 at -O3 warns falsely (-Wrestrict) on assigning the literal.)
        v.pieces[hand::byte(10)] = std::string("<0x0a>");
        CHECK_THROWS_WITH(validate(v),
                          "token 13 '<0x0a>' has type byte but is not of the form <0xNN>");
    }
    SECTION("some byte tokens but not all") {
        v.types[hand::byte(0)] = TokenType::normal;
        CHECK_THROWS_WITH(validate(v), "the vocabulary has 255 byte tokens; byte fallback "
                                       "needs all 256, <0x00> to <0xFF>");
    }
    SECTION("a token type out of range") {
        v.types[hand::a] = static_cast<TokenType>(7);
        CHECK_THROWS_WITH(validate(v), "token 260 'a' has token type 7, expected 1 to 6");
    }
    SECTION("hostile piece text is quoted safely") {
        v.pieces[hand::b] = std::string("\x1b[2J");
        v.pieces[hand::c] = v.pieces[hand::b];
        CHECK_THROWS_WITH(validate(v), "token 262 '\\x1b[2J' repeats token 261");
    }
}

TEST_CASE("spm vocab: tokenizers without bytes or BOS work", "[tokenizer]") {
    // Only <unk> and a few pieces: no byte fallback, unknown text is <unk>.
    SpmVocab v;
    v.pieces = {"<unk>", "\u2581", "a"};
    v.scores = {0, -1, -2};
    v.types = {TokenType::unknown, TokenType::normal, TokenType::normal};
    const Tokenizer tok = Tokenizer::from_vocab(v);
    CHECK(tok.bos() == -1);
    CHECK(tok.unk() == -1); // no unknown id was given; the type says which it is
    CHECK(tok.encode("a", true) == std::vector<std::int32_t>{1, 2});
    CHECK(tok.encode("ab", false) == std::vector<std::int32_t>{1, 2, 0});
    CHECK(tok.decode(tok.encode("ab", false)) == "a \u2047 ");
}

TEST_CASE("spm vocab: inferred types and byte pieces", "[tokenizer]") {
    const std::vector<std::string> pieces = {"<unk>",  "<s>",    "</s>",    "<0x0A>",
                                             "<0xFF>", "<0x0a>", "<0x100>", "\u2581the"};
    CHECK(infer_token_types(pieces, 0, 1, 2) ==
          std::vector<TokenType>{TokenType::unknown, TokenType::control, TokenType::control,
                                 TokenType::byte, TokenType::byte, TokenType::normal,
                                 TokenType::normal, TokenType::normal});
    CHECK(infer_token_types(pieces, -1, -1, -1)[1] == TokenType::normal);
    CHECK(byte_piece_value("<0x00>") == 0);
    CHECK(byte_piece_value("<0xC3>") == 0xc3);
    CHECK(byte_piece_value("<0xc3>") == -1);
    CHECK(byte_piece_value("<0xC3") == -1);
    CHECK(byte_piece_value("0xC3>") == -1);
    CHECK(byte_piece_value("<0xG0>") == -1);
}

TEST_CASE("spm model format: what we write, sentencepiece reads back", "[tokenizer]") {
    SpmVocab v = hand_vocab();
    v.add_space_prefix = false;
    const std::string serialized = serialize_model_proto(v);
    const SpmModelSettings s = parse_model_settings(serialized);
    CHECK(s.model_type == SpmModelType::bpe);
    CHECK(s.byte_fallback);
    CHECK(s.normalizer_name == "identity");
    CHECK_FALSE(s.has_normalization_rules);
    CHECK_FALSE(s.add_dummy_prefix);
    CHECK_FALSE(s.remove_extra_whitespaces);
    CHECK(s.escape_whitespaces);
    CHECK(s.types == v.types);
    CHECK_NOTHROW(check_gguf_compatible(s));

    // The library agrees on every piece, score and type.
    const SpmModelFile m = read_spm_model(serialized);
    CHECK(m.vocab.pieces == v.pieces);
    CHECK(m.vocab.scores == v.scores);
    CHECK(m.vocab.types == v.types);
    CHECK(m.vocab.bos_id == hand::bos);
    CHECK(m.vocab.eos_id == hand::eos);
    CHECK(m.vocab.unk_id == hand::unk);
    CHECK(m.vocab.pad_id == -1);
    CHECK_FALSE(m.vocab.add_space_prefix);
}

TEST_CASE("spm model format: malformed models are errors", "[tokenizer]") {
    const std::string good = serialize_model_proto(hand_vocab());
    CHECK_THROWS_WITH(parse_model_settings(good.substr(0, good.size() - 3)),
                      Catch::StartsWith("malformed sentencepiece model: "));
    CHECK_THROWS_WITH(parse_model_settings(std::string(11, '\xff')),
                      "malformed sentencepiece model: varint longer than ten bytes");
    CHECK_THROWS_WITH(parse_model_settings("\x0b"),
                      "malformed sentencepiece model: unsupported protobuf wire type");
    CHECK_THROWS_WITH(read_spm_model("not a model"), Catch::StartsWith("sentencepiece model: "));
    CHECK_THROWS_AS(read_spm_model(""), TokenizerError);
    CHECK_THROWS_WITH(read_spm_model_file("/no/such/tokenizer.model"),
                      "/no/such/tokenizer.model: cannot read");
}

TEST_CASE("spm model file: a trained model, read through the library", "[tokenizer][spm]") {
    const std::string serialized =
        train_model("--model_type=bpe --vocab_size=500 --byte_fallback=true "
                    "--normalization_rule_name=identity --remove_extra_whitespaces=false "
                    "--user_defined_symbols=[REDACTED] --control_symbols=<sep> --pad_id=3");
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / "clauselens-test-tokenizer.model";
    {
        std::ofstream out(path, std::ios::binary);
        out.write(serialized.data(), static_cast<std::streamsize>(serialized.size()));
    }
    const SpmModelFile m = read_spm_model_file(path);
    std::filesystem::remove(path);

    const SpmVocab& v = m.vocab;
    REQUIRE(v.pieces.size() == 500);
    CHECK(v.pieces[0] == "<unk>");
    CHECK(v.types[0] == TokenType::unknown);
    CHECK(v.types[1] == TokenType::control);
    CHECK(v.types[2] == TokenType::control);
    CHECK(v.pad_id == 3);
    CHECK(v.types[3] == TokenType::control); // <pad>
    CHECK(v.pieces[4] == "<sep>");
    CHECK(v.types[4] == TokenType::control);
    CHECK(v.pieces[5] == "[REDACTED]");
    CHECK(v.types[5] == TokenType::user_defined); // not in 0.1.97's API: from the model
    CHECK(v.pieces[6] == "<0x00>");
    CHECK(v.types[6] == TokenType::byte);
    CHECK(v.types[262] == TokenType::normal); // after <0xFF>
    CHECK(m.settings.model_type == SpmModelType::bpe);
    CHECK(m.settings.byte_fallback);
    CHECK_NOTHROW(check_gguf_compatible(m.settings));
}

TEST_CASE("spm model file: settings a GGUF vocabulary cannot keep", "[tokenizer][spm]") {
    // spm_train's defaults: NFKC normalization, extra whitespace removed.
    const SpmModelFile m = read_spm_model(train_model("--model_type=bpe --vocab_size=300"));
    CHECK(m.settings.normalizer_name == "nmt_nfkc");
    CHECK(m.settings.has_normalization_rules);
    CHECK(m.settings.remove_extra_whitespaces);
    CHECK_THROWS_WITH(check_gguf_compatible(m.settings), Catch::Contains("normalizes Unicode"));
    SpmModelSettings s = m.settings;
    s.has_normalization_rules = false;
    CHECK_THROWS_WITH(check_gguf_compatible(s), Catch::Contains("removes extra whitespace"));
}
