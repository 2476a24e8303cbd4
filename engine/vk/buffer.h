#pragma once
// GPU memory. Device-local buffers hold weights, activations and caches;
// host-visible ones stage uploads and read results back.

#include "vk/handle.h"

#include <cstdint>
#include <string>
#include <vulkan/vulkan.h>

namespace clauselens::vk {

class Device;

enum class MemoryKind {
    device_local, // fastest for shaders; filled through staging
    host_visible, // mapped for the CPU (staging, read-back)
};

class Buffer {
public:
    // `label` names the buffer in error messages ("out of device memory
    // allocating 'blk.3.ffn_up' (35.0 MiB)").
    Buffer(Device& device, uint64_t size, MemoryKind kind, const std::string& label = "buffer");
    ~Buffer();
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;

    VkBuffer handle() const { return buffer_.get(); }
    uint64_t size() const { return size_; }
    MemoryKind kind() const { return kind_; }
    // Host pointer of a host_visible buffer (coherent); nullptr otherwise.
    void* mapped() const { return mapped_; }

private:
    VkDevice device_ = VK_NULL_HANDLE;
    uint64_t size_ = 0;
    MemoryKind kind_;
    MemoryHandle memory_; // declared first so that the buffer is destroyed before its memory
    BufferHandle buffer_;
    void* mapped_ = nullptr;
};

// A part of a buffer bound to one shader binding. Buffers larger than the
// device's maxStorageBufferRange must be bound in ranges.
struct BufferRange {
    const Buffer* buffer = nullptr;
    uint64_t offset = 0;
    uint64_t size = VK_WHOLE_SIZE;

    BufferRange() = default;
    BufferRange(const Buffer& b) : buffer(&b), size(b.size()) {} // NOLINT: whole buffer
    BufferRange(const Buffer& b, uint64_t off, uint64_t bytes)
        : buffer(&b), offset(off), size(bytes) {}
};

// "1.5 GiB", "35.0 MiB", "512 B": sizes as users read them.
std::string format_bytes(uint64_t bytes);

} // namespace clauselens::vk
