#include "cpu/half.h"
#include "cpu/transformer_ops.h"
#include "support/compare.h"
#include "support/vk_context.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

using namespace clauselens;

namespace {

struct Heads {
    uint32_t n_head, n_head_kv, head_dim;
    size_t q_row() const { return size_t{n_head} * head_dim; }
    size_t kv_row() const { return size_t{n_head_kv} * head_dim; }
};

// Random F16 bit patterns of values in [lo, hi].
std::vector<uint16_t> random_halves(size_t n, std::mt19937& rng, float lo = -1.0f,
                                    float hi = 1.0f) {
    const auto f = test::random_floats(n, rng, lo, hi);
    std::vector<uint16_t> h(n);
    std::transform(f.begin(), f.end(), h.begin(), cpu::float_to_half);
    return h;
}

std::vector<float> gpu_attention(test::VkContext& ctx, const std::vector<float>& q,
                                 const std::vector<uint16_t>& k, const std::vector<uint16_t>& v,
                                 const std::vector<int32_t>& spans, Heads h, float scale) {
    auto dq = test::to_device<float>(ctx, q);
    auto dk = test::to_device<uint16_t>(ctx, k);
    auto dv = test::to_device<uint16_t>(ctx, v);
    auto dspans = test::to_device<int32_t>(ctx, spans);
    auto dout = test::device_buffer(ctx, q.size() * sizeof(float));
    vk::CommandList list(ctx.device);
    ctx.ops.attention(list, *dq, *dk, *dv, *dspans, *dout, static_cast<uint32_t>(spans.size() / 2),
                      h.n_head, h.n_head_kv, h.head_dim, scale);
    list.submit_and_wait();
    return test::from_device<float>(ctx, *dout, q.size());
}

std::vector<float> cpu_attention(const std::vector<float>& q, const std::vector<uint16_t>& k,
                                 const std::vector<uint16_t>& v, const std::vector<int32_t>& spans,
                                 Heads h, float scale) {
    std::vector<float> out(q.size());
    cpu::attention(q, k, v, spans, out, h.n_head, h.n_head_kv, h.head_dim, scale);
    return out;
}

// Spans of the given lengths (cycled over the tokens) at random starts, as
// sequences at different positions in a shared cache have.
std::vector<int32_t> random_spans(uint32_t n_tokens, std::initializer_list<int32_t> lengths,
                                  int32_t n_cells, std::mt19937& rng) {
    std::vector<int32_t> spans;
    auto len = lengths.begin();
    for (uint32_t t = 0; t < n_tokens; ++t) {
        std::uniform_int_distribution<int32_t> start(0, n_cells - *len);
        spans.push_back(start(rng));
        spans.push_back(*len);
        if (++len == lengths.end()) {
            len = lengths.begin();
        }
    }
    return spans;
}

} // namespace

// F32 dot products and accumulation in a different order than the double
// reference, and F32 exponentials: ~1e-13 here. GPU exp (about 2^-22
// relative, plus the rounding of its argument for scores of a few units) adds
// below 1e-11; 1e-9 holds with a wide margin on any device.
constexpr double k_tolerance = 1e-9;

TEST_CASE("attention matches the CPU reference", "[ops][attention]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(41);
    const int32_t n_cells = 320;
    for (const uint32_t head_dim : {8u, 64u, 128u}) {
        for (const Heads h :
             {Heads{4, 2, head_dim}, Heads{8, 8, head_dim}, Heads{6, 1, head_dim}}) {
            for (const uint32_t n_tokens : {1u, 3u, 7u}) {
                // One token alone gets the long span; batches mix all lengths.
                const auto spans = n_tokens == 1
                                       ? random_spans(1, {300}, n_cells, rng)
                                       : random_spans(n_tokens, {1, 2, 17, 300}, n_cells, rng);
                const auto q = test::random_floats(n_tokens * h.q_row(), rng);
                const auto k = random_halves(n_cells * h.kv_row(), rng);
                const auto v = random_halves(n_cells * h.kv_row(), rng);
                const float scale = 1.0f / std::sqrt(static_cast<float>(head_dim));
                INFO("head_dim " << head_dim << ", heads " << h.n_head << "/" << h.n_head_kv
                                 << ", tokens " << n_tokens);
                CHECK(test::nmse(gpu_attention(*ctx, q, k, v, spans, h, scale),
                                 cpu_attention(q, k, v, spans, h, scale)) < k_tolerance);
            }
        }
    }
}

TEST_CASE("attention is stable when scores are large", "[ops][attention]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(42);
    // Scores from about 50 to 150: e^score overflows F32 without the running
    // maximum. Keys grow along the span, so the maximum rises from tile to
    // tile and the sums so far must be rescaled each time.
    const Heads h{4, 2, 64};
    const int32_t n_cells = 300;
    std::uniform_real_distribution<float> noise(-0.1f, 0.1f);
    std::vector<uint16_t> k(n_cells * h.kv_row());
    for (size_t j = 0; j < static_cast<size_t>(n_cells); ++j) {
        for (size_t i = 0; i < h.kv_row(); ++i) {
            const float grow = 0.5f + static_cast<float>(j) / n_cells;
            k[j * h.kv_row() + i] = cpu::float_to_half(grow + noise(rng));
        }
    }
    const auto v = random_halves(n_cells * h.kv_row(), rng);
    const std::vector<float> q(3 * h.q_row(), 12.5f);
    const std::vector<int32_t> spans = {0, n_cells, 0, 200, 100, 150};
    const float scale = 1.0f / 8.0f;
    const auto out = gpu_attention(*ctx, q, k, v, spans, h, scale);
    for (const float o : out) {
        REQUIRE(std::isfinite(o));
    }
    // Scores this large carry F32 rounding of ~1e-5 in both implementations,
    // which the weights inherit: ~1e-11 here.
    CHECK(test::nmse(out, cpu_attention(q, k, v, spans, h, scale)) < k_tolerance);
}

TEST_CASE("attention of an empty span is zero, and spans are clipped to the cache",
          "[ops][attention]") {
    VK_TEST_CONTEXT(ctx);
    std::mt19937 rng(43);
    const Heads h{4, 2, 64};
    const int32_t n_cells = 100;
    const auto k = random_halves(n_cells * h.kv_row(), rng);
    const auto v = random_halves(n_cells * h.kv_row(), rng);
    // The shader cannot report a span outside the cache; it must neither read
    // outside it nor use rows that do not exist.
    const int32_t int_min = std::numeric_limits<int32_t>::min();
    const int32_t int_max = std::numeric_limits<int32_t>::max();
    const std::vector<int32_t> spans = {
        5,
        0, // empty
        n_cells - 10,
        30, // runs past the end
        -5,
        20, // starts before the beginning
        0,
        n_cells,
        7,
        -3, // negative length
        n_cells + 5,
        10, // wholly past the end
        int_min,
        int_max, // ends at -2: nothing
        -50,
        int_max, // start + length overflows int32 in a careless shader
    };
    const std::vector<int32_t> clipped = {5, 0, n_cells - 10, 10, 0, 15, 0, n_cells, 7, 0, 0, 0, 0,
                                          0, 0, n_cells};
    const uint32_t n_tokens = static_cast<uint32_t>(spans.size() / 2);
    const auto q = test::random_floats(n_tokens * h.q_row(), rng);
    const float scale = 0.125f;
    const auto out = gpu_attention(*ctx, q, k, v, spans, h, scale);
    const auto ref = cpu_attention(q, k, v, clipped, h, scale);
    CHECK(test::nmse(out, ref) < k_tolerance);
    for (const uint32_t t : {0u, 4u, 5u, 6u}) { // the empty spans
        for (size_t i = 0; i < h.q_row(); ++i) {
            REQUIRE(out[t * h.q_row() + i] == 0.0f);
        }
    }
}

TEST_CASE("cpu::attention agrees with the reference model's attention loop", "[ops][attention]") {
    std::mt19937 rng(44);
    for (const Heads h : {Heads{6, 2, 64}, Heads{4, 4, 128}, Heads{6, 1, 8}}) {
        const uint32_t n_ctx = 40;
        const size_t kv_dim = h.kv_row();
        // The same cache twice: F16 bits, and floats holding exactly those
        // values, as ReferenceModel's float cache would after rounding.
        const auto k16 = random_halves(n_ctx * kv_dim, rng);
        const auto v16 = random_halves(n_ctx * kv_dim, rng);
        std::vector<float> key_cache(k16.size());
        std::vector<float> value_cache(v16.size());
        std::transform(k16.begin(), k16.end(), key_cache.begin(), cpu::half_to_float);
        std::transform(v16.begin(), v16.end(), value_cache.begin(), cpu::half_to_float);

        for (const uint32_t pos : {0u, 1u, 16u, n_ctx - 1}) {
            const auto q = test::random_floats(h.q_row(), rng, -2.0f, 2.0f);

            // The attention loop of ReferenceModel::forward
            // (engine/model/reference_model.cpp), one layer, copied as is.
            std::vector<float> xb(h.q_row());
            std::vector<float> att_buffer(n_ctx);
            {
                const uint32_t group = h.n_head / h.n_head_kv;
                const double inv_sqrt_head = 1.0 / std::sqrt(static_cast<double>(h.head_dim));
                for (uint32_t hd = 0; hd < h.n_head; ++hd) {
                    const float* qh = q.data() + static_cast<size_t>(hd) * h.head_dim;
                    const size_t kv_offset = static_cast<size_t>(hd / group) * h.head_dim;
                    std::span<float> att(att_buffer.data(), pos + 1);
                    for (uint32_t t = 0; t <= pos; ++t) {
                        const float* kr = key_cache.data() + t * kv_dim + kv_offset;
                        double score = 0.0;
                        for (uint32_t i = 0; i < h.head_dim; ++i) {
                            score += static_cast<double>(qh[i]) * kr[i];
                        }
                        att[t] = static_cast<float>(score * inv_sqrt_head);
                    }
                    cpu::softmax(att);
                    float* out = xb.data() + static_cast<size_t>(hd) * h.head_dim;
                    for (uint32_t i = 0; i < h.head_dim; ++i) {
                        double sum = 0.0;
                        for (uint32_t t = 0; t <= pos; ++t) {
                            const float* vr = value_cache.data() + t * kv_dim + kv_offset;
                            sum += static_cast<double>(att[t]) * vr[i];
                        }
                        out[i] = static_cast<float>(sum);
                    }
                }
            }

            // The same position as one token of a batch: span 0 .. pos, and
            // the float scale the GPU model passes.
            const std::vector<int32_t> spans = {0, static_cast<int32_t>(pos + 1)};
            const float scale = 1.0f / std::sqrt(static_cast<float>(h.head_dim));
            INFO("heads " << h.n_head << "/" << h.n_head_kv << ", head_dim " << h.head_dim
                          << ", pos " << pos);
            // Only the scale differs (float vs double): ~1e-15.
            CHECK(test::nmse(cpu_attention(q, k16, v16, spans, h, scale), xb) < 1e-12);
        }
    }
}

TEST_CASE("cpu::attention rejects spans outside the cache", "[ops][attention]") {
    const Heads h{2, 1, 8};
    const std::vector<float> q(h.q_row());
    const std::vector<uint16_t> cache(4 * h.kv_row());
    std::vector<float> out(q.size());
    for (const std::vector<int32_t>& spans :
         {std::vector<int32_t>{3, 2}, std::vector<int32_t>{-1, 1}, std::vector<int32_t>{0, -1}}) {
        CHECK_THROWS_AS(cpu::attention(q, cache, cache, spans, out, 2, 1, 8, 1.0f),
                        std::out_of_range);
    }
}

TEST_CASE("attention rejects bad arguments", "[ops][attention]") {
    VK_TEST_CONTEXT(ctx);
    auto q = test::device_buffer(*ctx, 2 * 8 * 64 * sizeof(float));
    auto cache = test::device_buffer(*ctx, 10 * 2 * 64 * sizeof(uint16_t));
    auto spans = test::device_buffer(*ctx, 4 * sizeof(int32_t));
    vk::CommandList list(ctx->device);
    auto call = [&](uint32_t n_tokens, uint32_t n_head, uint32_t n_head_kv, uint32_t head_dim) {
        ctx->ops.attention(list, *q, *cache, *cache, *spans, *q, n_tokens, n_head, n_head_kv,
                           head_dim, 0.125f);
    };
    CHECK_THROWS_WITH(call(2, 8, 3, 64),
                      Catch::Contains("attention: n_head (8) must be a multiple of n_head_kv (3)"));
    CHECK_THROWS_WITH(call(2, 8, 0, 64), Catch::Contains("must be a multiple of n_head_kv (0)"));
    CHECK_THROWS_WITH(call(2, 8, 2, 60),
                      Catch::Contains("attention: head_dim 60 not supported (a multiple of 8"));
    CHECK_THROWS_WITH(call(1, 2, 1, 512), Catch::Contains("at most 256"));
    CHECK_THROWS_WITH(call(3, 8, 2, 64),
                      Catch::Contains("attention: query buffer holds fewer than 1536 elements"));
    auto tiny_cache = test::device_buffer(*ctx, 64 * sizeof(uint16_t));
    CHECK_THROWS_WITH(
        ctx->ops.attention(list, *q, *cache, *tiny_cache, *spans, *q, 2, 8, 2, 64, 0.125f),
        Catch::Contains("attention: the caches hold no row of 2 x 64 F16 values"));
    auto one_span = test::device_buffer(*ctx, 2 * sizeof(int32_t));
    CHECK_THROWS_WITH(
        ctx->ops.attention(list, *q, *cache, *cache, *one_span, *q, 2, 8, 2, 64, 0.125f),
        Catch::Contains("attention: spans buffer holds fewer than 4 elements"));
}
