#version 450
// out[i] = a[i] + b[i]: residual connections.

#include "common.glsl"

layout(constant_id = 0) const uint WORKGROUP = 256;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer A { float a[]; };
layout(std430, binding = 1) readonly buffer B { float b[]; };
layout(std430, binding = 2) writeonly buffer Out { float o[]; };

layout(push_constant) uniform Push {
    uint n;
} p;

void main() {
    const uint i = linear_workgroup() * WORKGROUP + gl_LocalInvocationID.x;
    if (i < p.n) {
        o[i] = a[i] + b[i];
    }
}
