#version 450
// y[r] = sum_k W[r][k] * x[k] for a row-major weight matrix W (n_rows x n_cols)
// stored in any compute type (-DWEIGHT_F32, _F16, _BF16, _Q8_0, _Q4_0, _Q4_K,
// _Q5_K, _Q6_K), decoded from its GGUF blocks in the shader (dequant.glsl);
// one workgroup per row, accumulation in F32. n_cols is a multiple of the
// type's block size.

#include "common.glsl"
#include "dequant.glsl"

layout(constant_id = 0) const uint WORKGROUP = 128; // a power of two
layout(local_size_x_id = 0) in;

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
    const uint blocks_per_row = p.n_cols / BLOCK_SIZE;
    const uint first_block = row * blocks_per_row;
    const uint n_chunks = blocks_per_row * CHUNKS_PER_BLOCK;

    float sum = 0.0;
    for (uint c = lid; c < n_chunks; c += WORKGROUP) {
        float v[CHUNK];
        decode_chunk(first_block + c / CHUNKS_PER_BLOCK, c % CHUNKS_PER_BLOCK, v);
        const uint k0 = c * uint(CHUNK);
        for (uint i = 0u; i < uint(CHUNK); ++i) {
            sum += v[i] * x[k0 + i];
        }
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
