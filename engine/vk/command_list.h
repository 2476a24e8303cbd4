#pragma once
// Records many dispatches into one command buffer and submits them at once:
// a forward pass is one submission, with barriers only where a dispatch reads
// what an earlier one wrote. Optionally timestamps every dispatch.

#include "vk/buffer.h"
#include "vk/handle.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace clauselens::vk {

class Device;
class Pipeline;

struct DispatchTiming {
    std::string label;
    // GPU time from the end of the previous dispatch (or the start of the
    // submission) to the end of this one. Dispatches without a barrier between
    // them may overlap, so their times only add up as a whole.
    double microseconds = 0.0;
};

struct Groups {
    uint32_t x = 1, y = 1, z = 1;
};

class CommandList {
public:
    explicit CommandList(Device& device, bool timestamps = false);
    ~CommandList();
    CommandList(const CommandList&) = delete;
    CommandList& operator=(const CommandList&) = delete;

    // Binds `buffers` to bindings 0..n-1 of the pipeline, pushes `push`, and
    // records a dispatch of `groups` workgroups.
    void dispatch(const Pipeline& pipeline, std::initializer_list<BufferRange> buffers,
                  const void* push, uint32_t push_bytes, Groups groups, std::string label = {});

    template <typename Push>
    void dispatch(const Pipeline& pipeline, std::initializer_list<BufferRange> buffers,
                  const Push& push, Groups groups, std::string label = {}) {
        dispatch(pipeline, buffers, &push, sizeof(Push), groups, std::move(label));
    }

    // Spreads `count` workgroups over x and y when count exceeds the device's
    // limit for x. Shaders compute their linear workgroup index as
    // gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x and must ignore
    // indices >= count.
    Groups linear_groups(uint64_t count) const;

    // Makes every earlier shader write visible to every later dispatch.
    void barrier();

    // Copies between buffers inside the recording (ordered by barriers).
    void copy(BufferRange src, BufferRange dst);

    // Submits everything recorded so far and waits for the GPU. Afterwards the
    // list is empty and can record again.
    void submit_and_wait();

    // Timings of the last submission, in recording order (empty unless the
    // list was created with timestamps on a device that supports them).
    const std::vector<DispatchTiming>& timings() const { return timings_; }
    size_t recorded_dispatches() const { return labels_.size(); }

private:
    void begin_if_needed();
    VkDescriptorSet allocate_set(VkDescriptorSetLayout layout, const std::string& pipeline_name);
    void write_timestamp(VkPipelineStageFlagBits stage);
    void reset_pools();

    Device& device_;
    bool timestamps_ = false;
    VkCommandBuffer cmd_ = VK_NULL_HANDLE;
    bool recording_ = false;

    std::vector<DescriptorPoolHandle> descriptor_pools_;
    size_t current_pool_ = 0;

    std::vector<QueryPoolHandle> query_pools_;
    uint32_t queries_written_ = 0;

    std::vector<std::string> labels_;
    std::vector<DispatchTiming> timings_;
};

} // namespace clauselens::vk
