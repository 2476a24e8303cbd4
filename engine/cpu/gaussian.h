#pragma once
// Normal deviates from a SplitMix64 stream (Box-Muller): the same seed gives
// the same random weights on every machine, unlike std:: distributions whose
// algorithms differ between standard libraries.

#include <cmath>
#include <cstdint>
#include <numbers>

namespace clauselens::cpu {

class Gaussian {
public:
    explicit Gaussian(uint64_t seed) : state_(seed) {}
    float next() {
        if (has_spare_) {
            has_spare_ = false;
            return spare_;
        }
        const double u1 = (static_cast<double>(bits() >> 11) + 1.0) * 0x1.0p-53; // (0, 1]
        const double u2 = static_cast<double>(bits() >> 11) * 0x1.0p-53;
        const double r = std::sqrt(-2.0 * std::log(u1));
        spare_ = static_cast<float>(r * std::sin(2.0 * std::numbers::pi * u2));
        has_spare_ = true;
        return static_cast<float>(r * std::cos(2.0 * std::numbers::pi * u2));
    }

private:
    uint64_t bits() {
        uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    uint64_t state_;
    bool has_spare_ = false;
    float spare_ = 0.0f;
};

} // namespace clauselens::cpu
