#include "cpu/transformer_ops.h"

#include "cpu/quant.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace clauselens::cpu {

void rope(std::span<float> x, uint32_t n_heads, uint32_t head_dim, uint32_t n_rot,
          RopeOrdering ordering, float pos, float freq_base, float scale) {
    if (x.size() != static_cast<size_t>(n_heads) * head_dim || n_rot > head_dim || n_rot % 2) {
        throw std::invalid_argument("rope: shape mismatch");
    }
    const double p = static_cast<double>(pos) / scale;
    for (uint32_t h = 0; h < n_heads; ++h) {
        float* v = x.data() + static_cast<size_t>(h) * head_dim;
        for (uint32_t i = 0; i < n_rot / 2; ++i) {
            const double theta = p * std::pow(static_cast<double>(freq_base),
                                              -2.0 * i / static_cast<double>(n_rot));
            const double c = std::cos(theta);
            const double s = std::sin(theta);
            const uint32_t a = ordering == RopeOrdering::normal ? 2 * i : i;
            const uint32_t b = ordering == RopeOrdering::normal ? 2 * i + 1 : i + n_rot / 2;
            const double x0 = v[a];
            const double x1 = v[b];
            v[a] = static_cast<float>(x0 * c - x1 * s);
            v[b] = static_cast<float>(x0 * s + x1 * c);
        }
    }
}

void softmax(std::span<float> x) {
    if (x.empty()) {
        return;
    }
    const float max = *std::max_element(x.begin(), x.end());
    double sum = 0.0;
    for (float& v : x) {
        v = std::exp(v - max);
        sum += v;
    }
    for (float& v : x) {
        v = static_cast<float>(v / sum);
    }
}

void swiglu(std::span<float> gate, std::span<const float> up) {
    if (gate.size() != up.size()) {
        throw std::invalid_argument("swiglu: sizes differ");
    }
    for (size_t i = 0; i < gate.size(); ++i) {
        const double g = gate[i];
        gate[i] = static_cast<float>(g / (1.0 + std::exp(-g)) * up[i]);
    }
}

void matvec(gguf::TensorType type, std::span<const std::byte> w, std::span<const float> x,
            std::span<float> y) {
    const size_t row = row_bytes(type, x.size());
    if (w.size() != row * y.size()) {
        throw std::invalid_argument("matvec: weight is not rows x cols");
    }
    for (size_t r = 0; r < y.size(); ++r) {
        y[r] = static_cast<float>(dot(type, w.subspan(r * row, row), x));
    }
}

} // namespace clauselens::cpu
