#include "cpu/transformer_ops.h"

#include "cpu/half.h"
#include "cpu/quant.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace clauselens::cpu {

void rope(std::span<float> x, uint32_t n_heads, uint32_t head_dim, uint32_t n_rot,
          RopeOrdering ordering, float pos, float freq_base, float scale,
          std::span<const float> freq_factors, float attn_factor) {
    if (x.size() != static_cast<size_t>(n_heads) * head_dim || n_rot > head_dim || n_rot % 2) {
        throw std::invalid_argument("rope: shape mismatch");
    }
    if (!freq_factors.empty() && freq_factors.size() != n_rot / 2) {
        throw std::invalid_argument("rope: freq_factors must hold n_rot / 2 values");
    }
    const double p = static_cast<double>(pos) / scale;
    for (uint32_t h = 0; h < n_heads; ++h) {
        float* v = x.data() + static_cast<size_t>(h) * head_dim;
        for (uint32_t i = 0; i < n_rot / 2; ++i) {
            const double factor = freq_factors.empty() ? 1.0 : freq_factors[i];
            const double theta =
                p *
                std::pow(static_cast<double>(freq_base), -2.0 * i / static_cast<double>(n_rot)) /
                factor;
            const double c = std::cos(theta) * attn_factor;
            const double s = std::sin(theta) * attn_factor;
            const uint32_t a = ordering == RopeOrdering::normal ? 2 * i : i;
            const uint32_t b = ordering == RopeOrdering::normal ? 2 * i + 1 : i + n_rot / 2;
            const double x0 = v[a];
            const double x1 = v[b];
            v[a] = static_cast<float>(x0 * c - x1 * s);
            v[b] = static_cast<float>(x0 * s + x1 * c);
        }
    }
}

void bias_add(std::span<float> x, std::span<const float> bias) {
    if (bias.empty() || x.size() % bias.size() != 0) {
        throw std::invalid_argument("bias_add: x is not rows of the bias's length");
    }
    for (size_t i = 0; i < x.size(); ++i) {
        x[i] += bias[i % bias.size()];
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

void attention(std::span<const float> q, std::span<const uint16_t> k_cache,
               std::span<const uint16_t> v_cache, std::span<const int32_t> spans,
               std::span<float> out, uint32_t n_head, uint32_t n_head_kv, uint32_t head_dim,
               float scale) {
    if (n_head_kv == 0 || n_head % n_head_kv != 0) {
        throw std::invalid_argument("attention: n_head must be a multiple of n_head_kv");
    }
    if (head_dim == 0) {
        throw std::invalid_argument("attention: head_dim must not be 0");
    }
    const size_t n_tokens = spans.size() / 2;
    const size_t q_row = static_cast<size_t>(n_head) * head_dim;
    const size_t kv_row = static_cast<size_t>(n_head_kv) * head_dim;
    if (spans.size() % 2 != 0 || q.size() != n_tokens * q_row || out.size() != q.size() ||
        k_cache.size() != v_cache.size() || k_cache.size() % kv_row != 0) {
        throw std::invalid_argument("attention: shape mismatch");
    }
    const int64_t n_cells = static_cast<int64_t>(k_cache.size() / kv_row);
    const uint32_t group = n_head / n_head_kv; // query heads per key/value head

    std::vector<float> att;
    for (size_t t = 0; t < n_tokens; ++t) {
        const int64_t start = spans[2 * t];
        const int64_t len = spans[2 * t + 1];
        if (start < 0 || len < 0 || start + len > n_cells) {
            throw std::out_of_range(std::string("attention: span ") + std::to_string(start) +
                                    " + " + std::to_string(len) + " outside a cache of " +
                                    std::to_string(n_cells) + " rows");
        }
        const size_t first = static_cast<size_t>(start);
        att.resize(static_cast<size_t>(len));
        for (uint32_t h = 0; h < n_head; ++h) {
            const float* qh = q.data() + t * q_row + static_cast<size_t>(h) * head_dim;
            const size_t kv_offset = static_cast<size_t>(h / group) * head_dim;
            for (size_t j = 0; j < att.size(); ++j) {
                const uint16_t* k = k_cache.data() + (first + j) * kv_row + kv_offset;
                double score = 0.0;
                for (uint32_t i = 0; i < head_dim; ++i) {
                    score += static_cast<double>(qh[i]) * half_to_float(k[i]);
                }
                att[j] = static_cast<float>(score * scale);
            }
            softmax(att);
            float* o = out.data() + t * q_row + static_cast<size_t>(h) * head_dim;
            for (uint32_t i = 0; i < head_dim; ++i) {
                double sum = 0.0;
                for (size_t j = 0; j < att.size(); ++j) {
                    const uint16_t* v = v_cache.data() + (first + j) * kv_row + kv_offset;
                    sum += static_cast<double>(att[j]) * half_to_float(v[i]);
                }
                o[i] = static_cast<float>(sum); // 0 for an empty span
            }
        }
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
