// Host side of shaders/attention.comp.

#include "vk/command_list.h"
#include "vk/op_checks.h"
#include "vk/ops.h"

#include <algorithm>
#include <limits>

namespace clauselens::vk {

using detail::require;
using detail::require_elements;

namespace {

// MAX_HEAD_DIM in shaders/attention.comp: the query of one head is held in
// shared memory.
constexpr uint32_t k_max_head_dim = 256;

// Rows scored at once (a specialization constant). 64 keeps two NVIDIA warps
// or one AMD wave per (token, head) busy; with head_dim 128 the accumulation
// runs 4 rows side by side.
constexpr uint32_t k_attention_workgroup = 64;

// The accumulation gives each invocation 8 dimensions of the output.
static_assert(k_max_head_dim / 8 <= k_attention_workgroup);

} // namespace

void Ops::attention(CommandList& list, BufferRange q, BufferRange k_cache, BufferRange v_cache,
                    BufferRange spans, BufferRange out, uint32_t n_tokens, uint32_t n_head,
                    uint32_t n_head_kv, uint32_t head_dim, float scale) {
    require(n_head_kv > 0 && n_head % n_head_kv == 0,
            std::string("attention: n_head (") + std::to_string(n_head) +
                ") must be a multiple of n_head_kv (" + std::to_string(n_head_kv) + ")");
    require(head_dim > 0 && head_dim % 8 == 0 && head_dim <= k_max_head_dim,
            std::string("attention: head_dim ") + std::to_string(head_dim) +
                " not supported (a multiple of 8, at most " + std::to_string(k_max_head_dim) + ")");
    const uint64_t total = uint64_t{n_tokens} * n_head * head_dim;
    require(total <= std::numeric_limits<uint32_t>::max(),
            std::string("attention: ") + std::to_string(total) +
                " elements are more than one dispatch can index");
    require_elements(q, total, 4, "attention", "query");
    require_elements(out, total, 4, "attention", "output");
    require_elements(spans, uint64_t{2} * n_tokens, 4, "attention", "spans");
    const uint64_t row_bytes = uint64_t{n_head_kv} * head_dim * 2;
    const uint64_t n_cells = std::min(k_cache.size, v_cache.size) / row_bytes;
    require(k_cache.buffer != nullptr && v_cache.buffer != nullptr && n_cells > 0,
            std::string("attention: the caches hold no row of ") + std::to_string(n_head_kv) +
                " x " + std::to_string(head_dim) + " F16 values");
    // Spans are device data and cannot be checked here; the shader ignores
    // rows outside the caches instead of reading out of bounds.
    if (n_tokens == 0 || n_head == 0) {
        return;
    }
    struct {
        uint32_t n_tokens;
        uint32_t n_head;
        uint32_t n_head_kv;
        uint32_t head_dim;
        uint32_t n_cells;
        float scale;
    } push{n_tokens,
           n_head,
           n_head_kv,
           head_dim,
           static_cast<uint32_t>(std::min<uint64_t>(n_cells, std::numeric_limits<int32_t>::max())),
           scale};
    list.dispatch(pipeline("attention_f16", 5, sizeof push, {k_attention_workgroup}),
                  {q, k_cache, v_cache, spans, out}, push,
                  list.linear_groups(uint64_t{n_tokens} * n_head));
}

} // namespace clauselens::vk
