#pragma once
// Errors from the Vulkan layer carry the failed call and the driver's result
// code, so a user report ("vkAllocateMemory failed: out of device memory")
// points at the cause.

#include <stdexcept>
#include <string>
#include <vulkan/vulkan.h>

namespace clauselens::vk {

class VulkanError : public std::runtime_error {
public:
    VulkanError(const std::string& what, VkResult result);
    VkResult result() const { return result_; }

private:
    VkResult result_;
};

const char* result_name(VkResult result);

// Throws VulkanError("<what> failed: <reason>") unless result is VK_SUCCESS.
void check(VkResult result, const char* what);

} // namespace clauselens::vk
