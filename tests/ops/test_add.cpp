#include "cpu/ops.h"
#include "support/compare.h"
#include "support/vk_context.h"

using namespace clauselens;

namespace {

std::vector<float> gpu_add(test::VkContext& ctx, const std::vector<float>& a,
                           const std::vector<float>& b, uint32_t workgroup) {
    auto da = test::to_device<float>(ctx, a);
    auto db = test::to_device<float>(ctx, b);
    auto dout = test::device_buffer(ctx, a.size() * sizeof(float));
    vk::CommandList list(ctx.device);
    ctx.ops.add(list, *da, *db, *dout, static_cast<uint32_t>(a.size()), workgroup);
    list.submit_and_wait();
    return test::from_device<float>(ctx, *dout, a.size());
}

} // namespace

TEST_CASE("add matches the CPU reference at odd sizes", "[ops][add]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(1);
    for (const size_t n : {1u, 7u, 255u, 256u, 257u, 1000u, 65537u}) {
        const auto a = test::random_floats(n, rng);
        const auto b = test::random_floats(n, rng);
        std::vector<float> ref(n);
        cpu::add(a, b, ref);
        const auto out = gpu_add(*ctx, a, b, 256);
        INFO("n = " << n);
        // Both sides round one float addition: they must agree exactly.
        CHECK(test::nmse(out, ref) == 0.0);
    }
}

TEST_CASE("add gives the same result for every workgroup size", "[ops][add]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(2);
    const auto a = test::random_floats(1001, rng);
    const auto b = test::random_floats(1001, rng);
    std::vector<float> ref(a.size());
    cpu::add(a, b, ref);
    for (const uint32_t wg : {1u, 3u, 32u, 64u, 256u, 1024u}) {
        if (wg > ctx->device.info().max_workgroup_invocations) {
            continue;
        }
        INFO("workgroup size " << wg);
        CHECK(test::nmse(gpu_add(*ctx, a, b, wg), ref) == 0.0);
    }
}

TEST_CASE("add covers more workgroups than the device's x limit", "[ops][add]") {
    VK_TEST_CONTEXT(ctx);
    // With a workgroup of 1 this needs max_x + 1000 workgroups, which the
    // dispatch must spread over y.
    const uint64_t max_x = ctx->device.info().max_workgroup_count[0];
    if (max_x > (1u << 22)) {
        WARN("SKIPPED: x limit " << max_x << " too large to exceed in a test");
        return;
    }
    const size_t n = static_cast<size_t>(max_x) + 1000;
    std::vector<float> a(n);
    std::vector<float> b(n);
    for (size_t i = 0; i < n; ++i) {
        a[i] = static_cast<float>(i % 1021);
        b[i] = static_cast<float>(i / 1021);
    }
    std::vector<float> ref(n);
    cpu::add(a, b, ref);
    vk::CommandList list(ctx->device);
    const vk::Groups g = list.linear_groups(n);
    CHECK(g.y > 1);
    CHECK(static_cast<uint64_t>(g.x) * g.y >= n);
    CHECK(test::nmse(gpu_add(*ctx, a, b, 1), ref) == 0.0);
}
