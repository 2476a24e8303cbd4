#version 450
// out[i] = silu(gate[i]) * up[i], silu(g) = g / (1 + e^-g): the feed-forward
// gate. `out` may be the same buffer as `gate`: each invocation reads its
// element before it writes it, and touches no other.

#include "common.glsl"

layout(constant_id = 0) const uint WORKGROUP = 256;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer Gate { float gate[]; };
layout(std430, binding = 1) readonly buffer Up { float up[]; };
layout(std430, binding = 2) writeonly buffer Out { float o[]; };

layout(push_constant) uniform Push {
    uint n;
} p;

void main() {
    const uint i = linear_workgroup() * WORKGROUP + gl_LocalInvocationID.x;
    if (i < p.n) {
        const float g = gate[i];
        // For g < -88.7, e^-g overflows to infinity and g / inf gives -0
        // where the true value is below 1e-36 in magnitude: no special case
        // needed.
        o[i] = g / (1.0 + exp(-g)) * up[i];
    }
}
