#pragma once
// Host side of each GPU operation: one function per shader in shaders/, which
// picks the variant, fills the push constants and records the dispatch. The
// plain C++ reference of each op is in engine/cpu (ops.h, transformer_ops.h, quant.h); tests
// compare the two.

#include "gguf/gguf_types.h"
#include "vk/buffer.h"
#include "vk/pipeline.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace clauselens::vk {

class CommandList;
class Device;

class Ops {
public:
    explicit Ops(Device& device);

    // out[i] = a[i] + b[i] for n floats. `workgroup` is the shader's workgroup
    // size (a specialization constant).
    void add(CommandList& list, BufferRange a, BufferRange b, BufferRange out, uint32_t n,
             uint32_t workgroup = 256);

    // Row-wise RMSNorm of n_rows rows of n_cols floats, scaled by weight[n_cols].
    void rms_norm(CommandList& list, BufferRange x, BufferRange weight, BufferRange out,
                  uint32_t n_cols, uint32_t n_rows, float eps);

    // Whether matvec and matmul take weights of this type: F32, F16, BF16,
    // Q8_0, Q4_0, Q4_K, Q5_K, Q6_K.
    static bool supports_weights(gguf::TensorType type);

    // y[n_rows] = W[n_rows][n_cols] * x[n_cols]. W is row-major and stays in
    // its GGUF block layout (n_cols a multiple of the type's block size, rows
    // back to back); the shader decodes it on the fly. x and y are F32.
    void matvec(CommandList& list, gguf::TensorType type, BufferRange weights, BufferRange x,
                BufferRange y, uint32_t n_rows, uint32_t n_cols);

    // The same for n_tokens vectors at once (prefill, batched decode):
    // y[t][r] = sum_k W[r][k] * x[t][k], with x n_tokens x n_cols and y
    // n_tokens x n_rows, both row-major F32.
    void matmul(CommandList& list, gguf::TensorType type, BufferRange weights, BufferRange x,
                BufferRange y, uint32_t n_rows, uint32_t n_cols, uint32_t n_tokens);

    // --- Transformer ops (each in its own ops_<name>.cpp) ---

    // RoPE in place on n_tokens rows of n_heads heads of head_dim floats; row t
    // is at position positions[t] (int32), divided by `scale` (linear
    // scaling). The first n_rot dimensions of each head turn, pair i by
    // pos * freq_base^(-2i/n_rot) / freq_factors[i]; pairs are (2i, 2i+1), or
    // (i, i + n_rot/2) when `neox`. freq_factors (n_rot/2 positive floats) is
    // optional: an unbound range divides by nothing. cos and sin are
    // multiplied by attn_factor. Reference: cpu::rope.
    void rope(CommandList& list, BufferRange x, BufferRange positions, uint32_t n_tokens,
              uint32_t n_heads, uint32_t head_dim, uint32_t n_rot, bool neox, float freq_base,
              float scale, BufferRange freq_factors = {}, float attn_factor = 1.0f);

    // x[r][i] += bias[i] in place for n_rows rows of n_cols floats.
    // Reference: cpu::bias_add.
    void bias_add(CommandList& list, BufferRange x, BufferRange bias, uint32_t n_rows,
                  uint32_t n_cols);

    // Stores n_tokens rows of row_size floats from x into the F16 cache at
    // rows cells[t] (int32): how keys and values enter the KV cache.
    void kv_store(CommandList& list, BufferRange x, BufferRange cache, BufferRange cells,
                  uint32_t n_tokens, uint32_t row_size);

    // Grouped-query attention of n_tokens queries (rows of n_head heads of
    // head_dim floats) over F16 key and value caches (rows of n_head_kv heads):
    // token t attends cache rows spans[2t] .. spans[2t] + spans[2t+1] - 1
    // (int32 pairs), query head h uses key/value head h / (n_head / n_head_kv).
    // out[t][h] = softmax(q . k * scale) . v, accumulated in F32.
    void attention(CommandList& list, BufferRange q, BufferRange k_cache, BufferRange v_cache,
                   BufferRange spans, BufferRange out, uint32_t n_tokens, uint32_t n_head,
                   uint32_t n_head_kv, uint32_t head_dim, float scale);

    // out[i] = silu(gate[i]) * up[i] for n floats (out may be gate).
    void swiglu(CommandList& list, BufferRange gate, BufferRange up, BufferRange out, uint32_t n);

private:
    // Pipelines are built on first use and kept for the device's lifetime.
    const Pipeline& pipeline(const std::string& shader, uint32_t buffer_count,
                             uint32_t push_constant_bytes, std::vector<uint32_t> spec_constants);

    Device& device_;
    std::map<std::string, std::unique_ptr<Pipeline>> pipelines_;
};

} // namespace clauselens::vk
