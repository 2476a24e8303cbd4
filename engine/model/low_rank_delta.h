#pragma once
// A low-rank change to one weight matrix, W' = W + scale * B A: what LoRA
// adapters are made of. The models apply deltas at run time next to the
// unchanged base weights, so adapters can be switched without reloading.

#include "model/model_weights.h"

#include <map>
#include <span>
#include <string>
#include <vector>

namespace clauselens::model {

struct LowRankDelta {
    WeightMatrix a; // (rank rows, n_cols of W): views into the adapter file
    WeightMatrix b; // (n_rows of W, rank cols)
    float scale = 1.0f;

    uint64_t rank() const { return a.n_rows; }
};

// The deltas of each weight matrix, by the matrix's GGUF tensor name.
using MatrixDeltas = std::map<std::string, std::vector<LowRankDelta>, std::less<>>;

// y += sum of scale * B (A x) over `deltas`: the CPU reference of a delta.
void apply_deltas(std::span<const LowRankDelta> deltas, std::span<const float> x,
                  std::span<float> y);

} // namespace clauselens::model
