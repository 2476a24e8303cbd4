#version 450
// cache[cells[t]][c] = f16(x[t][c]): stores n_tokens rows of row_size floats
// into an F16 cache (keys or values), one invocation per element.
//
// The conversion is done in integer arithmetic, bit for bit the same as
// cpu::float_to_half (round to nearest even, subnormals, overflow to infinity,
// NaN to a quiet NaN): Vulkan leaves the rounding of a float-to-half
// conversion to the driver, and the cache must hold the same bits on every
// device. x is read as raw bits so that no driver flushes float subnormals.
//
// Rows whose cell lies outside the cache are skipped: the shader cannot report
// an error, and must never write outside the bound range.

#extension GL_EXT_shader_16bit_storage : require

#include "common.glsl"

layout(constant_id = 0) const uint WORKGROUP = 256;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer X { uint x_bits[]; };
layout(std430, binding = 1) writeonly buffer Cache { uint16_t cache[]; };
layout(std430, binding = 2) readonly buffer Cells { int cells[]; };

layout(push_constant) uniform Push {
    uint n_tokens;
    uint row_size;
    uint n_cells; // rows the bound cache range holds
} p;

uint float_to_half(uint bits) {
    const uint sign = (bits >> 16) & 0x8000u;
    const uint a = bits & 0x7fffffffu;
    if (a >= 0x7f800000u) { // infinity or NaN (NaN becomes a quiet NaN)
        return sign | (a > 0x7f800000u ? 0x7e00u : 0x7c00u);
    }
    if (a >= 0x477ff000u) { // rounds to >= 65520: overflow to infinity
        return sign | 0x7c00u;
    }
    if (a < 0x38800000u) { // below the smallest normal half: subnormal or zero
        const uint e = a >> 23;
        if (e < 102u) { // below 2^-25, half the smallest subnormal: zero
            return sign;
        }
        // The value is m * 2^(e - 150); in units of the smallest subnormal
        // (2^-24) it is m >> (126 - e), rounded to nearest even. A carry out
        // of the mantissa gives the smallest normal's bits, as it should.
        const uint m = (a & 0x7fffffu) | 0x800000u;
        const uint shift = 126u - e; // 14 .. 24
        uint q = m >> shift;
        const uint rest = m & ((1u << shift) - 1u);
        const uint halfway = 1u << (shift - 1u);
        if (rest > halfway || (rest == halfway && (q & 1u) != 0u)) {
            q += 1u;
        }
        return sign | q;
    }
    // Normal: rebias the exponent, round the mantissa from 23 to 10 bits to
    // nearest even (a carry into the exponent is the correct result).
    const uint odd = (a >> 13) & 1u;
    return sign | ((a + 0xfffu + odd - (112u << 23)) >> 13);
}

void main() {
    const uint i = linear_workgroup() * WORKGROUP + gl_LocalInvocationID.x;
    if (i >= p.n_tokens * p.row_size) {
        return;
    }
    const uint t = i / p.row_size;
    const uint c = i - t * p.row_size;
    const int cell = cells[t];
    if (cell < 0 || uint(cell) >= p.n_cells) {
        return;
    }
    cache[uint(cell) * p.row_size + c] = uint16_t(float_to_half(x_bits[i]));
}
