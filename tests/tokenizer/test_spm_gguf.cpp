// SPM vocabularies in GGUF files: the keys written, the defaults for keys a
// file lacks, and the errors for files that cannot be tokenized.

#include "gguf/gguf_reader.h"
#include "gguf/gguf_writer.h"
#include "hand_vocab.h"
#include "tokenizer/spm_gguf.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/tokenizer_error.h"

#include <catch2/catch.hpp>
#include <functional>
#include <map>

using namespace clauselens;
using namespace clauselens::tokenizer;
using namespace clauselens::tokenizer::test;

namespace {

using KeyWriter = std::function<void(gguf::GgufWriter&)>;
using Keys = std::map<std::string, KeyWriter>;

std::vector<std::int32_t> type_values(const SpmVocab& v) {
    std::vector<std::int32_t> types;
    for (const TokenType t : v.types) {
        types.push_back(static_cast<std::int32_t>(t));
    }
    return types;
}

// The keys write_spm_vocab would write, one by one, so that a test can drop
// or replace any of them.
Keys standard_keys(const SpmVocab& v) {
    Keys keys;
    const auto string_key = [&](const std::string& key, const std::string& value) {
        keys[key] = [=](gguf::GgufWriter& w) {
            w.add_string(key, value);
        };
    };
    const auto u32_key = [&](const std::string& key, std::uint32_t value) {
        keys[key] = [=](gguf::GgufWriter& w) {
            w.add_u32(key, value);
        };
    };
    string_key("tokenizer.ggml.model", "llama");
    keys["tokenizer.ggml.tokens"] = [=](gguf::GgufWriter& w) {
        w.add_array("tokenizer.ggml.tokens", gguf::ArrayBuilder::of_strings(v.pieces));
    };
    keys["tokenizer.ggml.scores"] = [=](gguf::GgufWriter& w) {
        w.add_array("tokenizer.ggml.scores", gguf::ArrayBuilder::of_f32(v.scores));
    };
    keys["tokenizer.ggml.token_type"] = [=](gguf::GgufWriter& w) {
        const std::vector<std::int32_t> types = type_values(v);
        w.add_array("tokenizer.ggml.token_type", gguf::ArrayBuilder::of_i32(types));
    };
    u32_key("tokenizer.ggml.bos_token_id", 1);
    u32_key("tokenizer.ggml.eos_token_id", 2);
    u32_key("tokenizer.ggml.unknown_token_id", 0);
    return keys;
}

std::vector<std::byte> file_with(const Keys& keys) {
    gguf::GgufWriter w;
    for (const auto& [key, write] : keys) {
        write(w);
    }
    return w.write_to_memory();
}

Tokenizer load(const Keys& keys) {
    const std::vector<std::byte> bytes = file_with(keys);
    return Tokenizer::from_gguf(gguf::GgufFile::from_memory(bytes));
}

} // namespace

TEST_CASE("spm gguf: write_spm_vocab writes llama.cpp's keys and reads back the same",
          "[tokenizer][gguf]") {
    SpmVocab v = hand_vocab();
    v.pad_id = 3;
    v.add_eos = true;
    v.add_space_prefix = false;
    gguf::GgufWriter w;
    write_spm_vocab(w, v);
    const std::vector<std::byte> bytes = w.write_to_memory();
    const gguf::GgufFile file = gguf::GgufFile::from_memory(bytes);

    CHECK(file.get_string("tokenizer.ggml.model") == "llama");
    CHECK(file.get_array("tokenizer.ggml.tokens").element_type() == gguf::ValueType::string);
    CHECK(file.get_array("tokenizer.ggml.scores").element_type() == gguf::ValueType::f32);
    CHECK(file.get_array("tokenizer.ggml.token_type").element_type() == gguf::ValueType::i32);
    CHECK(file.get_u32("tokenizer.ggml.bos_token_id") == 1);
    CHECK(file.get_u32("tokenizer.ggml.eos_token_id") == 2);
    CHECK(file.get_u32("tokenizer.ggml.unknown_token_id") == 0);
    CHECK(file.get_u32("tokenizer.ggml.padding_token_id") == 3);
    CHECK(file.get_bool("tokenizer.ggml.add_bos_token"));
    CHECK(file.get_bool("tokenizer.ggml.add_eos_token"));
    CHECK_FALSE(file.get_bool("tokenizer.ggml.add_space_prefix"));

    const SpmVocab back = read_spm_vocab(file);
    CHECK(back.pieces == v.pieces);
    CHECK(back.scores == v.scores);
    CHECK(back.types == v.types);
    CHECK(back.bos_id == 1);
    CHECK(back.eos_id == 2);
    CHECK(back.unk_id == 0);
    CHECK(back.pad_id == 3);
    CHECK(back.add_bos);
    CHECK(back.add_eos);
    CHECK_FALSE(back.add_space_prefix);
}

TEST_CASE("spm gguf: ids absent from the file are -1 and ids of -1 are not written",
          "[tokenizer][gguf]") {
    SpmVocab v = hand_vocab();
    v.bos_id = -1;
    v.eos_id = -1;
    gguf::GgufWriter w;
    write_spm_vocab(w, v);
    const std::vector<std::byte> bytes = w.write_to_memory();
    const gguf::GgufFile file = gguf::GgufFile::from_memory(bytes);
    CHECK(file.find("tokenizer.ggml.bos_token_id") == nullptr);
    CHECK(file.find("tokenizer.ggml.padding_token_id") == nullptr);
    const Tokenizer tok = Tokenizer::from_gguf(file);
    CHECK(tok.bos() == -1);
    CHECK(tok.eos() == -1);
    CHECK(tok.unk() == 0);
}

TEST_CASE("spm gguf: missing optional keys take llama.cpp's defaults", "[tokenizer][gguf]") {
    Keys keys = standard_keys(hand_vocab());
    keys.erase("tokenizer.ggml.token_type");
    const std::vector<std::byte> bytes = file_with(keys);
    const SpmVocab v = read_spm_vocab(gguf::GgufFile::from_memory(bytes));
    // Types inferred from the special ids and the <0xNN> pieces.
    CHECK(v.types[hand::unk] == TokenType::unknown);
    CHECK(v.types[hand::bos] == TokenType::control);
    CHECK(v.types[hand::eos] == TokenType::control);
    CHECK(v.types[hand::byte(0)] == TokenType::byte);
    CHECK(v.types[hand::byte(255)] == TokenType::byte);
    CHECK(v.types[hand::space_ab] == TokenType::normal);
    CHECK(v.types[hand::user] == TokenType::normal); // nothing says it is a control token
    CHECK(v.unk_id == 0);
    CHECK(v.add_bos);
    CHECK_FALSE(v.add_eos);
    CHECK(v.add_space_prefix);

    // Without types the unknown token must be named.
    Keys no_unknown = keys;
    no_unknown.erase("tokenizer.ggml.unknown_token_id");
    CHECK_THROWS_WITH(load(no_unknown), Catch::StartsWith("the vocabulary has no unknown token"));

    // A stored 2^32-1 means "none".
    keys["tokenizer.ggml.eos_token_id"] = [](gguf::GgufWriter& w) {
        w.add_u32("tokenizer.ggml.eos_token_id", 0xffffffffu);
    };
    CHECK(load(keys).eos() == -1);
}

TEST_CASE("spm gguf: unsupported tokenizers are named", "[tokenizer][gguf]") {
    Keys keys = standard_keys(hand_vocab());
    const auto model = [&](const std::string& name) {
        keys["tokenizer.ggml.model"] = [=](gguf::GgufWriter& w) {
            w.add_string("tokenizer.ggml.model", name);
        };
    };
    model("gpt2");
    // A gpt2 vocabulary goes to the byte-level BPE reader, which needs more keys.
    CHECK_THROWS_WITH(load(keys), Catch::StartsWith("tokenizer.ggml.pre is missing"));
    model("bert");
    CHECK_THROWS_WITH(load(keys), "bert (WordPiece) tokenizers are not supported");
    model("t5");
    CHECK_THROWS_WITH(load(keys), "t5 (sentencepiece unigram) tokenizers are not supported");
    model("none");
    CHECK_THROWS_WITH(load(keys), "the file has no tokenizer (tokenizer.ggml.model is 'none')");
    model("klingon\x1b[31m");
    CHECK_THROWS_WITH(load(keys), "unknown tokenizer.ggml.model 'klingon\\x1b[31m'");
    keys.erase("tokenizer.ggml.model");
    CHECK_THROWS_WITH(load(keys), "the file has no tokenizer (tokenizer.ggml.model is missing)");
    CHECK_THROWS_AS(load(keys), TokenizerError);
}

TEST_CASE("spm gguf: arrays that do not fit together are refused", "[tokenizer][gguf]") {
    const SpmVocab v = hand_vocab();
    const std::size_t n = v.pieces.size();
    Keys keys = standard_keys(v);

    SECTION("scores missing") {
        keys.erase("tokenizer.ggml.scores");
        CHECK_THROWS_WITH(load(keys), "tokenizer.ggml.scores is missing: an SPM vocabulary "
                                      "needs a score per token");
    }
    SECTION("one score short") {
        std::vector<float> scores(v.scores.begin(), v.scores.end() - 1);
        keys["tokenizer.ggml.scores"] = [=](gguf::GgufWriter& w) {
            w.add_array("tokenizer.ggml.scores", gguf::ArrayBuilder::of_f32(scores));
        };
        CHECK_THROWS_WITH(load(keys), "tokenizer.ggml.tokens has " + std::to_string(n) +
                                          " entries but tokenizer.ggml.scores has " +
                                          std::to_string(n - 1));
    }
    SECTION("one type too many") {
        std::vector<std::int32_t> types = type_values(v);
        types.push_back(1);
        keys["tokenizer.ggml.token_type"] = [=](gguf::GgufWriter& w) {
            w.add_array("tokenizer.ggml.token_type", gguf::ArrayBuilder::of_i32(types));
        };
        CHECK_THROWS_WITH(load(keys), "tokenizer.ggml.tokens has " + std::to_string(n) +
                                          " entries but tokenizer.ggml.token_type has " +
                                          std::to_string(n + 1));
    }
    SECTION("a token type out of range") {
        std::vector<std::int32_t> types = type_values(v);
        types.at(5) = 9;
        keys["tokenizer.ggml.token_type"] = [=](gguf::GgufWriter& w) {
            w.add_array("tokenizer.ggml.token_type", gguf::ArrayBuilder::of_i32(types));
        };
        CHECK_THROWS_WITH(load(keys), "tokenizer.ggml.token_type[5] is 9, expected 1 to 6");
    }
    SECTION("tokens that are not strings") {
        keys["tokenizer.ggml.tokens"] = [](gguf::GgufWriter& w) {
            const std::vector<std::int32_t> ids = {1, 2, 3};
            w.add_array("tokenizer.ggml.tokens", gguf::ArrayBuilder::of_i32(ids));
        };
        CHECK_THROWS_AS(load(keys), gguf::GgufError);
    }
    SECTION("a flag of the wrong type") {
        keys["tokenizer.ggml.add_bos_token"] = [](gguf::GgufWriter& w) {
            w.add_u32("tokenizer.ggml.add_bos_token", 1);
        };
        CHECK_THROWS_AS(load(keys), gguf::GgufError);
    }
}

TEST_CASE("spm gguf: special ids outside the vocabulary", "[tokenizer][gguf]") {
    const std::size_t n = hand_vocab().pieces.size();
    Keys keys = standard_keys(hand_vocab());
    keys["tokenizer.ggml.bos_token_id"] = [=](gguf::GgufWriter& w) {
        w.add_u32("tokenizer.ggml.bos_token_id", static_cast<std::uint32_t>(n));
    };
    CHECK_THROWS_WITH(load(keys), "tokenizer.ggml.bos_token_id is " + std::to_string(n) +
                                      ", outside the vocabulary of " + std::to_string(n) +
                                      " tokens");
    // A padding id is never used; like llama.cpp, an impossible one is dropped.
    keys = standard_keys(hand_vocab());
    keys["tokenizer.ggml.padding_token_id"] = [](gguf::GgufWriter& w) {
        w.add_u32("tokenizer.ggml.padding_token_id", 1u << 20);
    };
    CHECK(read_spm_vocab(gguf::GgufFile::from_memory(file_with(keys))).pad_id == -1);
}
