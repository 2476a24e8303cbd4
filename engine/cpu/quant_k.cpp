// The K-quants: super-blocks of 256 elements with quantized sub-block scales.
#include "cpu/half.h"
#include "cpu/quant_blocks.h"

#include <algorithm>
#include <cmath>

namespace clauselens::cpu::detail {

namespace {

constexpr size_t k_sub = 32; // Q4_K/Q5_K sub-block: one 6-bit scale and min each

// Offsets inside the blocks.
constexpr size_t k_q4_k_scales = 4;
constexpr size_t k_q4_k_qs = 16;
constexpr size_t k_q5_k_scales = 4;
constexpr size_t k_q5_k_qh = 16;
constexpr size_t k_q5_k_qs = 48;
constexpr size_t k_q6_k_ql = 0;
constexpr size_t k_q6_k_qh = 128;
constexpr size_t k_q6_k_scales = 192;
constexpr size_t k_q6_k_d = 208;

// x ~ scale * q - min with q in [0, nmax], scale >= 0 and min >= 0 (the
// formats store both unsigned, so a sub-block's offset is never positive).
struct Affine {
    float scale = 0.0f;
    float min = 0.0f;
};

Affine fit_affine(const float* x, size_t n, int nmax) {
    float lo = 0.0f;
    float hi = x[0];
    for (size_t i = 0; i < n; ++i) {
        lo = std::min(lo, x[i]);
        hi = std::max(hi, x[i]);
    }
    const float span = hi - lo;
    if (!(span > 0.0f)) { // every value equals lo <= 0: exact with scale 0
        return {0.0f, -lo};
    }
    Affine best{span / static_cast<float>(nmax), -lo};
    double best_err = INFINITY;
    // Candidate steps around the one that spans [lo, hi] exactly; for each the
    // levels are fixed by rounding and (scale, offset) refitted by least squares.
    for (int step = -6; step <= 6; ++step) {
        const float iscale = (static_cast<float>(nmax) + 0.15f * static_cast<float>(step)) / span;
        double sq = 0.0, sqq = 0.0, sx = 0.0, sqx = 0.0;
        for (size_t i = 0; i < n; ++i) {
            const double q = round_clamp((x[i] - lo) * iscale, 0, nmax);
            sq += q;
            sqq += q * q;
            sx += x[i];
            sqx += q * x[i];
        }
        const double count = static_cast<double>(n);
        const double det = count * sqq - sq * sq;
        if (!(det > 0.0)) {
            continue;
        }
        double a = (count * sqx - sq * sx) / det;
        double b = (sqq * sx - sq * sqx) / det;
        if (b > 0.0) { // offset must not be positive: fit the scale alone
            b = 0.0;
            a = sqx / sqq;
        }
        if (!(a > 0.0)) {
            continue;
        }
        double err = 0.0;
        for (size_t i = 0; i < n; ++i) {
            const int q = round_clamp(static_cast<float>((x[i] - b) / a), 0, nmax);
            const double d = a * q + b - x[i];
            err += d * d;
        }
        if (err < best_err) {
            best_err = err;
            best = {static_cast<float>(a), static_cast<float>(-b)};
        }
    }
    return best;
}

// Quantizes 8 sub-blocks of 32 to levels in [0, nmax] with 6-bit scales and
// mins under the block's F16 d and dmin; writes d, dmin and the 12 packed
// scale bytes at block[0..16) and the levels to `levels`.
void quantize_k_affine(const float* x, int nmax, uint8_t* block, uint8_t* levels) {
    Affine fits[8];
    float max_scale = 0.0f;
    float max_min = 0.0f;
    for (size_t j = 0; j < 8; ++j) {
        fits[j] = fit_affine(x + j * k_sub, k_sub, nmax);
        max_scale = std::max(max_scale, fits[j].scale);
        max_min = std::max(max_min, fits[j].min);
    }
    const uint16_t dh = scale_to_half(max_scale / 63.0f);
    const uint16_t dminh = scale_to_half(max_min / 63.0f);
    const float d = half_to_float(dh);
    const float dmin = half_to_float(dminh);
    store_u16(block, dh);
    store_u16(block + 2, dminh);

    uint8_t sc[8];
    uint8_t mn[8];
    for (size_t j = 0; j < 8; ++j) {
        sc[j] = static_cast<uint8_t>(d > 0.0f ? round_clamp(fits[j].scale / d, 0, 63) : 0);
        mn[j] = static_cast<uint8_t>(dmin > 0.0f ? round_clamp(fits[j].min / dmin, 0, 63) : 0);
    }
    uint8_t* packed = block + 4;
    for (size_t j = 0; j < 4; ++j) {
        packed[j] = static_cast<uint8_t>(sc[j] | ((sc[j + 4] >> 4) << 6));
        packed[j + 4] = static_cast<uint8_t>(mn[j] | ((mn[j + 4] >> 4) << 6));
        packed[j + 8] = static_cast<uint8_t>((sc[j + 4] & 0xfu) | ((mn[j + 4] & 0xfu) << 4));
    }
    // Levels for the scales as the decoder will see them.
    for (size_t j = 0; j < 8; ++j) {
        const float scale = d * static_cast<float>(sc[j]);
        const float min = dmin * static_cast<float>(mn[j]);
        for (size_t l = 0; l < k_sub; ++l) {
            const float v = x[j * k_sub + l] + min;
            levels[j * k_sub + l] =
                static_cast<uint8_t>(scale > 0.0f ? round_clamp(v / scale, 0, nmax) : 0);
        }
    }
}

} // namespace

// Q4_K: sub-block j (elements 32j..32j+31) has scale d * sc_j and offset
// -dmin * m_j; its 4-bit levels are in qs[32 * (j / 2) + l], low nibbles for
// even j and high nibbles for odd j.
void dequantize_q4_k(const uint8_t* block, float* y) {
    const float d = half_to_float(load_u16(block));
    const float dmin = half_to_float(load_u16(block + 2));
    const uint8_t* packed = block + k_q4_k_scales;
    const uint8_t* qs = block + k_q4_k_qs;
    for (size_t j = 0; j < 8; ++j) {
        uint8_t sc = 0;
        uint8_t m = 0;
        k4_scale_min(j, packed, sc, m);
        const float scale = d * static_cast<float>(sc);
        const float min = dmin * static_cast<float>(m);
        const uint8_t* q = qs + 32 * (j / 2);
        const unsigned shift = (j % 2) * 4;
        for (size_t l = 0; l < k_sub; ++l) {
            y[j * k_sub + l] = scale * static_cast<float>((q[l] >> shift) & 0xfu) - min;
        }
    }
}

void quantize_q4_k(const float* x, uint8_t* block) {
    uint8_t levels[k_qk_k];
    quantize_k_affine(x, 15, block, levels);
    uint8_t* qs = block + k_q4_k_qs;
    for (size_t g = 0; g < 4; ++g) {
        for (size_t l = 0; l < 32; ++l) {
            qs[32 * g + l] =
                static_cast<uint8_t>(levels[64 * g + l] | (levels[64 * g + 32 + l] << 4));
        }
    }
}

// Q5_K: as Q4_K for the low 4 bits of each level (in qs); bit 4 of element l
// of sub-block j is bit j of qh[l].
void dequantize_q5_k(const uint8_t* block, float* y) {
    const float d = half_to_float(load_u16(block));
    const float dmin = half_to_float(load_u16(block + 2));
    const uint8_t* packed = block + k_q5_k_scales;
    const uint8_t* qh = block + k_q5_k_qh;
    const uint8_t* qs = block + k_q5_k_qs;
    for (size_t j = 0; j < 8; ++j) {
        uint8_t sc = 0;
        uint8_t m = 0;
        k4_scale_min(j, packed, sc, m);
        const float scale = d * static_cast<float>(sc);
        const float min = dmin * static_cast<float>(m);
        const uint8_t* q = qs + 32 * (j / 2);
        const unsigned shift = (j % 2) * 4;
        for (size_t l = 0; l < k_sub; ++l) {
            const unsigned level = ((q[l] >> shift) & 0xfu) | (((qh[l] >> j) & 1u) << 4);
            y[j * k_sub + l] = scale * static_cast<float>(level) - min;
        }
    }
}

void quantize_q5_k(const float* x, uint8_t* block) {
    uint8_t levels[k_qk_k];
    quantize_k_affine(x, 31, block, levels);
    uint8_t* qh = block + k_q5_k_qh;
    uint8_t* qs = block + k_q5_k_qs;
    std::fill(qh, qh + 32, uint8_t{0});
    for (size_t g = 0; g < 4; ++g) {
        for (size_t l = 0; l < 32; ++l) {
            const uint8_t lo = levels[64 * g + l];
            const uint8_t hi = levels[64 * g + 32 + l];
            qs[32 * g + l] = static_cast<uint8_t>((lo & 0xfu) | ((hi & 0xfu) << 4));
            qh[l] =
                static_cast<uint8_t>(qh[l] | ((lo >> 4) << (2 * g)) | ((hi >> 4) << (2 * g + 1)));
        }
    }
}

// Q6_K: 16 sub-blocks of 16 with signed 8-bit scales under d; levels are 6
// bits, stored minus 32. Element e = 128 h + 32 k + l (h < 2, k < 4, l < 32)
// has its low 4 bits in ql[64 h + 32 (k % 2) + l] (low nibble for k < 2, high
// for k >= 2) and its high 2 bits at bit 2k of qh[32 h + l]; its scale is
// scales[e / 16].
void dequantize_q6_k(const uint8_t* block, float* y) {
    const float d = half_to_float(load_u16(block + k_q6_k_d));
    const uint8_t* ql = block + k_q6_k_ql;
    const uint8_t* qh = block + k_q6_k_qh;
    const uint8_t* scales = block + k_q6_k_scales;
    for (size_t e = 0; e < k_qk_k; ++e) {
        const size_t h = e / 128;
        const size_t k = (e % 128) / 32;
        const size_t l = e % 32;
        const unsigned low = (ql[64 * h + 32 * (k % 2) + l] >> (k < 2 ? 0 : 4)) & 0xfu;
        const unsigned high = (qh[32 * h + l] >> (2 * k)) & 3u;
        const int level = static_cast<int>(low | (high << 4)) - 32;
        const float scale = d * static_cast<float>(static_cast<int8_t>(scales[e / 16]));
        y[e] = scale * static_cast<float>(level);
    }
}

void quantize_q6_k(const float* x, uint8_t* block) {
    float fits[16];
    float max_scale = 0.0f;
    for (size_t j = 0; j < 16; ++j) {
        fits[j] = fit_scale(x + 16 * j, 16, -32, 31);
        max_scale = std::max(max_scale, std::fabs(fits[j]));
    }
    const uint16_t dh = scale_to_half(max_scale / 127.0f);
    const float d = half_to_float(dh);
    store_u16(block + k_q6_k_d, dh);
    uint8_t* ql = block + k_q6_k_ql;
    uint8_t* qh = block + k_q6_k_qh;
    int8_t sc[16];
    for (size_t j = 0; j < 16; ++j) {
        sc[j] = static_cast<int8_t>(d > 0.0f ? round_clamp(fits[j] / d, -127, 127) : 0);
        block[k_q6_k_scales + j] = static_cast<uint8_t>(sc[j]);
    }
    std::fill(ql, ql + 128, uint8_t{0});
    std::fill(qh, qh + 64, uint8_t{0});
    for (size_t e = 0; e < k_qk_k; ++e) {
        const float scale = d * static_cast<float>(sc[e / 16]);
        const int q = scale != 0.0f ? round_clamp(x[e] / scale, -32, 31) : 0;
        const unsigned level = static_cast<unsigned>(q + 32);
        const size_t h = e / 128;
        const size_t k = (e % 128) / 32;
        const size_t l = e % 32;
        ql[64 * h + 32 * (k % 2) + l] |= static_cast<uint8_t>((level & 0xfu) << (k < 2 ? 0 : 4));
        qh[32 * h + l] |= static_cast<uint8_t>((level >> 4) << (2 * k));
    }
}

} // namespace clauselens::cpu::detail
