#pragma once
// Weight types the engine computes with, on the CPU: dequantization (the
// reference for every GPU kernel) and quantization (for the quantizer and the
// test-model maker). Block layouts are exactly those of the GGUF
// specification, so that every downloaded GGUF file reads the same here as in
// other runtimes.

#include "gguf/gguf_types.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace clauselens::cpu {

// F32, F16, BF16, Q8_0, Q4_0, Q4_K, Q5_K, Q6_K.
bool is_compute_type(gguf::TensorType type);

// Elements per block: 1 for F32/F16/BF16, 32 for Q8_0/Q4_0, 256 for the
// K-quants. Throws std::invalid_argument for a type that is not a compute type.
size_t block_size(gguf::TensorType type);

// Bytes that `n` elements of `type` take (n a multiple of the block size).
size_t row_bytes(gguf::TensorType type, size_t n);

// Converts dst.size() elements stored as `type` in `src` (starting at a block
// boundary) to float. src must hold exactly row_bytes(type, dst.size()) bytes.
// Throws std::invalid_argument for a type that is not a compute type, or for a
// size that is not a whole number of blocks.
void dequantize(gguf::TensorType type, std::span<const std::byte> src, std::span<float> dst);

// The inverse: stores src as `type` into dst (row_bytes(type, src.size())
// bytes), with the rounding and scale choice that keeps the error small.
void quantize(gguf::TensorType type, std::span<const float> src, std::span<std::byte> dst);

inline std::vector<std::byte> quantize(gguf::TensorType type, std::span<const float> src) {
    std::vector<std::byte> out(row_bytes(type, src.size()));
    quantize(type, src, out);
    return out;
}

// sum_i dequantize(row)[i] * x[i] over x.size() elements, accumulated in
// double: the reference dot product of the CPU model's matrix products.
double dot(gguf::TensorType type, std::span<const std::byte> row, std::span<const float> x);

// BF16 is the upper half of an F32: exact to float; from float rounded to
// nearest-even, NaN kept a (quiet) NaN with its sign.
float bf16_to_float(uint16_t h);
uint16_t float_to_bf16(float f);

} // namespace clauselens::cpu
