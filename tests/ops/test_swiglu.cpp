#include "cpu/transformer_ops.h"
#include "support/compare.h"
#include "support/vk_context.h"

#include <cmath>

using namespace clauselens;

namespace {

// silu(gate) * up on the GPU; in place (out = gate) when `in_place`.
std::vector<float> gpu_swiglu(test::VkContext& ctx, const std::vector<float>& gate,
                              const std::vector<float>& up, bool in_place) {
    auto dgate = test::to_device<float>(ctx, gate);
    auto dup = test::to_device<float>(ctx, up);
    auto dout = test::device_buffer(ctx, gate.size() * sizeof(float));
    const vk::Buffer& out = in_place ? *dgate : *dout;
    vk::CommandList list(ctx.device);
    ctx.ops.swiglu(list, *dgate, *dup, out, static_cast<uint32_t>(gate.size()));
    list.submit_and_wait();
    return test::from_device<float>(ctx, out, gate.size());
}

std::vector<float> cpu_swiglu(std::vector<float> gate, const std::vector<float>& up) {
    cpu::swiglu(gate, up);
    return gate;
}

} // namespace

// A few float roundings and one exp against a double reference: ~1e-14. GPU
// exp is less accurate than lavapipe's (about 2^-22 relative, plus the
// rounding of its argument): still below 1e-12, so 1e-11 holds on GPUs too.
constexpr double k_tolerance = 1e-11;

TEST_CASE("swiglu matches the CPU reference at odd sizes", "[ops][swiglu]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(21);
    for (const size_t n : {1u, 7u, 255u, 257u, 3000u, 65537u}) {
        // Gates as projections give them: mostly within a few units.
        const auto gate = test::random_floats(n, rng, -8.0f, 8.0f);
        const auto up = test::random_floats(n, rng, -3.0f, 3.0f);
        const auto ref = cpu_swiglu(gate, up);
        INFO("n = " << n);
        CHECK(test::nmse(gpu_swiglu(*ctx, gate, up, false), ref) < k_tolerance);
        CHECK(test::nmse(gpu_swiglu(*ctx, gate, up, true), ref) < k_tolerance);
    }
}

TEST_CASE("swiglu stays finite and exact at extreme gates", "[ops][swiglu]") {
    VK_TEST_CONTEXT(ctx);
    // e^-g overflows for g < -88.7: the result must be a tiny number or a
    // signed zero, not NaN.
    const std::vector<float> gate = {-1e30f, -1000.0f, -100.0f, -89.0f, -88.0f,  -20.0f,
                                     0.0f,   20.0f,    88.0f,   100.0f, 1000.0f, 1e30f};
    const std::vector<float> up(gate.size(), 1.5f);
    const auto out = gpu_swiglu(*ctx, gate, up, false);
    const auto ref = cpu_swiglu(gate, up);
    for (size_t i = 0; i < gate.size(); ++i) {
        INFO("gate " << gate[i] << ": " << out[i] << " vs " << ref[i]);
        REQUIRE(std::isfinite(out[i]));
        CHECK(std::abs(out[i] - ref[i]) <= 1e-6 * std::abs(ref[i]) + 1e-30);
    }
}

TEST_CASE("swiglu rejects buffers smaller than n", "[ops][swiglu]") {
    VK_TEST_CONTEXT(ctx);
    auto small = test::device_buffer(*ctx, 16 * sizeof(float));
    auto big = test::device_buffer(*ctx, 32 * sizeof(float));
    vk::CommandList list(ctx->device);
    CHECK_THROWS_WITH(ctx->ops.swiglu(list, *big, *small, *big, 32),
                      Catch::Contains("swiglu: up buffer holds fewer than 32 elements"));
    CHECK_THROWS_WITH(ctx->ops.swiglu(list, *big, *big, *small, 32),
                      Catch::Contains("swiglu: output buffer holds fewer than 32 elements"));
}
