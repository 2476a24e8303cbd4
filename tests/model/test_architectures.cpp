// qwen2 and phi3 on the CPU reference, checked against an independent
// computation: the same weights rewritten in the plain llama layout (separate
// Q/K/V and gate/up tensors, no biases, Llama's RoPE pairing) must give the
// same logits. Also the errors for malformed files of these architectures,
// and how make-test-model picks architectures.

#include "gguf/gguf_reader.h"
#include "gguf/gguf_writer.h"
#include "model/model.h"
#include "model/model_error.h"
#include "model/reference_model.h"
#include "model/test_model_maker.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <unistd.h>
#include <vector>

using namespace clauselens;
namespace fs = std::filesystem;

namespace {

const fs::path& made_model(const std::string& arch, const std::string& preset,
                           const std::string& type) {
    static std::map<std::string, fs::path> made;
    const std::string key = arch + "-" + preset + "-" + type;
    auto it = made.find(key);
    if (it == made.end()) {
        model::TestModelOptions o;
        o.arch = arch;
        o.preset = preset;
        o.type = type;
        o.seed = 5;
        o.output = fs::temp_directory_path() /
                   ("clauselens-arch-" + std::to_string(::getpid()) + "-" + key + ".gguf");
        model::make_test_model(o);
        it = made.emplace(key, o.output).first;
    }
    return it->second;
}

// A model's weights written again as another architecture, in memory.
struct Rewritten {
    std::vector<std::vector<std::byte>> storage; // tensor data, alive with the file
    std::vector<std::byte> bytes;
};

// Rows of a row-major matrix in a new order: row r of the result is row
// order[r] of m. Every weight type stores whole rows, so this is exact.
std::vector<std::byte> reorder_rows(const model::WeightMatrix& m,
                                    const std::vector<uint64_t>& order) {
    std::vector<std::byte> out;
    for (const uint64_t r : order) {
        const auto row = m.row(r);
        out.insert(out.end(), row.begin(), row.end());
    }
    return out;
}

// For heads of head_dim rows: the order that turns NeoX RoPE pairs (i,
// i + n_rot/2) into Llama's (2i, 2i+1). q . k is a sum over the same products
// in another order, so attention sees the same scores.
std::vector<uint64_t> neox_to_normal(uint64_t n_heads, uint64_t head_dim, uint64_t n_rot) {
    std::vector<uint64_t> order;
    for (uint64_t h = 0; h < n_heads; ++h) {
        for (uint64_t j = 0; j < head_dim; ++j) {
            const uint64_t src = j >= n_rot ? j : (j % 2 == 0 ? j / 2 : j / 2 + n_rot / 2);
            order.push_back(h * head_dim + src);
        }
    }
    return order;
}

std::vector<uint64_t> identity(uint64_t n) {
    std::vector<uint64_t> order(n);
    for (uint64_t i = 0; i < n; ++i) {
        order[i] = i;
    }
    return order;
}

// Writes m as `arch`: "llama" (separate tensors, no biases, RoPE pairs
// reordered), or "qwen2" (separate tensors, biases: m's, or zeros).
Rewritten rewrite(const model::Model& m, const std::string& arch, bool zero_biases) {
    const model::ModelConfig& c = m.config();
    const model::ModelWeights& w = m.weights();
    const bool llama = arch == "llama";
    Rewritten out;
    gguf::GgufWriter g;
    g.add_string("general.architecture", arch);
    const std::string a = arch + ".";
    g.add_u32(a + "context_length", c.n_ctx_train);
    g.add_u32(a + "embedding_length", c.n_embd);
    g.add_u32(a + "block_count", c.n_layer);
    g.add_u32(a + "feed_forward_length", c.n_ff);
    g.add_u32(a + "rope.dimension_count", c.n_rot);
    g.add_u32(a + "attention.head_count", c.n_head);
    g.add_u32(a + "attention.head_count_kv", c.n_head_kv);
    g.add_f32(a + "attention.layer_norm_rms_epsilon", c.rms_eps);
    g.add_f32(a + "rope.freq_base", c.rope_freq_base);
    std::vector<std::string> tokens;
    for (uint32_t i = 0; i < c.n_vocab; ++i) {
        tokens.push_back("t" + std::to_string(i));
    }
    g.add_array("tokenizer.ggml.tokens", gguf::ArrayBuilder::of_strings(tokens));

    auto add_matrix = [&](const std::string& name, const model::WeightMatrix& mat,
                          const std::vector<uint64_t>& order) {
        out.storage.push_back(reorder_rows(mat, order));
        const uint64_t shape[] = {mat.n_cols, mat.n_rows};
        g.add_tensor(name, mat.type, shape, out.storage.back());
    };
    auto add_vector = [&](const std::string& name, const std::vector<float>& v) {
        const auto* p = reinterpret_cast<const std::byte*>(v.data());
        out.storage.emplace_back(p, p + v.size() * sizeof(float));
        const uint64_t shape[] = {v.size()};
        g.add_tensor(name, gguf::TensorType::f32, shape, out.storage.back());
    };
    add_matrix("token_embd.weight", w.token_embd, identity(c.n_vocab));
    for (uint32_t l = 0; l < c.n_layer; ++l) {
        const model::LayerWeights& lw = w.layers[l];
        const std::string p = "blk." + std::to_string(l) + ".";
        const auto q_order =
            llama ? neox_to_normal(c.n_head, c.head_dim, c.n_rot) : identity(c.n_embd);
        const auto k_order =
            llama ? neox_to_normal(c.n_head_kv, c.head_dim, c.n_rot) : identity(c.kv_dim());
        add_vector(p + "attn_norm.weight", lw.attn_norm);
        add_matrix(p + "attn_q.weight", lw.wq, q_order);
        add_matrix(p + "attn_k.weight", lw.wk, k_order);
        add_matrix(p + "attn_v.weight", lw.wv, identity(c.kv_dim()));
        if (!llama) {
            const auto bias = [&](const std::vector<float>& b) {
                return zero_biases ? std::vector<float>(b.size(), 0.0f) : b;
            };
            add_vector(p + "attn_q.bias", bias(lw.bq));
            add_vector(p + "attn_k.bias", bias(lw.bk));
            add_vector(p + "attn_v.bias", bias(lw.bv));
        }
        add_matrix(p + "attn_output.weight", lw.wo, identity(c.n_embd));
        add_vector(p + "ffn_norm.weight", lw.ffn_norm);
        add_matrix(p + "ffn_gate.weight", lw.ffn_gate, identity(c.n_ff));
        add_matrix(p + "ffn_up.weight", lw.ffn_up, identity(c.n_ff));
        add_matrix(p + "ffn_down.weight", lw.ffn_down, identity(c.n_embd));
    }
    add_vector("output_norm.weight", w.output_norm);
    if (!w.tied_output) {
        add_matrix("output.weight", w.output, identity(c.n_vocab));
    }
    out.bytes = g.write_to_memory();
    return out;
}

// The logits after each token of a fixed prompt, concatenated.
std::vector<float> run_prompt(const model::Model& m) {
    const std::vector<int32_t> prompt = {1, 57, 300, 12, 499, 7, 88, 256};
    model::ReferenceModel r(m, 16);
    std::vector<float> all;
    for (uint32_t i = 0; i < prompt.size(); ++i) {
        const auto l = r.forward(prompt[i], i);
        all.insert(all.end(), l.begin(), l.end());
    }
    return all;
}

// Normalised mean squared error, as the GPU tests measure it.
double nmse(const std::vector<float>& x, const std::vector<float>& ref) {
    REQUIRE(x.size() == ref.size());
    double err = 0.0, norm = 0.0;
    for (size_t i = 0; i < ref.size(); ++i) {
        const double d = static_cast<double>(x[i]) - ref[i];
        err += d * d;
        norm += static_cast<double>(ref[i]) * ref[i];
    }
    return err / norm;
}

std::unique_ptr<model::Model> load(const std::vector<std::byte>& bytes) {
    return model::Model::from_file(gguf::GgufFile::from_memory(bytes));
}

} // namespace

// The rewritten models sum attention scores in another order (in double):
// NMSE ~1e-17 would be rounding; a layout or pairing mistake gives ~1.
constexpr double k_same = 1e-12;

TEST_CASE("phi3's fused tensors compute what separate llama tensors do", "[model][arch]") {
    for (const std::string type : {"f32", "q8_0", "q4_k_m"}) {
        INFO("weight type " << type);
        const auto phi3 = model::Model::open(made_model("phi3", "tiny", type));
        CHECK(phi3->config().fused_qkv);
        CHECK(phi3->config().fused_gate_up);
        CHECK(phi3->config().rope_ordering == model::RopeOrdering::neox);
        // The parts of a fused tensor keep its name and know their rows.
        const model::LayerWeights& l0 = phi3->weights().layers[0];
        CHECK(l0.wk.name == "blk.0.attn_qkv.weight");
        CHECK(l0.wk.first_row == phi3->config().n_embd);
        CHECK(l0.ffn_up.name == "blk.0.ffn_up.weight");
        CHECK(l0.ffn_up.first_row == phi3->config().n_ff);

        const Rewritten as_llama = rewrite(*phi3, "llama", false);
        const auto llama = load(as_llama.bytes);
        CHECK(nmse(run_prompt(*llama), run_prompt(*phi3)) < k_same);
    }
}

TEST_CASE("qwen2 without biases computes what llama does, and its biases count", "[model][arch]") {
    const auto qwen2 = model::Model::open(made_model("qwen2", "tiny", "q8_0"));
    CHECK(qwen2->config().qkv_bias);
    CHECK(qwen2->weights().tied_output);
    CHECK(qwen2->weights().layers[1].bk.size() == qwen2->config().kv_dim());

    const Rewritten unbiased_bytes = rewrite(*qwen2, "qwen2", true);
    const auto unbiased = load(unbiased_bytes.bytes);
    const Rewritten llama_bytes = rewrite(*unbiased, "llama", false);
    const auto llama = load(llama_bytes.bytes);
    const auto unbiased_logits = run_prompt(*unbiased);
    CHECK(nmse(run_prompt(*llama), unbiased_logits) < k_same);

    // The same model with its biases again is the original, and differs.
    const Rewritten biased_bytes = rewrite(*qwen2, "qwen2", false);
    const auto biased_logits = run_prompt(*load(biased_bytes.bytes));
    CHECK(nmse(biased_logits, run_prompt(*qwen2)) == 0.0);
    CHECK(nmse(unbiased_logits, biased_logits) > 1e-3);
}

TEST_CASE("LongRoPE factors are chosen by the context a model is opened with", "[model][arch]") {
    const auto m = model::Model::open(made_model("phi3", "tiny-longrope", "f32"));
    const model::ModelConfig& c = m->config();
    const model::ModelWeights& w = m->weights();
    CHECK(c.rope_orig_ctx == 256);
    CHECK(c.n_ctx_train == 512);
    // sqrt(1 + ln(512 / 256) / ln(256)), as stored by make-test-model.
    CHECK(c.rope_attn_factor == Approx(std::sqrt(1.0 + std::log(2.0) / std::log(256.0))));
    REQUIRE(w.rope_factors_short.size() == c.n_rot / 2);
    CHECK(w.rope_factors(c, 256).data() == w.rope_factors_short.data());
    CHECK(w.rope_factors(c, 257).data() == w.rope_factors_long.data());

    // The long factors slow the low frequencies down: from the second
    // position on, the logits differ between the two contexts.
    model::ReferenceModel short_ctx(*m, 64), long_ctx(*m, 300);
    const std::vector<int32_t> prompt = {1, 40, 41, 42};
    std::vector<float> a, b;
    for (uint32_t i = 0; i < prompt.size(); ++i) {
        const auto la = short_ctx.forward(prompt[i], i);
        a.assign(la.begin(), la.end());
        const auto lb = long_ctx.forward(prompt[i], i);
        b.assign(lb.begin(), lb.end());
    }
    CHECK(nmse(a, b) > 1e-6);
}

TEST_CASE("make-test-model picks the preset's architecture or refuses a contradiction",
          "[model][arch]") {
    CHECK(model::Model::open(made_model("", "tiny", "f32"))->config().architecture == "llama");
    CHECK(model::Model::open(made_model("", "tiny-longrope", "f32"))->config().architecture ==
          "phi3");
    for (const std::string arch : {"llama", "qwen2", "phi3"}) {
        CHECK(model::Model::open(made_model(arch, "tiny", "f32"))->config().architecture == arch);
    }
    model::TestModelOptions o;
    o.output = fs::temp_directory_path() / "clauselens-arch-never-written.gguf";
    o.arch = "phi3";
    o.preset = "qwen2.5-3b";
    CHECK_THROWS_WITH(model::make_test_model(o),
                      "preset 'qwen2.5-3b' is a qwen2 model, not phi3; leave out --arch or give "
                      "--arch qwen2");
    o.arch = "";
    o.preset = "huge";
    CHECK_THROWS_WITH(model::make_test_model(o),
                      "unknown preset 'huge'; choose one of: tiny, tiny-longrope, llama-3.2-3b, "
                      "qwen2.5-3b, phi-3-mini, openllama-3b");
    o.arch = "gpt2";
    CHECK_THROWS_WITH(model::make_test_model(o), Catch::Contains("choose llama, qwen2 or phi3"));
    CHECK_FALSE(fs::exists(o.output));
}

namespace {

// A copy of a model file with one tensor left out, or cut to fewer rows, or
// one F32 vector added.
std::vector<std::byte> copy_without(const fs::path& path, const std::string& skip,
                                    const std::string& shorten = "",
                                    const std::string& add_name = "",
                                    const std::vector<float>* add = nullptr) {
    static std::vector<gguf::GgufFile> keep; // the copied tensors' data lives in these
    keep.push_back(gguf::GgufFile::open(path));
    const gguf::GgufFile& f = keep.back();
    gguf::GgufWriter w;
    for (const gguf::MetadataEntry& e : f.metadata()) {
        w.add_value(e.key, e.value);
    }
    for (const gguf::Tensor& t : f.tensors()) {
        if (t.name == skip) {
            continue;
        }
        std::vector<uint64_t> shape(t.shape().begin(), t.shape().end());
        std::span<const std::byte> data = t.data;
        if (t.name == shorten) {
            shape[1] -= 32;
            data = data.first(data.size() / t.ne[1] * shape[1]);
        }
        w.add_tensor(t.name, t.type, shape, data);
    }
    if (add != nullptr) {
        const uint64_t shape[] = {add->size()};
        w.add_tensor(add_name, gguf::TensorType::f32, shape,
                     std::as_bytes(std::span<const float>(*add)));
    }
    return w.write_to_memory();
}

} // namespace

TEST_CASE("malformed qwen2 and phi3 files name the tensor at fault", "[model][arch][errors]") {
    const fs::path qwen2 = made_model("qwen2", "tiny", "f32");
    const fs::path phi3 = made_model("phi3", "tiny", "f32");
    const fs::path longrope = made_model("phi3", "tiny-longrope", "f32");
    CHECK_THROWS_WITH(load(copy_without(qwen2, "blk.1.attn_k.bias")),
                      "the model file lacks tensor 'blk.1.attn_k.bias'");
    CHECK_THROWS_WITH(load(copy_without(phi3, "", "blk.0.attn_qkv.weight")),
                      "tensor 'blk.0.attn_qkv.weight' has shape 256 x 480, expected 256 x 512");
    CHECK_THROWS_WITH(load(copy_without(phi3, "", "blk.1.ffn_up.weight")),
                      "tensor 'blk.1.ffn_up.weight' has shape 256 x 992, expected 256 x 1024");
    CHECK_THROWS_WITH(load(copy_without(phi3, "blk.0.attn_qkv.weight")),
                      "the model file lacks tensor 'blk.0.attn_qkv.weight'");
    CHECK_THROWS_WITH(load(copy_without(longrope, "rope_factors_short.weight")),
                      Catch::Contains("has 'rope_factors_long.weight' but not its counterpart "
                                      "'rope_factors_short.weight'"));
}

TEST_CASE("llama files with rope_freqs use them at every context", "[model][arch]") {
    // Llama 3.1 and 3.2 files carry one set of frequency divisors.
    const fs::path plain = made_model("llama", "tiny", "q8_0");
    std::vector<float> freqs(32);
    for (size_t i = 0; i < freqs.size(); ++i) {
        freqs[i] = i < 8 ? 1.0f : 1.0f + static_cast<float>(i);
    }
    const auto bytes = copy_without(plain, "", "", "rope_freqs.weight", &freqs);
    const auto with = load(bytes);
    const model::ModelConfig& c = with->config();
    CHECK(with->weights().rope_factors(c, 16).data() == with->weights().rope_freqs.data());
    CHECK(with->weights().rope_factors(c, c.n_ctx_train).size() == 32);
    const auto without = model::Model::open(plain);
    CHECK(without->weights().rope_factors(c, 16).empty());
    // The first position does not turn; later ones turn less.
    CHECK(nmse(run_prompt(*with), run_prompt(*without)) > 1e-6);

    freqs[3] = -1.0f;
    const auto bad = copy_without(plain, "", "", "rope_freqs.weight", &freqs);
    CHECK_THROWS_WITH(load(bad), "tensor 'rope_freqs.weight' holds -1.000000; RoPE frequency "
                                 "factors must be positive numbers");
}
