// Host side of shaders/rope.comp.

#include "vk/command_list.h"
#include "vk/device.h"
#include "vk/op_checks.h"
#include "vk/ops.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace clauselens::vk {

using detail::require;
using detail::require_elements;

namespace {

// A double as the float pair hi + lo that the shader's double-float
// arithmetic starts from.
struct FloatPair {
    float hi, lo;
};

FloatPair split(double v) {
    const float hi = static_cast<float>(v);
    return {hi, static_cast<float>(v - hi)};
}

// Invocations that are enough to keep a large GPU busy. Beyond that, one
// invocation rotates the same pair in several heads, computing its angle once.
constexpr uint64_t k_enough_invocations = uint64_t{1} << 17;

} // namespace

void Ops::rope(CommandList& list, BufferRange x, BufferRange positions, uint32_t n_tokens,
               uint32_t n_heads, uint32_t head_dim, uint32_t n_rot, bool neox, float freq_base,
               float scale, BufferRange freq_factors, float attn_factor) {
    require(n_rot % 2 == 0 && n_rot <= head_dim,
            std::string("rope: n_rot (") + std::to_string(n_rot) +
                ") must be even and at most head_dim (" + std::to_string(head_dim) + ")");
    require(std::isfinite(freq_base) && freq_base > 0.0f,
            "rope: freq_base must be a positive number");
    require(std::isfinite(scale) && scale > 0.0f, "rope: scale must be a positive number");
    require(std::isfinite(attn_factor), "rope: attn_factor must be a finite number");
    const uint64_t total = uint64_t{n_tokens} * n_heads * head_dim;
    require(total <= std::numeric_limits<uint32_t>::max(),
            std::string("rope: ") + std::to_string(total) +
                " elements are more than one dispatch can index");
    require_elements(x, total, 4, "rope", "input");
    require_elements(positions, n_tokens, 4, "rope", "positions");
    const bool has_factors = freq_factors.buffer != nullptr;
    if (has_factors) {
        require_elements(freq_factors, n_rot / 2, 4, "rope", "frequency factors");
    }
    if (n_rot == 0 || n_heads == 0 || n_tokens == 0) {
        return; // nothing turns
    }

    const uint32_t half_rot = n_rot / 2;
    const uint64_t pairs = uint64_t{n_tokens} * half_rot;
    const uint64_t wanted_lanes = (k_enough_invocations + pairs - 1) / pairs;
    const uint32_t lanes = static_cast<uint32_t>(std::min<uint64_t>(n_heads, wanted_lanes));

    // Turns per position step for pair i: g0 * rho^i, computed in double here
    // and carried to the shader as float pairs (see rope.comp on accuracy).
    const double g0 = 1.0 / (2.0 * std::numbers::pi * static_cast<double>(scale));
    const double rho = std::pow(static_cast<double>(freq_base), -2.0 / n_rot);
    const FloatPair g0_pair = split(g0);
    require(std::isfinite(g0_pair.hi), "rope: scale too small");
    const FloatPair rho_pair = split(rho);
    struct {
        uint32_t n_tokens;
        uint32_t n_heads;
        uint32_t head_dim;
        uint32_t half_rot;
        uint32_t neox;
        uint32_t lanes;
        float g0_hi, g0_lo;
        float rho_hi, rho_lo;
        uint32_t has_factors;
        float attn_factor;
    } push{n_tokens,   n_heads,    head_dim,    half_rot,    neox ? 1u : 0u, lanes,
           g0_pair.hi, g0_pair.lo, rho_pair.hi, rho_pair.lo, has_factors,    attn_factor};
    const uint32_t workgroup = std::min<uint32_t>(64, device_.info().max_workgroup_invocations);
    const uint64_t groups = (pairs * lanes + workgroup - 1) / workgroup;
    // Without factors the positions stand in for the unread third binding.
    list.dispatch(pipeline("rope_f32", 3, sizeof push, {workgroup}),
                  {x, positions, has_factors ? freq_factors : positions}, push,
                  list.linear_groups(groups));
}

} // namespace clauselens::vk
