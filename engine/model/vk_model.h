#pragma once
// The forward pass of a Llama-family model (llama, qwen2, phi3) on a Vulkan
// device: the same steps as ReferenceModel::forward, for a batch of tokens
// from several sequences at once, recorded into one command buffer and
// submitted once. Weights are
// uploaded once; keys and values live in an F16 cache with one slot of n_ctx
// positions per sequence.

#include "model/model.h"
#include "model/vk_deltas.h"
#include "vk/buffer.h"
#include "vk/ops.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace clauselens::vk {
class CommandList;
class Device;
} // namespace clauselens::vk

namespace clauselens::model {

// One token of a batch: sequence `seq` gets `token` at position `pos`.
struct BatchEntry {
    int32_t seq = 0;
    uint32_t pos = 0;
    int32_t token = 0;
    bool logits = false; // return the next-token logits after this entry
};

struct VkModelOptions {
    uint32_t n_ctx = 2048;  // positions per sequence
    uint32_t n_seq = 1;     // sequences that can be cached at once (ids 0..n_seq-1)
    uint32_t n_batch = 512; // tokens per forward call at most
    uint32_t n_logits = 0;  // logit rows per forward call at most; 0: n_seq
    // Largest weight binding in bytes; 0: the device's maxStorageBufferRange.
    // Larger matrices are bound in parts. Tests set it low to exercise that
    // path on devices whose range is large.
    uint64_t max_binding = 0;
};

struct MemoryEstimate {
    uint64_t weights = 0;
    uint64_t kv_cache = 0;
    uint64_t activations = 0;
    uint64_t total() const { return weights + kv_cache + activations; }
};

class VkModel {
public:
    // Estimates the device memory first and throws ModelError ("needs 2.4
    // GiB, device has 1.9 GiB free") when it cannot fit; then uploads the
    // weights. `progress` (may be empty) is called with bytes uploaded so far
    // and the total.
    VkModel(const Model& model, vk::Device& device, const VkModelOptions& options,
            const std::function<void(uint64_t, uint64_t)>& progress = {});
    ~VkModel();
    VkModel(const VkModel&) = delete;
    VkModel& operator=(const VkModel&) = delete;

    static MemoryEstimate estimate(const Model& model, const VkModelOptions& options);

    // Runs the batch. Entries of one sequence must continue its cache: the
    // first at the sequence's current length, the next ones one position
    // further each. Returns the logits of the entries marked `logits`, in
    // batch order, n_vocab floats each; valid until the next call.
    std::span<const float> forward(std::span<const BatchEntry> batch);

    // Positions cached for a sequence.
    uint32_t sequence_length(int32_t seq) const;
    // Forgets a sequence's cache; its id can start again at position 0.
    void remove_sequence(int32_t seq);
    // Makes dst's first n positions those of src (a shared prompt prefix is
    // evaluated once and copied to every sequence that starts with it).
    void copy_prefix(int32_t src, int32_t dst, uint32_t n);

    // Applies these low-rank deltas (LoRA adapters, see lora::combine) from
    // the next forward() on, replacing any before; empty: the base model
    // again. Uploads the adapters' factors (small next to the weights) and
    // keeps the base weights as they are, so adapters switch without
    // reloading the model. Throws ModelError for a delta that does not fit.
    void set_deltas(const MatrixDeltas& deltas);

    const VkModelOptions& options() const { return options_; }
    const MemoryEstimate& memory() const { return memory_; }

private:
    struct GpuMatrix;
    struct Layer;

    // y = W x for n_tokens rows: every projection of the model goes through
    // here. W carries its GGUF tensor name and rows (GpuMatrix::name,
    // first_row), by which per-matrix additions can be found.
    void project(vk::CommandList& list, const GpuMatrix& w, vk::BufferRange x, vk::BufferRange y,
                 uint32_t n_tokens);
    // y = W x alone.
    void multiply(vk::CommandList& list, const GpuMatrix& w, vk::BufferRange x, vk::BufferRange y,
                  uint32_t n_tokens);
    uint32_t slot(int32_t seq) const;

    const Model& model_;
    vk::Device& device_;
    VkModelOptions options_;
    MemoryEstimate memory_;
    vk::Ops ops_;

    std::vector<std::unique_ptr<vk::Buffer>> owned_;
    std::vector<Layer> layers_;
    std::unique_ptr<GpuMatrix> output_;
    const vk::Buffer* output_norm_ = nullptr;
    const vk::Buffer* rope_factors_ = nullptr; // (n_rot / 2) F32 for n_ctx, or null

    // Activations: (n_batch, width) row-major.
    const vk::Buffer* x_ = nullptr;     // (n_batch, n_embd) residual stream
    const vk::Buffer* xb_ = nullptr;    // (n_batch, n_embd) normalised x
    const vk::Buffer* xb2_ = nullptr;   // (n_batch, n_embd) projection outputs
    const vk::Buffer* q_ = nullptr;     // (n_batch, n_embd)
    const vk::Buffer* k_ = nullptr;     // (n_batch, kv_dim)
    const vk::Buffer* v_ = nullptr;     // (n_batch, kv_dim)
    const vk::Buffer* att_ = nullptr;   // (n_batch, n_embd) attention output
    const vk::Buffer* hb_ = nullptr;    // (n_batch, n_ff)
    const vk::Buffer* hb2_ = nullptr;   // (n_batch, n_ff)
    const vk::Buffer* xsel_ = nullptr;  // (n_logits, n_embd) rows that need logits
    const vk::Buffer* xnorm_ = nullptr; // (n_logits, n_embd)
    // Host-visible: inputs written by the CPU, logits read by it.
    const vk::Buffer* input_embd_ = nullptr;  // (n_batch, n_embd) token embeddings
    const vk::Buffer* input_pos_ = nullptr;   // (n_batch) int32 positions
    const vk::Buffer* input_cells_ = nullptr; // (n_batch) int32 cache rows to write
    const vk::Buffer* input_spans_ = nullptr; // (n_batch, 2) int32 cache rows to attend
    const vk::Buffer* logits_ = nullptr;      // (n_logits, n_vocab)

    std::unique_ptr<VkDeltas> deltas_; // adapters, or null

    std::vector<uint32_t> lengths_; // cached positions per sequence slot
    std::vector<float> logits_out_;
};

} // namespace clauselens::model
