#include "cpu/half.h"
#include "cpu/ops.h"
#include "support/compare.h"
#include "support/vk_context.h"

using namespace clauselens;

namespace {

struct Shape {
    uint32_t rows, cols;
};

// Odd sizes on purpose: not multiples of the workgroup, rows that start at odd
// F16 offsets, single rows and columns.
constexpr Shape k_shapes[] = {{1, 1},      {5, 3},     {33, 31},  {129, 127},
                              {1000, 256}, {17, 4097}, {3, 5000}, {2048, 64}};

template <typename W>
std::vector<float> gpu_matvec(test::VkContext& ctx, vk::WeightType type, const std::vector<W>& w,
                              const std::vector<float>& x, Shape s) {
    auto dw = test::to_device<W>(ctx, w);
    auto dx = test::to_device<float>(ctx, x);
    auto dy = test::device_buffer(ctx, s.rows * sizeof(float));
    vk::CommandList list(ctx.device);
    ctx.ops.matvec(list, type, *dw, *dx, *dy, s.rows, s.cols);
    list.submit_and_wait();
    return test::from_device<float>(ctx, *dy, s.rows);
}

} // namespace

TEST_CASE("matvec with F32 weights matches the CPU reference", "[ops][matvec]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(4);
    for (const Shape s : k_shapes) {
        const auto w = test::random_floats(size_t{s.rows} * s.cols, rng);
        const auto x = test::random_floats(s.cols, rng, -4.0f, 4.0f);
        std::vector<float> ref(s.rows);
        cpu::matvec_f32(w, x, ref);
        INFO("rows " << s.rows << ", cols " << s.cols);
        // F32 accumulation in a different order than the double reference.
        CHECK(test::nmse(gpu_matvec(*ctx, vk::WeightType::f32, w, x, s), ref) < 1e-11);
    }
}

TEST_CASE("matvec with F16 weights matches the CPU reference", "[ops][matvec]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(5);
    for (const Shape s : k_shapes) {
        const auto wf = test::random_floats(size_t{s.rows} * s.cols, rng);
        std::vector<uint16_t> w(wf.size());
        for (size_t i = 0; i < w.size(); ++i) {
            w[i] = cpu::float_to_half(wf[i]);
        }
        const auto x = test::random_floats(s.cols, rng, -4.0f, 4.0f);
        std::vector<float> ref(s.rows);
        cpu::matvec_f16(w, x, ref);
        INFO("rows " << s.rows << ", cols " << s.cols);
        CHECK(test::nmse(gpu_matvec(*ctx, vk::WeightType::f16, w, x, s), ref) < 1e-11);
    }
}

TEST_CASE("matvec binds a weight matrix by range inside a larger buffer", "[ops][matvec]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(6);
    const Shape s{40, 70};
    // Two matrices back to back, as tensors sit in one weights allocation.
    const auto both = test::random_floats(2 * size_t{s.rows} * s.cols, rng);
    const auto x = test::random_floats(s.cols, rng);
    const std::span<const float> second(both.data() + size_t{s.rows} * s.cols,
                                        size_t{s.rows} * s.cols);
    std::vector<float> ref(s.rows);
    cpu::matvec_f32(second, x, ref);

    auto dw = test::to_device<float>(*ctx, both);
    auto dx = test::to_device<float>(*ctx, x);
    auto dy = test::device_buffer(*ctx, s.rows * sizeof(float));
    vk::CommandList list(ctx->device);
    const uint64_t bytes = uint64_t{s.rows} * s.cols * sizeof(float);
    ctx->ops.matvec(list, vk::WeightType::f32, vk::BufferRange(*dw, bytes, bytes), *dx, *dy, s.rows,
                    s.cols);
    list.submit_and_wait();
    CHECK(test::nmse(test::from_device<float>(*ctx, *dy, s.rows), ref) < 1e-11);
}
