#include "cpu/quant.h"

#include "cpu/half.h"
#include "cpu/quant_blocks.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>
#include <string>

namespace clauselens::cpu {

using gguf::TensorType;

namespace detail {

int round_clamp(float v, int lo, int hi) {
    if (!(v > static_cast<float>(lo))) { // also catches NaN
        return lo;
    }
    if (v > static_cast<float>(hi)) {
        return hi;
    }
    return static_cast<int>(std::lround(v));
}

uint16_t scale_to_half(float v) {
    constexpr float k_max_half = 65504.0f;
    return float_to_half(std::min(v, k_max_half));
}

float fit_scale(const float* x, size_t n, int qmin, int qmax) {
    // The value of largest magnitude decides the candidates: it is mapped to
    // (near) either end of the range, and the scale is then refitted by least
    // squares for the levels that rounding gave.
    float vmax = 0.0f;
    for (size_t i = 0; i < n; ++i) {
        if (std::fabs(x[i]) > std::fabs(vmax)) {
            vmax = x[i];
        }
    }
    if (vmax == 0.0f) {
        return 0.0f;
    }
    float best_scale = vmax / static_cast<float>(qmin);
    double best_err = INFINITY;
    for (int end = 0; end < 2; ++end) {
        const float level = static_cast<float>(end == 0 ? qmin : qmax);
        const float toward_zero = level < 0 ? 0.5f : -0.5f;
        for (int step = 0; step < 8; ++step) {
            const float scale = vmax / (level + toward_zero * static_cast<float>(step) * 0.25f);
            double sum_qx = 0.0;
            double sum_qq = 0.0;
            for (size_t i = 0; i < n; ++i) {
                const int q = round_clamp(x[i] / scale, qmin, qmax);
                sum_qx += static_cast<double>(q) * x[i];
                sum_qq += static_cast<double>(q) * q;
            }
            if (sum_qq == 0.0) {
                continue;
            }
            const float fitted = static_cast<float>(sum_qx / sum_qq);
            double err = 0.0;
            for (size_t i = 0; i < n; ++i) {
                const int q = round_clamp(x[i] / fitted, qmin, qmax);
                const double d = static_cast<double>(fitted) * q - x[i];
                err += d * d;
            }
            if (err < best_err) {
                best_err = err;
                best_scale = fitted;
            }
        }
    }
    return best_scale;
}

// Q8_0: y = qs[j] * d.
void dequantize_q8_0(const uint8_t* block, float* y) {
    const float d = half_to_float(load_u16(block));
    const uint8_t* qs = block + 2;
    for (size_t j = 0; j < k_qk; ++j) {
        y[j] = static_cast<float>(static_cast<int8_t>(qs[j])) * d;
    }
}

void quantize_q8_0(const float* x, uint8_t* block) {
    float amax = 0.0f;
    for (size_t j = 0; j < k_qk; ++j) {
        amax = std::max(amax, std::fabs(x[j]));
    }
    const uint16_t dh = scale_to_half(amax / 127.0f);
    const float d = half_to_float(dh);
    store_u16(block, dh);
    for (size_t j = 0; j < k_qk; ++j) {
        const int q = d > 0.0f ? round_clamp(x[j] / d, -127, 127) : 0;
        block[2 + j] = static_cast<uint8_t>(static_cast<int8_t>(q));
    }
}

// Q4_0: element j < 16 is the low nibble of qs[j], element j + 16 its high
// nibble; y = (nibble - 8) * d.
void dequantize_q4_0(const uint8_t* block, float* y) {
    const float d = half_to_float(load_u16(block));
    const uint8_t* qs = block + 2;
    for (size_t j = 0; j < k_qk / 2; ++j) {
        const int lo = (qs[j] & 0xf) - 8;
        const int hi = (qs[j] >> 4) - 8;
        y[j] = static_cast<float>(lo) * d;
        y[j + k_qk / 2] = static_cast<float>(hi) * d;
    }
}

void quantize_q4_0(const float* x, uint8_t* block) {
    const uint16_t dh = float_to_half(fit_scale(x, k_qk, -8, 7));
    const float d = half_to_float(dh);
    store_u16(block, dh);
    for (size_t j = 0; j < k_qk / 2; ++j) {
        const int lo = d != 0.0f ? round_clamp(x[j] / d, -8, 7) + 8 : 8;
        const int hi = d != 0.0f ? round_clamp(x[j + k_qk / 2] / d, -8, 7) + 8 : 8;
        block[2 + j] = static_cast<uint8_t>(lo | (hi << 4));
    }
}

} // namespace detail

namespace {

using namespace detail;

struct TypeFacts {
    size_t block_size;
    size_t block_bytes;
};

TypeFacts facts(TensorType type) {
    switch (type) {
    case TensorType::f32:
        return {1, 4};
    case TensorType::f16:
    case TensorType::bf16:
        return {1, 2};
    case TensorType::q8_0:
        return {k_qk, k_q8_0_bytes};
    case TensorType::q4_0:
        return {k_qk, k_q4_0_bytes};
    case TensorType::q4_k:
        return {k_qk_k, k_q4_k_bytes};
    case TensorType::q5_k:
        return {k_qk_k, k_q5_k_bytes};
    case TensorType::q6_k:
        return {k_qk_k, k_q6_k_bytes};
    default:
        break;
    }
    std::string message = "weight type ";
    message += gguf::tensor_type_name(type);
    message += " is not supported for computation (supported: F32, F16, BF16, Q8_0, Q4_0, "
               "Q4_K, Q5_K, Q6_K)";
    throw std::invalid_argument(message);
}

// Checks n against the block size and returns the number of blocks.
size_t block_count(TensorType type, size_t n, const char* op) {
    const TypeFacts f = facts(type);
    if (n % f.block_size != 0) {
        std::string message = op;
        message += ": ";
        message += std::to_string(n);
        message += " elements are not a whole number of ";
        message += gguf::tensor_type_name(type);
        message += " blocks of ";
        message += std::to_string(f.block_size);
        throw std::invalid_argument(message);
    }
    return n / f.block_size;
}

void require_bytes(TensorType type, size_t have, size_t n, const char* op) {
    const size_t want = row_bytes(type, n);
    if (have != want) {
        std::string message = op;
        message += ": ";
        message += std::to_string(n);
        message += " elements of ";
        message += gguf::tensor_type_name(type);
        message += " take ";
        message += std::to_string(want);
        message += " bytes, not ";
        message += std::to_string(have);
        throw std::invalid_argument(message);
    }
}

const uint8_t* bytes(std::span<const std::byte> s) {
    return reinterpret_cast<const uint8_t*>(s.data());
}

uint8_t* bytes(std::span<std::byte> s) {
    return reinterpret_cast<uint8_t*>(s.data());
}

using DequantizeBlock = void (*)(const uint8_t*, float*);
using QuantizeBlock = void (*)(const float*, uint8_t*);

DequantizeBlock block_dequantizer(TensorType type) {
    switch (type) {
    case TensorType::q8_0:
        return dequantize_q8_0;
    case TensorType::q4_0:
        return dequantize_q4_0;
    case TensorType::q4_k:
        return dequantize_q4_k;
    case TensorType::q5_k:
        return dequantize_q5_k;
    case TensorType::q6_k:
        return dequantize_q6_k;
    default:
        return nullptr;
    }
}

QuantizeBlock block_quantizer(TensorType type) {
    switch (type) {
    case TensorType::q8_0:
        return quantize_q8_0;
    case TensorType::q4_0:
        return quantize_q4_0;
    case TensorType::q4_k:
        return quantize_q4_k;
    case TensorType::q5_k:
        return quantize_q5_k;
    case TensorType::q6_k:
        return quantize_q6_k;
    default:
        return nullptr;
    }
}

// Element i of a row of a non-block type.
float load_element(TensorType type, const uint8_t* p, size_t i) {
    switch (type) {
    case TensorType::f32: {
        const uint8_t* e = p + 4 * i;
        const uint32_t bits = static_cast<uint32_t>(e[0]) | (static_cast<uint32_t>(e[1]) << 8) |
                              (static_cast<uint32_t>(e[2]) << 16) |
                              (static_cast<uint32_t>(e[3]) << 24);
        return std::bit_cast<float>(bits);
    }
    case TensorType::f16:
        return half_to_float(load_u16(p + 2 * i));
    default: // bf16
        return bf16_to_float(load_u16(p + 2 * i));
    }
}

} // namespace

float bf16_to_float(uint16_t h) {
    return std::bit_cast<float>(static_cast<uint32_t>(h) << 16);
}

uint16_t float_to_bf16(float f) {
    const uint32_t bits = std::bit_cast<uint32_t>(f);
    if ((bits & 0x7fffffffu) > 0x7f800000u) { // NaN: keep sign and top payload, make it quiet
        return static_cast<uint16_t>((bits >> 16) | 0x40u);
    }
    const uint32_t odd = (bits >> 16) & 1u; // round to nearest, ties to even
    return static_cast<uint16_t>((bits + 0x7fffu + odd) >> 16);
}

bool is_compute_type(TensorType type) {
    switch (type) {
    case TensorType::f32:
    case TensorType::f16:
    case TensorType::bf16:
    case TensorType::q8_0:
    case TensorType::q4_0:
    case TensorType::q4_k:
    case TensorType::q5_k:
    case TensorType::q6_k:
        return true;
    default:
        return false;
    }
}

size_t block_size(TensorType type) {
    return facts(type).block_size;
}

size_t row_bytes(TensorType type, size_t n) {
    return block_count(type, n, "row_bytes") * facts(type).block_bytes;
}

void dequantize(TensorType type, std::span<const std::byte> src, std::span<float> dst) {
    require_bytes(type, src.size(), dst.size(), "dequantize");
    const uint8_t* p = bytes(src);
    if (const DequantizeBlock decode = block_dequantizer(type)) {
        const TypeFacts f = facts(type);
        for (size_t b = 0; b < dst.size() / f.block_size; ++b) {
            decode(p + b * f.block_bytes, dst.data() + b * f.block_size);
        }
        return;
    }
    for (size_t i = 0; i < dst.size(); ++i) {
        dst[i] = load_element(type, p, i);
    }
}

void quantize(TensorType type, std::span<const float> src, std::span<std::byte> dst) {
    require_bytes(type, dst.size(), src.size(), "quantize");
    uint8_t* p = bytes(dst);
    if (const QuantizeBlock encode = block_quantizer(type)) {
        const TypeFacts f = facts(type);
        for (size_t b = 0; b < src.size() / f.block_size; ++b) {
            encode(src.data() + b * f.block_size, p + b * f.block_bytes);
        }
        return;
    }
    for (size_t i = 0; i < src.size(); ++i) {
        switch (type) {
        case TensorType::f32: {
            const uint32_t bits = std::bit_cast<uint32_t>(src[i]);
            store_u16(p + 4 * i, static_cast<uint16_t>(bits & 0xffffu));
            store_u16(p + 4 * i + 2, static_cast<uint16_t>(bits >> 16));
            break;
        }
        case TensorType::f16:
            store_u16(p + 2 * i, float_to_half(src[i]));
            break;
        default: // bf16
            store_u16(p + 2 * i, float_to_bf16(src[i]));
            break;
        }
    }
}

double dot(TensorType type, std::span<const std::byte> row, std::span<const float> x) {
    require_bytes(type, row.size(), x.size(), "dot");
    const uint8_t* p = bytes(row);
    double sum = 0.0;
    if (const DequantizeBlock decode = block_dequantizer(type)) {
        const TypeFacts f = facts(type);
        float values[k_qk_k];
        for (size_t b = 0; b < x.size() / f.block_size; ++b) {
            decode(p + b * f.block_bytes, values);
            for (size_t j = 0; j < f.block_size; ++j) {
                sum += static_cast<double>(values[j]) * x[b * f.block_size + j];
            }
        }
        return sum;
    }
    for (size_t i = 0; i < x.size(); ++i) {
        sum += static_cast<double>(load_element(type, p, i)) * x[i];
    }
    return sum;
}

} // namespace clauselens::cpu
