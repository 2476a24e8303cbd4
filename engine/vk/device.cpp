#include "vk/device.h"

#include "vk/instance.h"
#include "vk/vk_error.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace clauselens::vk {

namespace {

// Large enough that uploading a 2 GB model takes few round trips, small
// enough to stay well inside any device's host-visible heap.
constexpr uint64_t k_staging_bytes = 64ull << 20;

// A GPU that has not finished a submission after this long is treated as hung.
constexpr uint64_t k_fence_timeout_ns = 120ull * 1000 * 1000 * 1000;

} // namespace

Device::Device(Instance& instance, uint32_t index) : instance_(instance) {
    physical_device_ = instance.physical_device(index);
    info_ = instance.devices().at(index);
    if (!info_.usable()) {
        throw std::runtime_error("Vulkan device vk:" + std::to_string(index) + " (" + info_.name +
                                 ") cannot run ClauseLens: it " + info_.unsupported_reason);
    }
    vkGetPhysicalDeviceMemoryProperties(physical_device_, &memory_properties_);
    const ComputeQueueFamily family = *find_compute_queue_family(physical_device_); // usable
    queue_family_ = family.index;
    timestamp_valid_bits_ = family.timestamp_valid_bits;

    const float priority = 1.0f;
    VkDeviceQueueCreateInfo queue_info{};
    queue_info.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO;
    queue_info.queueFamilyIndex = queue_family_;
    queue_info.queueCount = 1;
    queue_info.pQueuePriorities = &priority;

    // Only what the device offers is switched on; shaders that need an
    // optional feature are chosen by the capability flags in info_.
    VkPhysicalDeviceVulkan12Features f12{};
    f12.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES;
    f12.shaderFloat16 = info_.shader_float16 ? VK_TRUE : VK_FALSE;
    f12.shaderInt8 = info_.shader_int8 ? VK_TRUE : VK_FALSE;
    f12.storageBuffer8BitAccess = info_.storage_buffer_8bit ? VK_TRUE : VK_FALSE;
    VkPhysicalDeviceVulkan11Features f11{};
    f11.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES;
    f11.pNext = &f12;
    f11.storageBuffer16BitAccess = VK_TRUE;
    VkPhysicalDeviceFeatures2 features{};
    features.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2;
    features.pNext = &f11;

    VkDeviceCreateInfo device_info{};
    device_info.sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO;
    device_info.pNext = &features;
    device_info.queueCreateInfoCount = 1;
    device_info.pQueueCreateInfos = &queue_info;
    check(vkCreateDevice(physical_device_, &device_info, nullptr, &device_),
          ("opening Vulkan device " + info_.name).c_str());
    vkGetDeviceQueue(device_, queue_family_, 0, &queue_);

    try {
        VkCommandPoolCreateInfo pool_info{};
        pool_info.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO;
        pool_info.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
        pool_info.queueFamilyIndex = queue_family_;
        VkCommandPool pool = VK_NULL_HANDLE;
        check(vkCreateCommandPool(device_, &pool_info, nullptr, &pool), "creating a command pool");
        command_pool_ = CommandPoolHandle(device_, pool);

        VkFenceCreateInfo fence_info{};
        fence_info.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO;
        VkFence fence = VK_NULL_HANDLE;
        check(vkCreateFence(device_, &fence_info, nullptr, &fence), "creating a fence");
        fence_ = FenceHandle(device_, fence);
    } catch (...) {
        command_pool_.reset();
        vkDestroyDevice(device_, nullptr);
        throw;
    }
}

Device::~Device() {
    vkDeviceWaitIdle(device_);
    staging_.reset();
    fence_.reset();
    command_pool_.reset();
    vkDestroyDevice(device_, nullptr);
}

uint32_t Device::memory_type(uint32_t type_bits, VkMemoryPropertyFlags required,
                             VkMemoryPropertyFlags preferred) const {
    std::optional<uint32_t> fallback;
    for (uint32_t i = 0; i < memory_properties_.memoryTypeCount; ++i) {
        const VkMemoryPropertyFlags flags = memory_properties_.memoryTypes[i].propertyFlags;
        if ((type_bits & (1u << i)) == 0 || (flags & required) != required) {
            continue;
        }
        if ((flags & preferred) == preferred) {
            return i;
        }
        if (!fallback) {
            fallback = i;
        }
    }
    if (!fallback) {
        throw VulkanError(info_.name + " has no memory type with the properties ClauseLens needs",
                          VK_ERROR_FEATURE_NOT_PRESENT);
    }
    return *fallback;
}

Buffer& Device::staging() {
    if (!staging_) {
        staging_ =
            std::make_unique<Buffer>(*this, k_staging_bytes, MemoryKind::host_visible, "staging");
    }
    return *staging_;
}

void Device::submit_and_wait(VkCommandBuffer commands) {
    VkSubmitInfo submit{};
    submit.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &commands;
    VkFence fence = fence_.get();
    check(vkResetFences(device_, 1, &fence), "resetting a fence");
    check(vkQueueSubmit(queue_, 1, &submit, fence), "submitting work to the GPU");
    const VkResult waited = vkWaitForFences(device_, 1, &fence, VK_TRUE, k_fence_timeout_ns);
    if (waited == VK_TIMEOUT) {
        throw VulkanError("the GPU (" + info_.name + ") did not finish its work within " +
                              std::to_string(k_fence_timeout_ns / 1000000000ull) + " s",
                          VK_TIMEOUT);
    }
    check(waited, "waiting for the GPU");
}

namespace {

// Records and runs one buffer-to-buffer copy.
void copy_now(Device& device, VkBuffer src, uint64_t src_offset, VkBuffer dst, uint64_t dst_offset,
              uint64_t bytes) {
    VkCommandBufferAllocateInfo alloc{};
    alloc.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO;
    alloc.commandPool = device.command_pool();
    alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    alloc.commandBufferCount = 1;
    VkCommandBuffer cmd = VK_NULL_HANDLE;
    check(vkAllocateCommandBuffers(device.handle(), &alloc, &cmd), "allocating a command buffer");
    struct FreeOnExit {
        Device& device;
        VkCommandBuffer cmd;
        FreeOnExit(Device& d, VkCommandBuffer c) : device(d), cmd(c) {}
        FreeOnExit(const FreeOnExit&) = delete;
        FreeOnExit& operator=(const FreeOnExit&) = delete;
        ~FreeOnExit() { vkFreeCommandBuffers(device.handle(), device.command_pool(), 1, &cmd); }
    } free_later{device, cmd};

    VkCommandBufferBeginInfo begin{};
    begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    check(vkBeginCommandBuffer(cmd, &begin), "recording a copy");
    // Earlier shader writes must land before the copy reads, and the copy must
    // land before later work reads.
    VkMemoryBarrier barrier{};
    barrier.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER;
    barrier.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
    barrier.dstAccessMask = VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0,
                         1, &barrier, 0, nullptr, 0, nullptr);
    VkBufferCopy region{src_offset, dst_offset, bytes};
    vkCmdCopyBuffer(cmd, src, dst, 1, &region);
    barrier.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    barrier.dstAccessMask =
        VK_ACCESS_HOST_READ_BIT | VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT,
                         VK_PIPELINE_STAGE_HOST_BIT | VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, 0, 1,
                         &barrier, 0, nullptr, 0, nullptr);
    check(vkEndCommandBuffer(cmd), "recording a copy");
    device.submit_and_wait(cmd);
}

void check_range(const Buffer& buffer, uint64_t offset, uint64_t bytes, const char* what) {
    if (offset > buffer.size() || bytes > buffer.size() - offset) {
        throw std::out_of_range(std::string(what) + " of " + std::to_string(bytes) +
                                " bytes at offset " + std::to_string(offset) +
                                " does not fit a buffer of " + std::to_string(buffer.size()) +
                                " bytes");
    }
}

} // namespace

void Device::upload(const Buffer& dst, uint64_t dst_offset, std::span<const std::byte> src) {
    check_range(dst, dst_offset, src.size(), "upload");
    Buffer& stage = staging();
    for (uint64_t done = 0; done < src.size();) {
        const uint64_t n = std::min<uint64_t>(stage.size(), src.size() - done);
        std::memcpy(stage.mapped(), src.data() + done, n);
        copy_now(*this, stage.handle(), 0, dst.handle(), dst_offset + done, n);
        done += n;
    }
}

void Device::download(const Buffer& src, uint64_t src_offset, std::span<std::byte> dst) {
    check_range(src, src_offset, dst.size(), "download");
    Buffer& stage = staging();
    for (uint64_t done = 0; done < dst.size();) {
        const uint64_t n = std::min<uint64_t>(stage.size(), dst.size() - done);
        copy_now(*this, src.handle(), src_offset + done, stage.handle(), 0, n);
        std::memcpy(dst.data() + done, stage.mapped(), n);
        done += n;
    }
}

} // namespace clauselens::vk
