#version 450
// out[r][i] = x[r][i] / sqrt(mean_i(x[r][i]^2) + eps) * weight[i], one
// workgroup per row.

#include "common.glsl"

layout(constant_id = 0) const uint WORKGROUP = 128; // a power of two
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer X { float x[]; };
layout(std430, binding = 1) readonly buffer Weight { float weight[]; };
layout(std430, binding = 2) writeonly buffer Out { float o[]; };

layout(push_constant) uniform Push {
    uint n_cols;
    uint n_rows;
    float eps;
} p;

shared float partial[WORKGROUP];

void main() {
    const uint row = linear_workgroup();
    if (row >= p.n_rows) {
        return; // uniform across the workgroup, so the barriers below stay valid
    }
    const uint lid = gl_LocalInvocationID.x;
    const uint base = row * p.n_cols;

    float sum = 0.0;
    for (uint i = lid; i < p.n_cols; i += WORKGROUP) {
        const float v = x[base + i];
        sum += v * v;
    }
    partial[lid] = sum;
    barrier();
    for (uint stride = WORKGROUP / 2; stride > 0; stride /= 2) {
        if (lid < stride) {
            partial[lid] += partial[lid + stride];
        }
        barrier();
    }

    const float scale = inversesqrt(partial[0] / float(p.n_cols) + p.eps);
    for (uint i = lid; i < p.n_cols; i += WORKGROUP) {
        o[base + i] = x[base + i] * scale * weight[i];
    }
}
