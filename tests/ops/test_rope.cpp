#include "cpu/transformer_ops.h"
#include "support/compare.h"
#include "support/vk_context.h"

using namespace clauselens;

namespace {

struct RopeArgs {
    uint32_t n_heads, head_dim, n_rot;
    bool neox;
    float freq_base, scale;
};

// Frequency factors (empty: none) and the attention factor.
struct RopeFactors {
    std::vector<float> freq;
    float attn = 1.0f;
};

std::vector<float> gpu_rope(test::VkContext& ctx, const std::vector<float>& x,
                            const std::vector<int32_t>& positions, const RopeArgs& a,
                            const RopeFactors& f = {}) {
    auto dx = test::to_device<float>(ctx, x);
    auto dpos = test::to_device<int32_t>(ctx, positions);
    std::unique_ptr<vk::Buffer> dfactors;
    vk::BufferRange factors;
    if (!f.freq.empty()) {
        dfactors = test::to_device<float>(ctx, f.freq);
        factors = *dfactors;
    }
    vk::CommandList list(ctx.device);
    ctx.ops.rope(list, *dx, *dpos, static_cast<uint32_t>(positions.size()), a.n_heads, a.head_dim,
                 a.n_rot, a.neox, a.freq_base, a.scale, factors, f.attn);
    list.submit_and_wait();
    return test::from_device<float>(ctx, *dx, x.size());
}

// cpu::rope row by row, each token at its own position.
std::vector<float> cpu_rope(std::vector<float> x, const std::vector<int32_t>& positions,
                            const RopeArgs& a, const RopeFactors& f = {}) {
    const size_t row = size_t{a.n_heads} * a.head_dim;
    for (size_t t = 0; t < positions.size(); ++t) {
        cpu::rope(std::span<float>(x.data() + t * row, row), a.n_heads, a.head_dim, a.n_rot,
                  a.neox ? cpu::RopeOrdering::neox : cpu::RopeOrdering::normal,
                  static_cast<float>(positions[t]), a.freq_base, a.scale, f.freq, f.attn);
    }
    return x;
}

std::vector<int32_t> random_positions(size_t n, int32_t max, std::mt19937& rng) {
    std::uniform_int_distribution<int32_t> dist(0, max);
    std::vector<int32_t> v(n);
    for (int32_t& p : v) {
        p = dist(rng);
    }
    return v;
}

} // namespace

// The shader reduces the angle exactly and evaluates sin and cos with
// polynomials in float additions and multiplications only (see rope.comp), so
// its angles are within ~1e-7 rad of the double reference's up to position
// 2^20, on every device: NMSE ~3e-15 (output rounding) on lavapipe. 1e-12
// leaves room for drivers that contract a few non-critical multiply-adds.
// A plain float angle, pos * inv_freq, with lavapipe's accurate sin and cos,
// scores ~3e-11 below position 4096, 1e-8 at 32k and 1e-5 at 2^20: this
// tolerance tells the two apart.
constexpr double k_tolerance = 1e-12;

TEST_CASE("rope matches the CPU reference", "[ops][rope]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(11);
    struct Shape {
        uint32_t n_tokens, n_heads, head_dim, n_rot;
    };
    for (const Shape s : {Shape{1, 4, 8, 8}, Shape{3, 5, 8, 6}, Shape{7, 6, 64, 64},
                          Shape{3, 4, 64, 32}, Shape{1, 8, 128, 128}, Shape{7, 2, 128, 96}}) {
        for (const bool neox : {false, true}) {
            for (const float base : {10000.0f, 500000.0f}) {
                for (const float scale : {1.0f, 4.0f}) {
                    const RopeArgs a{s.n_heads, s.head_dim, s.n_rot, neox, base, scale};
                    const auto x = test::random_floats(size_t{s.n_tokens} * s.n_heads * s.head_dim,
                                                       rng, -3.0f, 3.0f);
                    auto positions = random_positions(s.n_tokens, 4095, rng);
                    positions[0] = s.n_tokens == 1 ? 4095 : 0;
                    const auto out = gpu_rope(*ctx, x, positions, a);
                    const auto ref = cpu_rope(x, positions, a);
                    INFO("tokens " << s.n_tokens << ", heads " << s.n_heads << ", head_dim "
                                   << s.head_dim << ", n_rot " << s.n_rot << ", neox " << neox
                                   << ", base " << base << ", scale " << scale);
                    CHECK(test::nmse(out, ref) < k_tolerance);
                    // Dimensions from n_rot on are not touched at all.
                    for (size_t i = 0; i < x.size(); ++i) {
                        if (i % s.head_dim >= s.n_rot && out[i] != x[i]) {
                            FAIL_CHECK("dimension " << i % s.head_dim << " changed");
                            break;
                        }
                    }
                }
            }
        }
    }
}

TEST_CASE("rope stays accurate at long-context positions", "[ops][rope]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(12);
    // Up to 2^20: where a float angle would be off by whole radians.
    for (const int32_t max_pos : {32767, 131071, 1 << 20}) {
        for (const bool neox : {false, true}) {
            const RopeArgs a{8, 128, 128, neox, 500000.0f, 1.0f};
            const auto positions = random_positions(7, max_pos, rng);
            const auto x = test::random_floats(7 * 8 * 128, rng, -3.0f, 3.0f);
            INFO("positions up to " << max_pos << ", neox " << neox);
            CHECK(test::nmse(gpu_rope(*ctx, x, positions, a), cpu_rope(x, positions, a)) <
                  k_tolerance);
        }
    }
}

TEST_CASE("rope shares angles across heads when there are many tokens", "[ops][rope]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(13);
    // Enough (token, pair) work that one invocation turns several heads (6
    // each here: 2100 tokens x 32 pairs x 2 lanes).
    const RopeArgs a{12, 64, 64, true, 10000.0f, 1.0f};
    const auto positions = random_positions(2100, 4095, rng);
    const auto x = test::random_floats(positions.size() * 12 * 64, rng, -3.0f, 3.0f);
    CHECK(test::nmse(gpu_rope(*ctx, x, positions, a), cpu_rope(x, positions, a)) < k_tolerance);
}

TEST_CASE("rope divides by frequency factors and scales by the attention factor", "[ops][rope]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(14);
    // Phi-3 shapes (head_dim 96) and a partial rotation, with factors like
    // LongRoPE's: near 1 (short) and up to ~60 (long), plus irregular ones.
    struct Shape {
        uint32_t n_tokens, n_heads, head_dim, n_rot;
    };
    for (const Shape s : {Shape{1, 4, 96, 96}, Shape{9, 3, 96, 96}, Shape{5, 2, 64, 32}}) {
        const uint32_t half = s.n_rot / 2;
        std::vector<float> rising(half), irregular = test::random_floats(half, rng, 0.5f, 8.0f);
        for (uint32_t i = 0; i < half; ++i) {
            rising[i] = 1.0f + 60.0f * static_cast<float>(i * i) / static_cast<float>(half * half);
        }
        for (const bool neox : {false, true}) {
            for (const RopeFactors& f : {RopeFactors{rising, 1.0f}, RopeFactors{irregular, 1.19f},
                                         RopeFactors{{}, 0.9f}}) {
                const RopeArgs a{s.n_heads, s.head_dim, s.n_rot, neox, 10000.0f, 1.0f};
                const auto x =
                    test::random_floats(size_t{s.n_tokens} * s.n_heads * s.head_dim, rng, -3, 3);
                auto positions = random_positions(s.n_tokens, 131071, rng);
                const auto out = gpu_rope(*ctx, x, positions, a, f);
                const auto ref = cpu_rope(x, positions, a, f);
                INFO("head_dim " << s.head_dim << ", n_rot " << s.n_rot << ", neox " << neox
                                 << ", factors " << f.freq.size() << ", attn " << f.attn);
                CHECK(test::nmse(out, ref) < k_tolerance);
                // The factors change the result: they are not ignored.
                CHECK(test::nmse(ref, cpu_rope(x, positions, a)) > 1e-4);
            }
        }
    }
}

TEST_CASE("rope rejects bad arguments", "[ops][rope]") {
    VK_TEST_CONTEXT(ctx);
    auto x = test::device_buffer(*ctx, 2 * 4 * 64 * sizeof(float));
    auto pos = test::device_buffer(*ctx, 2 * sizeof(int32_t));
    vk::CommandList list(ctx->device);
    CHECK_THROWS_WITH(ctx->ops.rope(list, *x, *pos, 2, 4, 64, 63, false, 10000.0f, 1.0f),
                      Catch::Contains("rope: n_rot (63) must be even and at most head_dim (64)"));
    CHECK_THROWS_WITH(ctx->ops.rope(list, *x, *pos, 2, 4, 64, 66, false, 10000.0f, 1.0f),
                      Catch::Contains("must be even and at most head_dim"));
    CHECK_THROWS_WITH(ctx->ops.rope(list, *x, *pos, 3, 4, 64, 64, false, 10000.0f, 1.0f),
                      Catch::Contains("rope: input buffer holds fewer than 768 elements"));
    CHECK_THROWS_WITH(ctx->ops.rope(list, *x, *pos, 4, 2, 64, 64, false, 10000.0f, 1.0f),
                      Catch::Contains("rope: positions buffer holds fewer than 4 elements"));
    CHECK_THROWS_WITH(ctx->ops.rope(list, *x, *pos, 2, 4, 64, 64, false, 0.0f, 1.0f),
                      Catch::Contains("rope: freq_base must be a positive number"));
    CHECK_THROWS_WITH(ctx->ops.rope(list, *x, *pos, 2, 4, 64, 64, false, 10000.0f, -1.0f),
                      Catch::Contains("rope: scale must be a positive number"));
    auto factors = test::device_buffer(*ctx, 16 * sizeof(float));
    CHECK_THROWS_WITH(
        ctx->ops.rope(list, *x, *pos, 2, 4, 64, 64, false, 10000.0f, 1.0f, *factors, 1.0f),
        Catch::Contains("rope: frequency factors buffer holds fewer than 32 elements"));
}
