// Hand-built blocks with known bytes decode to the values that the GGUF
// specification's formulas give. Each expected value is computed here from the
// spec directly (in the loop structure of its reference decoder, not of ours),
// and a few are spelled out as literals worked out by hand.
#include "cpu/half.h"
#include "cpu/quant.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

using namespace clauselens;
using gguf::TensorType;

namespace {

std::vector<float> decode(TensorType type, const std::vector<uint8_t>& bytes, size_t n) {
    std::vector<float> out(n);
    cpu::dequantize(type, std::as_bytes(std::span(bytes)), out);
    return out;
}

void put_u16(std::vector<uint8_t>& b, size_t at, uint16_t v) {
    b[at] = static_cast<uint8_t>(v & 0xff);
    b[at + 1] = static_cast<uint8_t>(v >> 8);
}

// The scales and mins of the Q4_K/Q5_K test block, and their 12 packed bytes
// worked out by hand: bytes 0-3 hold scales 0-3 in their low 6 bits and the
// top 2 bits of scales 4-7 above; bytes 4-7 the same for the mins; bytes 8-11
// the low nibbles of scale 4-7 (low) and min 4-7 (high).
constexpr uint8_t k_scales[8] = {1, 2, 3, 4, 33, 40, 63, 17};
constexpr uint8_t k_mins[8] = {0, 5, 10, 63, 7, 32, 48, 1};
constexpr uint8_t k_packed[12] = {0x81, 0x82, 0xc3, 0x44, 0x00, 0x85,
                                  0xca, 0x3f, 0x71, 0x08, 0x0f, 0x11};

} // namespace

TEST_CASE("F32, F16 and BF16 elements decode from their little-endian bits", "[quant]") {
    // 1.5f = 0x3fc00000, -0.375f = 0xbec00000
    const std::vector<uint8_t> f32 = {0x00, 0x00, 0xc0, 0x3f, 0x00, 0x00, 0xc0, 0xbe};
    CHECK(decode(TensorType::f32, f32, 2) == std::vector<float>{1.5f, -0.375f});
    // 0x3c00 = 1, 0xc000 = -2, 0x0001 = 2^-24
    const std::vector<uint8_t> f16 = {0x00, 0x3c, 0x00, 0xc0, 0x01, 0x00};
    CHECK(decode(TensorType::f16, f16, 3) == std::vector<float>{1.0f, -2.0f, 0x1p-24f});
    // BF16 0x3fc0 = 1.5, 0xc049 = -3.140625, 0x0001 = 2^-133 (subnormal)
    const std::vector<uint8_t> bf16 = {0xc0, 0x3f, 0x49, 0xc0, 0x01, 0x00};
    CHECK(decode(TensorType::bf16, bf16, 3) == std::vector<float>{1.5f, -3.140625f, 0x1p-133f});
}

TEST_CASE("Q8_0 blocks decode as int8 times the F16 scale", "[quant]") {
    // Two blocks: d = 0.5 (0x3800) with qs[j] = j * 8 - 128, d = -3 (0xc200)
    // with qs[j] = 127 - j.
    std::vector<uint8_t> b(68);
    put_u16(b, 0, 0x3800);
    put_u16(b, 34, 0xc200);
    for (int j = 0; j < 32; ++j) {
        b[2 + j] = static_cast<uint8_t>(j * 8 - 128);
        b[36 + j] = static_cast<uint8_t>(127 - j);
    }
    const auto y = decode(TensorType::q8_0, b, 64);
    for (int j = 0; j < 32; ++j) {
        INFO("element " << j);
        CHECK(y[j] == static_cast<float>(j * 8 - 128) * 0.5f);
        CHECK(y[32 + j] == static_cast<float>(127 - j) * -3.0f);
    }
    CHECK(y[0] == -64.0f);
    CHECK(y[32] == -381.0f);
}

TEST_CASE("Q4_0 blocks hold elements 0-15 in low and 16-31 in high nibbles", "[quant]") {
    // d = 2 (0x4000); qs[j] = j | (15 - j) << 4.
    std::vector<uint8_t> b(18);
    put_u16(b, 0, 0x4000);
    for (int j = 0; j < 16; ++j) {
        b[2 + j] = static_cast<uint8_t>(j | ((15 - j) << 4));
    }
    const auto y = decode(TensorType::q4_0, b, 32);
    for (int j = 0; j < 16; ++j) {
        INFO("element " << j);
        CHECK(y[j] == static_cast<float>(j - 8) * 2.0f);
        CHECK(y[16 + j] == static_cast<float>(15 - j - 8) * 2.0f);
    }
    CHECK(y[0] == -16.0f);
    CHECK(y[15] == 14.0f);
    CHECK(y[16] == 14.0f);
    CHECK(y[31] == -16.0f);
}

TEST_CASE("Q4_K blocks decode with 6-bit packed scales and mins", "[quant]") {
    // d = 0.5 (0x3800), dmin = 0.25 (0x3400), qs[i] = (37 i + 11) mod 256.
    std::vector<uint8_t> b(144);
    put_u16(b, 0, 0x3800);
    put_u16(b, 2, 0x3400);
    std::memcpy(b.data() + 4, k_packed, 12);
    for (int i = 0; i < 128; ++i) {
        b[16 + i] = static_cast<uint8_t>((37 * i + 11) & 0xff);
    }
    const auto y = decode(TensorType::q4_k, b, 256);
    // Spec: 4 groups of 64; in group g, elements 0-31 take the low nibbles of
    // qs[32g .. 32g + 31] with sub-block 2g's scale and min, elements 32-63
    // their high nibbles with sub-block 2g + 1's.
    for (int g = 0; g < 4; ++g) {
        for (int l = 0; l < 32; ++l) {
            const uint8_t q = b[16 + 32 * g + l];
            const float lo = 0.5f * k_scales[2 * g] * (q & 0xf) - 0.25f * k_mins[2 * g];
            const float hi = 0.5f * k_scales[2 * g + 1] * (q >> 4) - 0.25f * k_mins[2 * g + 1];
            INFO("group " << g << ", l " << l);
            CHECK(y[64 * g + l] == lo);
            CHECK(y[64 * g + 32 + l] == hi);
        }
    }
    CHECK(y[0] == 5.5f);   // qs[0] = 11: 0.5 * 1 * 11 - 0
    CHECK(y[33] == 1.75f); // qs[1] = 48, high nibble 3: 0.5 * 2 * 3 - 0.25 * 5
    CHECK(y[100] == -9.75f);
    CHECK(y[200] == 82.5f);
    CHECK(y[255] == 50.75f);
}

TEST_CASE("Q5_K blocks add bit 4 of each level from qh", "[quant]") {
    // As the Q4_K block, plus qh[l] = (53 l + 5) mod 256 before qs.
    std::vector<uint8_t> b(176);
    put_u16(b, 0, 0x3800);
    put_u16(b, 2, 0x3400);
    std::memcpy(b.data() + 4, k_packed, 12);
    for (int l = 0; l < 32; ++l) {
        b[16 + l] = static_cast<uint8_t>((53 * l + 5) & 0xff);
    }
    for (int i = 0; i < 128; ++i) {
        b[48 + i] = static_cast<uint8_t>((37 * i + 11) & 0xff);
    }
    const auto y = decode(TensorType::q5_k, b, 256);
    // Spec: as Q4_K, with 16 added where bit u1 (low half) or u2 (high half)
    // of qh[l] is set; u1 = 1 and u2 = 2 in group 0, shifted left by 2 per group.
    uint8_t u1 = 1;
    uint8_t u2 = 2;
    for (int g = 0; g < 4; ++g) {
        for (int l = 0; l < 32; ++l) {
            const uint8_t q = b[48 + 32 * g + l];
            const uint8_t h = b[16 + l];
            const float lo = 0.5f * k_scales[2 * g] * ((q & 0xf) + ((h & u1) != 0 ? 16 : 0)) -
                             0.25f * k_mins[2 * g];
            const float hi = 0.5f * k_scales[2 * g + 1] * ((q >> 4) + ((h & u2) != 0 ? 16 : 0)) -
                             0.25f * k_mins[2 * g + 1];
            INFO("group " << g << ", l " << l);
            CHECK(y[64 * g + l] == lo);
            CHECK(y[64 * g + 32 + l] == hi);
        }
        u1 = static_cast<uint8_t>(u1 << 2);
        u2 = static_cast<uint8_t>(u2 << 2);
    }
    CHECK(y[0] == 13.5f); // qs[0] = 11, qh[0] = 5 (bit 0 set): 0.5 * 1 * 27 - 0
    CHECK(y[33] == 17.75f);
    CHECK(y[100] == 22.25f);
    CHECK(y[255] == 50.75f);
}

TEST_CASE("Q6_K blocks decode 6-bit levels with signed 8-bit scales", "[quant]") {
    // ql[i] = (29 i + 3) mod 256, qh[i] = (71 i + 9) mod 256, d = 0.125
    // (0x3000) stored last.
    constexpr int8_t scales[16] = {1, -1, 2, -2, 5, -7, 127, -128, 10, 20, -30, 40, 3, 0, -5, 64};
    std::vector<uint8_t> b(210);
    for (int i = 0; i < 128; ++i) {
        b[i] = static_cast<uint8_t>((29 * i + 3) & 0xff);
    }
    for (int i = 0; i < 64; ++i) {
        b[128 + i] = static_cast<uint8_t>((71 * i + 9) & 0xff);
    }
    std::memcpy(b.data() + 192, scales, 16);
    put_u16(b, 208, 0x3000);
    const auto y = decode(TensorType::q6_k, b, 256);
    // Spec: two halves of 128; in half n with ql = ql + 64n, qh = qh + 32n,
    // sc = scales + 8n, for l < 32 (is = l / 16):
    //   y[l]      = d * sc[is + 0] * ((ql[l] & 15      | (qh[l] >> 0 & 3) << 4) - 32)
    //   y[l + 32] = d * sc[is + 2] * ((ql[l + 32] & 15 | (qh[l] >> 2 & 3) << 4) - 32)
    //   y[l + 64] = d * sc[is + 4] * ((ql[l] >> 4      | (qh[l] >> 4 & 3) << 4) - 32)
    //   y[l + 96] = d * sc[is + 6] * ((ql[l + 32] >> 4 | (qh[l] >> 6 & 3) << 4) - 32)
    for (int n = 0; n < 2; ++n) {
        const uint8_t* ql = b.data() + 64 * n;
        const uint8_t* qh = b.data() + 128 + 32 * n;
        const int8_t* sc = scales + 8 * n;
        const float* yn = y.data() + 128 * n;
        for (int l = 0; l < 32; ++l) {
            const int is = l / 16;
            const int q1 = ((ql[l] & 15) | ((qh[l] >> 0 & 3) << 4)) - 32;
            const int q2 = ((ql[l + 32] & 15) | ((qh[l] >> 2 & 3) << 4)) - 32;
            const int q3 = ((ql[l] >> 4) | ((qh[l] >> 4 & 3) << 4)) - 32;
            const int q4 = ((ql[l + 32] >> 4) | ((qh[l] >> 6 & 3) << 4)) - 32;
            INFO("half " << n << ", l " << l);
            CHECK(yn[l] == 0.125f * sc[is] * static_cast<float>(q1));
            CHECK(yn[l + 32] == 0.125f * sc[is + 2] * static_cast<float>(q2));
            CHECK(yn[l + 64] == 0.125f * sc[is + 4] * static_cast<float>(q3));
            CHECK(yn[l + 96] == 0.125f * sc[is + 6] * static_cast<float>(q4));
        }
    }
    CHECK(y[0] == -1.625f); // ql[0] = 3, qh[0] = 9 (bits 0-1: 1): 0.125 * 1 * (19 - 32)
    CHECK(y[1] == -4.0f);
    CHECK(y[40] == -5.25f);
    CHECK(y[70] == 16.875f);
    CHECK(y[100] == -492.125f);
    CHECK(y[130] == 36.25f);
    CHECK(y[200] == 0.75f);
    CHECK(y[255] == 48.0f);
}

TEST_CASE("BF16 quantization rounds to nearest even and keeps NaN", "[quant]") {
    CHECK(cpu::float_to_bf16(1.5f) == 0x3fc0);
    // 1 + 2^-8 is halfway between 1 (0x3f80, even) and 1 + 2^-7 (0x3f81).
    CHECK(cpu::float_to_bf16(1.0f + 0x1p-8f) == 0x3f80);
    // 1 + 3 * 2^-8 is halfway between 0x3f81 (odd) and 0x3f82 (even).
    CHECK(cpu::float_to_bf16(1.0f + 3 * 0x1p-8f) == 0x3f82);
    CHECK(cpu::float_to_bf16(1.0f + 0x1p-8f + 0x1p-20f) == 0x3f81);
    CHECK(cpu::float_to_bf16(-0.0f) == 0x8000);
    CHECK(cpu::float_to_bf16(INFINITY) == 0x7f80);
    CHECK(cpu::float_to_bf16(3.4e38f) == 0x7f80); // rounds up past the largest BF16
    // A NaN whose payload is only in the low bits must not become infinity.
    uint32_t nan_bits = 0xff800001u;
    float nan;
    std::memcpy(&nan, &nan_bits, 4);
    const uint16_t h = cpu::float_to_bf16(nan);
    CHECK(h == 0xffc0);
    CHECK(std::isnan(cpu::bf16_to_float(h)));
    for (uint32_t v = 0; v <= 0xffff; ++v) {
        const float f = cpu::bf16_to_float(static_cast<uint16_t>(v));
        if (!std::isnan(f)) {
            INFO("bf16 bits " << v);
            REQUIRE(cpu::float_to_bf16(f) == v);
        }
    }
}
