#include "support/vk_context.h"

#include <algorithm>
#include <bit>
#include <cctype>

using namespace clauselens;

TEST_CASE("device capabilities are read and plausible", "[vk][devices]") {
    VK_TEST_CONTEXT(ctx);
    const auto& devices = ctx->instance.devices();
    REQUIRE(!devices.empty());
    for (const vk::DeviceInfo& d : devices) {
        INFO("device " << d.index << " " << d.name);
        CHECK(!d.name.empty());
        CHECK(d.api_version >= VK_API_VERSION_1_0);
        CHECK(!d.heaps.empty());
    }
    const vk::DeviceInfo& d = ctx->device.info();
    CHECK(d.usable());
    CHECK(d.api_version >= VK_API_VERSION_1_2);
    CHECK(d.subgroup_size > 0);
    CHECK(std::has_single_bit(d.subgroup_size));
    CHECK(d.storage_buffer_16bit);
    // Vulkan guarantees at least 2^27 bytes of storage range and 1 GiB of allocation.
    CHECK(d.max_storage_buffer_range >= (1ull << 27));
    CHECK(d.max_memory_allocation_size >= (1ull << 30));
    CHECK(d.max_workgroup_invocations >= 128);
    CHECK(d.max_workgroup_count[0] >= 65535);
    CHECK(d.device_local_bytes() > 0);
    CHECK(std::any_of(d.heaps.begin(), d.heaps.end(),
                      [](const vk::MemoryHeapInfo& h) { return h.device_local; }));
}

TEST_CASE("devices are selected by index, name or default", "[vk][devices]") {
    VK_TEST_CONTEXT(ctx);
    const vk::Instance& instance = ctx->instance;
    const uint32_t chosen = ctx->device.info().index;
    const std::string name = instance.devices()[chosen].name;

    CHECK(instance.devices()[instance.select("")].usable());
    CHECK(instance.select("vk:" + std::to_string(chosen)) == chosen);
    CHECK(instance.select(std::to_string(chosen)) == chosen);

    // Names match case-insensitively on any part; the first match wins.
    auto upper = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        return s;
    };
    const std::string part = upper(name.substr(0, std::min<size_t>(name.size(), 6)));
    const uint32_t by_name = instance.select(part);
    CHECK(by_name <= chosen);
    CHECK(upper(instance.devices()[by_name].name).find(part) != std::string::npos);

    CHECK_THROWS_WITH(instance.select("vk:99"),
                      Catch::Contains("does not exist") &&
                          Catch::Contains("vk:" + std::to_string(chosen)));
    CHECK_THROWS_WITH(instance.select("vk:first"), Catch::Contains("expected vk:N"));
    CHECK_THROWS_WITH(instance.select("no such gpu anywhere"),
                      Catch::Contains("no Vulkan device matches 'no such gpu anywhere'"));
}
