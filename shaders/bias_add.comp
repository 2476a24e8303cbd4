#version 450
// x[r][i] += bias[i] for n_rows rows of n_cols floats, in place: the biases
// that Qwen2 adds to its query, key and value projections.

#include "common.glsl"

layout(constant_id = 0) const uint WORKGROUP = 256;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) buffer X { float x[]; };
layout(std430, binding = 1) readonly buffer Bias { float bias[]; };

layout(push_constant) uniform Push {
    uint n;      // n_rows * n_cols
    uint n_cols;
} p;

void main() {
    const uint i = linear_workgroup() * WORKGROUP + gl_LocalInvocationID.x;
    if (i < p.n) {
        x[i] += bias[i % p.n_cols];
    }
}
