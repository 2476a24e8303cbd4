// A real trained model against an independent runtime: Karpathy's stories260K
// (llama2.c format) converted to GGUF must generate exactly what llama2.c
// generates.

#include "model/generation.h"
#include "model/llama2c_import.h"
#include "model/model.h"
#include "model/reference_model.h"
#include "tokenizer/tokenizer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

using namespace clauselens;
namespace fs = std::filesystem;

namespace {

const fs::path k_models = fs::path(CLAUSELENS_SHARED_DATA_DIR) / "models";

std::string expected_output(int line_number) {
    std::ifstream in(k_models / "stories260K-expected.jsonl");
    REQUIRE(in);
    std::string line;
    for (int i = 0; i < line_number; ++i) {
        REQUIRE(std::getline(in, line));
    }
    return nlohmann::json::parse(line).at("expected_output").get<std::string>();
}

fs::path converted_model() {
    const fs::path out = fs::temp_directory_path() / "clauselens-test-stories260K.gguf";
    model::convert_llama2c(k_models / "stories260K.bin", k_models / "tok512.bin", out);
    return out;
}

} // namespace

TEST_CASE("stories260K converts to a GGUF llama model", "[model][llama2c]") {
    const auto m = model::Model::open(converted_model());
    const model::ModelConfig& c = m->config();
    CHECK(c.architecture == "llama");
    CHECK(c.n_embd == 64);
    CHECK(c.n_ff == 172);
    CHECK(c.n_layer == 5);
    CHECK(c.n_head == 8);
    CHECK(c.n_head_kv == 4);
    CHECK(c.n_vocab == 512);
    CHECK(c.n_ctx_train == 512);
    CHECK(m->weights().tied_output);

    const tokenizer::Tokenizer tok = tokenizer::Tokenizer::from_gguf(m->file());
    CHECK(tok.bos() == 1);
    CHECK(tok.eos() == 2);
    CHECK(tok.vocab_size() == 512);
}

TEST_CASE("stories260K generates llama2.c's story on the CPU reference", "[model][llama2c]") {
    const auto m = model::Model::open(converted_model());
    const tokenizer::Tokenizer tok = tokenizer::Tokenizer::from_gguf(m->file());
    model::ReferenceModel reference(*m, 200);
    sample::Sampler greedy;
    const std::vector<int32_t> prompt = {tok.bos()};
    // llama2.c -t 0 -n 200: 200 forward passes from BOS, each choosing a token.
    const model::GenerationResult result =
        model::generate([&](int32_t t, uint32_t pos) { return reference.forward(t, pos); }, prompt,
                        200, greedy, {});
    REQUIRE(result.tokens.size() == 200);
    std::vector<int32_t> ids;
    for (const auto& t : result.tokens) {
        ids.push_back(t.id);
        CHECK(t.logprob <= 0.0f);
    }
    CHECK(tok.decode(ids) == expected_output(1));
}
