#include "model/model_config.h"

#include "gguf/gguf_reader.h"
#include "model/model_error.h"

#include <cmath>
#include <string>

namespace clauselens::model {

namespace {

constexpr const char* k_supported = "llama, qwen2, phi3";

// What sets each architecture apart; everything else is shared.
struct ArchTraits {
    std::string_view name;
    RopeOrdering rope_ordering;
    bool qkv_bias;
    bool fused_qkv;
    bool fused_gate_up;
};

constexpr ArchTraits k_architectures[] = {
    {"llama", RopeOrdering::normal, false, false, false},
    {"qwen2", RopeOrdering::neox, true, false, false},
    {"phi3", RopeOrdering::neox, false, true, true},
};

// `<arch>.<suffix>` as an unsigned integer of any stored width.
uint32_t get_count(const gguf::GgufFile& file, const std::string& key, bool required,
                   uint32_t fallback = 0) {
    if (file.find(key) == nullptr) {
        if (required) {
            throw ModelError("the model file lacks '" + key + "'");
        }
        return fallback;
    }
    const int64_t v = file.get_int(key);
    if (v < 0 || v > 0x7fffffff) {
        throw ModelError("'" + key + "' is " + std::to_string(v) + ", which is not a valid size");
    }
    return static_cast<uint32_t>(v);
}

float get_float(const gguf::GgufFile& file, const std::string& key, float fallback) {
    return file.find(key) == nullptr ? fallback : file.get_f32(key);
}

} // namespace

ModelConfig ModelConfig::from_gguf(const gguf::GgufFile& file) {
    ModelConfig c;
    if (file.find("general.architecture") == nullptr) {
        throw ModelError("the model file lacks 'general.architecture'");
    }
    c.architecture = std::string(file.get_string("general.architecture"));
    const ArchTraits* traits = nullptr;
    for (const ArchTraits& t : k_architectures) {
        if (t.name == c.architecture) {
            traits = &t;
        }
    }
    if (traits == nullptr) {
        throw ModelError("model architecture '" + c.architecture +
                         "' is not supported; ClauseLens runs: " + k_supported);
    }
    c.rope_ordering = traits->rope_ordering;
    c.qkv_bias = traits->qkv_bias;
    c.fused_qkv = traits->fused_qkv;
    c.fused_gate_up = traits->fused_gate_up;
    if (file.find("general.name") != nullptr) {
        c.name = std::string(file.get_string("general.name"));
    }
    const std::string a = c.architecture + ".";
    c.n_embd = get_count(file, a + "embedding_length", true);
    c.n_layer = get_count(file, a + "block_count", true);
    c.n_head = get_count(file, a + "attention.head_count", true);
    c.n_head_kv = get_count(file, a + "attention.head_count_kv", false, c.n_head);
    c.n_ff = get_count(file, a + "feed_forward_length", true);
    c.n_ctx_train = get_count(file, a + "context_length", true);
    c.rms_eps = get_float(file, a + "attention.layer_norm_rms_epsilon", 1e-5f);
    c.rope_freq_base = get_float(file, a + "rope.freq_base", 10000.0f);

    if (c.n_embd == 0 || c.n_layer == 0 || c.n_head == 0 || c.n_head_kv == 0 || c.n_ff == 0 ||
        c.n_ctx_train == 0) {
        throw ModelError("the model's hyperparameters include a zero size");
    }
    if (c.n_embd % c.n_head != 0) {
        throw ModelError("embedding length " + std::to_string(c.n_embd) +
                         " is not divisible by the head count " + std::to_string(c.n_head));
    }
    if (c.n_head % c.n_head_kv != 0) {
        throw ModelError("head count " + std::to_string(c.n_head) +
                         " is not a multiple of the key/value head count " +
                         std::to_string(c.n_head_kv));
    }
    c.head_dim = c.n_embd / c.n_head;
    c.n_rot = get_count(file, a + "rope.dimension_count", false, c.head_dim);
    if (c.n_rot > c.head_dim || c.n_rot % 2 != 0) {
        throw ModelError("'" + a + "rope.dimension_count' is " + std::to_string(c.n_rot) +
                         "; it must be even and at most the head size " +
                         std::to_string(c.head_dim));
    }

    const std::string scaling_key = a + "rope.scaling.type";
    if (file.find(scaling_key) != nullptr) {
        const std::string_view type = file.get_string(scaling_key);
        if (type == "linear") {
            c.rope_scale = get_float(file, a + "rope.scaling.factor", 1.0f);
        } else if (type != "none" && type != "longrope" && type != "su") {
            // Phi-3's LongRoPE ("su" in early files) is carried by the
            // rope_factors_{long,short} tensors and the attention factor.
            throw ModelError("RoPE scaling '" + std::string(type) + "' is not supported");
        }
    } else if (file.find(a + "rope.scale_linear") != nullptr) {
        c.rope_scale = file.get_f32(a + "rope.scale_linear"); // older files
    }
    c.rope_orig_ctx =
        get_count(file, a + "rope.scaling.original_context_length", false, c.n_ctx_train);
    if (c.rope_orig_ctx == 0) {
        throw ModelError("'" + a + "rope.scaling.original_context_length' is 0");
    }
    const std::string attn_factor_key = a + "rope.scaling.attn_factor";
    if (file.find(attn_factor_key) != nullptr) {
        c.rope_attn_factor = file.get_f32(attn_factor_key);
    } else if (c.architecture == "phi3" &&
               file.find_tensor("rope_factors_long.weight") != nullptr &&
               c.n_ctx_train > c.rope_orig_ctx && c.rope_orig_ctx > 1) {
        // Files converted before the factor was stored: the value their
        // converter would have written.
        const double s = static_cast<double>(c.n_ctx_train) / c.rope_orig_ctx;
        c.rope_attn_factor = static_cast<float>(
            std::sqrt(1.0 + std::log(s) / std::log(static_cast<double>(c.rope_orig_ctx))));
    }
    if (!(c.rope_scale > 0.0f) || !std::isfinite(c.rope_scale) || !(c.rope_freq_base > 0.0f) ||
        !(c.rms_eps > 0.0f) || !std::isfinite(c.rope_attn_factor) || !(c.rope_attn_factor > 0.0f)) {
        throw ModelError("the model's RoPE or normalisation parameters are out of range");
    }

    if (file.find("tokenizer.ggml.tokens") == nullptr) {
        throw ModelError("the model file has no vocabulary ('tokenizer.ggml.tokens')");
    }
    c.n_vocab = static_cast<uint32_t>(file.get_array("tokenizer.ggml.tokens").size());
    return c;
}

} // namespace clauselens::model
