#pragma once
// A logical Vulkan device with one compute queue: the unit that owns the
// model's memory and runs its shaders. Not thread-safe: one engine worker owns
// a Device and everything made from it.

#include "vk/buffer.h"
#include "vk/device_info.h"
#include "vk/handle.h"

#include <cstddef>
#include <memory>
#include <span>
#include <vulkan/vulkan.h>

namespace clauselens::vk {

class Instance;

class Device {
public:
    Device(Instance& instance, uint32_t index);
    ~Device();
    Device(const Device&) = delete;
    Device& operator=(const Device&) = delete;

    const DeviceInfo& info() const { return info_; }
    Instance& instance() const { return instance_; }
    VkDevice handle() const { return device_; }
    VkQueue queue() const { return queue_; }
    uint32_t queue_family() const { return queue_family_; }
    uint32_t timestamp_valid_bits() const { return timestamp_valid_bits_; }

    // Index of a memory type allowed by type_bits that has all `required`
    // properties, preferring one that also has `preferred`.
    uint32_t memory_type(uint32_t type_bits, VkMemoryPropertyFlags required,
                         VkMemoryPropertyFlags preferred = 0) const;

    // Copies host memory into a device-local buffer (and back) through a
    // reusable staging buffer, in chunks, waiting until the copy is done.
    void upload(const Buffer& dst, uint64_t dst_offset, std::span<const std::byte> src);
    void download(const Buffer& src, uint64_t src_offset, std::span<std::byte> dst);

    // Submits one recorded command buffer and waits for it; a device loss or
    // a GPU that does not finish in time becomes an exception.
    void submit_and_wait(VkCommandBuffer commands);

    VkCommandPool command_pool() const { return command_pool_.get(); }

private:
    Buffer& staging();

    Instance& instance_;
    DeviceInfo info_;
    VkPhysicalDevice physical_device_ = VK_NULL_HANDLE;
    VkPhysicalDeviceMemoryProperties memory_properties_{};
    VkDevice device_ = VK_NULL_HANDLE;
    VkQueue queue_ = VK_NULL_HANDLE;
    uint32_t queue_family_ = 0;
    uint32_t timestamp_valid_bits_ = 0;
    CommandPoolHandle command_pool_;
    FenceHandle fence_;
    std::unique_ptr<Buffer> staging_;
};

} // namespace clauselens::vk
