// Quantization error per type, dot() against dequantize, and the errors for
// types and sizes that cannot be computed with.
#include "cpu/half.h"
#include "cpu/quant.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

using namespace clauselens;
using gguf::TensorType;

namespace {

constexpr TensorType k_compute_types[] = {TensorType::f32,  TensorType::f16,  TensorType::bf16,
                                          TensorType::q8_0, TensorType::q4_0, TensorType::q4_k,
                                          TensorType::q5_k, TensorType::q6_k};

// sqrt(sum (y - x)^2 / sum x^2)
double relative_rms(const std::vector<float>& y, const std::vector<float>& x) {
    double err = 0.0;
    double norm = 0.0;
    for (size_t i = 0; i < x.size(); ++i) {
        const double d = static_cast<double>(y[i]) - x[i];
        err += d * d;
        norm += static_cast<double>(x[i]) * x[i];
    }
    return std::sqrt(err / norm);
}

std::vector<float> roundtrip(TensorType type, const std::vector<float>& x) {
    const auto q = cpu::quantize(type, x);
    REQUIRE(q.size() == cpu::row_bytes(type, x.size()));
    std::vector<float> y(x.size());
    cpu::dequantize(type, q, y);
    return y;
}

struct ErrorBound {
    TensorType type;
    double gaussian; // N(0, sigma), as trained weights roughly are
    double uniform;  // U(-1, 1)
};

// Measured over 20 seeds at 4096 elements (mean / worst): gaussian F16
// 0.00021/0.00021, BF16 0.00166/0.00170, Q8_0 0.00535/0.00550, Q4_0
// 0.0826/0.0843, Q4_K 0.0713/0.0724, Q5_K 0.0357/0.0369, Q6_K 0.0170/0.0175;
// uniform F16 0.00018, BF16 0.00147, Q8_0 0.00376, Q4_0 0.0592, Q4_K 0.0549,
// Q5_K 0.0274, Q6_K 0.0127. (ggml's reference quantizers give 0.0851 for Q4_0,
// 0.0712 Q4_K, 0.0362 Q5_K, 0.0179 Q6_K on the same gaussian data.) The
// bounds leave about 10% above the worst case.
constexpr ErrorBound k_bounds[] = {
    {TensorType::f16, 0.00024, 0.00021}, {TensorType::bf16, 0.0019, 0.0017},
    {TensorType::q8_0, 0.0061, 0.0042},  {TensorType::q4_0, 0.093, 0.066},
    {TensorType::q4_k, 0.080, 0.061},    {TensorType::q5_k, 0.041, 0.031},
    {TensorType::q6_k, 0.0195, 0.0143},
};

} // namespace

TEST_CASE("quantization error stays within the bound of each type", "[quant]") {
    for (const ErrorBound& b : k_bounds) {
        for (const float sigma : {0.02f, 1.0f, 300.0f}) {
            std::mt19937 rng(11);
            std::normal_distribution<float> gauss(0.0f, sigma);
            std::vector<float> x(4096);
            for (float& v : x) {
                v = gauss(rng);
            }
            INFO(gguf::tensor_type_name(b.type) << ", gaussian sigma " << sigma);
            CHECK(relative_rms(roundtrip(b.type, x), x) < b.gaussian);
        }
        std::mt19937 rng(12);
        std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
        std::vector<float> x(4096);
        for (float& v : x) {
            v = uniform(rng);
        }
        INFO(gguf::tensor_type_name(b.type) << ", uniform");
        CHECK(relative_rms(roundtrip(b.type, x), x) < b.uniform);
    }
}

TEST_CASE("F32 round trips exactly, F16 and BF16 round each element", "[quant]") {
    std::mt19937 rng(13);
    std::normal_distribution<float> gauss(0.0f, 10.0f);
    std::vector<float> x(999);
    for (float& v : x) {
        v = gauss(rng);
    }
    x[0] = -0.0f;
    x[1] = INFINITY;
    CHECK(roundtrip(TensorType::f32, x) == x);
    const auto h = roundtrip(TensorType::f16, x);
    const auto b = roundtrip(TensorType::bf16, x);
    for (size_t i = 0; i < x.size(); ++i) {
        INFO("element " << i);
        REQUIRE(h[i] == cpu::half_to_float(cpu::float_to_half(x[i])));
        REQUIRE(b[i] == cpu::bf16_to_float(cpu::float_to_bf16(x[i])));
    }
}

TEST_CASE("quantized blocks of special inputs decode to finite values", "[quant]") {
    for (const TensorType type : k_compute_types) {
        const size_t n = cpu::block_size(type) * 2 > 8 ? cpu::block_size(type) * 2 : 8;
        INFO(gguf::tensor_type_name(type));
        // All zero: decodes to exact zeros.
        const std::vector<float> zeros(n, 0.0f);
        CHECK(roundtrip(type, zeros) == zeros);
        // A constant block, a lone outlier, tiny values, values beyond F16's
        // range (whose block scales saturate): every block must stay finite.
        std::vector<std::vector<float>> inputs;
        inputs.emplace_back(n, -0.75f);
        inputs.emplace_back(n, 0.0f);
        inputs.back()[n / 3] = 1000.0f;
        inputs.emplace_back(n, 1e-30f);
        if (type != TensorType::f16) { // F16 itself overflows to infinity there
            inputs.emplace_back(n, 3e5f);
        }
        for (const auto& x : inputs) {
            for (const float v : roundtrip(type, x)) {
                REQUIRE(std::isfinite(v));
            }
        }
        const auto constant = roundtrip(type, inputs[0]);
        CHECK(relative_rms(constant, inputs[0]) < 0.01);
    }
}

TEST_CASE("requantizing dequantized values changes them little", "[quant]") {
    // The levels a block already has are representable: requantizing its
    // dequantized values must not add more than a small error.
    std::mt19937 rng(14);
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    std::vector<float> x(256 * 4);
    for (float& v : x) {
        v = gauss(rng);
    }
    for (const TensorType type : k_compute_types) {
        const auto once = roundtrip(type, x);
        const auto twice = roundtrip(type, once);
        INFO(gguf::tensor_type_name(type));
        CHECK(relative_rms(twice, once) < 0.5 * relative_rms(once, x) + 1e-7);
    }
}

TEST_CASE("dot equals the sum of the dequantized row times x", "[quant]") {
    std::mt19937 rng(15);
    std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    for (const TensorType type : k_compute_types) {
        const size_t n = cpu::block_size(type) * 3;
        std::vector<float> w(n);
        std::vector<float> x(n);
        for (size_t i = 0; i < n; ++i) {
            w[i] = uniform(rng);
            x[i] = uniform(rng) * 4.0f;
        }
        const auto q = cpu::quantize(type, w);
        std::vector<float> d(n);
        cpu::dequantize(type, q, d);
        double expected = 0.0;
        for (size_t i = 0; i < n; ++i) {
            expected += static_cast<double>(d[i]) * x[i];
        }
        INFO(gguf::tensor_type_name(type));
        CHECK(cpu::dot(type, q, x) == expected);
    }
}

TEST_CASE("row sizes follow the block layouts", "[quant]") {
    CHECK(cpu::row_bytes(TensorType::f32, 7) == 28);
    CHECK(cpu::row_bytes(TensorType::f16, 7) == 14);
    CHECK(cpu::row_bytes(TensorType::bf16, 7) == 14);
    CHECK(cpu::row_bytes(TensorType::q8_0, 64) == 68);
    CHECK(cpu::row_bytes(TensorType::q4_0, 96) == 54);
    CHECK(cpu::row_bytes(TensorType::q4_k, 512) == 288);
    CHECK(cpu::row_bytes(TensorType::q5_k, 768) == 528);
    CHECK(cpu::row_bytes(TensorType::q6_k, 256) == 210);
    for (const TensorType type : k_compute_types) {
        INFO(gguf::tensor_type_name(type));
        CHECK(cpu::is_compute_type(type));
        const auto& info = gguf::tensor_type_info(type);
        CHECK(cpu::block_size(type) == info.block_size);
        CHECK(cpu::row_bytes(type, info.block_size * 5) == info.block_bytes * 5);
        CHECK(cpu::row_bytes(type, 0) == 0);
    }
}

TEST_CASE("types that cannot be computed with are rejected by name", "[quant]") {
    std::vector<std::byte> bytes(1024);
    std::vector<float> floats(256);
    for (const TensorType type :
         {TensorType::q4_1, TensorType::q5_0, TensorType::q2_k, TensorType::q8_k,
          TensorType::iq4_xs, TensorType::i32, TensorType::f64, TensorType::tq1_0}) {
        INFO(gguf::tensor_type_name(type));
        CHECK_FALSE(cpu::is_compute_type(type));
        const std::string name(gguf::tensor_type_name(type));
        CHECK_THROWS_WITH(cpu::row_bytes(type, 256), Catch::Contains(name));
        CHECK_THROWS_AS(cpu::block_size(type), std::invalid_argument);
        CHECK_THROWS_AS(cpu::dequantize(type, bytes, floats), std::invalid_argument);
        CHECK_THROWS_AS(cpu::quantize(type, floats, bytes), std::invalid_argument);
        CHECK_THROWS_AS(cpu::dot(type, bytes, floats), std::invalid_argument);
    }
}

TEST_CASE("partial blocks and wrong byte counts are rejected", "[quant]") {
    CHECK_THROWS_WITH(cpu::row_bytes(TensorType::q4_k, 300),
                      Catch::Contains("not a whole number of Q4_K blocks of 256"));
    CHECK_THROWS_AS(cpu::row_bytes(TensorType::q8_0, 33), std::invalid_argument);
    CHECK_THROWS_AS(cpu::row_bytes(TensorType::q6_k, 128), std::invalid_argument);
    std::vector<float> floats(100);
    std::vector<std::byte> bytes(1000);
    CHECK_THROWS_AS(cpu::dequantize(TensorType::q4_0, std::span(bytes).first(54), floats),
                    std::invalid_argument);
    std::vector<float> row(96);
    // 96 Q4_0 elements take 54 bytes: one more or one fewer is an error.
    CHECK_NOTHROW(cpu::dequantize(TensorType::q4_0, std::span(bytes).first(54), row));
    CHECK_THROWS_WITH(cpu::dequantize(TensorType::q4_0, std::span(bytes).first(55), row),
                      Catch::Contains("take 54 bytes, not 55"));
    CHECK_THROWS_AS(cpu::quantize(TensorType::q4_0, row, std::span(bytes).first(53)),
                    std::invalid_argument);
    CHECK_THROWS_AS(cpu::dot(TensorType::q6_k, std::span(bytes).first(210), floats),
                    std::invalid_argument);
    CHECK_THROWS_AS(
        cpu::dot(TensorType::f16, std::span(bytes).first(10), std::span(floats).first(4)),
        std::invalid_argument);
}
