#pragma once
// The Vulkan instance: loader entry, device enumeration, and (when asked for
// and installed) the Khronos validation layer with its messages collected so
// that tests can fail on them.

#include "vk/device_info.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>
#include <vulkan/vulkan.h>

namespace clauselens::vk {

struct InstanceOptions {
    // Enable VK_LAYER_KHRONOS_validation if it is installed. Defaults to on in
    // debug builds and when CLAUSELENS_VK_VALIDATION=1 is set.
    bool validation = validation_requested_by_default();
    // Also print each validation message to stderr as it arrives.
    bool print_validation = true;

    static bool validation_requested_by_default();
};

struct ValidationMessage {
    std::string severity; // "error", "warning", "info", "verbose"
    std::string text;
};

class Instance {
public:
    explicit Instance(const InstanceOptions& options = {});
    ~Instance();
    Instance(const Instance&) = delete;
    Instance& operator=(const Instance&) = delete;

    VkInstance handle() const { return instance_; }

    // Every physical device the loader reports, in loader order; the position
    // in this list is the index users pass as --device vk:N.
    const std::vector<DeviceInfo>& devices() const { return devices_; }
    VkPhysicalDevice physical_device(uint32_t index) const;

    // Picks a device from a user's choice: "" (the best usable device),
    // "vk:N" or "N" (by index), or a case-insensitive part of the name.
    // Throws with the list of devices when nothing matches.
    uint32_t select(const std::string& choice) const;

    bool validation_enabled() const { return validation_ != nullptr; }
    // Validation warnings and errors received so far (info and verbose ones are
    // not collected).
    std::vector<ValidationMessage> validation_messages() const;
    void clear_validation_messages();

    // Where the validation callback collects messages (opaque to users).
    struct ValidationLog;

private:
    VkInstance instance_ = VK_NULL_HANDLE;
    VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
    std::unique_ptr<ValidationLog> validation_;
    std::vector<VkPhysicalDevice> physical_devices_;
    std::vector<DeviceInfo> devices_;
};

} // namespace clauselens::vk
