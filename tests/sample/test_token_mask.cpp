// Token masks over a real vocabulary: the trie walk gives exactly the tokens
// that decoding each token's bytes allows, and decoding under random schemas
// with random logits always writes a document that parses and validates.

#include "gguf/gguf_reader.h"
#include "model/generation.h"
#include "sample/json_schema.h"
#include "sample/sampler.h"
#include "sample/token_mask.h"
#include "schema_testing.h"
#include "tokenizer/tokenizer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

using namespace clauselens;
using namespace clauselens::sample;
using clauselens::sample::test::Json;

namespace {

// The 1000-token contracts vocabulary (byte fallback: every byte is a token).
const TokenVocabulary& contracts_vocabulary() {
    static const TokenVocabulary vocab = [] {
        const auto path = std::filesystem::path(CLAUSELENS_TEST_DATA_DIR) / "tokenizer" /
                          "contracts-bpe-1000.gguf";
        const gguf::GgufFile file = gguf::GgufFile::open(path);
        return TokenVocabulary::from_tokenizer(tokenizer::Tokenizer::from_gguf(file));
    }();
    return vocab;
}

std::vector<float> random_logits(std::mt19937_64& rng, size_t n, float scale) {
    std::normal_distribution<float> normal(0.0f, scale);
    std::vector<float> logits(n);
    for (float& l : logits) {
        l = normal(rng);
    }
    return logits;
}

struct Decoded {
    std::string text;
    bool ended = false;
    size_t steps = 0;
};

// Decodes under `schema` with random logits; with `check_masks`, compares
// every mask with the brute-force one.
Decoded decode_randomly(TokenMasker& masker, std::mt19937_64& rng, bool check_masks,
                        size_t budget) {
    GrammarMatcher m(masker);
    Sampler sampler(SamplerParams{.temperature = 1.0f, .seed = rng()});
    Decoded d;
    for (; d.steps < budget && !m.ended(); ++d.steps) {
        const TokenMask& mask = m.allowed();
        REQUIRE(mask.count() > 0);
        if (check_masks) {
            const TokenMask brute = masker.brute_force_mask(m.state());
            if (!(brute == mask)) {
                INFO("after " << Json(m.text()).dump());
                CHECK(brute.ids() == mask.ids());
            }
        }
        // Once complete, nothing but the end may follow.
        bool no_byte_follows = true;
        for (int b = 0; b < 256 && no_byte_follows; ++b) {
            no_byte_follows = m.state().advanced(static_cast<uint8_t>(b)).dead();
        }
        if (m.complete() && no_byte_follows) {
            for (const int32_t id : mask.ids()) {
                const auto& ends = masker.vocabulary().end_tokens();
                CHECK(std::find(ends.begin(), ends.end(), id) != ends.end());
            }
        }
        const std::vector<float> logits = random_logits(rng, mask.size(), 3.0f);
        m.accept(sampler.sample(logits, &mask).id);
    }
    d.text = m.text();
    d.ended = m.ended();
    return d;
}

} // namespace

TEST_CASE("token mask: the trie walk equals decoding every token", "[sample][mask]") {
    const TokenVocabulary& vocab = contracts_vocabulary();
    std::mt19937_64 rng(11);
    for (int i = 0; i < 40; ++i) {
        const Json schema = test::random_schema(rng, 3);
        INFO(schema.dump());
        const Grammar g = compile_json_schema(schema.dump());
        TokenMasker masker(g, vocab);
        decode_randomly(masker, rng, true, 400);
    }
}

TEST_CASE("token mask: random schemas and logits always give valid documents",
          "[sample][mask][property]") {
    const TokenVocabulary& vocab = contracts_vocabulary();
    std::mt19937_64 rng(2024);
    int documents = 0;
    for (int i = 0; i < 250; ++i) {
        const Json schema = test::random_schema(rng, 3);
        INFO(schema.dump());
        const Grammar g = compile_json_schema(schema.dump());
        TokenMasker masker(g, vocab);
        const Decoded d = decode_randomly(masker, rng, false, 3000);
        INFO(d.text);
        REQUIRE(d.ended);
        Json doc;
        REQUIRE_NOTHROW(doc = Json::parse(d.text));
        CHECK(test::validate(doc, schema).empty());
        ++documents;
    }
    CHECK(documents == 250);
}

TEST_CASE("token mask: string text uses the tables, escapes walk the trie", "[sample][mask]") {
    // A hand-made vocabulary: plain text, quotes, escapes, split UTF-8, and
    // tokens that close a string and go on.
    const std::vector<std::string> bytes = {"",        "a",    "bc",       "\"",   "\\",  "n",
                                            "\xc3",    "\xa9", "\xc3\xa9", "\",",  "\"}", "\\\"",
                                            "{\"s\":", "\n",   "  ",       "ab\"}"};
    const TokenVocabulary vocab(bytes, {0});
    const Grammar g = compile_json_schema(
        R"({"type": "object", "properties": {"s": {"type": "string", "maxLength": 3}},
            "required": ["s"]})");
    TokenMasker masker(g, vocab);
    GrammarState s(g);
    REQUIRE(s.advance("{\"s\":\""));
    auto allowed = [&](const GrammarState& state) {
        CHECK(masker.mask(state) == masker.brute_force_mask(state));
        return masker.mask(state).ids();
    };
    // Empty string so far: text, escapes, a lead byte, closing tokens.
    CHECK(allowed(s) == std::vector<int32_t>{1, 2, 3, 4, 5, 6, 8, 10, 11, 14, 15});
    REQUIRE(s.advance("a\xc3"));
    CHECK(allowed(s) == std::vector<int32_t>{7}); // only the continuation byte
    REQUIRE(s.advance("\xa9"
                      "b"));
    // Three characters written: nothing more but the end of the string.
    CHECK(allowed(s) == std::vector<int32_t>{3, 10});
    REQUIRE(s.advance("\"}"));
    CHECK(allowed(s) == std::vector<int32_t>{0}); // the end token only
}

TEST_CASE("token mask: a vocabulary without the needed bytes is an error", "[sample][mask]") {
    const TokenVocabulary vocab({"", "a", "{"}, {0});
    const Grammar g = compile_json_schema(R"({"type": "object"})");
    TokenMasker masker(g, vocab);
    GrammarMatcher m(masker);
    m.accept(2);
    CHECK_THROWS_WITH(m.allowed(), Catch::Contains("no token of the vocabulary can continue"));
    CHECK_THROWS_WITH(m.accept(1), Catch::Contains("does not continue the JSON document"));
    CHECK_THROWS_WITH(m.accept(0), Catch::Contains("not complete"));
}

TEST_CASE("token mask: enum branch points give each value's probability", "[sample][mask]") {
    const std::vector<std::string> bytes = {"",     "\"",          "\"Gov", "erning", "\"Non-",
                                            "\"Ex", "clusivity\"", "x",     "]"};
    const TokenVocabulary vocab(bytes, {0});
    const Grammar g = compile_json_schema(
        R"({"type": "array", "items": {"enum": ["Governing", "Non-Compete", "Exclusivity"]}})");
    TokenMasker masker(g, vocab);
    GrammarState s(g);
    REQUIRE(s.advance("["));
    const TokenMask& mask = masker.mask(s);
    CHECK(mask.ids() == std::vector<int32_t>{1, 2, 4, 5, 8});
    std::vector<float> logits(bytes.size(), 0.0f);
    logits[2] = std::log(4.0f); // "Gov: 4 parts
    logits[7] = 100.0f;         // masked: must not count
    const std::vector<std::string> choices = s.literal_choices();
    REQUIRE(choices ==
            std::vector<std::string>{"\"Exclusivity\"", "\"Governing\"", "\"Non-Compete\""});
    const std::vector<double> p = choice_probabilities(logits, mask, vocab, choices);
    // Allowed: " (1, starts all three), "Gov (4), "Non- (1), "Ex (1), ] (1): 8 parts.
    CHECK(p[0] == Approx(2.0 / 8)); // " and "Ex
    CHECK(p[1] == Approx(5.0 / 8)); // " and "Gov
    CHECK(p[2] == Approx(2.0 / 8)); // " and "Non-
    // Inside a value, the choices are the rest of each value still possible.
    REQUIRE(s.advance("\"Governing\",\"N"));
    CHECK(s.literal_choices() == std::vector<std::string>{"on-Compete\""});
    GrammarState t(g);
    REQUIRE(t.advance("[\"Non-Compete\""));
    CHECK(t.literal_choices().empty()); // a value is complete: , or ] follow
}

TEST_CASE("generation: the loop masks, ends with the document and returns alternatives",
          "[sample][generation]") {
    const TokenVocabulary& vocab = contracts_vocabulary();
    const std::string schema = R"({"type": "object", "properties": {
        "categories": {"type": "array", "items": {"enum": ["Governing Law", "Non-Compete",
                        "Exclusivity", "Termination For Convenience"]}, "maxItems": 3},
        "jurisdiction": {"type": "string", "maxLength": 20}},
        "required": ["categories", "jurisdiction"], "additionalProperties": false})";
    const Grammar g = compile_json_schema(schema);
    TokenMasker masker(g, vocab);
    std::mt19937_64 rng(5);
    for (int run = 0; run < 5; ++run) {
        GrammarMatcher m(masker);
        std::vector<float> logits;
        auto forward = [&](int32_t, uint32_t) -> std::span<const float> {
            logits = random_logits(rng, vocab.size(), 2.0f);
            return logits;
        };
        Sampler sampler(SamplerParams{.temperature = run == 0 ? 0.0f : 0.8f,
                                      .seed = static_cast<uint64_t>(run)});
        const std::vector<int32_t> prompt = {1};
        const model::GenerationResult r =
            model::generate(forward, prompt, 500, sampler, {}, {},
                            model::GenerationOptions{.grammar = &m, .top_n = 4});
        REQUIRE(r.reached_end);
        CHECK(m.ended());
        const Json doc = Json::parse(m.text());
        CHECK(test::validate(doc, Json::parse(schema)).empty());
        for (const SampledToken& t : r.tokens) {
            CHECK(t.masked_logprob >= t.logprob);
            CHECK(t.masked_logprob <= 0.0f);
            REQUIRE(!t.top.empty());
            CHECK(t.top.size() <= 4);
            for (size_t i = 1; i < t.top.size(); ++i) {
                CHECK(t.top[i - 1].logprob >= t.top[i].logprob);
            }
            if (run == 0) {
                CHECK(t.top[0].id == t.id); // greedy takes the best allowed
            }
        }
        CHECK(r.tokens.back().id == vocab.end_tokens()[0]);
    }
}
