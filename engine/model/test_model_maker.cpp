#include "model/test_model_maker.h"

#include "cpu/quant.h"
#include "gguf/gguf_writer.h"
#include "tokenizer/spm_gguf.h"
#include "tokenizer/spm_model_file.h"
#include "tokenizer/spm_vocab.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sentencepiece_trainer.h>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace clauselens::model {

std::string_view test_model_corpus(); // generated from resources/test-model

namespace {

constexpr TestModelPreset k_presets[] = {
    {"tiny", "2 layers, width 256: a few MB, for tests", 512, 256, 2, 4, 2, 512, 256, 10000.0f,
     false},
    {"llama-3.2-3b", "the shapes of Llama 3.2 3B (28 layers, width 3072, GQA 24/8)", 128256, 3072,
     28, 24, 8, 8192, 131072, 500000.0f, true},
    {"openllama-3b", "the shapes of OpenLLaMA 3B (26 layers, width 3200)", 32000, 3200, 26, 32, 32,
     8640, 2048, 10000.0f, false},
};

constexpr std::string_view k_types[] = {"f32",  "f16",  "bf16", "q8_0",  "q4_0",
                                        "q4_k", "q5_k", "q6_k", "q4_k_m"};

enum class Role { embedding, classifier, attn_qko, attn_v, ffn_gate_up, ffn_down };

gguf::TensorType type_for(std::string_view type, Role role) {
    using T = gguf::TensorType;
    if (type == "q4_k_m") {
        return role == Role::classifier || role == Role::attn_v || role == Role::ffn_down ? T::q6_k
                                                                                          : T::q4_k;
    }
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

// Normal deviates from a SplitMix64 stream (Box-Muller): the same seed gives
// the same model on every machine.
class Gaussian {
public:
    explicit Gaussian(uint64_t seed) : state_(seed) {}
    float next() {
        if (has_spare_) {
            has_spare_ = false;
            return spare_;
        }
        const double u1 = (static_cast<double>(bits() >> 11) + 1.0) * 0x1.0p-53; // (0, 1]
        const double u2 = static_cast<double>(bits() >> 11) * 0x1.0p-53;
        const double r = std::sqrt(-2.0 * std::log(u1));
        spare_ = static_cast<float>(r * std::sin(2.0 * std::numbers::pi * u2));
        has_spare_ = true;
        return static_cast<float>(r * std::cos(2.0 * std::numbers::pi * u2));
    }

private:
    uint64_t bits() {
        uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    uint64_t state_;
    bool has_spare_ = false;
    float spare_ = 0.0f;
};

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
            Gaussian g(seed ^ (r * 0x9e3779b97f4a7c15ull));
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
    if (o.arch != "llama") {
        throw std::invalid_argument("architecture '" + o.arch +
                                    "' is not supported by make-test-model; choose llama");
    }
    const TestModelPreset* p = nullptr;
    std::string names;
    for (const TestModelPreset& candidate : k_presets) {
        names += names.empty() ? "" : ", ";
        names += candidate.name;
        if (candidate.name == o.preset) {
            p = &candidate;
        }
    }
    if (p == nullptr) {
        throw std::invalid_argument("unknown preset '" + o.preset + "'; choose one of: " + names);
    }
    type_for(o.type, Role::embedding); // validates the name
    const uint32_t head_dim = p->n_embd / p->n_head;
    const uint32_t kv_dim = head_dim * p->n_head_kv;

    struct Planned {
        std::string name;
        gguf::TensorType type;
        uint64_t cols, rows; // rows == 0: a norm vector of `cols` ones
        float scale;         // standard deviation of the random values
    };
    std::vector<Planned> plan;
    auto matrix = [&](std::string name, Role role, uint64_t rows, uint64_t cols, float scale) {
        const gguf::TensorType type = type_for(o.type, role);
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
    // 1/sqrt(fan-in) keeps activations near unit scale through each product;
    // the classifier is scaled up so that next-token choices are clear-cut.
    const float in_embd = 1.0f / std::sqrt(static_cast<float>(p->n_embd));
    const float in_ff = 1.0f / std::sqrt(static_cast<float>(p->n_ff));
    matrix("token_embd.weight", p->tied_output ? Role::classifier : Role::embedding, p->n_vocab,
           p->n_embd, p->tied_output ? 4.0f * in_embd : 1.0f);
    for (uint32_t l = 0; l < p->n_layer; ++l) {
        const std::string b = "blk." + std::to_string(l) + ".";
        norm(b + "attn_norm.weight", p->n_embd);
        matrix(b + "attn_q.weight", Role::attn_qko, p->n_embd, p->n_embd, in_embd);
        matrix(b + "attn_k.weight", Role::attn_qko, kv_dim, p->n_embd, in_embd);
        matrix(b + "attn_v.weight", Role::attn_v, kv_dim, p->n_embd, in_embd);
        matrix(b + "attn_output.weight", Role::attn_qko, p->n_embd, p->n_embd, in_embd);
        norm(b + "ffn_norm.weight", p->n_embd);
        matrix(b + "ffn_gate.weight", Role::ffn_gate_up, p->n_ff, p->n_embd, in_embd);
        matrix(b + "ffn_up.weight", Role::ffn_gate_up, p->n_ff, p->n_embd, in_embd);
        matrix(b + "ffn_down.weight", Role::ffn_down, p->n_embd, p->n_ff, in_ff);
    }
    norm("output_norm.weight", p->n_embd);
    if (!p->tied_output) {
        matrix("output.weight", Role::classifier, p->n_vocab, p->n_embd, 4.0f * in_embd);
    }

    gguf::GgufWriter w;
    w.add_string("general.architecture", "llama");
    w.add_string("general.name",
                 "ClauseLens test model (" + std::string(p->name) + ", " + o.type + ")");
    w.add_string("general.description",
                 "Random weights in the shapes of " + std::string(p->description) + ", seed " +
                     std::to_string(o.seed) +
                     ". For testing and benchmarking only: it writes nonsense.");
    w.add_u32("llama.context_length", p->n_ctx);
    w.add_u32("llama.embedding_length", p->n_embd);
    w.add_u32("llama.block_count", p->n_layer);
    w.add_u32("llama.feed_forward_length", p->n_ff);
    w.add_u32("llama.rope.dimension_count", head_dim);
    w.add_u32("llama.attention.head_count", p->n_head);
    w.add_u32("llama.attention.head_count_kv", p->n_head_kv);
    w.add_f32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
    w.add_f32("llama.rope.freq_base", p->rope_freq_base);
    w.add_u32("llama.vocab_size", p->n_vocab);
    tokenizer::write_spm_vocab(w, train_vocabulary(p->n_vocab));

    size_t written = 0;
    for (const Planned& t : plan) {
        const bool is_norm = t.rows == 0;
        const uint64_t rows = is_norm ? 1 : t.rows;
        const std::vector<uint64_t> shape =
            is_norm ? std::vector<uint64_t>{t.cols} : std::vector<uint64_t>{t.cols, t.rows};
        const uint64_t seed = o.seed ^ hash_name(t.name);
        w.add_tensor(t.name, t.type, shape,
                     [&o, &written, &plan, t, rows, is_norm, seed](std::span<std::byte> out) {
                         fill_tensor(out, t.type, t.cols, rows, is_norm ? 0.0f : t.scale, seed);
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
           std::to_string(p->n_vocab) + ", " + std::to_string(params) + " parameters, " +
           std::to_string(w.file_size()) + " bytes";
}

} // namespace clauselens::model
