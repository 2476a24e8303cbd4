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
// RoPE scaling). Dimension pair i turns by pos * base^(-2i / n_rot) /
// freq_factors[i] (no division when freq_factors is empty; else it holds
// n_rot/2 positive values, as Phi-3's long and short factors and Llama 3.1's
// rope_freqs do); `normal` pairs (2i, 2i+1), `neox` pairs (i, i + n_rot/2).
// The rotation's cos and sin are multiplied by attn_factor (Phi-3's
// long-context attention factor; 1 elsewhere).
void rope(std::span<float> x, uint32_t n_heads, uint32_t head_dim, uint32_t n_rot,
          RopeOrdering ordering, float pos, float freq_base, float scale,
          std::span<const float> freq_factors = {}, float attn_factor = 1.0f);

// x[r][i] += bias[i] for the n_rows = x.size() / bias.size() rows of x: the
// biases of Qwen2's query, key and value projections.
void bias_add(std::span<float> x, std::span<const float> bias);

// Numerically stable softmax in place.
void softmax(std::span<float> x);

// Grouped-query attention over F16 key and value caches (uint16 bit patterns,
// rows of n_head_kv heads of head_dim), the reference of vk::Ops::attention.
// q and out hold n_tokens = spans.size() / 2 rows of n_head heads of head_dim.
// Token t attends cache rows spans[2t] .. spans[2t] + spans[2t+1] - 1, query
// head h uses key/value head h / (n_head / n_head_kv), and
// out[t][h] = softmax(scale * q[t][h] . k) . v. An empty span gives zeros; a
// span outside the cache is std::out_of_range.
void attention(std::span<const float> q, std::span<const uint16_t> k_cache,
               std::span<const uint16_t> v_cache, std::span<const int32_t> spans,
               std::span<float> out, uint32_t n_head, uint32_t n_head_kv, uint32_t head_dim,
               float scale);

// gate[i] = silu(gate[i]) * up[i], silu(v) = v / (1 + e^-v): SwiGLU.
void swiglu(std::span<float> gate, std::span<const float> up);

// y[r] = sum_k W[r][k] x[k] with W stored row after row as `type`
// (row_bytes each): the matrix-vector product for every weight type.
void matvec(gguf::TensorType type, std::span<const std::byte> w, std::span<const float> x,
            std::span<float> y);

} // namespace clauselens::cpu
