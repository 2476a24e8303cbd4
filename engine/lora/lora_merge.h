#pragma once
// Merging LoRA deltas into the base weights at load: W' = W + sum scale B A,
// stored back in W's own type, so that the merged model runs at the base
// model's speed and size (at the cost of one more rounding for quantized
// types, and of not being able to switch adapters without reloading).

#include "model/low_rank_delta.h"

#include <cstddef>
#include <vector>

namespace clauselens::model {
class Model;
}

namespace clauselens::lora {

// The bytes of `w` with `deltas` added, in w.type. Uses every core.
std::vector<std::byte> merged_matrix(const model::WeightMatrix& w,
                                     const std::vector<model::LowRankDelta>& deltas);

// Merges `deltas` (by tensor name, see LoraAdapter::deltas and combine) into
// `model`'s weights. Build device models after merging.
void merge_into(model::Model& model, const model::MatrixDeltas& deltas);

} // namespace clauselens::lora
