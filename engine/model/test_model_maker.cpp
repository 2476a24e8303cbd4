#include "model/test_model_maker.h"

#include "cpu/gaussian.h"
#include "cpu/quant.h"
#include "gguf/gguf_writer.h"
#include "model/quant_mix.h"
#include "tokenizer/bpe_gguf.h"
#include "tokenizer/spm_gguf.h"
#include "tokenizer/spm_model_file.h"
#include "tokenizer/spm_vocab.h"
#include "tokenizer/tokenizer_json.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <sentencepiece_trainer.h>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace clauselens::model {

std::string_view test_model_corpus(); // generated from resources/test-model

namespace {

// The tiny presets of each architecture all use grouped-query attention;
// Qwen2's has a tied classifier (as Qwen2.5 3B), the others their own.
constexpr TestModelPreset k_presets[] = {
    {"tiny", "llama", "2 layers, width 256: a few MB, for tests", 512, 256, 2, 4, 2, 512, 8192,
     10000.0f, 1e-5f, false},
    {"tiny", "qwen2", "2 layers, width 256, Q/K/V biases, tied classifier", 512, 256, 2, 4, 2, 512,
     8192, 1000000.0f, 1e-6f, true},
    {"tiny", "phi3", "2 layers, width 256, fused QKV and gate/up", 512, 256, 2, 4, 2, 512, 8192,
     10000.0f, 1e-5f, false},
    {"tiny-longrope", "phi3", "tiny phi3 with LongRoPE factors: short up to 256, long to 512", 512,
     256, 2, 4, 2, 512, 512, 10000.0f, 1e-5f, false, 256},
    {"llama-3.2-3b", "llama", "the shapes of Llama 3.2 3B (28 layers, width 3072, GQA 24/8)",
     128256, 3072, 28, 24, 8, 8192, 131072, 500000.0f, 1e-5f, true},
    {"qwen2.5-3b", "qwen2", "the shapes of Qwen2.5 3B (36 layers, width 2048, GQA 16/2)", 151936,
     2048, 36, 16, 2, 11008, 32768, 1000000.0f, 1e-6f, true},
    {"phi-3-mini", "phi3", "the shapes of Phi-3 mini 4k (32 layers, width 3072)", 32064, 3072, 32,
     32, 32, 8192, 4096, 10000.0f, 1e-5f, false},
    {"openllama-3b", "llama", "the shapes of OpenLLaMA 3B (26 layers, width 3200)", 32000, 3200, 26,
     32, 32, 8640, 2048, 10000.0f, 1e-5f, false},
};

constexpr std::string_view k_architectures[] = {"llama", "qwen2", "phi3"};

constexpr std::string_view k_types[] = {"f32",  "f16",  "bf16", "q8_0",  "q4_0",
                                        "q4_k", "q5_k", "q6_k", "q4_k_m"};

// The type of every matrix for the uniform types; for q4_k_m the base type,
// which quant_mix_type() refines per tensor as the quantizer does.
gguf::TensorType type_for(std::string_view type) {
    using T = gguf::TensorType;
    if (type == "q4_k_m")
        return T::q4_k;
    if (type == "f32")
        return T::f32;
    if (type == "f16")
        return T::f16;
    if (type == "bf16")
        return T::bf16;
    if (type == "q8_0")
        return T::q8_0;
    if (type == "q4_0")
        return T::q4_0;
    if (type == "q4_k")
        return T::q4_k;
    if (type == "q5_k")
        return T::q5_k;
    if (type == "q6_k")
        return T::q6_k;
    std::string message = "unknown weight type '";
    message += type;
    message += "'; choose one of: ";
    for (const std::string_view t : k_types) {
        message += t;
        message += t == k_types[std::size(k_types) - 1] ? "" : ", ";
    }
    throw std::invalid_argument(message);
}

uint64_t hash_name(std::string_view name) {
    uint64_t h = 1469598103934665603ull; // FNV-1a
    for (const char c : name) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
    return h;
}

// A BPE vocabulary with byte fallback trained on the embedded contract text,
// padded with unused pieces to the preset's size (a small corpus cannot fill a
// 128k vocabulary; unused pieces are never produced by encoding).
tokenizer::SpmVocab train_vocabulary(uint32_t n_vocab) {
    class Lines : public sentencepiece::SentenceIterator {
    public:
        explicit Lines(std::string_view text) : stream_(std::string(text)) { next(); }
        bool done() const override { return done_; }
        void Next() override { next(); }
        const std::string& value() const override { return line_; }
        sentencepiece::util::Status status() const override { return {}; }

    private:
        void next() {
            while (std::getline(stream_, line_)) {
                if (!line_.empty()) {
                    return;
                }
            }
            done_ = true;
        }
        std::istringstream stream_;
        std::string line_;
        bool done_ = false;
    };

    const uint32_t trained = std::min<uint32_t>(n_vocab, 2000);
    const std::string args =
        "--model_type=bpe --vocab_size=" + std::to_string(trained) +
        " --byte_fallback=true --character_coverage=1.0 --split_digits=true"
        " --normalization_rule_name=identity --remove_extra_whitespaces=false"
        " --add_dummy_prefix=true --unk_id=0 --bos_id=1 --eos_id=2 --pad_id=-1"
        " --num_threads=1 --hard_vocab_limit=false --max_sentence_length=100000"
        " --minloglevel=2";
    Lines lines(test_model_corpus());
    std::string serialized;
    const auto status = sentencepiece::SentencePieceTrainer::Train(args, &lines, &serialized);
    if (!status.ok()) {
        throw std::runtime_error("training the test vocabulary failed: " + status.ToString());
    }
    tokenizer::SpmVocab vocab = tokenizer::read_spm_model(serialized).vocab;
    for (uint32_t id = static_cast<uint32_t>(vocab.pieces.size()); id < n_vocab; ++id) {
        vocab.pieces.push_back("<unused" + std::to_string(id) + ">");
        vocab.scores.push_back(0.0f);
        vocab.types.push_back(tokenizer::TokenType::unused);
    }
    if (vocab.pieces.size() != n_vocab) {
        throw std::runtime_error("the test vocabulary came out with " +
                                 std::to_string(vocab.pieces.size()) + " pieces instead of " +
                                 std::to_string(n_vocab));
    }
    return vocab;
}

// Fills `out` with `rows` rows of `cols` random values (deviation `scale`; 0
// gives norms of ones) stored as `type`. Each row has its own random stream,
// so the rows are made in parallel and the file does not depend on the
// number of threads.
void fill_tensor(std::span<std::byte> out, gguf::TensorType type, uint64_t cols, uint64_t rows,
                 float scale, uint64_t seed) {
    const size_t row_bytes = cpu::row_bytes(type, cols);
    const uint64_t n_threads = std::clamp<uint64_t>(std::thread::hardware_concurrency(), 1,
                                                    std::max<uint64_t>(rows / 64, 1));
    auto work = [&](uint64_t first, uint64_t last) {
        std::vector<float> row(cols);
        for (uint64_t r = first; r < last; ++r) {
            cpu::Gaussian g(seed ^ (r * 0x9e3779b97f4a7c15ull));
            for (float& v : row) {
                v = scale == 0.0f ? 1.0f : g.next() * scale;
            }
            cpu::quantize(type, row, out.subspan(r * row_bytes, row_bytes));
        }
    };
    std::vector<std::thread> threads;
    const uint64_t per_thread = (rows + n_threads - 1) / n_threads;
    for (uint64_t t = 1; t < n_threads; ++t) {
        threads.emplace_back(work, std::min(rows, t * per_thread),
                             std::min(rows, (t + 1) * per_thread));
    }
    work(0, std::min(rows, per_thread));
    for (std::thread& thread : threads) {
        thread.join();
    }
}

} // namespace

std::span<const TestModelPreset> test_model_presets() {
    return k_presets;
}
std::span<const std::string_view> test_model_types() {
    return k_types;
}

std::string make_test_model(const TestModelOptions& o) {
    if (!o.arch.empty() && std::find(std::begin(k_architectures), std::end(k_architectures),
                                     o.arch) == std::end(k_architectures)) {
        throw std::invalid_argument("architecture '" + o.arch +
                                    "' is not supported by make-test-model; choose llama, qwen2 "
                                    "or phi3");
    }
    // The preset of that name for the architecture asked for, or the first
    // of that name when none is asked for.
    const TestModelPreset* p = nullptr;
    const TestModelPreset* other_arch = nullptr;
    std::string names;
    for (const TestModelPreset& candidate : k_presets) {
        if (&candidate == k_presets || candidate.name != (&candidate - 1)->name) {
            names += names.empty() ? "" : ", "; // a name's presets are listed together
            names += candidate.name;
        }
        if (candidate.name == o.preset && p == nullptr) {
            if (o.arch.empty() || candidate.arch == o.arch) {
                p = &candidate;
            } else if (other_arch == nullptr) {
                other_arch = &candidate;
            }
        }
    }
    if (p == nullptr && other_arch != nullptr) {
        throw std::invalid_argument(
            "preset '" + o.preset + "' is a " + std::string(other_arch->arch) + " model, not " +
            o.arch + "; leave out --arch or give --arch " + std::string(other_arch->arch));
    }
    if (p == nullptr) {
        throw std::invalid_argument("unknown preset '" + o.preset + "'; choose one of: " + names);
    }
    const std::string arch(p->arch);
    const bool qwen2 = arch == "qwen2";
    const bool phi3 = arch == "phi3";
    type_for(o.type); // validates the name
    const uint32_t head_dim = p->n_embd / p->n_head;
    const uint32_t kv_dim = head_dim * p->n_head_kv;
    // A vocabulary from a tokenizer.json replaces the trained one, and its size the preset's.
    std::optional<tokenizer::BpeVocab> json_vocab;
    if (!o.tokenizer_json.empty()) {
        json_vocab = tokenizer::read_tokenizer_json(o.tokenizer_json);
    }
    const uint32_t n_vocab =
        json_vocab ? static_cast<uint32_t>(json_vocab->tokens.size()) : p->n_vocab;

    struct Planned {
        std::string name;
        gguf::TensorType type;
        uint64_t cols, rows; // rows == 0: a vector of `cols` (norm: ones, scale 0)
        float scale;         // standard deviation of the random values
    };
    std::vector<Planned> plan;
    const MixModel mix{arch, p->n_layer, !p->tied_output};
    auto matrix = [&](std::string name, uint64_t rows, uint64_t cols, float scale) {
        const uint64_t shape[] = {cols, rows};
        const gguf::TensorType type =
            o.type == "q4_k_m"
                ? quant_mix_type(QuantMix::q4_k_m, mix, name, shape, gguf::TensorType::f32).type
                : type_for(o.type);
        const uint64_t block = gguf::tensor_type_info(type).block_size;
        if (cols % block != 0) {
            throw std::invalid_argument(
                "type " + o.type + " stores blocks of " + std::to_string(block) +
                " values, which do not divide the width " + std::to_string(cols) + " of '" + name +
                "' in preset " + o.preset + "; choose f32, f16, bf16, q8_0 or q4_0");
        }
        plan.push_back({std::move(name), type, cols, rows, scale});
    };
    auto norm = [&](std::string name, uint64_t n) {
        plan.push_back({std::move(name), gguf::TensorType::f32, n, 0, 0.0f});
    };
    // Qwen2's biases are large next to the projections' outputs: so are these.
    auto bias = [&](std::string name, uint64_t n) {
        plan.push_back({std::move(name), gguf::TensorType::f32, n, 0, 0.5f});
    };
    // 1/sqrt(fan-in) keeps activations near unit scale through each product;
    // the classifier is scaled up so that next-token choices are clear-cut.
    const float in_embd = 1.0f / std::sqrt(static_cast<float>(p->n_embd));
    const float in_ff = 1.0f / std::sqrt(static_cast<float>(p->n_ff));
    matrix("token_embd.weight", n_vocab, p->n_embd, p->tied_output ? 4.0f * in_embd : 1.0f);
    for (uint32_t l = 0; l < p->n_layer; ++l) {
        const std::string b = "blk." + std::to_string(l) + ".";
        norm(b + "attn_norm.weight", p->n_embd);
        if (phi3) { // rows: Q, then K, then V
            matrix(b + "attn_qkv.weight", p->n_embd + 2ull * kv_dim, p->n_embd, in_embd);
        } else {
            matrix(b + "attn_q.weight", p->n_embd, p->n_embd, in_embd);
            matrix(b + "attn_k.weight", kv_dim, p->n_embd, in_embd);
            matrix(b + "attn_v.weight", kv_dim, p->n_embd, in_embd);
        }
        if (qwen2) {
            bias(b + "attn_q.bias", p->n_embd);
            bias(b + "attn_k.bias", kv_dim);
            bias(b + "attn_v.bias", kv_dim);
        }
        matrix(b + "attn_output.weight", p->n_embd, p->n_embd, in_embd);
        norm(b + "ffn_norm.weight", p->n_embd);
        if (phi3) { // rows: gate, then up
            matrix(b + "ffn_up.weight", 2ull * p->n_ff, p->n_embd, in_embd);
        } else {
            matrix(b + "ffn_gate.weight", p->n_ff, p->n_embd, in_embd);
            matrix(b + "ffn_up.weight", p->n_ff, p->n_embd, in_embd);
        }
        matrix(b + "ffn_down.weight", p->n_embd, p->n_ff, in_ff);
    }
    norm("output_norm.weight", p->n_embd);
    if (!p->tied_output) {
        matrix("output.weight", n_vocab, p->n_embd, 4.0f * in_embd);
    }

    gguf::GgufWriter w;
    w.add_string("general.architecture", arch);
    w.add_string("general.name",
                 "ClauseLens test model (" + std::string(p->name) + ", " + o.type + ")");
    w.add_string("general.description",
                 "Random weights in the shapes of " + std::string(p->description) + ", seed " +
                     std::to_string(o.seed) +
                     ". For testing and benchmarking only: it writes nonsense.");
    // The keys llama.cpp reads for each of these architectures.
    const std::string a = arch + ".";
    w.add_u32(a + "context_length", p->n_ctx);
    w.add_u32(a + "embedding_length", p->n_embd);
    w.add_u32(a + "block_count", p->n_layer);
    w.add_u32(a + "feed_forward_length", p->n_ff);
    w.add_u32(a + "rope.dimension_count", head_dim);
    w.add_u32(a + "attention.head_count", p->n_head);
    w.add_u32(a + "attention.head_count_kv", p->n_head_kv);
    w.add_f32(a + "attention.layer_norm_rms_epsilon", p->rms_eps);
    w.add_f32(a + "rope.freq_base", p->rope_freq_base);
    w.add_u32(a + "vocab_size", n_vocab);
    // LongRoPE: per-frequency divisors, near 1 for the short context and
    // growing towards the low frequencies for the long one (as Phi-3.5's),
    // and the attention factor its converter stores.
    std::vector<float> factors_short, factors_long;
    if (p->rope_orig_ctx != 0) {
        const uint32_t half = head_dim / 2;
        for (uint32_t i = 0; i < half; ++i) {
            const float f = static_cast<float>(i) / static_cast<float>(half);
            factors_short.push_back(1.0f + 0.25f * f);
            factors_long.push_back(1.0f + 30.0f * f * f);
        }
        const double scale = static_cast<double>(p->n_ctx) / p->rope_orig_ctx;
        w.add_u32(a + "rope.scaling.original_context_length", p->rope_orig_ctx);
        w.add_f32(a + "rope.scaling.attn_factor",
                  static_cast<float>(std::sqrt(
                      1.0 + std::log(scale) / std::log(static_cast<double>(p->rope_orig_ctx)))));
        const uint64_t shape[] = {half};
        w.add_tensor("rope_factors_long.weight", gguf::TensorType::f32, shape,
                     std::as_bytes(std::span<const float>(factors_long)));
        w.add_tensor("rope_factors_short.weight", gguf::TensorType::f32, shape,
                     std::as_bytes(std::span<const float>(factors_short)));
    }
    if (json_vocab) {
        tokenizer::write_bpe_vocab(w, *json_vocab);
    } else {
        tokenizer::write_spm_vocab(w, train_vocabulary(n_vocab));
    }

    size_t written = 0;
    for (const Planned& t : plan) {
        const bool is_norm = t.rows == 0;
        const uint64_t rows = is_norm ? 1 : t.rows;
        const std::vector<uint64_t> shape =
            is_norm ? std::vector<uint64_t>{t.cols} : std::vector<uint64_t>{t.cols, t.rows};
        const uint64_t seed = o.seed ^ hash_name(t.name);
        w.add_tensor(t.name, t.type, shape,
                     [&o, &written, &plan, t, rows, seed](std::span<std::byte> out) {
                         fill_tensor(out, t.type, t.cols, rows, t.scale, seed);
                         if (o.progress) {
                             o.progress(++written, plan.size());
                         }
                     });
    }
    w.write_file(o.output);

    uint64_t params = 0;
    for (const Planned& t : plan) {
        params += t.cols * (t.rows == 0 ? 1 : t.rows);
    }
    return std::string(p->name) + " " + o.type + ": " + std::to_string(p->n_layer) +
           " layers, width " + std::to_string(p->n_embd) + ", vocabulary " +
           std::to_string(n_vocab) + ", " + std::to_string(params) + " parameters, " +
           std::to_string(w.file_size()) + " bytes";
}

} // namespace clauselens::model
