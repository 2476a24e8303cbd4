// The central promise of the SPM tokenizer: a vocabulary that went through a
// GGUF file tokenizes exactly like the sentencepiece model it came from.
// Models are trained here on contract text (Llama's vocabulary is not
// shipped) with Llama's settings and variations of them, and our ids are
// compared with sentencepiece's own Encode of the original model on every
// line of every contract, on whole contracts, on llama.cpp's tokenizer test
// strings and on hand-picked edge cases.

#include "spm_test_util.h"
#include "tokenizer/spm_model_file.h"

#include <catch2/catch.hpp>

using namespace clauselens::tokenizer;
using namespace clauselens::tokenizer::test;

namespace {

// Llama's tokenizer.model: BPE, byte fallback, digits split, no
// normalization, whitespace kept, a dummy prefix space.
const std::string k_llama_options =
    "--model_type=bpe --vocab_size=2000 --byte_fallback=true --split_digits=true "
    "--allow_whitespace_only_pieces=true --normalization_rule_name=identity "
    "--remove_extra_whitespaces=false --unk_id=0 --bos_id=1 --eos_id=2";

std::string show(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            static constexpr char k_hex[] = "0123456789abcdef";
            out += "\\x";
            out += k_hex[u >> 4];
            out += k_hex[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
    return out;
}

std::string show(const std::vector<std::int32_t>& ids) {
    std::string out = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        out += i == 0 ? "" : " ";
        out += std::to_string(ids[i]);
    }
    out += ']';
    return out;
}

// All the texts of one comparison: contract lines, whole contracts, llama.cpp's
// strings and the edge cases.
std::vector<std::string> all_texts() {
    std::vector<std::string> texts = contract_lines();
    for (const Contract& c : contracts()) {
        texts.push_back(c.text);
    }
    for (std::string& s : llama_test_strings()) {
        texts.push_back(std::move(s));
    }
    for (std::string& s : edge_case_strings()) {
        texts.push_back(std::move(s));
    }
    return texts;
}

struct Comparison {
    std::size_t texts = 0;
    std::size_t id_mismatches = 0;
    std::size_t decode_mismatches = 0;   // our decode vs sentencepiece's, same ids
    std::size_t round_trip_failures = 0; // decode(encode(s)) != s
    std::size_t piece_failures = 0;      // concatenated piece() != decode()
    std::string first_problem;
};

void note(Comparison& c, std::size_t& counter, const std::string& what) {
    if (counter++ == 0 && c.first_problem.empty()) {
        c.first_problem = what;
    }
}

// sentencepiece reads U+2581 in the input as the space it stands for, so such
// text cannot come back unchanged (the edge cases include one).
bool has_escaped_space(std::string_view s) {
    return s.find("\u2581") != std::string_view::npos;
}

Comparison compare(const Tokenizer& tok, const Reference& ref,
                   const std::vector<std::string>& texts) {
    Comparison c;
    for (const std::string& s : texts) {
        ++c.texts;
        const std::vector<std::int32_t> expected = ref.encode(s);
        const std::vector<std::int32_t> ids = tok.encode(s, false);
        if (ids != expected) {
            note(c, c.id_mismatches,
                 "ids of " + show(s) + ": " + show(ids) + ", sentencepiece: " + show(expected));
        }
        const std::string text = tok.decode(ids);
        if (text != ref.decode(ids)) {
            note(c, c.decode_mismatches, "decode of " + show(ids) + " is " + show(text));
        }
        if (text != s && !has_escaped_space(s)) {
            note(c, c.round_trip_failures, show(s) + " decodes back as " + show(text));
        }
        const std::vector<std::int32_t> with_bos = tok.encode(s, true);
        std::string streamed;
        for (std::size_t i = 0; i < with_bos.size(); ++i) {
            streamed += tok.piece(with_bos[i], i == 0 ? -1 : with_bos[i - 1]);
        }
        if (streamed != text) {
            note(c, c.piece_failures, "pieces of " + show(s) + " give " + show(streamed));
        }
    }
    return c;
}

struct Trained {
    std::string serialized;
    SpmModelFile model;
};

Trained train(const std::string& options) {
    Trained t;
    t.serialized = train_model(options);
    t.model = read_spm_model(t.serialized);
    return t;
}

// Trains with `options`, goes through GGUF and compares everything; the
// vocabulary covers all text through byte fallback unless `has_byte_fallback`
// is false, and then text with uncovered characters cannot round-trip.
Comparison check_bpe(const std::string& options, bool has_byte_fallback = true) {
    const Trained t = train(options);
    REQUIRE_NOTHROW(check_gguf_compatible(t.model.settings));
    const Tokenizer tok = tokenizer_through_gguf(t.model.vocab);
    const Reference ref(t.serialized);
    const Comparison c = compare(tok, ref, all_texts());
    INFO(c.first_problem);
    CHECK(c.texts > 3000);
    CHECK(c.id_mismatches == 0);
    CHECK(c.decode_mismatches == 0);
    CHECK(c.piece_failures == 0);
    if (has_byte_fallback) {
        CHECK(c.round_trip_failures == 0);
    }
    return c;
}

} // namespace

TEST_CASE("spm: Llama-style BPE through GGUF equals sentencepiece on every contract line",
          "[tokenizer][spm]") {
    check_bpe(k_llama_options);
}

TEST_CASE("spm: BPE without dummy prefix, with user-defined and control symbols",
          "[tokenizer][spm]") {
    check_bpe("--model_type=bpe --vocab_size=4000 --byte_fallback=true "
              "--normalization_rule_name=identity --remove_extra_whitespaces=false "
              "--add_dummy_prefix=false --user_defined_symbols=<clause>,[REDACTED],Agreement "
              "--control_symbols=<ctl>,<sep> --pad_id=3");
}

TEST_CASE("spm: small BPE vocabulary that leans on byte fallback", "[tokenizer][spm]") {
    check_bpe("--model_type=bpe --vocab_size=400 --byte_fallback=true "
              "--normalization_rule_name=identity --remove_extra_whitespaces=false");
}

TEST_CASE("spm: BPE without byte fallback: uncovered characters become <unk>", "[tokenizer][spm]") {
    const Comparison c = check_bpe("--model_type=bpe --vocab_size=1000 --byte_fallback=false "
                                   "--character_coverage=0.995 "
                                   "--normalization_rule_name=identity "
                                   "--remove_extra_whitespaces=false",
                                   false);
    CHECK(c.round_trip_failures > 0); // the emoji, CJK and Cyrillic edge cases at least
}

TEST_CASE("spm: BPE without BOS and EOS", "[tokenizer][spm]") {
    const std::string options = "--model_type=bpe --vocab_size=1000 --byte_fallback=true "
                                "--normalization_rule_name=identity "
                                "--remove_extra_whitespaces=false --bos_id=-1 --eos_id=-1";
    check_bpe(options);
    const Tokenizer tok = tokenizer_through_gguf(train(options).model.vocab);
    CHECK(tok.bos() == -1);
    CHECK(tok.eos() == -1);
    CHECK(tok.encode("Term", true) == tok.encode("Term", false));
}

// GGUF keeps no model type, and "llama" vocabularies are BPE, so a vocabulary
// trained as unigram is tokenized by BPE merges over its log-probabilities:
// the text survives, the segmentation is not the unigram model's.
TEST_CASE("spm: unigram vocabularies round-trip text but not ids", "[tokenizer][spm]") {
    const Trained t = train("--model_type=unigram --vocab_size=2000 --byte_fallback=true "
                            "--normalization_rule_name=identity "
                            "--remove_extra_whitespaces=false");
    CHECK(t.model.settings.model_type == SpmModelType::unigram);
    CHECK_THROWS_WITH(check_gguf_compatible(t.model.settings), Catch::Contains("not a BPE model"));
    const Tokenizer tok = tokenizer_through_gguf(t.model.vocab);
    const Reference ref(t.serialized);
    const Comparison c = compare(tok, ref, all_texts());
    INFO(c.first_problem);
    CHECK(c.round_trip_failures == 0);
    CHECK(c.piece_failures == 0);
    // Measured: about a third of the contract lines segment differently.
    CHECK(c.id_mismatches > 0);
    CHECK(c.id_mismatches < c.texts / 2);
}

TEST_CASE("spm: text containing U+2581 reads it as a space, as sentencepiece does",
          "[tokenizer][spm]") {
    const Trained t = train(k_llama_options);
    const Tokenizer tok = tokenizer_through_gguf(t.model.vocab);
    const Reference ref(t.serialized);
    const std::string s = "a\u2581b";
    CHECK(tok.encode(s, false) == ref.encode(s));
    CHECK(tok.decode(tok.encode(s, false)) == "a b");
}
