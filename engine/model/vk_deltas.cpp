#include "model/vk_deltas.h"

#include "cpu/quant.h"
#include "model/model_error.h"
#include "vk/command_list.h"
#include "vk/device.h"
#include "vk/ops.h"

#include <algorithm>

namespace clauselens::model {

VkDeltas::VkDeltas(vk::Device& device, const DeltaIndex& deltas, uint32_t n_batch) {
    uint64_t max_rank = 0;
    uint64_t max_rows = 0;
    auto buffer = [&](uint64_t bytes, vk::MemoryKind kind, const std::string& label) {
        owned_.push_back(std::make_unique<vk::Buffer>(device, bytes, kind, label));
        bytes_ += bytes;
        return owned_.back().get();
    };
    for (const auto& [matrix, list] : deltas) {
        for (const LowRankDelta& d : list) {
            if (!vk::Ops::supports_weights(d.a.type)) {
                throw ModelError("the adapter factor '" + d.a.name +
                                 "' is stored in a type the device cannot multiply");
            }
            const vk::Buffer* a = buffer(d.a.data.size(), vk::MemoryKind::device_local, d.a.name);
            device.upload(*a, 0, d.a.data);

            // B is small (n_rows x rank): scaling it once here saves a
            // scaled-add pass per token.
            std::vector<float> b(d.b.n_rows * d.b.n_cols);
            for (uint64_t r = 0; r < d.b.n_rows; ++r) {
                std::span<float> row(b.data() + r * d.b.n_cols, d.b.n_cols);
                cpu::dequantize(d.b.type, d.b.row(r), row);
                for (float& v : row) {
                    v *= d.scale;
                }
            }
            const vk::Buffer* scaled_b =
                buffer(b.size() * 4, vk::MemoryKind::device_local, d.b.name + " (scaled)");
            device.upload(*scaled_b, 0, std::as_bytes(std::span<const float>(b)));

            matrices_[matrix].push_back(
                Factor{d.a.type, a, scaled_b, static_cast<uint32_t>(d.rank()),
                       static_cast<uint32_t>(d.b.n_rows), static_cast<uint32_t>(d.a.n_cols)});
            max_rank = std::max(max_rank, d.rank());
            max_rows = std::max(max_rows, d.b.n_rows);
        }
    }
    if (!matrices_.empty()) {
        t_ = buffer(uint64_t{n_batch} * max_rank * 4, vk::MemoryKind::device_local, "adapter A x");
        u_ =
            buffer(uint64_t{n_batch} * max_rows * 4, vk::MemoryKind::device_local, "adapter B A x");
    }
}

VkDeltas::~VkDeltas() = default;

void VkDeltas::record(vk::CommandList& list, vk::Ops& ops, const std::byte* matrix,
                      vk::BufferRange x, vk::BufferRange y, uint32_t n_tokens) const {
    const auto it = matrices_.find(matrix);
    if (it == matrices_.end()) {
        return;
    }
    for (const Factor& f : it->second) {
        const vk::BufferRange t(*t_, 0, uint64_t{n_tokens} * f.rank * 4);
        const vk::BufferRange u(*u_, 0, uint64_t{n_tokens} * f.n_rows * 4);
        if (n_tokens == 1) {
            ops.matvec(list, f.a_type, *f.a, x, t, f.rank, f.n_cols);
        } else {
            ops.matmul(list, f.a_type, *f.a, x, t, f.rank, f.n_cols, n_tokens);
        }
        list.barrier();
        if (n_tokens == 1) {
            ops.matvec(list, gguf::TensorType::f32, *f.b, t, u, f.n_rows, f.rank);
        } else {
            ops.matmul(list, gguf::TensorType::f32, *f.b, t, u, f.n_rows, f.rank, n_tokens);
        }
        list.barrier();
        ops.add(list, y, u, y, n_tokens * f.n_rows);
        list.barrier();
    }
}

} // namespace clauselens::model
