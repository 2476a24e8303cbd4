#include "vk/device_info.h"

#include <cstring>

namespace clauselens::vk {

namespace {

std::string device_type_name(VkPhysicalDeviceType type) {
    switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU:
        return "discrete GPU";
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU:
        return "integrated GPU";
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU:
        return "virtual GPU";
    case VK_PHYSICAL_DEVICE_TYPE_CPU:
        return "CPU";
    default:
        return "other";
    }
}

std::vector<std::string> extension_names(VkPhysicalDevice physical_device) {
    uint32_t count = 0;
    vkEnumerateDeviceExtensionProperties(physical_device, nullptr, &count, nullptr);
    std::vector<VkExtensionProperties> props(count);
    vkEnumerateDeviceExtensionProperties(physical_device, nullptr, &count, props.data());
    std::vector<std::string> names;
    names.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
        names.emplace_back(props[i].extensionName);
    }
    return names;
}

bool contains(const std::vector<std::string>& names, const char* name) {
    for (const std::string& n : names) {
        if (n == name) {
            return true;
        }
    }
    return false;
}

} // namespace

std::string DeviceInfo::version_string(uint32_t v) {
    return std::to_string(VK_API_VERSION_MAJOR(v)) + "." + std::to_string(VK_API_VERSION_MINOR(v)) +
           "." + std::to_string(VK_API_VERSION_PATCH(v));
}

uint64_t DeviceInfo::device_local_bytes() const {
    uint64_t total = 0;
    for (const MemoryHeapInfo& h : heaps) {
        if (h.device_local) {
            total += h.size;
        }
    }
    return total;
}

std::optional<ComputeQueueFamily> find_compute_queue_family(VkPhysicalDevice physical_device) {
    uint32_t count = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(physical_device, &count, nullptr);
    std::vector<VkQueueFamilyProperties> families(count);
    vkGetPhysicalDeviceQueueFamilyProperties(physical_device, &count, families.data());
    std::optional<ComputeQueueFamily> any_compute;
    for (uint32_t i = 0; i < count; ++i) {
        if ((families[i].queueFlags & VK_QUEUE_COMPUTE_BIT) == 0 || families[i].queueCount == 0) {
            continue;
        }
        const ComputeQueueFamily family{i, families[i].timestampValidBits};
        if (family.timestamp_valid_bits > 0) {
            return family;
        }
        if (!any_compute) {
            any_compute = family;
        }
    }
    return any_compute;
}

DeviceInfo query_device_info(VkPhysicalDevice physical_device, uint32_t index) {
    DeviceInfo info;
    info.index = index;

    const std::vector<std::string> extensions = extension_names(physical_device);
    info.cooperative_matrix_khr = contains(extensions, "VK_KHR_cooperative_matrix");
    info.cooperative_matrix_nv = contains(extensions, "VK_NV_cooperative_matrix");
    info.memory_budget = contains(extensions, VK_EXT_MEMORY_BUDGET_EXTENSION_NAME);

    VkPhysicalDeviceProperties basic{};
    vkGetPhysicalDeviceProperties(physical_device, &basic);
    info.api_version = basic.apiVersion;
    const bool vulkan12 = basic.apiVersion >= VK_API_VERSION_1_2;

    VkPhysicalDeviceSubgroupProperties subgroup{};
    subgroup.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_PROPERTIES;
    VkPhysicalDeviceMaintenance3Properties maintenance3{};
    maintenance3.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MAINTENANCE_3_PROPERTIES;
    maintenance3.pNext = &subgroup;
    VkPhysicalDeviceDriverProperties driver{};
    driver.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DRIVER_PROPERTIES;
    driver.pNext = &maintenance3;
    VkPhysicalDeviceProperties2 props2{};
    props2.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2;
    props2.pNext = vulkan12 ? static_cast<void*>(&driver) : static_cast<void*>(&maintenance3);
    vkGetPhysicalDeviceProperties2(physical_device, &props2);

    const VkPhysicalDeviceLimits& limits = basic.limits;
    info.name = basic.deviceName;
    info.type = device_type_name(basic.deviceType);
    info.vendor_id = basic.vendorID;
    info.device_id = basic.deviceID;
    if (vulkan12) {
        info.driver_name = driver.driverName;
        info.driver_info = driver.driverInfo;
    }
    info.subgroup_size = subgroup.subgroupSize;
    info.subgroup_arithmetic =
        (subgroup.supportedStages & VK_SHADER_STAGE_COMPUTE_BIT) != 0 &&
        (subgroup.supportedOperations & VK_SUBGROUP_FEATURE_ARITHMETIC_BIT) != 0;
    info.max_storage_buffer_range = limits.maxStorageBufferRange;
    info.max_memory_allocation_size = maintenance3.maxMemoryAllocationSize;
    info.max_compute_shared_memory = limits.maxComputeSharedMemorySize;
    info.min_storage_buffer_offset_alignment = limits.minStorageBufferOffsetAlignment;
    info.max_workgroup_invocations = limits.maxComputeWorkGroupInvocations;
    for (int i = 0; i < 3; ++i) {
        info.max_workgroup_count[i] = limits.maxComputeWorkGroupCount[i];
    }
    info.timestamp_period_ns = limits.timestampPeriod;

    if (vulkan12) {
        VkPhysicalDeviceVulkan12Features f12{};
        f12.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES;
        VkPhysicalDeviceVulkan11Features f11{};
        f11.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES;
        f11.pNext = &f12;
        VkPhysicalDeviceFeatures2 features{};
        features.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2;
        features.pNext = &f11;
        vkGetPhysicalDeviceFeatures2(physical_device, &features);
        info.storage_buffer_16bit = f11.storageBuffer16BitAccess == VK_TRUE;
        info.storage_buffer_8bit = f12.storageBuffer8BitAccess == VK_TRUE;
        info.shader_float16 = f12.shaderFloat16 == VK_TRUE;
        info.shader_int8 = f12.shaderInt8 == VK_TRUE;
    }

    VkPhysicalDeviceMemoryBudgetPropertiesEXT budget{};
    budget.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MEMORY_BUDGET_PROPERTIES_EXT;
    VkPhysicalDeviceMemoryProperties2 memory{};
    memory.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MEMORY_PROPERTIES_2;
    memory.pNext = info.memory_budget ? &budget : nullptr;
    vkGetPhysicalDeviceMemoryProperties2(physical_device, &memory);
    for (uint32_t i = 0; i < memory.memoryProperties.memoryHeapCount; ++i) {
        const VkMemoryHeap& heap = memory.memoryProperties.memoryHeaps[i];
        MemoryHeapInfo h;
        h.size = heap.size;
        h.device_local = (heap.flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT) != 0;
        if (info.memory_budget) {
            h.budget = budget.heapBudget[i];
            h.usage = budget.heapUsage[i];
        }
        info.heaps.push_back(h);
    }

    const std::optional<ComputeQueueFamily> family = find_compute_queue_family(physical_device);
    info.timestamps = family && family->timestamp_valid_bits > 0 && limits.timestampPeriod > 0;

    if (!vulkan12) {
        info.unsupported_reason =
            "needs Vulkan 1.2, driver offers " + DeviceInfo::version_string(basic.apiVersion);
    } else if (!family) {
        info.unsupported_reason = "has no compute queue";
    } else if (!info.storage_buffer_16bit) {
        info.unsupported_reason = "lacks 16-bit storage buffer access (storageBuffer16BitAccess)";
    }
    return info;
}

} // namespace clauselens::vk
