#include "cpu/transformer_ops.h"
#include "support/compare.h"
#include "support/vk_context.h"

using namespace clauselens;

TEST_CASE("bias_add matches the CPU reference at odd shapes", "[ops][bias_add]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(31);
    struct Shape {
        uint32_t n_rows, n_cols;
    };
    // One row (decode), a prefill's worth, widths that are no multiple of the
    // workgroup, and Qwen2.5 3B's query width.
    for (const Shape s :
         {Shape{1, 7}, Shape{3, 256}, Shape{5, 257}, Shape{64, 2048}, Shape{300, 128}}) {
        const auto x = test::random_floats(size_t{s.n_rows} * s.n_cols, rng, -4.0f, 4.0f);
        const auto bias = test::random_floats(s.n_cols, rng, -2.0f, 2.0f);
        auto dx = test::to_device<float>(*ctx, x);
        auto dbias = test::to_device<float>(*ctx, bias);
        vk::CommandList list(ctx->device);
        ctx->ops.bias_add(list, *dx, *dbias, s.n_rows, s.n_cols);
        list.submit_and_wait();
        std::vector<float> ref = x;
        cpu::bias_add(ref, bias);
        INFO("rows " << s.n_rows << ", cols " << s.n_cols);
        // One float addition each, the same on both sides: equal bit for bit.
        CHECK(test::from_device<float>(*ctx, *dx, x.size()) == ref);
        CHECK(ref != x);
    }
}

TEST_CASE("bias_add rejects buffers smaller than the shape", "[ops][bias_add]") {
    VK_TEST_CONTEXT(ctx);
    auto x = test::device_buffer(*ctx, 4 * 16 * sizeof(float));
    auto bias = test::device_buffer(*ctx, 8 * sizeof(float));
    vk::CommandList list(ctx->device);
    CHECK_THROWS_WITH(ctx->ops.bias_add(list, *x, *bias, 5, 16),
                      Catch::Contains("bias_add: input buffer holds fewer than 80 elements"));
    CHECK_THROWS_WITH(ctx->ops.bias_add(list, *x, *bias, 4, 16),
                      Catch::Contains("bias_add: bias buffer holds fewer than 16 elements"));
    std::vector<float> cpu_x(10);
    const std::vector<float> cpu_bias(3);
    CHECK_THROWS_WITH(cpu::bias_add(cpu_x, cpu_bias), Catch::Contains("bias_add: x is not rows"));
}
