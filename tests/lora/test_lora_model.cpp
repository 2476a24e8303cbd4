// LoRA adapters applied by the models: at run time on the CPU reference and
// on Vulkan, merged at load, switched and removed without reloading.

#include "lora/lora_adapter.h"
#include "lora/lora_merge.h"
#include "lora_test_files.h"
#include "model/model.h"
#include "model/reference_model.h"
#include "model/vk_model.h"
#include "support/compare.h"
#include "support/vk_context.h"
#include "tokenizer/tokenizer.h"

#include <catch2/catch.hpp>

using namespace clauselens;

namespace {

std::vector<int32_t> prompt(const model::Model& m) {
    return tokenizer::Tokenizer::from_gguf(m.file()).encode("The Licensee shall indemnify", true);
}

// Logits after the whole prompt on the CPU reference.
std::vector<float> cpu_logits(const model::Model& m, const model::MatrixDeltas& deltas) {
    model::ReferenceModel cpu(m, 32);
    cpu.set_deltas(deltas);
    const auto ids = prompt(m);
    std::vector<float> out;
    for (uint32_t i = 0; i < ids.size(); ++i) {
        const auto l = cpu.forward(ids[i], i);
        out.assign(l.begin(), l.end());
    }
    return out;
}

// Logits after the prompt on sequence `seq`: all but the last token as one
// batch (matrix-matrix products), the last alone (matrix-vector products).
std::vector<float> gpu_logits(model::VkModel& gpu, const model::Model& m, int32_t seq) {
    const auto ids = prompt(m);
    std::vector<model::BatchEntry> batch;
    for (uint32_t i = 0; i + 1 < ids.size(); ++i) {
        batch.push_back({seq, i, ids[i], false});
    }
    gpu.remove_sequence(seq);
    gpu.forward(batch);
    const uint32_t last = static_cast<uint32_t>(ids.size() - 1);
    const model::BatchEntry decode{seq, last, ids[last], true};
    const auto l = gpu.forward(std::span(&decode, 1));
    return {l.begin(), l.end()};
}

} // namespace

TEST_CASE("lora: run-time deltas equal merged weights on the CPU reference", "[lora]") {
    const auto base = model::Model::open(test::lora_base_model("f32"));
    const auto adapter = lora::LoraAdapter::open(test::lora_adapter("f32", 4, 3));
    const model::MatrixDeltas deltas = lora::combine(*base, {{adapter, 1.0f}});

    const std::vector<float> plain = cpu_logits(*base, {});
    const std::vector<float> runtime = cpu_logits(*base, deltas);
    // The adapter changes the outputs clearly...
    CHECK(test::nmse(runtime, plain) > 1e-3);

    // ...and exactly as merging it into the weights does.
    auto merged = model::Model::open(test::lora_base_model("f32"));
    lora::merge_into(*merged, deltas);
    CHECK(test::nmse(cpu_logits(*merged, {}), runtime) < 1e-10);

    // Scale 0 is the base model, bit for bit.
    const model::MatrixDeltas zero = lora::combine(*base, {{adapter, 0.0f}});
    CHECK(cpu_logits(*base, zero) == plain);

    // Two adapters add up: A at 0.5 twice equals A at 1.
    const model::MatrixDeltas halves = lora::combine(*base, {{adapter, 0.5f}, {adapter, 0.5f}});
    CHECK(test::nmse(cpu_logits(*base, halves), runtime) < 1e-10);
}

TEST_CASE("lora: merging into a quantized model stays close to run-time application", "[lora]") {
    const auto base = model::Model::open(test::lora_base_model("q8_0"));
    const auto adapter = lora::LoraAdapter::open(test::lora_adapter("q8_0", 8, 4));
    const model::MatrixDeltas deltas = lora::combine(*base, {{adapter, 1.0f}});
    const std::vector<float> runtime = cpu_logits(*base, deltas);
    auto merged = model::Model::open(test::lora_base_model("q8_0"));
    lora::merge_into(*merged, deltas);
    // One more Q8_0 rounding of the merged weights.
    CHECK(test::nmse(cpu_logits(*merged, {}), runtime) < 1e-4);
}

TEST_CASE("lora: Vulkan applies adapters as the CPU reference does, and switches them",
          "[lora][vk]") {
    VK_TEST_CONTEXT(ctx);
    for (const std::string type : {"f32", "q4_k"}) {
        INFO("base type " << type);
        const auto base = model::Model::open(test::lora_base_model(type));
        const auto a = lora::LoraAdapter::open(test::lora_adapter(type, 4, 5));
        const auto b = lora::LoraAdapter::open(test::lora_adapter(type, 8, 6));
        const model::MatrixDeltas only_a = lora::combine(*base, {{a, 1.0f}});
        const model::MatrixDeltas both = lora::combine(*base, {{a, 0.5f}, {b, 2.0f}});

        model::VkModel gpu(*base, ctx->device, {.n_ctx = 32, .n_seq = 1, .n_batch = 32});
        const std::vector<float> plain = gpu_logits(gpu, *base, 0);
        CHECK(test::nmse(plain, cpu_logits(*base, {})) < 1e-6);

        gpu.set_deltas(only_a);
        const std::vector<float> with_a = gpu_logits(gpu, *base, 0);
        CHECK(test::nmse(with_a, cpu_logits(*base, only_a)) < 1e-6);
        CHECK(test::nmse(with_a, plain) > 1e-3);

        gpu.set_deltas(both);
        CHECK(test::nmse(gpu_logits(gpu, *base, 0), cpu_logits(*base, both)) < 1e-6);

        // Removing the adapters gives the base model back, bit for bit.
        gpu.set_deltas({});
        CHECK(gpu_logits(gpu, *base, 0) == plain);

        // Scale 0 also is the base model.
        gpu.set_deltas(lora::combine(*base, {{a, 0.0f}}));
        CHECK(gpu_logits(gpu, *base, 0) == plain);
    }
}

TEST_CASE("lora: adapters of fused and biased architectures (phi3, qwen2)", "[lora][vk]") {
    VK_TEST_CONTEXT(ctx);
    for (const std::string arch : {"phi3", "qwen2"}) {
        INFO("architecture " << arch);
        const auto base = model::Model::open(test::lora_base_model("f32", arch));
        const auto adapter = lora::LoraAdapter::open(test::lora_adapter("f32", 4, 7, arch));
        if (arch == "phi3") {
            // The adapter targets the fused tensors as a whole.
            CHECK(adapter->deltas(1.0f).contains("blk.0.attn_qkv.weight"));
            CHECK(adapter->deltas(1.0f).contains("blk.0.ffn_up.weight"));
        }
        const model::MatrixDeltas deltas = lora::combine(*base, {{adapter, 1.0f}});
        const std::vector<float> runtime = cpu_logits(*base, deltas);
        CHECK(test::nmse(runtime, cpu_logits(*base, {})) > 1e-3);

        // Each part of a fused tensor gets its own rows of B: the same as
        // merging the delta into the whole tensor.
        auto merged = model::Model::open(test::lora_base_model("f32", arch));
        lora::merge_into(*merged, deltas);
        CHECK(test::nmse(cpu_logits(*merged, {}), runtime) < 1e-10);

        model::VkModel gpu(*base, ctx->device, {.n_ctx = 32, .n_seq = 1, .n_batch = 32});
        gpu.set_deltas(deltas);
        CHECK(test::nmse(gpu_logits(gpu, *base, 0), runtime) < 1e-6);
    }
}
