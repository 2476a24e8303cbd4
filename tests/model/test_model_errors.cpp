// Model files ClauseLens cannot run give errors a user can act on.

#include "gguf/gguf_reader.h"
#include "gguf/gguf_writer.h"
#include "model/model.h"
#include "model/model_error.h"
#include "model/reference_model.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace clauselens;

namespace {

// A complete, valid one-layer llama model with F32 weights (all zero), with
// the ability to leave out or reshape one tensor.
struct TinyModel {
    uint64_t n_embd = 8, n_ff = 16, n_vocab = 4;
    std::string architecture = "llama";
    std::string skip;    // tensor to leave out
    std::string reshape; // tensor to give one row more
    std::vector<std::vector<float>> storage;

    std::vector<std::byte> bytes() {
        gguf::GgufWriter w;
        w.add_string("general.architecture", architecture);
        const std::string a = architecture + ".";
        w.add_u32(a + "context_length", 32);
        w.add_u32(a + "embedding_length", static_cast<uint32_t>(n_embd));
        w.add_u32(a + "block_count", 1);
        w.add_u32(a + "feed_forward_length", static_cast<uint32_t>(n_ff));
        w.add_u32(a + "attention.head_count", 2);
        w.add_u32(a + "attention.head_count_kv", 1);
        const std::vector<std::string> tokens = {"<unk>", "<s>", "</s>", "a"};
        w.add_array("tokenizer.ggml.tokens", gguf::ArrayBuilder::of_strings(tokens));
        auto add = [&](const std::string& name, uint64_t cols, uint64_t rows) {
            if (name == skip) {
                return;
            }
            if (name == reshape) {
                rows += 1;
            }
            storage.emplace_back(cols * rows, 0.0f);
            const std::vector<uint64_t> shape = rows == 1 && name.find("norm") != std::string::npos
                                                    ? std::vector<uint64_t>{cols}
                                                    : std::vector<uint64_t>{cols, rows};
            w.add_tensor(name, gguf::TensorType::f32, shape,
                         std::as_bytes(std::span<const float>(storage.back())));
        };
        const uint64_t kv = n_embd / 2;
        add("token_embd.weight", n_embd, n_vocab);
        add("blk.0.attn_norm.weight", n_embd, 1);
        add("blk.0.attn_q.weight", n_embd, n_embd);
        add("blk.0.attn_k.weight", n_embd, kv);
        add("blk.0.attn_v.weight", n_embd, kv);
        add("blk.0.attn_output.weight", n_embd, n_embd);
        add("blk.0.ffn_norm.weight", n_embd, 1);
        add("blk.0.ffn_gate.weight", n_embd, n_ff);
        add("blk.0.ffn_up.weight", n_embd, n_ff);
        add("blk.0.ffn_down.weight", n_ff, n_embd);
        add("output_norm.weight", n_embd, 1);
        return w.write_to_memory();
    }
};

std::unique_ptr<model::Model> load(const std::vector<std::byte>& bytes) {
    return model::Model::from_file(gguf::GgufFile::from_memory(bytes));
}

} // namespace

TEST_CASE("a valid tiny model loads and runs", "[model][errors]") {
    TinyModel tiny;
    const auto bytes = tiny.bytes();
    const auto m = load(bytes);
    CHECK(m->config().head_dim == 4);
    CHECK(m->weights().tied_output);
    model::ReferenceModel r(*m, 32);
    const auto logits = r.forward(3, 0);
    REQUIRE(logits.size() == 4);
    for (const float l : logits) {
        CHECK(l == 0.0f); // all-zero weights
    }
}

TEST_CASE("unsupported architectures are named", "[model][errors]") {
    TinyModel tiny;
    tiny.architecture = "gpt2";
    const auto bytes = tiny.bytes();
    CHECK_THROWS_WITH(load(bytes), Catch::Contains("model architecture 'gpt2' is not supported") &&
                                       Catch::Contains("llama, qwen2, phi3"));
}

TEST_CASE("a missing tensor is named", "[model][errors]") {
    TinyModel tiny;
    tiny.skip = "blk.0.ffn_up.weight";
    const auto bytes = tiny.bytes();
    CHECK_THROWS_WITH(load(bytes), "the model file lacks tensor 'blk.0.ffn_up.weight'");
}

TEST_CASE("a tensor of the wrong shape is named with both shapes", "[model][errors]") {
    TinyModel tiny;
    tiny.reshape = "blk.0.attn_k.weight";
    const auto bytes = tiny.bytes();
    CHECK_THROWS_WITH(load(bytes), "tensor 'blk.0.attn_k.weight' has shape 8 x 5, expected 8 x 4");
}

TEST_CASE("a truncated model file is refused by the reader", "[model][errors]") {
    TinyModel tiny;
    auto bytes = tiny.bytes();
    bytes.resize(bytes.size() - 40);
    CHECK_THROWS_WITH(load(bytes), Catch::Contains("extends past the end of the file"));
}

TEST_CASE("a context longer than the model's is refused", "[model][errors]") {
    TinyModel tiny;
    const auto bytes = tiny.bytes();
    const auto m = load(bytes);
    CHECK_THROWS_WITH(model::ReferenceModel(*m, 33),
                      "a context of 33 tokens is not possible: the model supports 1 to 32");
    model::ReferenceModel r(*m, 32);
    CHECK_THROWS_WITH(r.forward(4, 0), Catch::Contains("token id 4 outside the vocabulary of 4"));
    CHECK_THROWS_WITH(r.forward(1, 32), Catch::Contains("position 32 beyond the context"));
}
