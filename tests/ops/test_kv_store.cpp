#include "cpu/half.h"
#include "support/compare.h"
#include "support/vk_context.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>

using namespace clauselens;

namespace {

constexpr uint16_t k_untouched = 0xbeef; // cache rows the store must leave alone

// Stores x (n_tokens rows of row_size) into a cache of n_cells rows at
// `cells` and returns the whole cache.
std::vector<uint16_t> gpu_kv_store(test::VkContext& ctx, const std::vector<float>& x,
                                   const std::vector<int32_t>& cells, uint32_t row_size,
                                   uint32_t n_cells) {
    const std::vector<uint16_t> initial(size_t{n_cells} * row_size, k_untouched);
    auto dx = test::to_device<float>(ctx, x);
    auto dcells = test::to_device<int32_t>(ctx, cells);
    auto dcache = test::to_device<uint16_t>(ctx, initial);
    vk::CommandList list(ctx.device);
    ctx.ops.kv_store(list, *dx, *dcache, *dcells, static_cast<uint32_t>(cells.size()), row_size);
    list.submit_and_wait();
    return test::from_device<uint16_t>(ctx, *dcache, initial.size());
}

// What the cache must hold afterwards; cells outside the cache are skipped.
std::vector<uint16_t> expected_cache(const std::vector<float>& x, const std::vector<int32_t>& cells,
                                     uint32_t row_size, uint32_t n_cells) {
    std::vector<uint16_t> cache(size_t{n_cells} * row_size, k_untouched);
    for (size_t t = 0; t < cells.size(); ++t) {
        if (cells[t] < 0 || static_cast<uint32_t>(cells[t]) >= n_cells) {
            continue;
        }
        for (uint32_t c = 0; c < row_size; ++c) {
            cache[static_cast<size_t>(cells[t]) * row_size + c] =
                cpu::float_to_half(x[t * row_size + c]);
        }
    }
    return cache;
}

// Floats across the whole normal range of F16 (2^-14 .. 65504), both signs,
// with random mantissas: every rounding case of the normal path.
std::vector<float> random_normal_halves(size_t n, std::mt19937& rng) {
    std::uniform_int_distribution<int> exponent(-14, 15);
    std::uniform_real_distribution<float> mantissa(1.0f, 2.0f);
    std::bernoulli_distribution negative;
    std::vector<float> v(n);
    for (float& f : v) {
        f = std::min(std::ldexp(mantissa(rng), exponent(rng)), 65504.0f);
        f = negative(rng) ? -f : f;
    }
    return v;
}

// n_tokens distinct cells in random order out of n_cells.
std::vector<int32_t> random_cells(uint32_t n_tokens, uint32_t n_cells, std::mt19937& rng) {
    std::vector<int32_t> all(n_cells);
    std::iota(all.begin(), all.end(), 0);
    std::shuffle(all.begin(), all.end(), rng);
    all.resize(n_tokens);
    return all;
}

} // namespace

TEST_CASE("kv_store writes exactly cpu::float_to_half's bits to scattered rows",
          "[ops][kv_store]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(31);
    struct Shape {
        uint32_t n_tokens, row_size, n_cells;
    };
    // Row sizes as kv_dim is: n_head_kv * head_dim; odd ones too.
    for (const Shape s : {Shape{1, 1, 1}, Shape{1, 128, 5}, Shape{3, 7, 10}, Shape{7, 1024, 20},
                          Shape{7, 130, 7}, Shape{64, 384, 100}}) {
        const auto x = random_normal_halves(size_t{s.n_tokens} * s.row_size, rng);
        const auto cells = random_cells(s.n_tokens, s.n_cells, rng);
        INFO("tokens " << s.n_tokens << ", row size " << s.row_size << ", cells " << s.n_cells);
        CHECK(gpu_kv_store(*ctx, x, cells, s.row_size, s.n_cells) ==
              expected_cache(x, cells, s.row_size, s.n_cells));
    }
}

TEST_CASE("kv_store rounds every float like cpu::float_to_half", "[ops][kv_store]") {
    VK_TEST_CONTEXT(ctx);
    // Random bit patterns cover subnormal results, overflow, infinities and
    // NaNs; the list below the edges of each case and the ties.
    std::vector<float> x = {0.0f,
                            -0.0f,
                            1.0f + std::ldexp(1.0f, -11),     // tie: rounds down to even
                            1.0f + 3 * std::ldexp(1.0f, -11), // tie: rounds up to even
                            65504.0f,
                            65519.0f,
                            65520.0f,
                            -65520.0f,
                            std::ldexp(1.0f, -14),                         // smallest normal
                            std::ldexp(1.0f, -14) - std::ldexp(1.0f, -25), // rounds up to it
                            std::ldexp(1.0f, -24),                         // smallest subnormal
                            std::ldexp(1.0f, -25),                         // tie: to zero
                            std::ldexp(1.0f, -25) + std::ldexp(1.0f, -40), // just above: up
                            std::ldexp(3.0f, -25),                         // tie: to 2 units
                            std::ldexp(5.0f, -25),                         // tie: to 2 units
                            std::ldexp(1.0f, -26),                         // to zero
                            std::numeric_limits<float>::denorm_min(),      // to zero
                            -std::numeric_limits<float>::denorm_min(),     // to -0
                            std::numeric_limits<float>::infinity(),
                            -std::numeric_limits<float>::infinity(),
                            std::numeric_limits<float>::quiet_NaN(),
                            -std::numeric_limits<float>::quiet_NaN(),
                            std::numeric_limits<float>::max()};
    std::mt19937 rng(32);
    std::uniform_int_distribution<uint32_t> bits;
    const uint32_t row_size = 1000;
    const size_t n = 100 * row_size;
    while (x.size() < n) {
        x.push_back(std::bit_cast<float>(bits(rng)));
    }
    std::vector<int32_t> cells(n / row_size);
    std::iota(cells.begin(), cells.end(), 0);
    const auto out = gpu_kv_store(*ctx, x, cells, row_size, static_cast<uint32_t>(cells.size()));
    size_t mismatches = 0;
    for (size_t i = 0; i < n; ++i) {
        if (out[i] != cpu::float_to_half(x[i])) {
            if (++mismatches <= 10) {
                UNSCOPED_INFO("float bits 0x" << std::hex << std::bit_cast<uint32_t>(x[i])
                                              << ": GPU 0x" << out[i] << ", CPU 0x"
                                              << cpu::float_to_half(x[i]) << std::dec);
            }
        }
    }
    CHECK(mismatches == 0);
}

TEST_CASE("kv_store skips rows whose cell is outside the cache", "[ops][kv_store]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(33);
    const uint32_t row_size = 24;
    const uint32_t n_cells = 6;
    const std::vector<int32_t> cells = {2, -1, 6, 5, 1000000, std::numeric_limits<int32_t>::min()};
    const auto x = random_normal_halves(cells.size() * row_size, rng);
    CHECK(gpu_kv_store(*ctx, x, cells, row_size, n_cells) ==
          expected_cache(x, cells, row_size, n_cells));
}

TEST_CASE("kv_store rejects buffers smaller than the shape", "[ops][kv_store]") {
    VK_TEST_CONTEXT(ctx);
    auto x = test::device_buffer(*ctx, 64 * sizeof(float));
    auto cells = test::device_buffer(*ctx, 2 * sizeof(int32_t));
    auto cache = test::device_buffer(*ctx, 64 * sizeof(uint16_t));
    vk::CommandList list(ctx->device);
    CHECK_THROWS_WITH(ctx->ops.kv_store(list, *x, *cache, *cells, 3, 16),
                      Catch::Contains("kv_store: cells buffer holds fewer than 3 elements"));
    CHECK_THROWS_WITH(ctx->ops.kv_store(list, *x, *cache, *cells, 2, 48),
                      Catch::Contains("kv_store: input buffer holds fewer than 96 elements"));
    CHECK_THROWS_WITH(ctx->ops.kv_store(list, *x, *cache, *cells, 1, 64 + 1),
                      Catch::Contains("kv_store: input buffer holds fewer than 65 elements"));
    CHECK_THROWS_WITH(ctx->ops.kv_store(list, *x, *cache, *cells, 1, 0),
                      Catch::Contains("kv_store: rows must not be empty"));
    auto small_cache = test::device_buffer(*ctx, 8 * sizeof(uint16_t));
    CHECK_THROWS_WITH(ctx->ops.kv_store(list, *x, *small_cache, *cells, 2, 16),
                      Catch::Contains("kv_store: cache buffer holds fewer than 16 elements"));
}
