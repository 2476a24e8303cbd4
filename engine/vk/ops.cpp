#include "vk/ops.h"

#include "embedded_shaders.h"
#include "vk/command_list.h"
#include "vk/device.h"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace clauselens::vk {

namespace {

// Workgroup size for the row reductions: a power of two no larger than the
// device allows, large enough to keep a GPU's memory system busy.
uint32_t reduction_workgroup(const DeviceInfo& info) {
    return std::bit_floor(std::min<uint32_t>(128, info.max_workgroup_invocations));
}

void require(bool ok, const std::string& message) {
    if (!ok) {
        throw std::invalid_argument(message);
    }
}

// Elements a range can hold; checks that it holds at least `count`.
void require_elements(const BufferRange& r, uint64_t count, uint64_t element_bytes, const char* op,
                      const char* what) {
    require(r.buffer != nullptr && r.size / element_bytes >= count,
            std::string(op) + ": " + what + " buffer holds fewer than " + std::to_string(count) +
                " elements");
}

} // namespace

Ops::Ops(Device& device) : device_(device) {}

const Pipeline& Ops::pipeline(const std::string& shader, uint32_t buffer_count,
                              uint32_t push_constant_bytes, std::vector<uint32_t> spec_constants) {
    std::string key = shader;
    for (uint32_t c : spec_constants) {
        key += ':';
        key += std::to_string(c);
    }
    auto it = pipelines_.find(key);
    if (it == pipelines_.end()) {
        PipelineDesc desc{key, shaders::spirv(shader), buffer_count, push_constant_bytes,
                          std::move(spec_constants)};
        it = pipelines_.emplace(key, std::make_unique<Pipeline>(device_, desc)).first;
    }
    return *it->second;
}

void Ops::add(CommandList& list, BufferRange a, BufferRange b, BufferRange out, uint32_t n,
              uint32_t workgroup) {
    require(workgroup > 0 && workgroup <= device_.info().max_workgroup_invocations,
            "add: workgroup size " + std::to_string(workgroup) + " not supported by the device");
    require_elements(a, n, 4, "add", "first input");
    require_elements(b, n, 4, "add", "second input");
    require_elements(out, n, 4, "add", "output");
    struct {
        uint32_t n;
    } push{n};
    const uint64_t groups = (static_cast<uint64_t>(n) + workgroup - 1) / workgroup;
    list.dispatch(pipeline("add_f32", 3, sizeof push, {workgroup}), {a, b, out}, push,
                  list.linear_groups(groups));
}

void Ops::rms_norm(CommandList& list, BufferRange x, BufferRange weight, BufferRange out,
                   uint32_t n_cols, uint32_t n_rows, float eps) {
    require(n_cols > 0, "rms_norm: rows must not be empty");
    const uint64_t total = static_cast<uint64_t>(n_cols) * n_rows;
    require_elements(x, total, 4, "rms_norm", "input");
    require_elements(weight, n_cols, 4, "rms_norm", "weight");
    require_elements(out, total, 4, "rms_norm", "output");
    struct {
        uint32_t n_cols;
        uint32_t n_rows;
        float eps;
    } push{n_cols, n_rows, eps};
    const uint32_t wg = reduction_workgroup(device_.info());
    list.dispatch(pipeline("rms_norm_f32", 3, sizeof push, {wg}), {x, weight, out}, push,
                  list.linear_groups(n_rows));
}

void Ops::matvec(CommandList& list, WeightType type, BufferRange weights, BufferRange x,
                 BufferRange y, uint32_t n_rows, uint32_t n_cols) {
    const uint64_t total = static_cast<uint64_t>(n_cols) * n_rows;
    const bool f16 = type == WeightType::f16;
    require_elements(weights, total, f16 ? 2 : 4, "matvec", "weight");
    require_elements(x, n_cols, 4, "matvec", "input");
    require_elements(y, n_rows, 4, "matvec", "output");
    struct {
        uint32_t n_rows;
        uint32_t n_cols;
    } push{n_rows, n_cols};
    const uint32_t wg = reduction_workgroup(device_.info());
    list.dispatch(pipeline(f16 ? "matvec_f16" : "matvec_f32", 3, sizeof push, {wg}),
                  {weights, x, y}, push, list.linear_groups(n_rows));
}

} // namespace clauselens::vk
