#pragma once
// A low-rank change to one weight matrix, W' = W + scale * B A: what LoRA
// adapters are made of. The models apply deltas at run time next to the
// unchanged base weights, so adapters can be switched without reloading.

#include "model/model_weights.h"

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace clauselens::gguf {
class GgufFile;
}

namespace clauselens::model {

struct LowRankDelta {
    WeightMatrix a; // (rank rows, n_cols of W): views into the adapter file
    WeightMatrix b; // (n_rows of W, rank cols)
    float scale = 1.0f;

    uint64_t rank() const { return a.n_rows; }
};

// The deltas of each weight matrix, by the matrix's GGUF tensor name.
using MatrixDeltas = std::map<std::string, std::vector<LowRankDelta>, std::less<>>;

// The deltas of each matrix the forward pass multiplies with, keyed by the
// matrix's data. A fused tensor (Phi-3's attn_qkv and ffn_up) is multiplied
// in parts of rows; each part gets the matching rows of B.
using DeltaIndex = std::map<const std::byte*, std::vector<LowRankDelta>>;

// Throws ModelError when a delta's tensor is not among the model's matrices
// or its shape differs.
DeltaIndex index_deltas(const gguf::GgufFile& file, const ModelWeights& weights,
                        const MatrixDeltas& deltas);

// Every matrix the forward pass multiplies with (the token embedding, which
// is only looked up, is not one of them unless it is also the classifier).
std::vector<const WeightMatrix*> projection_matrices(const ModelWeights& weights);

// y += sum of scale * B (A x) over `deltas`: the CPU reference of a delta.
void apply_deltas(std::span<const LowRankDelta> deltas, std::span<const float> x,
                  std::span<float> y);

} // namespace clauselens::model
