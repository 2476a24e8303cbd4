#include "cpu/half.h"

#include <bit>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

using namespace clauselens;

TEST_CASE("every F16 value survives a round trip through float", "[ops][half]") {
    for (uint32_t h = 0; h <= 0xffff; ++h) {
        const float f = cpu::half_to_float(static_cast<uint16_t>(h));
        if (std::isnan(f)) {
            CHECK((h & 0x7c00u) == 0x7c00u);
            CHECK((h & 0x3ffu) != 0);
            continue;
        }
        INFO("half bits " << h);
        REQUIRE(cpu::float_to_half(f) == h);
    }
}

TEST_CASE("F16 conversion matches known values", "[ops][half]") {
    CHECK(cpu::half_to_float(0x3c00) == 1.0f);
    CHECK(cpu::half_to_float(0xc000) == -2.0f);
    CHECK(cpu::half_to_float(0x7bff) == 65504.0f);
    CHECK(cpu::half_to_float(0x0001) == std::ldexp(1.0f, -24));
    CHECK(cpu::half_to_float(0x0400) == std::ldexp(1.0f, -14));
    CHECK(std::isinf(cpu::half_to_float(0x7c00)));
    CHECK(cpu::float_to_half(65520.0f) == 0x7c00); // rounds up to infinity
    CHECK(cpu::float_to_half(65519.0f) == 0x7bff); // rounds down to the largest half
    CHECK(cpu::float_to_half(1e-8f) == 0x0000);    // below half the smallest subnormal
    CHECK(cpu::float_to_half(-0.0f) == 0x8000);
    CHECK(cpu::float_to_half(std::nanf("")) == 0x7e00);
}

// The compiler's own conversion is the independent reference; g++ offers
// _Float16 on x86-64, clang 14 does not.
#ifdef __FLT16_MANT_DIG__
TEST_CASE("float to F16 rounds to nearest even like the compiler does", "[ops][half]") {
    std::mt19937 rng(7);
    std::uniform_int_distribution<uint32_t> bits;
    for (int i = 0; i < 200000; ++i) {
        const float f = std::bit_cast<float>(bits(rng));
        if (std::isnan(f)) {
            continue;
        }
        const uint16_t expected = std::bit_cast<uint16_t>(static_cast<_Float16>(f));
        INFO("float " << f);
        REQUIRE(cpu::float_to_half(f) == expected);
    }
    // Ties: 1 + 2^-11 lies halfway between 1 and the next half; even is 1.
    CHECK(cpu::float_to_half(1.0f + std::ldexp(1.0f, -11)) == 0x3c00);
    CHECK(cpu::float_to_half(1.0f + 3 * std::ldexp(1.0f, -11)) == 0x3c02);
}
#endif
