// LoRA adapter files: what is accepted, what is refused and why, and the
// merged weights against W + scale B A computed here by hand.

#include "cpu/quant.h"
#include "gguf/gguf_writer.h"
#include "lora/lora_adapter.h"
#include "lora/lora_error.h"
#include "lora/lora_merge.h"
#include "lora_test_files.h"
#include "model/model.h"
#include "support/compare.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace clauselens;

namespace {

// An adapter file made in memory from a writer.
std::shared_ptr<const lora::LoraAdapter> adapter_from(const gguf::GgufWriter& w,
                                                      const std::string& name) {
    const auto path = std::filesystem::temp_directory_path() / ("clauselens-lora-" + name);
    w.write_file(path);
    auto a = lora::LoraAdapter::open(path);
    return a;
}

gguf::GgufWriter adapter_header(const std::string& arch = "llama") {
    gguf::GgufWriter w;
    w.add_string("general.architecture", arch);
    w.add_string("general.type", "adapter");
    w.add_string("adapter.type", "lora");
    w.add_f32("adapter.lora.alpha", 8.0f);
    return w;
}

std::vector<float> dense(const model::WeightMatrix& m) {
    std::vector<float> out(m.n_rows * m.n_cols);
    for (uint64_t r = 0; r < m.n_rows; ++r) {
        cpu::dequantize(m.type, m.row(r), std::span<float>(out).subspan(r * m.n_cols, m.n_cols));
    }
    return out;
}

} // namespace

TEST_CASE("lora: a test adapter loads, with alpha / rank in its deltas", "[lora]") {
    const auto base = model::Model::open(test::lora_base_model("f32"));
    const auto adapter = lora::LoraAdapter::open(test::lora_adapter("f32", 4, 1));
    CHECK(adapter->architecture() == "llama");
    CHECK(adapter->alpha() == 16.0f);
    // Seven projections in each of the tiny model's layers.
    CHECK(adapter->matrices().size() == 7 * base->config().n_layer);
    REQUIRE_NOTHROW(adapter->check_compatible(*base));

    const model::MatrixDeltas deltas = adapter->deltas(0.5f);
    const auto& q = deltas.at("blk.0.attn_q.weight");
    REQUIRE(q.size() == 1);
    CHECK(q[0].rank() == 4);
    CHECK(q[0].scale == Approx(0.5f * 16.0f / 4.0f));
    CHECK(q[0].a.n_cols == base->config().n_embd);
    CHECK(q[0].b.n_rows == base->config().n_embd);
}

TEST_CASE("lora: adapters for another base model are refused, naming the reason", "[lora]") {
    const auto tiny = model::Model::open(test::lora_base_model("f32"));

    // Another architecture.
    {
        gguf::GgufWriter w = adapter_header("qwen2");
        std::vector<float> a(4 * 64, 0.0f);
        const uint64_t shape[2] = {64, 4};
        w.add_tensor("blk.0.attn_q.weight.lora_a", gguf::TensorType::f32, shape,
                     std::as_bytes(std::span<const float>(a)));
        const uint64_t shape_b[2] = {4, 64};
        w.add_tensor("blk.0.attn_q.weight.lora_b", gguf::TensorType::f32, shape_b,
                     std::as_bytes(std::span<const float>(a)));
        const auto adapter = adapter_from(w, "arch.gguf");
        CHECK_THROWS_WITH(adapter->check_compatible(*tiny),
                          Catch::Contains("the adapter is for a 'qwen2' model, the model is "
                                          "'llama'"));
    }
    // The same architecture, other widths.
    {
        const uint64_t cols = tiny->config().n_embd * 2;
        gguf::GgufWriter w = adapter_header();
        std::vector<float> a(4 * cols, 0.0f);
        const uint64_t shape_a[2] = {cols, 4};
        const uint64_t shape_b[2] = {4, cols};
        w.add_tensor("blk.0.attn_q.weight.lora_a", gguf::TensorType::f32, shape_a,
                     std::as_bytes(std::span<const float>(a)));
        w.add_tensor("blk.0.attn_q.weight.lora_b", gguf::TensorType::f32, shape_b,
                     std::as_bytes(std::span<const float>(a)));
        const auto adapter = adapter_from(w, "shape.gguf");
        CHECK_THROWS_WITH(adapter->check_compatible(*tiny),
                          Catch::Contains("it was made for another base model") &&
                              Catch::Contains("blk.0.attn_q.weight"));
    }
    // A layer the model does not have.
    {
        const uint64_t cols = tiny->config().n_embd;
        gguf::GgufWriter w = adapter_header();
        std::vector<float> a(4 * cols, 0.0f);
        const uint64_t shape_a[2] = {cols, 4};
        const uint64_t shape_b[2] = {4, cols};
        w.add_tensor("blk.99.attn_q.weight.lora_a", gguf::TensorType::f32, shape_a,
                     std::as_bytes(std::span<const float>(a)));
        w.add_tensor("blk.99.attn_q.weight.lora_b", gguf::TensorType::f32, shape_b,
                     std::as_bytes(std::span<const float>(a)));
        const auto adapter = adapter_from(w, "layer.gguf");
        CHECK_THROWS_WITH(adapter->check_compatible(*tiny),
                          Catch::Contains("'blk.99.attn_q.weight', which the model does not have"));
    }
}

TEST_CASE("lora: malformed adapter files get precise errors", "[lora]") {
    const uint64_t shape_a[2] = {64, 4};
    const uint64_t shape_b_bad[2] = {3, 64};
    std::vector<float> data(4 * 64, 0.0f);
    const auto bytes = std::as_bytes(std::span<const float>(data));

    SECTION("a model is not an adapter") {
        CHECK_THROWS_WITH(lora::LoraAdapter::open(test::lora_base_model("f32")),
                          Catch::Contains("not an adapter file (general.type is missing)"));
    }
    SECTION("another adapter type") {
        gguf::GgufWriter w;
        w.add_string("general.architecture", "llama");
        w.add_string("general.type", "adapter");
        w.add_string("adapter.type", "control_vector");
        CHECK_THROWS_WITH(adapter_from(w, "type.gguf"),
                          Catch::Contains("adapter type 'control_vector' is not supported"));
    }
    SECTION("a factor without its partner") {
        gguf::GgufWriter w = adapter_header();
        w.add_tensor("blk.0.attn_q.weight.lora_a", gguf::TensorType::f32, shape_a, bytes);
        CHECK_THROWS_WITH(adapter_from(w, "partner.gguf"),
                          Catch::Contains("'blk.0.attn_q.weight.lora_a' has no matching "
                                          "'.lora_b'"));
    }
    SECTION("ranks that disagree") {
        gguf::GgufWriter w = adapter_header();
        w.add_tensor("blk.0.attn_q.weight.lora_a", gguf::TensorType::f32, shape_a, bytes);
        w.add_tensor("blk.0.attn_q.weight.lora_b", gguf::TensorType::f32, shape_b_bad,
                     bytes.subspan(0, 3 * 64 * 4));
        CHECK_THROWS_WITH(adapter_from(w, "rank.gguf"), Catch::Contains("disagree on the rank"));
    }
    SECTION("a tensor that is not a factor") {
        gguf::GgufWriter w = adapter_header();
        w.add_tensor("blk.0.attn_q.weight", gguf::TensorType::f32, shape_a, bytes);
        CHECK_THROWS_WITH(adapter_from(w, "stray.gguf"),
                          Catch::Contains("neither a '.lora_a' nor a '.lora_b' factor"));
    }
    SECTION("no tensors at all") {
        CHECK_THROWS_WITH(adapter_from(adapter_header(), "empty.gguf"),
                          Catch::Contains("holds no LoRA tensors"));
    }
}

TEST_CASE("lora: FILE:SCALE specs", "[lora]") {
    const std::string path = test::lora_adapter("f32", 4, 1).string();
    CHECK(lora::open_scaled(path).scale == 1.0f);
    CHECK(lora::open_scaled(path + ":0.25").scale == 0.25f);
    CHECK(lora::open_scaled(path + ":-1").scale == -1.0f);
    CHECK_THROWS_WITH(lora::open_scaled(path + ":inf"), Catch::Contains("not a finite number"));
}

TEST_CASE("lora: merged weights equal W + scale B A in the base type", "[lora]") {
    for (const std::string type : {"f32", "f16", "q8_0"}) {
        INFO("base type " << type);
        const auto base = model::Model::open(test::lora_base_model(type));
        const auto adapter = lora::LoraAdapter::open(test::lora_adapter(type, 4, 2));
        const model::MatrixDeltas deltas = adapter->deltas(0.75f);
        const model::WeightMatrix& w = base->weights().layers[1].ffn_down;
        const auto& list = deltas.at(w.name);
        const std::vector<std::byte> merged_bytes = lora::merged_matrix(w, list);

        // By hand, in double.
        const std::vector<float> wd = dense(w);
        const std::vector<float> ad = dense(list[0].a);
        const std::vector<float> bd = dense(list[0].b);
        std::vector<float> expected(wd.size());
        double change = 0.0;
        for (uint64_t r = 0; r < w.n_rows; ++r) {
            for (uint64_t c = 0; c < w.n_cols; ++c) {
                double d = 0.0;
                for (uint64_t k = 0; k < list[0].rank(); ++k) {
                    d += static_cast<double>(bd[r * list[0].rank() + k]) * ad[k * w.n_cols + c];
                }
                expected[r * w.n_cols + c] =
                    static_cast<float>(wd[r * w.n_cols + c] + list[0].scale * d);
                change += std::abs(list[0].scale * d);
            }
        }
        CHECK(change > 0.0);
        model::WeightMatrix merged = w;
        merged.data = merged_bytes;
        const std::vector<float> got = dense(merged);
        // Within the base type's rounding of the merged values.
        const double bound = type == "f32" ? 1e-12 : type == "f16" ? 1e-6 : 1e-4;
        CHECK(test::nmse(got, expected) < bound);
        CHECK(test::nmse(wd, expected) > 10 * bound);
    }
}
