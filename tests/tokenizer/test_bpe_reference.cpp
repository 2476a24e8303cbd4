// Our byte-level BPE ids against those of an independent encoder
// (transformers.js, run by tools/tokenizer-reference/make_reference.mjs) on
// the real Llama 3 and Qwen3 vocabularies: every line of the cuad-dev
// contracts and the hard cases of bpe-cases.jsonl, with and without special
// tokens parsed.

#include "bpe_reference.h"

#include <catch2/catch.hpp>
#include <sstream>

namespace clauselens::tokenizer::test {

namespace {

std::string show(const std::vector<std::int32_t>& ids) {
    std::ostringstream out;
    for (const std::int32_t id : ids) {
        out << id << ' ';
    }
    return out.str();
}

void check_reference(const std::string& name) {
    const Tokenizer& tok = reference_tokenizer(name);
    const std::vector<ReferenceLine> records = reference_ids(name);
    REQUIRE(records.size() > 3000); // every contract line and every case
    std::size_t mismatches = 0;
    std::size_t tokens = 0;
    std::ostringstream first;
    for (const ReferenceLine& r : records) {
        const std::string text = reference_text(r.source, r.line);
        const std::vector<std::int32_t> ids = tok.encode(text, false, r.special);
        tokens += ids.size();
        if (ids != r.ids) {
            if (++mismatches <= 5) {
                first << r.source << ':' << r.line << (r.special ? " (special)" : "")
                      << "\n  text: " << text << "\n  want: " << show(r.ids)
                      << "\n  got:  " << show(ids) << '\n';
            }
        }
    }
    INFO(name << ": " << mismatches << " of " << records.size() << " lines differ\n"
              << first.str());
    CHECK(mismatches == 0);
    CHECK(tokens > 100000);
}

// decode(encode(s)) gives the text back, and the tokens' bytes joined give it
// too: what streaming and constrained decoding rely on. Texts as documents
// are (special tokens not parsed), where no token vanishes in decoding.
void check_round_trip(const std::string& name, bool nfc) {
    const Tokenizer& tok = reference_tokenizer(name);
    std::size_t failures = 0;
    std::ostringstream first;
    for (const ReferenceLine& r : reference_ids(name)) {
        if (r.special) {
            continue;
        }
        const std::string text = reference_text(r.source, r.line);
        const std::vector<std::int32_t> ids = tok.encode(text, false);
        // Qwen normalizes to NFC; the reference ids decode to the normal form.
        const std::string want = nfc ? tok.decode(r.ids) : text;
        std::string joined;
        for (const std::int32_t id : ids) {
            joined += tok.token_bytes(id);
        }
        const std::string decoded = tok.decode(ids);
        if (decoded != want || joined != want) {
            if (++failures <= 5) {
                first << r.source << ':' << r.line << "\n  want:    " << want
                      << "\n  decoded: " << decoded << "\n  joined:  " << joined << '\n';
            }
        }
    }
    INFO(name << ": " << failures << " texts do not come back\n" << first.str());
    CHECK(failures == 0);
}

} // namespace

TEST_CASE("bpe reference: Llama 3 ids equal transformers.js on contracts and hard cases",
          "[tokenizer][bpe][reference]") {
    check_reference("llama3");
}

TEST_CASE("bpe reference: Qwen3 ids equal transformers.js on contracts and hard cases",
          "[tokenizer][bpe][reference]") {
    check_reference("qwen3");
}

TEST_CASE("bpe reference: Llama 3 decodes its encodings back to the text",
          "[tokenizer][bpe][reference]") {
    check_round_trip("llama3", false);
}

TEST_CASE("bpe reference: Qwen3 decodes its encodings back to the text",
          "[tokenizer][bpe][reference]") {
    check_round_trip("qwen3", true);
}

TEST_CASE("bpe reference: the converted vocabularies have the models' special tokens",
          "[tokenizer][bpe][reference]") {
    const Tokenizer& llama = reference_tokenizer("llama3");
    CHECK(llama.vocab_size() == 128256);
    CHECK(llama.raw_piece(llama.bos()) == "<|begin_of_text|>");
    CHECK(llama.raw_piece(llama.eos()) == "<|end_of_text|>");
    CHECK(llama.add_bos());
    CHECK(llama.is_control(128009)); // <|eot_id|>
    CHECK(llama.encode("Hello", true) == std::vector<std::int32_t>{128000, 9906});
    CHECK(llama.token_bytes(128000).empty());
    CHECK(llama.decode(std::vector<std::int32_t>{128000, 9906, 128001}) == "Hello");

    const Tokenizer& qwen = reference_tokenizer("qwen3");
    CHECK(qwen.vocab_size() == 151669);
    CHECK(qwen.bos() == -1);
    CHECK_FALSE(qwen.add_bos());
    CHECK(qwen.raw_piece(qwen.eos()) == "<|im_end|>");
    CHECK(qwen.encode("Hello", true) == std::vector<std::int32_t>{9707});
    CHECK(qwen.type(151667) == TokenType::user_defined); // <think>
    CHECK(qwen.type(151659) == TokenType::control);      // <|fim_prefix|> looks special
    // User-defined tokens are matched in any text and decode to their text.
    CHECK(qwen.encode("<think>x</think>", false) == std::vector<std::int32_t>{151667, 87, 151668});
    CHECK(qwen.decode(std::vector<std::int32_t>{151667, 87, 151668}) == "<think>x</think>");
    // Decomposed accents come out composed (NFC).
    CHECK(qwen.decode(qwen.encode("cafe\xCC\x81", false)) == "caf\xC3\xA9");
}

TEST_CASE("bpe reference: a missing tokenizer package fails and says how to fetch it",
          "[tokenizer][bpe][reference]") {
    CHECK_THROWS_WITH(reference_tokenizer_json("no-such-model"),
                      Catch::Contains("tools/tokenizer-reference/fetch.sh"));
}

} // namespace clauselens::tokenizer::test
