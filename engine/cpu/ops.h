#pragma once
// Plain C++ reference of every engine op: the oracle the Vulkan shaders are
// tested against, written to be obviously right rather than fast. Sums are
// accumulated in double so that the reference is the more exact side.

#include <cstddef>
#include <cstdint>
#include <span>

namespace clauselens::cpu {

// out[i] = a[i] + b[i]
void add(std::span<const float> a, std::span<const float> b, std::span<float> out);

// For each of the rows of x (x.size() / weight.size() of them):
// out = x / sqrt(mean(x^2) + eps) * weight
void rms_norm(std::span<const float> x, std::span<const float> weight, std::span<float> out,
              float eps);

// y[r] = sum_k w[r * n_cols + k] * x[k], W row-major with y.size() rows.
void matvec_f32(std::span<const float> w, std::span<const float> x, std::span<float> y);
// Same with F16 weights (IEEE binary16 bit patterns).
void matvec_f16(std::span<const uint16_t> w, std::span<const float> x, std::span<float> y);

} // namespace clauselens::cpu
