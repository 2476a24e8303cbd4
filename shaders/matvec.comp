#version 450
// y[r] = sum_k W[r][k] * x[k] for a row-major weight matrix W (n_rows x n_cols)
// stored as F32 (-DWEIGHT_F32) or F16 (-DWEIGHT_F16); one workgroup per row,
// accumulation in F32.

#include "common.glsl"

#if defined(WEIGHT_F16)
#extension GL_EXT_shader_16bit_storage : require
#extension GL_EXT_shader_explicit_arithmetic_types_float16 : require
#define WEIGHT_T float16_t
#elif defined(WEIGHT_F32)
#define WEIGHT_T float
#else
#error "define WEIGHT_F32 or WEIGHT_F16"
#endif

layout(constant_id = 0) const uint WORKGROUP = 128; // a power of two
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer Weights { WEIGHT_T w[]; };
layout(std430, binding = 1) readonly buffer X { float x[]; };
layout(std430, binding = 2) writeonly buffer Y { float y[]; };

layout(push_constant) uniform Push {
    uint n_rows;
    uint n_cols;
} p;

shared float partial[WORKGROUP];

void main() {
    const uint row = linear_workgroup();
    if (row >= p.n_rows) {
        return; // uniform across the workgroup
    }
    const uint lid = gl_LocalInvocationID.x;
    const uint base = row * p.n_cols;

    float sum = 0.0;
    for (uint k = lid; k < p.n_cols; k += WORKGROUP) {
        sum += float(w[base + k]) * x[k];
    }
    partial[lid] = sum;
    barrier();
    for (uint stride = WORKGROUP / 2; stride > 0; stride /= 2) {
        if (lid < stride) {
            partial[lid] += partial[lid + stride];
        }
        barrier();
    }
    if (lid == 0) {
        y[row] = partial[0];
    }
}
