#include "vk/command_list.h"

#include "vk/device.h"
#include "vk/pipeline.h"
#include "vk/vk_error.h"

#include <algorithm>
#include <stdexcept>

namespace clauselens::vk {

namespace {

constexpr uint32_t k_sets_per_pool = 256;
constexpr uint32_t k_buffers_per_set = 8; // average; a pool is shared by all its sets
constexpr uint32_t k_queries_per_pool = 1024;

} // namespace

CommandList::CommandList(Device& device, bool timestamps)
    : device_(device), timestamps_(timestamps && device.info().timestamps) {
    VkCommandBufferAllocateInfo alloc{};
    alloc.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO;
    alloc.commandPool = device.command_pool();
    alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    alloc.commandBufferCount = 1;
    check(vkAllocateCommandBuffers(device.handle(), &alloc, &cmd_), "allocating a command buffer");
}

CommandList::~CommandList() {
    vkFreeCommandBuffers(device_.handle(), device_.command_pool(), 1, &cmd_);
}

void CommandList::begin_if_needed() {
    if (recording_) {
        return;
    }
    VkCommandBufferBeginInfo begin{};
    begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    check(vkBeginCommandBuffer(cmd_, &begin), "starting a command recording");
    recording_ = true;
    if (timestamps_) {
        write_timestamp(VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT);
    }
}

void CommandList::write_timestamp(VkPipelineStageFlagBits stage) {
    const uint32_t pool_index = queries_written_ / k_queries_per_pool;
    const uint32_t query = queries_written_ % k_queries_per_pool;
    if (pool_index == query_pools_.size()) {
        VkQueryPoolCreateInfo info{};
        info.sType = VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO;
        info.queryType = VK_QUERY_TYPE_TIMESTAMP;
        info.queryCount = k_queries_per_pool;
        VkQueryPool pool = VK_NULL_HANDLE;
        check(vkCreateQueryPool(device_.handle(), &info, nullptr, &pool), "creating a query pool");
        query_pools_.emplace_back(device_.handle(), pool);
    }
    VkQueryPool pool = query_pools_[pool_index].get();
    if (query == 0) {
        // Queries must be reset before they are written; doing it in the same
        // command buffer keeps it to one submission.
        vkCmdResetQueryPool(cmd_, pool, 0, k_queries_per_pool);
    }
    vkCmdWriteTimestamp(cmd_, stage, pool, query);
    ++queries_written_;
}

VkDescriptorSet CommandList::allocate_set(VkDescriptorSetLayout layout,
                                          const std::string& pipeline_name) {
    for (;;) {
        if (current_pool_ == descriptor_pools_.size()) {
            VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER,
                                      k_sets_per_pool * k_buffers_per_set};
            VkDescriptorPoolCreateInfo info{};
            info.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO;
            info.maxSets = k_sets_per_pool;
            info.poolSizeCount = 1;
            info.pPoolSizes = &size;
            VkDescriptorPool pool = VK_NULL_HANDLE;
            check(vkCreateDescriptorPool(device_.handle(), &info, nullptr, &pool),
                  "creating a descriptor pool");
            descriptor_pools_.emplace_back(device_.handle(), pool);
        }
        VkDescriptorPool pool = descriptor_pools_[current_pool_].get();
        VkDescriptorSetAllocateInfo alloc{};
        alloc.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO;
        alloc.descriptorPool = pool;
        alloc.descriptorSetCount = 1;
        alloc.pSetLayouts = &layout;
        VkDescriptorSet set = VK_NULL_HANDLE;
        const VkResult r = vkAllocateDescriptorSets(device_.handle(), &alloc, &set);
        if (r == VK_SUCCESS) {
            return set;
        }
        if (r != VK_ERROR_OUT_OF_POOL_MEMORY && r != VK_ERROR_FRAGMENTED_POOL) {
            check(r, ("allocating descriptors for shader '" + pipeline_name + "'").c_str());
        }
        ++current_pool_; // this pool is full; move to the next (or a new) one
    }
}

Groups CommandList::linear_groups(uint64_t count) const {
    const uint64_t max_x = device_.info().max_workgroup_count[0];
    const uint64_t max_y = device_.info().max_workgroup_count[1];
    if (count == 0) {
        return {0, 1, 1};
    }
    if (count <= max_x) {
        return {static_cast<uint32_t>(count), 1, 1};
    }
    const uint64_t y = (count + max_x - 1) / max_x;
    if (y > max_y) {
        throw std::length_error("dispatch of " + std::to_string(count) +
                                " workgroups exceeds the device's limits");
    }
    const uint64_t x = (count + y - 1) / y;
    return {static_cast<uint32_t>(x), static_cast<uint32_t>(y), 1};
}

void CommandList::dispatch(const Pipeline& pipeline, std::initializer_list<BufferRange> buffers,
                           const void* push, uint32_t push_bytes, Groups groups,
                           std::string label) {
    if (buffers.size() != pipeline.buffer_count()) {
        throw std::invalid_argument("shader '" + pipeline.name() + "' takes " +
                                    std::to_string(pipeline.buffer_count()) + " buffers, got " +
                                    std::to_string(buffers.size()));
    }
    if (push_bytes != pipeline.push_constant_bytes()) {
        throw std::invalid_argument("shader '" + pipeline.name() + "' takes " +
                                    std::to_string(pipeline.push_constant_bytes()) +
                                    " bytes of push constants, got " + std::to_string(push_bytes));
    }
    const uint64_t max_range = device_.info().max_storage_buffer_range;
    std::vector<VkDescriptorBufferInfo> infos;
    infos.reserve(buffers.size());
    for (const BufferRange& r : buffers) {
        if (r.buffer == nullptr) {
            throw std::invalid_argument("shader '" + pipeline.name() + "': unbound buffer");
        }
        if (r.offset > r.buffer->size() || r.size > r.buffer->size() - r.offset) {
            throw std::out_of_range("shader '" + pipeline.name() + "': buffer range [" +
                                    std::to_string(r.offset) + ", +" + std::to_string(r.size) +
                                    ") outside a buffer of " + std::to_string(r.buffer->size()) +
                                    " bytes");
        }
        const uint64_t align = device_.info().min_storage_buffer_offset_alignment;
        if (align > 1 && r.offset % align != 0) {
            throw std::invalid_argument("shader '" + pipeline.name() + "': buffer offset " +
                                        std::to_string(r.offset) + " is not a multiple of " +
                                        std::to_string(align) +
                                        " (the device's storage offset alignment)");
        }
        if (r.size > max_range) {
            throw std::out_of_range("shader '" + pipeline.name() + "': binding of " +
                                    format_bytes(r.size) +
                                    " exceeds the device's storage range of " +
                                    format_bytes(max_range) + "; bind it in parts");
        }
        infos.push_back({r.buffer->handle(), r.offset, r.size});
    }

    begin_if_needed();
    const VkDescriptorSet set = allocate_set(pipeline.set_layout(), pipeline.name());
    std::vector<VkWriteDescriptorSet> writes(infos.size());
    for (uint32_t i = 0; i < writes.size(); ++i) {
        writes[i].sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
        writes[i].dstSet = set;
        writes[i].dstBinding = i;
        writes[i].descriptorCount = 1;
        writes[i].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
        writes[i].pBufferInfo = &infos[i];
    }
    vkUpdateDescriptorSets(device_.handle(), static_cast<uint32_t>(writes.size()), writes.data(), 0,
                           nullptr);

    vkCmdBindPipeline(cmd_, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline.handle());
    vkCmdBindDescriptorSets(cmd_, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline.layout(), 0, 1, &set, 0,
                            nullptr);
    if (push_bytes > 0) {
        vkCmdPushConstants(cmd_, pipeline.layout(), VK_SHADER_STAGE_COMPUTE_BIT, 0, push_bytes,
                           push);
    }
    if (groups.x > 0 && groups.y > 0 && groups.z > 0) {
        vkCmdDispatch(cmd_, groups.x, groups.y, groups.z);
    }
    if (label.empty()) {
        label = pipeline.name();
    }
    labels_.push_back(std::move(label));
    if (timestamps_) {
        write_timestamp(VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT);
    }
}

void CommandList::barrier() {
    begin_if_needed();
    VkMemoryBarrier barrier{};
    barrier.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER;
    barrier.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
    barrier.dstAccessMask = VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT |
                            VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
    const VkPipelineStageFlags stages =
        VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT;
    vkCmdPipelineBarrier(cmd_, stages, stages, 0, 1, &barrier, 0, nullptr, 0, nullptr);
}

void CommandList::copy(BufferRange src, BufferRange dst) {
    if (src.buffer == nullptr || dst.buffer == nullptr || src.size != dst.size ||
        src.offset > src.buffer->size() || src.size > src.buffer->size() - src.offset ||
        dst.offset > dst.buffer->size() || dst.size > dst.buffer->size() - dst.offset) {
        throw std::out_of_range("buffer copy: ranges differ in size or lie outside their buffers");
    }
    begin_if_needed();
    VkBufferCopy region{src.offset, dst.offset, src.size};
    vkCmdCopyBuffer(cmd_, src.buffer->handle(), dst.buffer->handle(), 1, &region);
}

void CommandList::reset_pools() {
    for (DescriptorPoolHandle& pool : descriptor_pools_) {
        vkResetDescriptorPool(device_.handle(), pool.get(), 0);
    }
    current_pool_ = 0;
    queries_written_ = 0;
    labels_.clear();
}

void CommandList::submit_and_wait() {
    timings_.clear();
    if (!recording_) {
        return;
    }
    // Results in host-visible buffers (logits) must be visible to the CPU
    // once the fence signals.
    VkMemoryBarrier to_host{};
    to_host.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER;
    to_host.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
    to_host.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
    vkCmdPipelineBarrier(cmd_, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT,
                         VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &to_host, 0, nullptr, 0, nullptr);
    check(vkEndCommandBuffer(cmd_), "finishing a command recording");
    recording_ = false;
    try {
        device_.submit_and_wait(cmd_);
    } catch (...) {
        vkResetCommandBuffer(cmd_, 0);
        reset_pools();
        throw;
    }

    if (timestamps_ && queries_written_ > 0) {
        std::vector<uint64_t> stamps(queries_written_);
        for (size_t p = 0; p < query_pools_.size(); ++p) {
            const uint32_t first = static_cast<uint32_t>(p) * k_queries_per_pool;
            if (first >= queries_written_) {
                break;
            }
            const uint32_t n = std::min(k_queries_per_pool, queries_written_ - first);
            check(vkGetQueryPoolResults(device_.handle(), query_pools_[p].get(), 0, n,
                                        n * sizeof(uint64_t), stamps.data() + first,
                                        sizeof(uint64_t),
                                        VK_QUERY_RESULT_64_BIT | VK_QUERY_RESULT_WAIT_BIT),
                  "reading GPU timestamps");
        }
        const uint32_t bits = device_.timestamp_valid_bits();
        const uint64_t mask = bits >= 64 ? ~0ull : ((1ull << bits) - 1);
        const double period_us = device_.info().timestamp_period_ns / 1000.0;
        for (size_t i = 0; i < labels_.size(); ++i) {
            const uint64_t delta = ((stamps[i + 1] & mask) - (stamps[i] & mask)) & mask;
            timings_.push_back({labels_[i], static_cast<double>(delta) * period_us});
        }
    }
    vkResetCommandBuffer(cmd_, 0);
    reset_pools();
}

} // namespace clauselens::vk
