#pragma once
// Writes GGUF models with random weights in the real shapes of a model family
// and a real sentencepiece vocabulary: tiny ones for the tests, full-size ones
// for benchmarks. The files are complete (metadata, vocabulary, every tensor)
// so that other GGUF runtimes load them too.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace clauselens::model {

struct TestModelPreset {
    std::string_view name;
    std::string_view arch; // "llama", "qwen2" or "phi3"; a name may exist for several
    std::string_view description;
    uint32_t n_vocab, n_embd, n_layer, n_head, n_head_kv, n_ff, n_ctx;
    float rope_freq_base;
    float rms_eps;
    bool tied_output;
    // Nonzero: Phi-3 LongRoPE, with short and long frequency factors and
    // this original context (n_ctx is then the extended one).
    uint32_t rope_orig_ctx = 0;
};

std::span<const TestModelPreset> test_model_presets();

// The weight types `make-test-model --type` accepts: f32, f16, bf16, q8_0,
// q4_0, q4_k, q5_k, q6_k, and q4_k_m (the types a Q4_K_M file has on each
// tensor, chosen by quant_mix_type() as the quantizer chooses them).
std::span<const std::string_view> test_model_types();

struct TestModelOptions {
    std::string arch; // empty: the preset's (the first listed for its name)
    std::string preset = "tiny";
    std::string type = "f32";
    uint64_t seed = 0;
    std::filesystem::path output;
    // A Hugging Face tokenizer.json (byte-level BPE) whose vocabulary the
    // model gets instead of the trained sentencepiece one, with its size;
    // empty: the trained one.
    std::filesystem::path tokenizer_json;
    // Called with (tensors written, tensors in all) while writing.
    std::function<void(size_t, size_t)> progress;
};

// Throws std::invalid_argument for an unknown architecture, preset or type,
// a preset made for another architecture than `arch`, or a type whose block
// size does not divide the preset's widths. Returns a one-line summary.
std::string make_test_model(const TestModelOptions& options);

} // namespace clauselens::model
