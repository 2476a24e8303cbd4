#include "vk/instance.h"

#include "vk/vk_error.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace clauselens::vk {

namespace {

constexpr const char* k_validation_layer = "VK_LAYER_KHRONOS_validation";

bool layer_available(const char* name) {
    uint32_t count = 0;
    vkEnumerateInstanceLayerProperties(&count, nullptr);
    std::vector<VkLayerProperties> layers(count);
    vkEnumerateInstanceLayerProperties(&count, layers.data());
    return std::any_of(layers.begin(), layers.end(), [name](const VkLayerProperties& l) {
        return std::strcmp(l.layerName, name) == 0;
    });
}

bool instance_extension_available(const char* name) {
    uint32_t count = 0;
    vkEnumerateInstanceExtensionProperties(nullptr, &count, nullptr);
    std::vector<VkExtensionProperties> exts(count);
    vkEnumerateInstanceExtensionProperties(nullptr, &count, exts.data());
    return std::any_of(exts.begin(), exts.end(), [name](const VkExtensionProperties& e) {
        return std::strcmp(e.extensionName, name) == 0;
    });
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::optional<uint32_t> parse_index(const std::string& s) {
    if (s.empty() || s.size() > 9 ||
        !std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); })) {
        return std::nullopt;
    }
    return static_cast<uint32_t>(std::stoul(s));
}

} // namespace

struct Instance::ValidationLog {
    bool print = true;
    mutable std::mutex mutex;
    std::vector<ValidationMessage> messages;
};

namespace {

VKAPI_ATTR VkBool32 VKAPI_CALL on_validation_message(
    VkDebugUtilsMessageSeverityFlagBitsEXT severity, VkDebugUtilsMessageTypeFlagsEXT /*types*/,
    const VkDebugUtilsMessengerCallbackDataEXT* data, void* user) {
    auto* log = static_cast<Instance::ValidationLog*>(user);
    const char* level = "info";
    if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) {
        level = "error";
    } else if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT) {
        level = "warning";
    }
    const std::string text = data && data->pMessage ? data->pMessage : "(no message)";
    if (log->print) {
        std::fprintf(stderr, "vulkan validation %s: %s\n", level, text.c_str());
    }
    std::lock_guard lock(log->mutex);
    log->messages.push_back({level, text});
    return VK_FALSE;
}

} // namespace

bool InstanceOptions::validation_requested_by_default() {
    const char* env = std::getenv("CLAUSELENS_VK_VALIDATION");
    if (env != nullptr) {
        return std::strcmp(env, "1") == 0;
    }
#ifdef NDEBUG
    return false;
#else
    return true;
#endif
}

Instance::Instance(const InstanceOptions& options) {
    std::vector<const char*> layers;
    std::vector<const char*> extensions;
    const bool validation = options.validation && layer_available(k_validation_layer) &&
                            instance_extension_available(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    if (validation) {
        layers.push_back(k_validation_layer);
        extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    }
    VkInstanceCreateFlags flags = 0;
    if (instance_extension_available(VK_KHR_PORTABILITY_ENUMERATION_EXTENSION_NAME)) {
        extensions.push_back(VK_KHR_PORTABILITY_ENUMERATION_EXTENSION_NAME);
        flags |= VK_INSTANCE_CREATE_ENUMERATE_PORTABILITY_BIT_KHR;
    }

    VkApplicationInfo app{};
    app.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO;
    app.pApplicationName = "ClauseLens";
    app.pEngineName = "ClauseLens engine";
    app.apiVersion = VK_API_VERSION_1_2;

    VkDebugUtilsMessengerCreateInfoEXT messenger_info{};
    if (validation) {
        validation_ = std::make_unique<ValidationLog>();
        validation_->print = options.print_validation;
        messenger_info.sType = VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT;
        messenger_info.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT |
                                         VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
        messenger_info.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                                     VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                                     VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
        messenger_info.pfnUserCallback = on_validation_message;
        messenger_info.pUserData = validation_.get();
    }

    VkInstanceCreateInfo info{};
    info.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO;
    // Chained so that instance creation and destruction are validated too.
    info.pNext = validation ? &messenger_info : nullptr;
    info.flags = flags;
    info.pApplicationInfo = &app;
    info.enabledLayerCount = static_cast<uint32_t>(layers.size());
    info.ppEnabledLayerNames = layers.data();
    info.enabledExtensionCount = static_cast<uint32_t>(extensions.size());
    info.ppEnabledExtensionNames = extensions.data();
    check(vkCreateInstance(&info, nullptr, &instance_), "creating the Vulkan instance");

    if (validation) {
        auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance_, "vkCreateDebugUtilsMessengerEXT"));
        if (create == nullptr ||
            create(instance_, &messenger_info, nullptr, &messenger_) != VK_SUCCESS) {
            vkDestroyInstance(instance_, nullptr);
            throw std::runtime_error("could not install the Vulkan validation message handler");
        }
    }

    uint32_t count = 0;
    check(vkEnumeratePhysicalDevices(instance_, &count, nullptr), "listing Vulkan devices");
    physical_devices_.resize(count);
    check(vkEnumeratePhysicalDevices(instance_, &count, physical_devices_.data()),
          "listing Vulkan devices");
    physical_devices_.resize(count);
    for (uint32_t i = 0; i < count; ++i) {
        devices_.push_back(query_device_info(physical_devices_[i], i));
    }
}

Instance::~Instance() {
    if (messenger_ != VK_NULL_HANDLE) {
        auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance_, "vkDestroyDebugUtilsMessengerEXT"));
        if (destroy != nullptr) {
            destroy(instance_, messenger_, nullptr);
        }
    }
    vkDestroyInstance(instance_, nullptr);
}

VkPhysicalDevice Instance::physical_device(uint32_t index) const {
    if (index >= physical_devices_.size()) {
        throw std::out_of_range("Vulkan device index " + std::to_string(index) + " out of range: " +
                                std::to_string(physical_devices_.size()) + " device(s) found");
    }
    return physical_devices_[index];
}

uint32_t Instance::select(const std::string& choice) const {
    auto device_list = [this] {
        std::string list;
        for (const DeviceInfo& d : devices_) {
            list += "\n  vk:" + std::to_string(d.index) + "  " + d.name;
            if (!d.usable()) {
                list += " (unusable: " + d.unsupported_reason + ")";
            }
        }
        return list.empty() ? std::string("\n  (none: is a Vulkan driver installed?)") : list;
    };
    auto require_usable = [&](const DeviceInfo& d) {
        if (!d.usable()) {
            throw std::runtime_error("Vulkan device vk:" + std::to_string(d.index) + " (" + d.name +
                                     ") cannot run ClauseLens: it " + d.unsupported_reason);
        }
        return d.index;
    };

    if (choice.empty()) {
        // Prefer real GPUs over software rasterisers, then more device memory.
        const DeviceInfo* best = nullptr;
        auto rank = [](const DeviceInfo& d) {
            if (d.type == "discrete GPU")
                return 3;
            if (d.type == "integrated GPU" || d.type == "virtual GPU")
                return 2;
            if (d.type == "CPU")
                return 0;
            return 1;
        };
        for (const DeviceInfo& d : devices_) {
            if (!d.usable()) {
                continue;
            }
            if (best == nullptr || rank(d) > rank(*best) ||
                (rank(d) == rank(*best) && d.device_local_bytes() > best->device_local_bytes())) {
                best = &d;
            }
        }
        if (best == nullptr) {
            throw std::runtime_error("no Vulkan device can run ClauseLens; devices found:" +
                                     device_list());
        }
        return best->index;
    }

    std::string spec = choice;
    if (spec.rfind("vk:", 0) == 0) {
        spec = spec.substr(3);
        if (!parse_index(spec)) {
            throw std::runtime_error("device '" + choice + "': expected vk:N with a number N");
        }
    }
    if (const std::optional<uint32_t> index = parse_index(spec)) {
        if (*index >= devices_.size()) {
            throw std::runtime_error("device '" + choice +
                                     "' does not exist; devices found:" + device_list());
        }
        return require_usable(devices_[*index]);
    }
    const std::string needle = lower(spec);
    for (const DeviceInfo& d : devices_) {
        if (lower(d.name).find(needle) != std::string::npos) {
            return require_usable(d);
        }
    }
    throw std::runtime_error("no Vulkan device matches '" + choice +
                             "'; devices found:" + device_list());
}

std::vector<ValidationMessage> Instance::validation_messages() const {
    if (!validation_) {
        return {};
    }
    std::lock_guard lock(validation_->mutex);
    return validation_->messages;
}

void Instance::clear_validation_messages() {
    if (validation_) {
        std::lock_guard lock(validation_->mutex);
        validation_->messages.clear();
    }
}

} // namespace clauselens::vk
