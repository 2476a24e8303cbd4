#include "cpu/ops.h"
#include "support/compare.h"
#include "support/vk_context.h"

using namespace clauselens;

TEST_CASE("rms_norm matches the CPU reference at odd shapes", "[ops][rms_norm]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(3);
    struct Shape {
        uint32_t cols, rows;
    };
    for (const Shape s : {Shape{1, 1}, Shape{7, 3}, Shape{127, 2}, Shape{128, 4}, Shape{129, 5},
                          Shape{3000, 3}, Shape{4096, 2}, Shape{3072, 33}}) {
        for (const float eps : {1e-5f, 1e-6f}) {
            // Inputs far from unit scale, as hidden states are.
            const auto x = test::random_floats(size_t{s.cols} * s.rows, rng, -20.0f, 20.0f);
            const auto w = test::random_floats(s.cols, rng, 0.0f, 2.0f);
            std::vector<float> ref(x.size());
            cpu::rms_norm(x, w, ref, eps);

            auto dx = test::to_device<float>(*ctx, x);
            auto dw = test::to_device<float>(*ctx, w);
            auto dout = test::device_buffer(*ctx, x.size() * sizeof(float));
            vk::CommandList list(ctx->device);
            ctx->ops.rms_norm(list, *dx, *dw, *dout, s.cols, s.rows, eps);
            list.submit_and_wait();
            const auto out = test::from_device<float>(*ctx, *dout, x.size());

            INFO("cols " << s.cols << ", rows " << s.rows << ", eps " << eps);
            CHECK(test::nmse(out, ref) < 1e-11);
        }
    }
}

TEST_CASE("rms_norm of a zero row stays finite", "[ops][rms_norm]") {
    VK_TEST_CONTEXT(ctx);
    const std::vector<float> x(300, 0.0f);
    const std::vector<float> w(300, 1.0f);
    auto dx = test::to_device<float>(*ctx, x);
    auto dw = test::to_device<float>(*ctx, w);
    auto dout = test::device_buffer(*ctx, x.size() * sizeof(float));
    vk::CommandList list(ctx->device);
    ctx->ops.rms_norm(list, *dx, *dw, *dout, 300, 1, 1e-5f);
    list.submit_and_wait();
    for (const float v : test::from_device<float>(*ctx, *dout, x.size())) {
        REQUIRE(v == 0.0f);
    }
}

TEST_CASE("rms_norm rejects buffers smaller than the shape", "[ops][rms_norm]") {
    VK_TEST_CONTEXT(ctx);
    auto small = test::device_buffer(*ctx, 16 * sizeof(float));
    vk::CommandList list(ctx->device);
    CHECK_THROWS_WITH(ctx->ops.rms_norm(list, *small, *small, *small, 16, 2, 1e-5f),
                      Catch::Contains("input buffer holds fewer than 32 elements"));
}
