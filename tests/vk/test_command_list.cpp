#include "support/compare.h"
#include "support/vk_context.h"

#include <numeric>

using namespace clauselens;

TEST_CASE("many dependent dispatches run in one submission", "[vk][commands]") {
    VK_TEST_CONTEXT(ctx);
    // x <- x + b, 200 times, ping-ponging between two buffers. Integers keep
    // the sums exact, so any missing barrier or lost dispatch shows.
    const size_t n = 777;
    std::vector<float> x0(n);
    std::vector<float> b(n);
    for (size_t i = 0; i < n; ++i) {
        x0[i] = static_cast<float>(i);
        b[i] = static_cast<float>(i % 5 + 1);
    }
    auto bufs0 = test::to_device<float>(*ctx, x0);
    auto bufs1 = test::device_buffer(*ctx, n * sizeof(float));
    auto db = test::to_device<float>(*ctx, b);
    vk::Buffer* ping[2] = {bufs0.get(), bufs1.get()};

    const int steps = 200;
    vk::CommandList list(ctx->device);
    for (int s = 0; s < steps; ++s) {
        ctx->ops.add(list, *ping[s % 2], *db, *ping[(s + 1) % 2], static_cast<uint32_t>(n));
        list.barrier();
    }
    CHECK(list.recorded_dispatches() == steps);
    list.submit_and_wait();
    CHECK(list.recorded_dispatches() == 0);

    const auto out = test::from_device<float>(*ctx, *ping[steps % 2], n);
    for (size_t i = 0; i < n; ++i) {
        REQUIRE(out[i] == x0[i] + steps * b[i]);
    }

    // The list records again after a submission.
    ctx->ops.add(list, *ping[0], *db, *ping[1], static_cast<uint32_t>(n));
    list.submit_and_wait();
    const auto again = test::from_device<float>(*ctx, *ping[1], n);
    CHECK(again[10] == out[10] + b[10]);
}

TEST_CASE("timestamps time every dispatch", "[vk][commands]") {
    VK_TEST_CONTEXT(ctx);
    if (!ctx->device.info().timestamps) {
        WARN("SKIPPED: the device's compute queue has no timestamps");
        return;
    }
    std::mt19937 rng(8);
    const uint32_t rows = 512, cols = 2048;
    const auto w = test::random_floats(size_t{rows} * cols, rng);
    const auto x = test::random_floats(cols, rng);
    auto dw = test::to_device<float>(*ctx, w);
    auto dx = test::to_device<float>(*ctx, x);
    auto dy = test::device_buffer(*ctx, rows * sizeof(float));

    vk::CommandList list(ctx->device, /*timestamps=*/true);
    ctx->ops.matvec(list, gguf::TensorType::f32, *dw, *dx, *dy, rows, cols);
    list.barrier();
    ctx->ops.add(list, *dy, *dy, *dy, rows);
    list.submit_and_wait();

    const auto& t = list.timings();
    REQUIRE(t.size() == 2);
    CHECK(t[0].label == "matvec_f32:128");
    CHECK(t[1].label.rfind("add_f32", 0) == 0);
    const double total = t[0].microseconds + t[1].microseconds;
    CHECK(total > 0.0);
    CHECK(total < 60e6); // under a minute: the ticks were scaled to microseconds
}

TEST_CASE("dispatch arguments are checked against the pipeline", "[vk][commands]") {
    VK_TEST_CONTEXT(ctx);
    auto a = test::device_buffer(*ctx, 64);
    vk::CommandList list(ctx->device);
    CHECK_THROWS_WITH(ctx->ops.add(list, *a, *a, *a, 17),
                      Catch::Contains("first input buffer holds fewer than 17 elements"));
    CHECK_THROWS_WITH(ctx->ops.add(list, *a, *a, *a, 4, 1u << 20),
                      Catch::Contains("workgroup size 1048576 not supported"));
    CHECK_THROWS_WITH(ctx->ops.add(list, vk::BufferRange(*a, 60, 8), *a, *a, 1),
                      Catch::Contains("outside a buffer of 64 bytes"));
    CHECK(list.recorded_dispatches() == 0);
}

TEST_CASE("a binding larger than the device's storage range is refused", "[vk][commands]") {
    VK_TEST_CONTEXT(ctx);
    const uint64_t range = ctx->device.info().max_storage_buffer_range;
    if (range >= ctx->device.info().max_memory_allocation_size || range > (1ull << 30)) {
        WARN("SKIPPED: the device binds every buffer it can allocate");
        return;
    }
    vk::Buffer big(ctx->device, range + 4, vk::MemoryKind::device_local, "embedding");
    vk::CommandList list(ctx->device);
    const uint32_t n = 16;
    CHECK_THROWS_WITH(ctx->ops.add(list, big, big, big, n), Catch::Contains("bind it in parts"));
    // The same buffer bound in parts works.
    std::vector<float> ones(n, 1.0f);
    ctx->device.upload(big, range - 64, std::as_bytes(std::span<const float>(ones)));
    const vk::BufferRange tail(big, range - 64, 64);
    ctx->ops.add(list, tail, tail, vk::BufferRange(big, 0, 64), n);
    list.submit_and_wait();
    std::vector<float> out(n);
    ctx->device.download(big, 0, std::as_writable_bytes(std::span<float>(out)));
    CHECK(out == std::vector<float>(n, 2.0f));
}
