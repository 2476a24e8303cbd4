#include "cpu/ops.h"

#include "cpu/half.h"

#include <cmath>
#include <stdexcept>

namespace clauselens::cpu {

namespace {

void require(bool ok, const char* message) {
    if (!ok) {
        throw std::invalid_argument(message);
    }
}

} // namespace

void add(std::span<const float> a, std::span<const float> b, std::span<float> out) {
    require(a.size() == b.size() && a.size() == out.size(), "add: sizes differ");
    for (size_t i = 0; i < a.size(); ++i) {
        out[i] = a[i] + b[i];
    }
}

void rms_norm(std::span<const float> x, std::span<const float> weight, std::span<float> out,
              float eps) {
    const size_t n = weight.size();
    require(n > 0 && x.size() % n == 0 && out.size() == x.size(),
            "rms_norm: input is not a whole number of rows of the weight's length");
    for (size_t row = 0; row < x.size() / n; ++row) {
        const float* xr = x.data() + row * n;
        float* outr = out.data() + row * n;
        double sum_squares = 0.0;
        for (size_t i = 0; i < n; ++i) {
            sum_squares += static_cast<double>(xr[i]) * xr[i];
        }
        const double scale = 1.0 / std::sqrt(sum_squares / static_cast<double>(n) + eps);
        for (size_t i = 0; i < n; ++i) {
            outr[i] = static_cast<float>(xr[i] * scale * weight[i]);
        }
    }
}

void matvec_f32(std::span<const float> w, std::span<const float> x, std::span<float> y) {
    require(w.size() == x.size() * y.size(), "matvec: weight is not rows x cols");
    for (size_t r = 0; r < y.size(); ++r) {
        double sum = 0.0;
        for (size_t k = 0; k < x.size(); ++k) {
            sum += static_cast<double>(w[r * x.size() + k]) * x[k];
        }
        y[r] = static_cast<float>(sum);
    }
}

void matvec_f16(std::span<const uint16_t> w, std::span<const float> x, std::span<float> y) {
    require(w.size() == x.size() * y.size(), "matvec: weight is not rows x cols");
    for (size_t r = 0; r < y.size(); ++r) {
        double sum = 0.0;
        for (size_t k = 0; k < x.size(); ++k) {
            sum += static_cast<double>(half_to_float(w[r * x.size() + k])) * x[k];
        }
        y[r] = static_cast<float>(sum);
    }
}

} // namespace clauselens::cpu
