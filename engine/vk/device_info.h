#pragma once
// What a Vulkan device can do, as far as the engine cares: read once at start
// and shown to users by `clauselens-cli devices` and the settings dialog.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <vulkan/vulkan.h>

namespace clauselens::vk {

struct MemoryHeapInfo {
    uint64_t size = 0;
    bool device_local = false;
    // From VK_EXT_memory_budget when the driver offers it: what this process
    // may still allocate, and what it already uses.
    std::optional<uint64_t> budget;
    std::optional<uint64_t> usage;
};

struct DeviceInfo {
    uint32_t index = 0;
    std::string name;
    std::string type; // "discrete GPU", "integrated GPU", "virtual GPU", "CPU", "other"
    uint32_t vendor_id = 0;
    uint32_t device_id = 0;
    uint32_t api_version = 0;
    std::string driver_name;
    std::string driver_info;

    uint32_t subgroup_size = 0;
    bool subgroup_arithmetic = false; // in compute shaders
    bool shader_float16 = false;
    bool shader_int8 = false;
    bool storage_buffer_16bit = false;
    bool storage_buffer_8bit = false;
    bool cooperative_matrix_khr = false;
    bool cooperative_matrix_nv = false;
    bool memory_budget = false; // VK_EXT_memory_budget

    uint64_t max_storage_buffer_range = 0;
    uint64_t max_memory_allocation_size = 0;
    uint64_t min_storage_buffer_offset_alignment = 0; // binding offsets must be multiples
    uint32_t max_compute_shared_memory = 0;
    uint32_t max_workgroup_invocations = 0;
    uint32_t max_workgroup_count[3] = {0, 0, 0};
    bool timestamps = false; // compute queue can write timestamps
    float timestamp_period_ns = 0.0f;

    std::vector<MemoryHeapInfo> heaps;

    // Empty when the engine can run on this device; otherwise the reason.
    std::string unsupported_reason;

    bool usable() const { return unsupported_reason.empty(); }
    uint64_t device_local_bytes() const;
    static std::string version_string(uint32_t api_version);
};

// Reads everything above from a physical device (no logical device needed).
DeviceInfo query_device_info(VkPhysicalDevice physical_device, uint32_t index);

struct ComputeQueueFamily {
    uint32_t index = 0;
    uint32_t timestamp_valid_bits = 0; // 0: no timestamps on this queue
};

// The queue family ClauseLens submits compute work to: a compute-capable family
// with timestamp support preferred. Returns nullopt when there is none.
std::optional<ComputeQueueFamily> find_compute_queue_family(VkPhysicalDevice physical_device);

} // namespace clauselens::vk
