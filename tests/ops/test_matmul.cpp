#include "cpu/quant.h"
#include "support/compare.h"
#include "support/vk_context.h"
#include "weights.h"

using namespace clauselens;

namespace {

struct Shape {
    uint32_t rows, cols, tokens;
};

std::vector<float> gpu_matmul(test::VkContext& ctx, gguf::TensorType type,
                              const std::vector<std::byte>& w, const std::vector<float>& x,
                              Shape s) {
    auto dw = test::to_device<std::byte>(ctx, w);
    auto dx = test::to_device<float>(ctx, x);
    auto dy = test::device_buffer(ctx, size_t{s.rows} * s.tokens * sizeof(float));
    vk::CommandList list(ctx.device);
    ctx.ops.matmul(list, type, *dw, *dx, *dy, s.rows, s.cols, s.tokens);
    list.submit_and_wait();
    return test::from_device<float>(ctx, *dy, size_t{s.rows} * s.tokens);
}

// Rows x blocks per row x tokens: token counts below, at and above the 8 a
// workgroup takes, rows that are not multiples of anything.
struct BlockShape {
    uint32_t rows, blocks, tokens;
};
constexpr BlockShape k_shapes[] = {{1, 1, 1},  {7, 3, 5},  {33, 2, 8},
                                   {65, 1, 9}, {3, 5, 17}, {130, 2, 3}};

} // namespace

TEST_CASE("matmul of every weight type matches cpu::dot on the same bytes", "[ops][matmul]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(21);
    for (const gguf::TensorType type : test::k_weight_types) {
        for (const BlockShape bs : k_shapes) {
            const uint32_t block = static_cast<uint32_t>(cpu::block_size(type));
            // F32/F16/BF16 have blocks of one: give them odd column counts.
            const Shape s{bs.rows, block == 1 ? bs.blocks * 61 : bs.blocks * block, bs.tokens};
            const auto w = test::random_quantized(type, size_t{s.rows} * s.cols, rng);
            const auto x = test::random_floats(size_t{s.tokens} * s.cols, rng, -4.0f, 4.0f);
            const auto ref = test::reference_product(type, w, x, s.rows, s.cols, s.tokens);
            INFO(gguf::tensor_type_name(type)
                 << ": rows " << s.rows << ", cols " << s.cols << ", tokens " << s.tokens);
            CHECK(test::nmse(gpu_matmul(*ctx, type, w, x, s), ref) < test::product_tolerance(type));
        }
    }
}

TEST_CASE("matmul decodes arbitrary block contents like the CPU", "[ops][matmul]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(22);
    for (const gguf::TensorType type : test::k_weight_types) {
        const uint32_t block = static_cast<uint32_t>(cpu::block_size(type));
        const Shape s{19, block == 1 ? 515 : 3 * block, 11};
        const auto w = test::random_blocks(type, size_t{s.rows} * s.cols, rng);
        const auto x = test::random_floats(size_t{s.tokens} * s.cols, rng, -4.0f, 4.0f);
        const auto ref = test::reference_product(type, w, x, s.rows, s.cols, s.tokens);
        INFO(gguf::tensor_type_name(type));
        CHECK(test::nmse(gpu_matmul(*ctx, type, w, x, s), ref) < test::product_tolerance(type));
    }
}

TEST_CASE("matmul of one token equals matvec", "[ops][matmul]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(23);
    const Shape s{45, 512, 1};
    const auto w = test::random_quantized(gguf::TensorType::q4_k, size_t{s.rows} * s.cols, rng);
    const auto x = test::random_floats(s.cols, rng);
    auto dw = test::to_device<std::byte>(*ctx, w);
    auto dx = test::to_device<float>(*ctx, x);
    auto dy = test::device_buffer(*ctx, s.rows * sizeof(float));
    vk::CommandList list(ctx->device);
    ctx->ops.matvec(list, gguf::TensorType::q4_k, *dw, *dx, *dy, s.rows, s.cols);
    list.submit_and_wait();
    const auto by_matvec = test::from_device<float>(*ctx, *dy, s.rows);
    CHECK(test::nmse(gpu_matmul(*ctx, gguf::TensorType::q4_k, w, x, s), by_matvec) < 1e-12);
}

TEST_CASE("matmul rejects bad shapes and short buffers", "[ops][matmul]") {
    VK_TEST_CONTEXT(ctx);
    auto buffer = test::device_buffer(*ctx, 4096);
    vk::CommandList list(ctx->device);
    CHECK_THROWS_WITH(
        ctx->ops.matmul(list, gguf::TensorType::q2_k, *buffer, *buffer, *buffer, 1, 256, 1),
        Catch::Contains("weight type Q2_K is not supported"));
    CHECK_THROWS_WITH(
        ctx->ops.matmul(list, gguf::TensorType::q8_0, *buffer, *buffer, *buffer, 2, 48, 1),
        Catch::Contains("48 columns are not a whole number of Q8_0 blocks of 32"));
    // 4 tokens of 512 floats are 8192 bytes: more than the buffer holds.
    CHECK_THROWS_WITH(
        ctx->ops.matmul(list, gguf::TensorType::q4_0, *buffer, *buffer, *buffer, 1, 512, 4),
        Catch::Contains("input buffer holds fewer than 2048 elements"));
    CHECK_THROWS_WITH(
        ctx->ops.matmul(list, gguf::TensorType::f32, *buffer, *buffer, *buffer, 600, 1, 2),
        Catch::Contains("output buffer holds fewer than 1200 elements"));
    CHECK(list.recorded_dispatches() == 0);
}
