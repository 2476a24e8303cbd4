#include "vk/ops.h"

#include "embedded_shaders.h"
#include "vk/command_list.h"
#include "vk/device.h"
#include "vk/op_checks.h"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace clauselens::vk {

using detail::require;
using detail::require_elements;

namespace {

// Workgroup size for the row reductions: a power of two no larger than the
// device allows, large enough to keep a GPU's memory system busy.
uint32_t reduction_workgroup(const DeviceInfo& info) {
    return std::bit_floor(std::min<uint32_t>(128, info.max_workgroup_invocations));
}

// Tokens that one matmul workgroup multiplies with the same row (TOKENS in
// shaders/matmul.comp).
constexpr uint64_t k_matmul_tokens = 8;

// Suffix of the matvec/matmul variant for a weight type; nullptr if none.
const char* weight_variant(gguf::TensorType type) {
    switch (type) {
    case gguf::TensorType::f32:
        return "f32";
    case gguf::TensorType::f16:
        return "f16";
    case gguf::TensorType::bf16:
        return "bf16";
    case gguf::TensorType::q8_0:
        return "q8_0";
    case gguf::TensorType::q4_0:
        return "q4_0";
    case gguf::TensorType::q4_k:
        return "q4_k";
    case gguf::TensorType::q5_k:
        return "q5_k";
    case gguf::TensorType::q6_k:
        return "q6_k";
    default:
        return nullptr;
    }
}

// Checks a weight matrix of n_rows x n_cols elements of `type` against its
// buffer range; returns the shader variant suffix.
const char* require_weights(gguf::TensorType type, const BufferRange& weights, uint32_t n_rows,
                            uint32_t n_cols, const char* op) {
    const char* variant = weight_variant(type);
    std::string message = op;
    if (variant == nullptr) {
        message += ": weight type ";
        message += gguf::tensor_type_name(type);
        message += " is not supported (supported: F32, F16, BF16, Q8_0, Q4_0, Q4_K, Q5_K, Q6_K)";
        throw std::invalid_argument(message);
    }
    const gguf::TensorTypeInfo& info = gguf::tensor_type_info(type);
    if (n_cols % info.block_size != 0) {
        message += ": ";
        message += std::to_string(n_cols);
        message += " columns are not a whole number of ";
        message += info.name;
        message += " blocks of ";
        message += std::to_string(info.block_size);
        throw std::invalid_argument(message);
    }
    const uint64_t bytes = uint64_t{n_rows} * (n_cols / info.block_size) * info.block_bytes;
    if (weights.buffer == nullptr || weights.size < bytes) {
        message += ": weight buffer holds fewer than the ";
        message += std::to_string(bytes);
        message += " bytes of ";
        message += std::to_string(n_rows);
        message += " x ";
        message += std::to_string(n_cols);
        message += ' ';
        message += info.name;
        throw std::invalid_argument(message);
    }
    return variant;
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

bool Ops::supports_weights(gguf::TensorType type) {
    return weight_variant(type) != nullptr;
}

void Ops::matvec(CommandList& list, gguf::TensorType type, BufferRange weights, BufferRange x,
                 BufferRange y, uint32_t n_rows, uint32_t n_cols) {
    const char* variant = require_weights(type, weights, n_rows, n_cols, "matvec");
    require_elements(x, n_cols, 4, "matvec", "input");
    require_elements(y, n_rows, 4, "matvec", "output");
    if (n_rows == 0) {
        return;
    }
    struct {
        uint32_t n_rows;
        uint32_t n_cols;
    } push{n_rows, n_cols};
    const uint32_t wg = reduction_workgroup(device_.info());
    std::string shader = "matvec_";
    shader += variant;
    list.dispatch(pipeline(shader, 3, sizeof push, {wg}), {weights, x, y}, push,
                  list.linear_groups(n_rows));
}

void Ops::matmul(CommandList& list, gguf::TensorType type, BufferRange weights, BufferRange x,
                 BufferRange y, uint32_t n_rows, uint32_t n_cols, uint32_t n_tokens) {
    const char* variant = require_weights(type, weights, n_rows, n_cols, "matmul");
    require_elements(x, uint64_t{n_tokens} * n_cols, 4, "matmul", "input");
    require_elements(y, uint64_t{n_tokens} * n_rows, 4, "matmul", "output");
    if (n_rows == 0 || n_tokens == 0) {
        return;
    }
    struct {
        uint32_t n_rows;
        uint32_t n_cols;
        uint32_t n_tokens;
    } push{n_rows, n_cols, n_tokens};
    const uint32_t wg = reduction_workgroup(device_.info());
    const uint64_t token_groups = (uint64_t{n_tokens} + k_matmul_tokens - 1) / k_matmul_tokens;
    std::string shader = "matmul_";
    shader += variant;
    list.dispatch(pipeline(shader, 3, sizeof push, {wg}), {weights, x, y}, push,
                  list.linear_groups(token_groups * n_rows));
}

} // namespace clauselens::vk
