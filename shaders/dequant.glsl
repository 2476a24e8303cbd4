// Weights in their GGUF block layout, decoded inside the shader that reads
// them. Include after the #version line with one WEIGHT_* defined; binds the
// weights at binding 0 and provides
//
//   BLOCK_SIZE   elements per block (a row holds n_cols / BLOCK_SIZE blocks)
//   CHUNK        elements that decode_chunk() produces at once
//   CHUNKS_PER_BLOCK
//   void decode_chunk(uint block, uint part, out float v[CHUNK])
//       elements part * CHUNK .. part * CHUNK + CHUNK - 1 of block `block`
//       (counted from the start of the bound range), in row order.
//
// Blocks are read through 32-bit words where every block starts on a 4-byte
// boundary (F32, Q4_K, Q5_K) and through 16-bit words otherwise (F16, BF16,
// Q8_0: 34 bytes, Q4_0: 18, Q6_K: 210), so that neither 8-bit storage nor a
// read past the end of the bound range is ever needed. The arithmetic follows
// the reference decoders in engine/cpu/quant.cpp and quant_k.cpp.

#extension GL_EXT_shader_16bit_storage : require

#if defined(WEIGHT_F32)

layout(std430, binding = 0) readonly buffer Weights { float w_f32[]; };
#define BLOCK_SIZE 1u
#define CHUNK 1

void decode_chunk(uint block, uint part, out float v[CHUNK]) {
    v[0] = w_f32[block];
}

#elif defined(WEIGHT_F16) || defined(WEIGHT_BF16)

layout(std430, binding = 0) readonly buffer Weights { uint16_t w16[]; };
#define BLOCK_SIZE 1u
#define CHUNK 1

void decode_chunk(uint block, uint part, out float v[CHUNK]) {
#if defined(WEIGHT_F16)
    v[0] = unpackHalf2x16(uint(w16[block])).x;
#else
    v[0] = uintBitsToFloat(uint(w16[block]) << 16);
#endif
}

#elif defined(WEIGHT_Q8_0)

// {f16 d; i8 qs[32]}: 17 16-bit words; y = qs[j] * d.
layout(std430, binding = 0) readonly buffer Weights { uint16_t w16[]; };
#define BLOCK_SIZE 32u
#define CHUNK 16

void decode_chunk(uint block, uint part, out float v[CHUNK]) {
    const uint base = block * 17u;
    const float d = unpackHalf2x16(uint(w16[base])).x;
    const uint at = base + 1u + part * 8u;
    for (uint i = 0u; i < 8u; ++i) {
        const int u = int(uint(w16[at + i]));
        v[2u * i] = float(bitfieldExtract(u, 0, 8)) * d;
        v[2u * i + 1u] = float(bitfieldExtract(u, 8, 8)) * d;
    }
}

#elif defined(WEIGHT_Q4_0)

// {f16 d; u8 qs[16]}: 9 16-bit words; element j < 16 is the low nibble of
// qs[j], element 16 + j the high one; y = (nibble - 8) * d. Part 0 is the
// low nibbles, part 1 the high ones.
layout(std430, binding = 0) readonly buffer Weights { uint16_t w16[]; };
#define BLOCK_SIZE 32u
#define CHUNK 16

void decode_chunk(uint block, uint part, out float v[CHUNK]) {
    const uint base = block * 9u;
    const float d = unpackHalf2x16(uint(w16[base])).x;
    const uint shift = 4u * part;
    for (uint i = 0u; i < 8u; ++i) {
        const uint u = uint(w16[base + 1u + i]);
        v[2u * i] = float(int((u >> shift) & 15u) - 8) * d;
        v[2u * i + 1u] = float(int((u >> (8u + shift)) & 15u) - 8) * d;
    }
}

#elif defined(WEIGHT_Q4_K) || defined(WEIGHT_Q5_K)

// Q4_K {f16 d; f16 dmin; u8 scales[12]; u8 qs[128]}: 36 words.
// Q5_K {f16 d; f16 dmin; u8 scales[12]; u8 qh[32]; u8 qs[128]}: 44 words.
// Sub-block j (32 elements) has scale d * sc_j and offset -dmin * m_j (6-bit,
// packed in scales); the low 4 bits of its element l are a nibble of
// qs[32 * (j / 2) + l] (low for even j), Q5_K's bit 4 is bit j of qh[l].
// A part is half a sub-block.
layout(std430, binding = 0) readonly buffer Weights { uint w32[]; };
#define BLOCK_SIZE 256u
#define CHUNK 16
#if defined(WEIGHT_Q4_K)
#define BLOCK_WORDS 36u
#define QS_WORD 4u
#else
#define BLOCK_WORDS 44u
#define QH_WORD 4u
#define QS_WORD 12u
#endif

uint scale_byte(uint base, uint i) {
    return (w32[base + 1u + i / 4u] >> (8u * (i % 4u))) & 0xffu;
}

void decode_chunk(uint block, uint part, out float v[CHUNK]) {
    const uint base = block * BLOCK_WORDS;
    const vec2 dm = unpackHalf2x16(w32[base]);
    const uint j = part / 2u;
    uint sc;
    uint m;
    if (j < 4u) {
        sc = scale_byte(base, j) & 63u;
        m = scale_byte(base, j + 4u) & 63u;
    } else {
        const uint packed = scale_byte(base, j + 4u);
        sc = (packed & 15u) | ((scale_byte(base, j - 4u) >> 6) << 4);
        m = (packed >> 4) | ((scale_byte(base, j) >> 6) << 4);
    }
    const float scale = dm.x * float(sc);
    const float offset = dm.y * float(m);
    const uint l0 = 16u * (part % 2u);
    const uint q_at = base + QS_WORD + (32u * (j / 2u) + l0) / 4u;
    const uint shift = 4u * (j % 2u);
    for (uint i = 0u; i < 4u; ++i) {
        const uint q = w32[q_at + i];
#if defined(WEIGHT_Q5_K)
        const uint h = w32[base + QH_WORD + l0 / 4u + i];
#endif
        for (uint b = 0u; b < 4u; ++b) {
            uint level = (q >> (8u * b + shift)) & 15u;
#if defined(WEIGHT_Q5_K)
            level |= ((h >> (8u * b + j)) & 1u) << 4;
#endif
            v[4u * i + b] = scale * float(level) - offset;
        }
    }
}

#elif defined(WEIGHT_Q6_K)

// {u8 ql[128]; u8 qh[64]; i8 scales[16]; f16 d}: 105 16-bit words. Element
// e = 128 h + 32 k + l has its low 4 bits in ql[64 h + 32 (k % 2) + l] (low
// nibble for k < 2), its high 2 bits at bit 2k of qh[32 h + l], and the scale
// d * scales[e / 16]; y = scale * (level - 32). A part is one sub-block of 16.
layout(std430, binding = 0) readonly buffer Weights { uint16_t w16[]; };
#define BLOCK_SIZE 256u
#define CHUNK 16

void decode_chunk(uint block, uint part, out float v[CHUNK]) {
    const uint base = block * 105u;
    const float d = unpackHalf2x16(uint(w16[base + 104u])).x;
    const int sc = bitfieldExtract(int(uint(w16[base + 96u + part / 2u])), int(8u * (part % 2u)), 8);
    const float scale = d * float(sc);
    const uint h = part / 8u;
    const uint k = (part % 8u) / 2u;
    const uint l0 = 16u * (part % 2u);
    const uint ql_at = base + (64u * h + 32u * (k % 2u) + l0) / 2u;
    const uint qh_at = base + (128u + 32u * h + l0) / 2u;
    const uint ql_shift = k < 2u ? 0u : 4u;
    const uint qh_shift = 2u * k;
    for (uint i = 0u; i < 8u; ++i) {
        const uint ql = uint(w16[ql_at + i]);
        const uint qh = uint(w16[qh_at + i]);
        for (uint b = 0u; b < 2u; ++b) {
            const uint lo = (ql >> (8u * b + ql_shift)) & 15u;
            const uint hi = (qh >> (8u * b + qh_shift)) & 3u;
            v[2u * i + b] = scale * float(int(lo | (hi << 4)) - 32);
        }
    }
}

#else
#error "define one of WEIGHT_F32, WEIGHT_F16, WEIGHT_BF16, WEIGHT_Q8_0, WEIGHT_Q4_0, WEIGHT_Q4_K, WEIGHT_Q5_K, WEIGHT_Q6_K"
#endif

#define CHUNKS_PER_BLOCK (BLOCK_SIZE / uint(CHUNK))
