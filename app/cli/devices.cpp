// clauselens-cli devices: what each Vulkan device offers the engine.

#include "commands.h"
#include "vk/buffer.h"
#include "vk/instance.h"

#include <cstdio>
#include <string>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage =
    "usage: clauselens-cli devices [--json]\n"
    "\n"
    "Lists every Vulkan device with the capabilities the engine uses. The\n"
    "index N is what --device vk:N selects in other commands.\n"
    "\n"
    "  --json   machine-readable output\n"
    "  --help   show this help\n";

const char* yes_no(bool b) {
    return b ? "yes" : "no";
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

void print_text(const std::vector<vk::DeviceInfo>& devices) {
    std::printf("Vulkan devices: %zu\n", devices.size());
    for (const vk::DeviceInfo& d : devices) {
        std::printf("\nvk:%u  %s\n", d.index, d.name.c_str());
        auto row = [](const char* key, const std::string& value) {
            std::printf("  %-26s %s\n", key, value.c_str());
        };
        char ids[64];
        std::snprintf(ids, sizeof ids, "0x%04x / 0x%04x", d.vendor_id, d.device_id);
        row("type", d.type);
        row("vendor / device id", ids);
        row("Vulkan API", vk::DeviceInfo::version_string(d.api_version));
        row("driver", d.driver_name + (d.driver_info.empty() ? "" : " (" + d.driver_info + ")"));
        row("usable", d.usable() ? "yes" : "no: " + d.unsupported_reason);
        row("subgroup size", std::to_string(d.subgroup_size) +
                                 " (arithmetic in compute: " + yes_no(d.subgroup_arithmetic) + ")");
        row("shaderFloat16", yes_no(d.shader_float16));
        row("shaderInt8", yes_no(d.shader_int8));
        row("16-bit storage buffers", yes_no(d.storage_buffer_16bit));
        row("8-bit storage buffers", yes_no(d.storage_buffer_8bit));
        row("VK_KHR_cooperative_matrix", yes_no(d.cooperative_matrix_khr));
        row("VK_NV_cooperative_matrix", yes_no(d.cooperative_matrix_nv));
        row("maxStorageBufferRange", vk::format_bytes(d.max_storage_buffer_range));
        row("maxMemoryAllocationSize", vk::format_bytes(d.max_memory_allocation_size));
        row("shared memory / workgroup", vk::format_bytes(d.max_compute_shared_memory));
        row("invocations / workgroup", std::to_string(d.max_workgroup_invocations));
        char period[64];
        std::snprintf(period, sizeof period, "yes (tick %.3g ns)", d.timestamp_period_ns);
        row("timestamps", d.timestamps ? period : "no");
        for (size_t i = 0; i < d.heaps.size(); ++i) {
            const vk::MemoryHeapInfo& h = d.heaps[i];
            std::string value = vk::format_bytes(h.size) + (h.device_local ? ", device-local" : "");
            if (h.budget) {
                value += ", budget " + vk::format_bytes(*h.budget) + ", in use " +
                         vk::format_bytes(h.usage.value_or(0));
            }
            row(("memory heap " + std::to_string(i)).c_str(), value);
        }
    }
}

void print_json(const std::vector<vk::DeviceInfo>& devices) {
    std::printf("[");
    for (size_t n = 0; n < devices.size(); ++n) {
        const vk::DeviceInfo& d = devices[n];
        std::printf(
            "%s\n  {\"index\": %u, \"name\": %s, \"type\": %s, \"vendor_id\": %u, "
            "\"device_id\": %u, \"api_version\": %s, \"driver\": %s, \"driver_info\": %s, "
            "\"usable\": %s, \"unsupported_reason\": %s, \"subgroup_size\": %u, "
            "\"subgroup_arithmetic\": %s, \"shader_float16\": %s, \"shader_int8\": %s, "
            "\"storage_buffer_16bit\": %s, \"storage_buffer_8bit\": %s, "
            "\"cooperative_matrix_khr\": %s, \"cooperative_matrix_nv\": %s, "
            "\"max_storage_buffer_range\": %llu, \"max_memory_allocation_size\": %llu, "
            "\"max_compute_shared_memory\": %u, \"max_workgroup_invocations\": %u, "
            "\"timestamps\": %s, \"heaps\": [",
            n ? "," : "", d.index, json_string(d.name).c_str(), json_string(d.type).c_str(),
            d.vendor_id, d.device_id,
            json_string(vk::DeviceInfo::version_string(d.api_version)).c_str(),
            json_string(d.driver_name).c_str(), json_string(d.driver_info).c_str(),
            d.usable() ? "true" : "false", json_string(d.unsupported_reason).c_str(),
            d.subgroup_size, d.subgroup_arithmetic ? "true" : "false",
            d.shader_float16 ? "true" : "false", d.shader_int8 ? "true" : "false",
            d.storage_buffer_16bit ? "true" : "false", d.storage_buffer_8bit ? "true" : "false",
            d.cooperative_matrix_khr ? "true" : "false", d.cooperative_matrix_nv ? "true" : "false",
            static_cast<unsigned long long>(d.max_storage_buffer_range),
            static_cast<unsigned long long>(d.max_memory_allocation_size),
            d.max_compute_shared_memory, d.max_workgroup_invocations,
            d.timestamps ? "true" : "false");
        for (size_t i = 0; i < d.heaps.size(); ++i) {
            const vk::MemoryHeapInfo& h = d.heaps[i];
            std::printf("%s{\"size\": %llu, \"device_local\": %s", i ? ", " : "",
                        static_cast<unsigned long long>(h.size), h.device_local ? "true" : "false");
            if (h.budget) {
                std::printf(", \"budget\": %llu, \"usage\": %llu",
                            static_cast<unsigned long long>(*h.budget),
                            static_cast<unsigned long long>(h.usage.value_or(0)));
            }
            std::printf("}");
        }
        std::printf("]}");
    }
    std::printf("%s]\n", devices.empty() ? "" : "\n");
}

} // namespace

int run_devices(const Args& args) {
    bool json = false;
    for (const std::string& a : args) {
        if (a == "--help" || a == "-h") {
            std::fputs(k_usage, stdout);
            return 0;
        }
        if (a == "--json") {
            json = true;
            continue;
        }
        std::fprintf(stderr, "clauselens-cli devices: unknown option '%s'\n\n%s", a.c_str(),
                     k_usage);
        return 2;
    }
    const vk::Instance instance;
    if (json) {
        print_json(instance.devices());
    } else {
        print_text(instance.devices());
        if (instance.devices().empty()) {
            std::fputs("\nNo Vulkan device found. Install a Vulkan driver for your GPU, or Mesa's\n"
                       "lavapipe (Debian: mesa-vulkan-drivers) to run on the CPU.\n",
                       stderr);
            return 1;
        }
    }
    return 0;
}

} // namespace clauselens::cli
