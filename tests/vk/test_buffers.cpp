#include "support/vk_context.h"
#include "vk/vk_error.h"

#include <random>

using namespace clauselens;

namespace {

std::vector<std::byte> random_bytes(size_t n, uint32_t seed) {
    std::mt19937 rng(seed);
    std::vector<std::byte> v(n);
    for (auto& b : v) {
        b = static_cast<std::byte>(rng() & 0xff);
    }
    return v;
}

} // namespace

TEST_CASE("device buffers round-trip through staging at offsets", "[vk][buffers]") {
    VK_TEST_CONTEXT(ctx);
    for (const size_t n : {size_t{1}, size_t{3}, size_t{4096}, size_t{1000003}}) {
        const auto data = random_bytes(n, static_cast<uint32_t>(n));
        vk::Buffer buffer(ctx->device, n + 17, vk::MemoryKind::device_local, "round trip");
        ctx->device.upload(buffer, 17, data);
        std::vector<std::byte> back(n);
        ctx->device.download(buffer, 17, back);
        INFO("bytes " << n);
        CHECK(back == data);
    }
}

TEST_CASE("uploads larger than the staging buffer arrive intact", "[vk][buffers]") {
    VK_TEST_CONTEXT(ctx);
    const size_t n = (70u << 20) + 5; // more than one 64 MiB staging chunk
    const auto data = random_bytes(n, 9);
    vk::Buffer buffer(ctx->device, n, vk::MemoryKind::device_local, "large");
    ctx->device.upload(buffer, 0, data);
    std::vector<std::byte> back(n);
    ctx->device.download(buffer, 0, back);
    CHECK(back == data);
}

TEST_CASE("buffer misuse gives clear errors", "[vk][buffers]") {
    VK_TEST_CONTEXT(ctx);
    vk::Buffer buffer(ctx->device, 64, vk::MemoryKind::device_local, "small");
    const std::vector<std::byte> data(65);
    CHECK_THROWS_WITH(ctx->device.upload(buffer, 0, data),
                      Catch::Contains("upload of 65 bytes at offset 0 does not fit"));
    CHECK_THROWS_WITH(ctx->device.upload(buffer, 60, std::span(data).first(8)),
                      Catch::Contains("does not fit a buffer of 64 bytes"));
    CHECK_THROWS_WITH(vk::Buffer(ctx->device, 0, vk::MemoryKind::device_local, "empty"),
                      Catch::Contains("'empty' (0 B) has size zero"));

    const uint64_t too_big = ctx->device.info().max_memory_allocation_size + 1;
    try {
        vk::Buffer huge(ctx->device, too_big, vk::MemoryKind::device_local, "blk.0.ffn_up");
        FAIL("a buffer above maxMemoryAllocationSize was created");
    } catch (const vk::VulkanError& e) {
        CHECK_THAT(e.what(), Catch::Contains("'blk.0.ffn_up'") && Catch::Contains("larger than") &&
                                 Catch::Contains("can allocate"));
        CHECK(e.result() == VK_ERROR_OUT_OF_DEVICE_MEMORY);
    }
}

TEST_CASE("host-visible buffers are mapped", "[vk][buffers]") {
    VK_TEST_CONTEXT(ctx);
    vk::Buffer host(ctx->device, 256, vk::MemoryKind::host_visible, "readback");
    REQUIRE(host.mapped() != nullptr);
    vk::Buffer device_local(ctx->device, 256, vk::MemoryKind::device_local, "weights");
    CHECK(device_local.mapped() == nullptr);
}
