// Host side of shaders/swiglu.comp.

#include "vk/command_list.h"
#include "vk/device.h"
#include "vk/op_checks.h"
#include "vk/ops.h"

#include <algorithm>

namespace clauselens::vk {

using detail::require_elements;

void Ops::swiglu(CommandList& list, BufferRange gate, BufferRange up, BufferRange out, uint32_t n) {
    require_elements(gate, n, 4, "swiglu", "gate");
    require_elements(up, n, 4, "swiglu", "up");
    require_elements(out, n, 4, "swiglu", "output");
    if (n == 0) {
        return;
    }
    struct {
        uint32_t n;
    } push{n};
    const uint32_t workgroup = std::min<uint32_t>(256, device_.info().max_workgroup_invocations);
    const uint64_t groups = (uint64_t{n} + workgroup - 1) / workgroup;
    list.dispatch(pipeline("swiglu_f32", 3, sizeof push, {workgroup}), {gate, up, out}, push,
                  list.linear_groups(groups));
}

} // namespace clauselens::vk
