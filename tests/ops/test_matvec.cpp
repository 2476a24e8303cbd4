#include "cpu/half.h"
#include "cpu/ops.h"
#include "support/compare.h"
#include "support/vk_context.h"
#include "weights.h"

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
std::vector<float> gpu_matvec(test::VkContext& ctx, gguf::TensorType type, const std::vector<W>& w,
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
        CHECK(test::nmse(gpu_matvec(*ctx, gguf::TensorType::f32, w, x, s), ref) < 1e-11);
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
        CHECK(test::nmse(gpu_matvec(*ctx, gguf::TensorType::f16, w, x, s), ref) < 1e-11);
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
    ctx->ops.matvec(list, gguf::TensorType::f32, vk::BufferRange(*dw, bytes, bytes), *dx, *dy,
                    s.rows, s.cols);
    list.submit_and_wait();
    CHECK(test::nmse(test::from_device<float>(*ctx, *dy, s.rows), ref) < 1e-11);
}

namespace {

// Shapes for the block types, as rows x blocks per row: one row, rows that
// are not multiples of the workgroup, rows of one block and of many.
struct BlockShape {
    uint32_t rows, blocks;
};
constexpr BlockShape k_block_shapes[] = {{1, 1}, {5, 3}, {33, 2}, {129, 5}, {3, 9}, {300, 1}};

uint32_t columns(gguf::TensorType type, uint32_t blocks) {
    return blocks * static_cast<uint32_t>(cpu::block_size(type));
}

} // namespace

TEST_CASE("matvec of every weight type matches cpu::dot on the same bytes", "[ops][matvec]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(7);
    for (const gguf::TensorType type : test::k_weight_types) {
        for (const BlockShape bs : k_block_shapes) {
            // F32/F16/BF16 have blocks of one: give them odd column counts.
            const uint32_t cols =
                cpu::block_size(type) == 1 ? bs.blocks * 97 : columns(type, bs.blocks);
            const Shape s{bs.rows, cols};
            const auto w = test::random_quantized(type, size_t{s.rows} * s.cols, rng);
            const auto x = test::random_floats(s.cols, rng, -4.0f, 4.0f);
            const auto ref = test::reference_product(type, w, x, s.rows, s.cols);
            INFO(gguf::tensor_type_name(type) << ": rows " << s.rows << ", cols " << s.cols);
            CHECK(test::nmse(gpu_matvec(*ctx, type, w, x, s), ref) < test::product_tolerance(type));
        }
    }
}

TEST_CASE("matvec decodes arbitrary block contents like the CPU", "[ops][matvec]") {
    // Random bytes reach every nibble, high bit, negative Q6_K scale and
    // 6-bit scale/min pattern that a quantizer might never write.
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(8);
    for (const gguf::TensorType type : test::k_weight_types) {
        const Shape s{37, columns(type, cpu::block_size(type) == 1 ? 300 : 4)};
        const auto w = test::random_blocks(type, size_t{s.rows} * s.cols, rng);
        const auto x = test::random_floats(s.cols, rng, -4.0f, 4.0f);
        const auto ref = test::reference_product(type, w, x, s.rows, s.cols);
        INFO(gguf::tensor_type_name(type));
        CHECK(test::nmse(gpu_matvec(*ctx, type, w, x, s), ref) < test::product_tolerance(type));
    }
}

TEST_CASE("matvec reads quantized matrices at an offset inside a larger buffer", "[ops][matvec]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(9);
    for (const gguf::TensorType type : {gguf::TensorType::q6_k, gguf::TensorType::q8_0,
                                        gguf::TensorType::q4_k, gguf::TensorType::bf16}) {
        const Shape s{21, columns(type, cpu::block_size(type) == 1 ? 75 : 2)};
        // A first tensor padded to 256 bytes (GGUF aligns tensor data), then ours.
        auto first = test::random_blocks(type, size_t{s.rows} * s.cols, rng);
        const uint64_t offset = (first.size() + 255) / 256 * 256;
        const auto w = test::random_blocks(type, size_t{s.rows} * s.cols, rng);
        first.resize(offset);
        first.insert(first.end(), w.begin(), w.end());
        const auto x = test::random_floats(s.cols, rng);
        const auto ref = test::reference_product(type, w, x, s.rows, s.cols);

        auto dw = test::to_device<std::byte>(*ctx, first);
        auto dx = test::to_device<float>(*ctx, x);
        auto dy = test::device_buffer(*ctx, s.rows * sizeof(float));
        vk::CommandList list(ctx->device);
        ctx->ops.matvec(list, type, vk::BufferRange(*dw, offset, w.size()), *dx, *dy, s.rows,
                        s.cols);
        list.submit_and_wait();
        INFO(gguf::tensor_type_name(type));
        CHECK(test::nmse(test::from_device<float>(*ctx, *dy, s.rows), ref) <
              test::product_tolerance(type));
    }
}

TEST_CASE("matvec rejects unsupported types, partial blocks and short buffers", "[ops][matvec]") {
    VK_TEST_CONTEXT(ctx);
    auto buffer = test::device_buffer(*ctx, 4096);
    vk::CommandList list(ctx->device);
    CHECK_FALSE(vk::Ops::supports_weights(gguf::TensorType::q4_1));
    CHECK(vk::Ops::supports_weights(gguf::TensorType::q6_k));
    CHECK_THROWS_WITH(
        ctx->ops.matvec(list, gguf::TensorType::q4_1, *buffer, *buffer, *buffer, 1, 32),
        Catch::Contains("weight type Q4_1 is not supported"));
    CHECK_THROWS_WITH(
        ctx->ops.matvec(list, gguf::TensorType::q4_k, *buffer, *buffer, *buffer, 1, 300),
        Catch::Contains("300 columns are not a whole number of Q4_K blocks of 256"));
    // 20 rows of one Q6_K block need 4200 bytes.
    CHECK_THROWS_WITH(
        ctx->ops.matvec(list, gguf::TensorType::q6_k, *buffer, *buffer, *buffer, 20, 256),
        Catch::Contains("fewer than the 4200 bytes of 20 x 256 Q6_K"));
    CHECK(list.recorded_dispatches() == 0);
}
