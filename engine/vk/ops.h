#pragma once
// Host side of each GPU operation: one function per shader in shaders/, which
// picks the variant, fills the push constants and records the dispatch. The
// plain C++ reference of each op is in engine/cpu/ops.h; tests compare the two.

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

enum class WeightType { f32, f16 };

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

    // y[n_rows] = W[n_rows][n_cols] * x[n_cols], W row-major in F32 or F16.
    void matvec(CommandList& list, WeightType type, BufferRange weights, BufferRange x,
                BufferRange y, uint32_t n_rows, uint32_t n_cols);

private:
    // Pipelines are built on first use and kept for the device's lifetime.
    const Pipeline& pipeline(const std::string& shader, uint32_t buffer_count,
                             uint32_t push_constant_bytes, std::vector<uint32_t> spec_constants);

    Device& device_;
    std::map<std::string, std::unique_ptr<Pipeline>> pipelines_;
};

} // namespace clauselens::vk
