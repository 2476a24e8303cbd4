#include "cpu/half.h"

#include <bit>
#include <cmath>

namespace clauselens::cpu {

float half_to_float(uint16_t h) {
    const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
    const uint32_t exponent = (h >> 10) & 0x1fu;
    const uint32_t mantissa = h & 0x3ffu;
    if (exponent == 0x1f) { // infinity or NaN, payload kept
        return std::bit_cast<float>(sign | 0x7f800000u | (mantissa << 13));
    }
    if (exponent == 0) { // zero or subnormal: mantissa * 2^-24, exact in float
        const float magnitude = std::ldexp(static_cast<float>(mantissa), -24);
        return sign ? -magnitude : magnitude;
    }
    return std::bit_cast<float>(sign | ((exponent + 112) << 23) | (mantissa << 13));
}

uint16_t float_to_half(float f) {
    const uint32_t bits = std::bit_cast<uint32_t>(f);
    const uint16_t sign = static_cast<uint16_t>((bits >> 16) & 0x8000u);
    const uint32_t abs_bits = bits & 0x7fffffffu;
    if (abs_bits >= 0x7f800000u) { // infinity or NaN (NaN stays a quiet NaN)
        return sign | (abs_bits > 0x7f800000u ? 0x7e00u : 0x7c00u);
    }
    if (abs_bits >= 0x477ff000u) { // rounds to >= 65520: overflow to infinity
        return sign | 0x7c00u;
    }
    if (abs_bits < 0x38800000u) { // below the smallest normal half: subnormal or zero
        // Adding 0.5 lets the FPU do round-to-nearest-even at the 2^-24 position.
        const float shifted = std::bit_cast<float>(abs_bits) + 0.5f;
        return sign | static_cast<uint16_t>(std::bit_cast<uint32_t>(shifted) - 0x3f000000u);
    }
    // Normal: rebias exponent, round mantissa from 23 to 10 bits to nearest-even.
    const uint32_t odd = (abs_bits >> 13) & 1u;
    const uint32_t rounded = abs_bits + 0xfffu + odd - (112u << 23);
    return sign | static_cast<uint16_t>(rounded >> 13);
}

} // namespace clauselens::cpu
