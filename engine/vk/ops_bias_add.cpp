// Host side of shaders/bias_add.comp.

#include "vk/command_list.h"
#include "vk/device.h"
#include "vk/op_checks.h"
#include "vk/ops.h"

#include <algorithm>
#include <limits>

namespace clauselens::vk {

using detail::require;
using detail::require_elements;

void Ops::bias_add(CommandList& list, BufferRange x, BufferRange bias, uint32_t n_rows,
                   uint32_t n_cols) {
    const uint64_t total = uint64_t{n_rows} * n_cols;
    require(total <= std::numeric_limits<uint32_t>::max(),
            "bias_add: " + std::to_string(total) +
                " elements are more than one dispatch can index");
    require_elements(x, total, 4, "bias_add", "input");
    require_elements(bias, n_cols, 4, "bias_add", "bias");
    if (total == 0) {
        return;
    }
    struct {
        uint32_t n;
        uint32_t n_cols;
    } push{static_cast<uint32_t>(total), n_cols};
    const uint32_t workgroup = std::min<uint32_t>(256, device_.info().max_workgroup_invocations);
    const uint64_t groups = (total + workgroup - 1) / workgroup;
    list.dispatch(pipeline("bias_add_f32", 2, sizeof push, {workgroup}), {x, bias}, push,
                  list.linear_groups(groups));
}

} // namespace clauselens::vk
