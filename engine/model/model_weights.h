#pragma once
// The weights of a Llama-family model (llama, qwen2, phi3) as views into the
// mapped GGUF file: nothing is copied at load time except the small
// normalisation, bias and RoPE factor vectors. Fused tensors (Phi-3's
// attn_qkv and ffn_up) appear as views of their row ranges, so the forward
// passes see the same matrices for every architecture.

#include "gguf/gguf_types.h"
#include "model/model_config.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace clauselens::gguf {
class GgufFile;
}

namespace clauselens::model {

// A 2-D weight matrix of n_rows rows of n_cols elements (GGUF ne = [n_cols,
// n_rows]), stored row by row in its GGUF type. It is rows first_row ..
// first_row + n_rows - 1 of the GGUF tensor `name`: the whole tensor, or one
// part of a fused one (a LoRA adapter for a fused tensor is named after it
// and applies to the same rows).
struct WeightMatrix {
    std::string name;
    gguf::TensorType type = gguf::TensorType::f32;
    uint64_t n_cols = 0;
    uint64_t n_rows = 0;
    std::span<const std::byte> data;
    uint64_t first_row = 0;

    size_t row_bytes() const { return data.size() / n_rows; }
    std::span<const std::byte> row(uint64_t r) const {
        return data.subspan(r * row_bytes(), row_bytes());
    }
};

struct LayerWeights {
    std::vector<float> attn_norm; // (n_embd)
    WeightMatrix wq;              // (n_embd rows, n_embd cols); Phi-3: attn_qkv rows 0..
    WeightMatrix wk;              // (kv_dim, n_embd); Phi-3: attn_qkv rows n_embd..
    WeightMatrix wv;              // (kv_dim, n_embd); Phi-3: the last kv_dim rows of attn_qkv
    std::vector<float> bq;        // (n_embd) Qwen2's query bias; empty without biases
    std::vector<float> bk;        // (kv_dim) key bias, or empty
    std::vector<float> bv;        // (kv_dim) value bias, or empty
    WeightMatrix wo;              // (n_embd, n_embd)
    std::vector<float> ffn_norm;  // (n_embd)
    WeightMatrix ffn_gate;        // (n_ff, n_embd); Phi-3: ffn_up rows 0..n_ff-1
    WeightMatrix ffn_up;          // (n_ff, n_embd); Phi-3: ffn_up rows n_ff..2 n_ff-1
    WeightMatrix ffn_down;        // (n_embd, n_ff)
};

struct ModelWeights {
    WeightMatrix token_embd; // (n_vocab, n_embd): one row per token
    std::vector<LayerWeights> layers;
    std::vector<float> output_norm; // (n_embd)
    WeightMatrix output;            // (n_vocab, n_embd); the embedding when tied
    bool tied_output = false;
    // RoPE frequency divisors, (n_rot / 2) each, empty when absent: Phi-3's
    // for contexts up to rope_orig_ctx (short) and beyond (long), or one set
    // for every context (rope_freqs.weight, Llama 3.1).
    std::vector<float> rope_factors_short;
    std::vector<float> rope_factors_long;
    std::vector<float> rope_freqs;

    // The frequency factors a sequence context of n_ctx positions uses (empty:
    // none), chosen as llama.cpp does: long beyond the original context.
    std::span<const float> rope_factors(const ModelConfig& config, uint32_t n_ctx) const;

    // Finds and checks every tensor: present, of a type the engine computes
    // with, and of the shape the config implies. Throws ModelError naming the
    // tensor otherwise. The file must outlive the weights.
    static ModelWeights from_gguf(const gguf::GgufFile& file, const ModelConfig& config);
};

} // namespace clauselens::model
