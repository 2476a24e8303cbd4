#pragma once
// The weights of a Llama-family model as views into the mapped GGUF file:
// nothing is copied at load time except the small normalisation vectors.

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
// n_rows]), stored row by row in its GGUF type.
struct WeightMatrix {
    std::string name;
    gguf::TensorType type = gguf::TensorType::f32;
    uint64_t n_cols = 0;
    uint64_t n_rows = 0;
    std::span<const std::byte> data;

    size_t row_bytes() const { return data.size() / n_rows; }
    std::span<const std::byte> row(uint64_t r) const {
        return data.subspan(r * row_bytes(), row_bytes());
    }
};

struct LayerWeights {
    std::vector<float> attn_norm; // (n_embd)
    WeightMatrix wq;              // (n_embd rows, n_embd cols)
    WeightMatrix wk;              // (kv_dim, n_embd)
    WeightMatrix wv;              // (kv_dim, n_embd)
    WeightMatrix wo;              // (n_embd, n_embd)
    std::vector<float> ffn_norm;  // (n_embd)
    WeightMatrix ffn_gate;        // (n_ff, n_embd)
    WeightMatrix ffn_up;          // (n_ff, n_embd)
    WeightMatrix ffn_down;        // (n_embd, n_ff)
};

struct ModelWeights {
    WeightMatrix token_embd; // (n_vocab, n_embd): one row per token
    std::vector<LayerWeights> layers;
    std::vector<float> output_norm; // (n_embd)
    WeightMatrix output;            // (n_vocab, n_embd); the embedding when tied
    bool tied_output = false;

    // Finds and checks every tensor: present, of a type the engine computes
    // with, and of the shape the config implies. Throws ModelError naming the
    // tensor otherwise. The file must outlive the weights.
    static ModelWeights from_gguf(const gguf::GgufFile& file, const ModelConfig& config);
};

} // namespace clauselens::model
