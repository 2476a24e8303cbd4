// Host side of shaders/kv_store.comp.

#include "vk/command_list.h"
#include "vk/device.h"
#include "vk/op_checks.h"
#include "vk/ops.h"

#include <algorithm>
#include <limits>

namespace clauselens::vk {

using detail::require;
using detail::require_elements;

void Ops::kv_store(CommandList& list, BufferRange x, BufferRange cache, BufferRange cells,
                   uint32_t n_tokens, uint32_t row_size) {
    require(row_size > 0, "kv_store: rows must not be empty");
    const uint64_t total = uint64_t{n_tokens} * row_size;
    require(total <= std::numeric_limits<uint32_t>::max(),
            std::string("kv_store: ") + std::to_string(total) +
                " elements are more than one dispatch can index");
    require_elements(x, total, 4, "kv_store", "input");
    require_elements(cells, n_tokens, 4, "kv_store", "cells");
    require_elements(cache, row_size, 2, "kv_store", "cache");
    // Cells are device data and cannot be checked here; the shader skips
    // rows outside the cache instead of writing out of bounds.
    const uint64_t n_cells = cache.size / (uint64_t{row_size} * 2);
    if (n_tokens == 0) {
        return;
    }
    struct {
        uint32_t n_tokens;
        uint32_t row_size;
        uint32_t n_cells;
    } push{n_tokens, row_size,
           static_cast<uint32_t>(std::min<uint64_t>(n_cells, std::numeric_limits<int32_t>::max()))};
    const uint32_t workgroup = std::min<uint32_t>(256, device_.info().max_workgroup_invocations);
    const uint64_t groups = (total + workgroup - 1) / workgroup;
    list.dispatch(pipeline("kv_store_f16", 3, sizeof push, {workgroup}), {x, cache, cells}, push,
                  list.linear_groups(groups));
}

} // namespace clauselens::vk
