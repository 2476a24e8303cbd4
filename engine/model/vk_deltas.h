#pragma once
// Low-rank deltas (LoRA adapters) on the device: after a projection
// y = W x, record y += scale * B (A x) for the matrix's deltas. The base
// weights stay untouched, so adapters are switched or removed by replacing
// this object, without reloading the model.

#include "model/low_rank_delta.h"
#include "vk/buffer.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace clauselens::vk {
class CommandList;
class Device;
class Ops;
} // namespace clauselens::vk

namespace clauselens::model {

class VkDeltas {
public:
    // Uploads A as stored and B pre-multiplied by its scale (as F32), with
    // scratch space for n_batch tokens.
    VkDeltas(vk::Device& device, const DeltaIndex& deltas, uint32_t n_batch);
    ~VkDeltas();
    VkDeltas(const VkDeltas&) = delete;
    VkDeltas& operator=(const VkDeltas&) = delete;

    bool empty() const { return matrices_.empty(); }
    // Device memory the deltas take.
    uint64_t bytes() const { return bytes_; }

    // Whether the matrix whose host data starts at `matrix` has deltas.
    bool has(const std::byte* matrix) const { return matrices_.contains(matrix); }

    // y (n_tokens rows of n_rows) += the deltas of that matrix applied to x
    // (n_tokens rows of n_cols). Records nothing for a matrix without
    // deltas. Ends with a barrier when it records anything; y must have
    // been written before, with a barrier in between.
    void record(vk::CommandList& list, vk::Ops& ops, const std::byte* matrix, vk::BufferRange x,
                vk::BufferRange y, uint32_t n_tokens) const;

private:
    struct Factor {
        gguf::TensorType a_type;
        const vk::Buffer* a; // (rank, n_cols)
        const vk::Buffer* b; // (n_rows, rank) F32, scaled
        uint32_t rank, n_rows, n_cols;
    };
    std::vector<std::unique_ptr<vk::Buffer>> owned_;
    std::map<const std::byte*, std::vector<Factor>> matrices_;
    const vk::Buffer* t_ = nullptr; // (n_batch, max rank) A x
    const vk::Buffer* u_ = nullptr; // (n_batch, max n_rows) B (A x)
    uint64_t bytes_ = 0;
};

} // namespace clauselens::model
