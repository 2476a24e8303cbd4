#pragma once
// How GPU results are compared with the CPU reference.

#include <cstddef>
#include <random>
#include <span>
#include <vector>

namespace clauselens::test {

// Normalised mean squared error: sum((x - ref)^2) / sum(ref^2). 0 when equal;
// around 1e-14 for float rounding noise; NaN in either input makes it NaN,
// which fails every "< tolerance" check.
inline double nmse(std::span<const float> x, std::span<const float> ref) {
    double err = 0.0;
    double norm = 0.0;
    for (size_t i = 0; i < ref.size(); ++i) {
        const double d = static_cast<double>(x[i]) - ref[i];
        err += d * d;
        norm += static_cast<double>(ref[i]) * ref[i];
    }
    if (x.size() != ref.size()) {
        return 1e300;
    }
    return norm > 0.0 ? err / norm : err;
}

inline std::vector<float> random_floats(size_t n, std::mt19937& rng, float lo = -1.0f,
                                        float hi = 1.0f) {
    std::uniform_real_distribution<float> dist(lo, hi);
    std::vector<float> v(n);
    for (float& x : v) {
        x = dist(rng);
    }
    return v;
}

} // namespace clauselens::test
