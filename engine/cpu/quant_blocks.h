#pragma once
// Internal to engine/cpu: one block of each quantized type, decoded to and
// encoded from floats. Byte offsets inside the blocks are those of the GGUF
// specification (ggml's block_q*_* structs), all little-endian.

#include <cstddef>
#include <cstdint>

namespace clauselens::cpu::detail {

// Elements per block.
inline constexpr size_t k_qk = 32;    // Q8_0, Q4_0
inline constexpr size_t k_qk_k = 256; // Q4_K, Q5_K, Q6_K (super-blocks)

// Bytes per block.
inline constexpr size_t k_q8_0_bytes = 34;  // f16 d; i8 qs[32]
inline constexpr size_t k_q4_0_bytes = 18;  // f16 d; u8 qs[16]
inline constexpr size_t k_q4_k_bytes = 144; // f16 d; f16 dmin; u8 scales[12]; u8 qs[128]
inline constexpr size_t k_q5_k_bytes = 176; // ... scales[12]; u8 qh[32]; u8 qs[128]
inline constexpr size_t k_q6_k_bytes = 210; // u8 ql[128]; u8 qh[64]; i8 scales[16]; f16 d

inline uint16_t load_u16(const uint8_t* p) {
    return static_cast<uint16_t>(p[0] | (p[1] << 8));
}

inline void store_u16(uint8_t* p, uint16_t v) {
    p[0] = static_cast<uint8_t>(v & 0xffu);
    p[1] = static_cast<uint8_t>(v >> 8);
}

// Scale and min j (0..7) of a Q4_K/Q5_K block from its 12 packed bytes:
// j < 4: low 6 bits of bytes j and j + 4; j >= 4: a nibble of byte j + 4
// (scale low, min high) with the top two bits of bytes j - 4 and j.
inline void k4_scale_min(size_t j, const uint8_t* packed, uint8_t& scale, uint8_t& min) {
    if (j < 4) {
        scale = packed[j] & 63u;
        min = packed[j + 4] & 63u;
    } else {
        scale = static_cast<uint8_t>((packed[j + 4] & 0xfu) | ((packed[j - 4] >> 6) << 4));
        min = static_cast<uint8_t>((packed[j + 4] >> 4) | ((packed[j] >> 6) << 4));
    }
}

void dequantize_q8_0(const uint8_t* block, float* y);
void dequantize_q4_0(const uint8_t* block, float* y);
void dequantize_q4_k(const uint8_t* block, float* y);
void dequantize_q5_k(const uint8_t* block, float* y);
void dequantize_q6_k(const uint8_t* block, float* y);

void quantize_q8_0(const float* x, uint8_t* block);
void quantize_q4_0(const float* x, uint8_t* block);
void quantize_q4_k(const float* x, uint8_t* block);
void quantize_q5_k(const float* x, uint8_t* block);
void quantize_q6_k(const float* x, uint8_t* block);

// Scale s for x[0..n) ~ s * q with integers q in [qmin, qmax] (qmin < 0 <
// qmax), chosen among a few candidates by least squares; 0 for an all-zero x.
float fit_scale(const float* x, size_t n, int qmin, int qmax);

// Rounds to nearest, ties away from zero, and clamps to [lo, hi].
int round_clamp(float v, int lo, int hi);

// A finite F16 for a non-negative scale: values beyond F16's range saturate.
uint16_t scale_to_half(float v);

} // namespace clauselens::cpu::detail
