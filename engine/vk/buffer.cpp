#include "vk/buffer.h"

#include "vk/device.h"
#include "vk/vk_error.h"

#include <cstdio>

namespace clauselens::vk {

std::string format_bytes(uint64_t bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    char text[32];
    if (unit == 0) {
        std::snprintf(text, sizeof text, "%llu B", static_cast<unsigned long long>(bytes));
    } else {
        std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
    }
    return text;
}

Buffer::Buffer(Device& device, uint64_t size, MemoryKind kind, const std::string& label)
    : device_(device.handle()), size_(size), kind_(kind) {
    const DeviceInfo& info = device.info();
    const std::string what = "'" + label + "' (" + format_bytes(size) + ")";
    if (size == 0) {
        throw std::invalid_argument("buffer " + what + " has size zero");
    }
    if (info.max_memory_allocation_size != 0 && size > info.max_memory_allocation_size) {
        throw VulkanError("buffer " + what + " is larger than " + info.name +
                              " can allocate at once (" +
                              format_bytes(info.max_memory_allocation_size) + ")",
                          VK_ERROR_OUT_OF_DEVICE_MEMORY);
    }

    VkBufferCreateInfo buffer_info{};
    buffer_info.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO;
    buffer_info.size = size;
    buffer_info.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT |
                        VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    buffer_info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    VkBuffer buffer = VK_NULL_HANDLE;
    check(vkCreateBuffer(device_, &buffer_info, nullptr, &buffer),
          ("creating buffer " + what).c_str());
    buffer_ = BufferHandle(device_, buffer);

    VkMemoryRequirements requirements{};
    vkGetBufferMemoryRequirements(device_, buffer, &requirements);
    uint32_t type = 0;
    if (kind == MemoryKind::device_local) {
        type = device.memory_type(requirements.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    } else {
        type = device.memory_type(requirements.memoryTypeBits,
                                  VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
                                      VK_MEMORY_PROPERTY_HOST_COHERENT_BIT,
                                  VK_MEMORY_PROPERTY_HOST_CACHED_BIT);
    }

    VkMemoryAllocateInfo alloc{};
    alloc.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
    alloc.allocationSize = requirements.size;
    alloc.memoryTypeIndex = type;
    VkDeviceMemory memory = VK_NULL_HANDLE;
    check(vkAllocateMemory(device_, &alloc, nullptr, &memory),
          ("allocating " +
           std::string(kind == MemoryKind::device_local ? "device" : "host-visible") +
           " memory for buffer " + what + " on " + info.name)
              .c_str());
    memory_ = MemoryHandle(device_, memory);
    check(vkBindBufferMemory(device_, buffer, memory, 0),
          ("binding memory of buffer " + what).c_str());
    if (kind == MemoryKind::host_visible) {
        check(vkMapMemory(device_, memory, 0, VK_WHOLE_SIZE, 0, &mapped_),
              ("mapping buffer " + what).c_str());
    }
}

Buffer::~Buffer() {
    if (mapped_ != nullptr) {
        vkUnmapMemory(device_, memory_.get());
    }
}

} // namespace clauselens::vk
