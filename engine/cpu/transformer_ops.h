#pragma once
// Reference versions of the transformer's remaining ops (see ops.h for the
// first ones): each will have a shader of its own, tested against these.

#include "gguf/gguf_types.h"

#include <cstdint>
#include <span>

namespace clauselens::cpu {

enum class RopeOrdering { normal, neox };

// Rotates the first n_rot dimensions of each of the n_heads heads (head_dim
// floats each) of x in place, for position `pos` (divided by `scale`, linear
// RoPE scaling). Dimension pair i turns by pos * base^(-2i / n_rot); `normal`
// pairs (2i, 2i+1), `neox` pairs (i, i + n_rot/2).
void rope(std::span<float> x, uint32_t n_heads, uint32_t head_dim, uint32_t n_rot,
          RopeOrdering ordering, float pos, float freq_base, float scale);

// Numerically stable softmax in place.
void softmax(std::span<float> x);

// gate[i] = silu(gate[i]) * up[i], silu(v) = v / (1 + e^-v): SwiGLU.
void swiglu(std::span<float> gate, std::span<const float> up);

// y[r] = sum_k W[r][k] x[k] with W stored row after row as `type`
// (row_bytes each): the matrix-vector product for every weight type.
void matvec(gguf::TensorType type, std::span<const std::byte> w, std::span<const float> x,
            std::span<float> y);

} // namespace clauselens::cpu
