#pragma once
// Weight matrices of every compute type for the matrix-product tests, and
// their CPU reference products. The GPU gets exactly the bytes the reference
// reads, so the tolerance only has to cover float accumulation order.

#include "cpu/half.h"
#include "cpu/quant.h"

#include <cstring>
#include <random>
#include <vector>

namespace clauselens::test {

inline constexpr gguf::TensorType k_weight_types[] = {
    gguf::TensorType::f32,  gguf::TensorType::f16,  gguf::TensorType::bf16, gguf::TensorType::q8_0,
    gguf::TensorType::q4_0, gguf::TensorType::q4_k, gguf::TensorType::q5_k, gguf::TensorType::q6_k};

// NMSE allowed between a GPU product and cpu::dot on the same bytes: the GPU
// sums in F32 in another order (and may fuse multiply-adds) than the double
// reference. Measured on lavapipe at these shapes: at most 1e-13, except
// 1.1e-12 for Q6_K blocks of random bytes (large levels that cancel).
inline double product_tolerance(gguf::TensorType type) {
    switch (type) {
    case gguf::TensorType::f32:
    case gguf::TensorType::f16:
    case gguf::TensorType::bf16:
        return 1e-11;
    default: // block types: a few more roundings per element (scale * level - min)
        return 1e-10;
    }
}

// Floats quantized on the CPU; the amplitude varies every 32 elements so that
// the sub-block scales and mins of the K-quants take many different values.
inline std::vector<std::byte> random_quantized(gguf::TensorType type, size_t n, std::mt19937& rng) {
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    std::uniform_real_distribution<float> amplitude(0.05f, 2.0f);
    std::uniform_real_distribution<float> shift(-0.5f, 0.5f);
    std::vector<float> w(n);
    float a = 1.0f;
    float b = 0.0f;
    for (size_t i = 0; i < n; ++i) {
        if (i % 32 == 0) {
            a = amplitude(rng);
            b = shift(rng);
        }
        w[i] = a * gauss(rng) + b;
    }
    return cpu::quantize(type, w);
}

// A random finite F16 of magnitude 2^-10 .. 2^2, either sign.
inline uint16_t random_half_scale(std::mt19937& rng) {
    std::uniform_int_distribution<int> exponent(5, 17); // biased: 2^-10 .. 2^2
    std::uniform_int_distribution<int> mantissa(0, 1023);
    std::uniform_int_distribution<int> sign(0, 1);
    return static_cast<uint16_t>((sign(rng) << 15) | (exponent(rng) << 10) | mantissa(rng));
}

// Random bytes in valid blocks: every level, scale and nibble pattern is
// possible, while the F16 scale fields (and F16/BF16/F32 elements) are finite.
inline std::vector<std::byte> random_blocks(gguf::TensorType type, size_t n, std::mt19937& rng) {
    std::vector<std::byte> bytes(cpu::row_bytes(type, n));
    std::uniform_int_distribution<int> byte(0, 255);
    for (std::byte& b : bytes) {
        b = static_cast<std::byte>(byte(rng));
    }
    auto put_half = [&](size_t at, uint16_t h) {
        std::memcpy(bytes.data() + at, &h, 2);
    };
    std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    switch (type) {
    case gguf::TensorType::f32:
        for (size_t i = 0; i < n; ++i) {
            const float f = uniform(rng);
            std::memcpy(bytes.data() + 4 * i, &f, 4);
        }
        break;
    case gguf::TensorType::f16:
    case gguf::TensorType::bf16:
        for (size_t i = 0; i < n; ++i) {
            const float f = uniform(rng);
            put_half(2 * i,
                     type == gguf::TensorType::f16 ? cpu::float_to_half(f) : cpu::float_to_bf16(f));
        }
        break;
    case gguf::TensorType::q8_0:
    case gguf::TensorType::q4_0: {
        const size_t stride = type == gguf::TensorType::q8_0 ? 34 : 18;
        for (size_t at = 0; at < bytes.size(); at += stride) {
            put_half(at, random_half_scale(rng));
        }
        break;
    }
    case gguf::TensorType::q4_k:
    case gguf::TensorType::q5_k: {
        const size_t stride = type == gguf::TensorType::q4_k ? 144 : 176;
        for (size_t at = 0; at < bytes.size(); at += stride) {
            put_half(at, random_half_scale(rng));
            put_half(at + 2, random_half_scale(rng));
        }
        break;
    }
    default: // q6_k: d is last
        for (size_t at = 0; at < bytes.size(); at += 210) {
            put_half(at + 208, random_half_scale(rng));
        }
        break;
    }
    return bytes;
}

// y[t][r] = cpu::dot(row r of w, x[t]) for n_tokens vectors.
inline std::vector<float> reference_product(gguf::TensorType type, std::span<const std::byte> w,
                                            std::span<const float> x, uint32_t n_rows,
                                            uint32_t n_cols, uint32_t n_tokens = 1) {
    const size_t row_bytes = cpu::row_bytes(type, n_cols);
    std::vector<float> y(size_t{n_rows} * n_tokens);
    for (uint32_t t = 0; t < n_tokens; ++t) {
        for (uint32_t r = 0; r < n_rows; ++r) {
            y[size_t{t} * n_rows + r] = static_cast<float>(cpu::dot(
                type, w.subspan(r * row_bytes, row_bytes), x.subspan(size_t{t} * n_cols, n_cols)));
        }
    }
    return y;
}

} // namespace clauselens::test
