#pragma once
// One Vulkan instance and device shared by all test cases of a test binary,
// with the validation layer on whenever it is installed. Tests that need a GPU
// start with VK_TEST_CONTEXT(ctx); without a device they report a skip and
// return, unless CLAUSELENS_REQUIRE_VULKAN=1 (set by CI), where it fails.

#include "vk/command_list.h"
#include "vk/device.h"
#include "vk/instance.h"
#include "vk/ops.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <span>
#include <vector>

namespace clauselens::test {

struct VkContext {
    explicit VkContext(uint32_t index);
    // Destroys the device, then fails the process if the validation layer
    // reported anything on the way (e.g. objects the engine never destroyed).
    ~VkContext();
    VkContext(const VkContext&) = delete;
    VkContext& operator=(const VkContext&) = delete;

private:
    std::unique_ptr<vk::Instance> instance_owner_;
    std::unique_ptr<vk::Device> device_owner_;
    std::unique_ptr<vk::Ops> ops_owner_;

public:
    vk::Instance& instance;
    vk::Device& device;
    vk::Ops& ops;
};

// nullptr when no usable Vulkan device exists. The device is the engine's
// default choice, or CLAUSELENS_TEST_DEVICE (e.g. "vk:1") when set.
VkContext* vk_context();

// A device-local buffer holding `data` (at least 4 bytes, so that empty
// inputs still bind).
template <typename T>
std::unique_ptr<vk::Buffer> to_device(VkContext& ctx, std::span<const T> data) {
    auto buffer = std::make_unique<vk::Buffer>(ctx.device, std::max<size_t>(data.size_bytes(), 4),
                                               vk::MemoryKind::device_local, "test input");
    ctx.device.upload(*buffer, 0, std::as_bytes(data));
    return buffer;
}

inline std::unique_ptr<vk::Buffer> device_buffer(VkContext& ctx, size_t bytes) {
    return std::make_unique<vk::Buffer>(ctx.device, std::max<size_t>(bytes, 4),
                                        vk::MemoryKind::device_local, "test output");
}

template <typename T>
std::vector<T> from_device(VkContext& ctx, const vk::Buffer& buffer, size_t count) {
    std::vector<T> out(count);
    ctx.device.download(buffer, 0, std::as_writable_bytes(std::span<T>(out)));
    return out;
}

// Whether a missing device fails the tests instead of skipping them.
bool vulkan_required();

} // namespace clauselens::test

#define VK_TEST_CONTEXT(ctx)                                                                       \
    ::clauselens::test::VkContext* ctx = ::clauselens::test::vk_context();                         \
    if (ctx == nullptr) {                                                                          \
        if (::clauselens::test::vulkan_required()) {                                               \
            FAIL("no usable Vulkan device, and CLAUSELENS_REQUIRE_VULKAN=1");                      \
        }                                                                                          \
        WARN("SKIPPED: no usable Vulkan device on this machine");                                  \
        return;                                                                                    \
    }
