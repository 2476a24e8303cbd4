#version 450
// y[t][r] = sum_k W[r][k] * x[t][k] for n_tokens token vectors x (n_tokens x
// n_cols) and a row-major weight matrix W (n_rows x n_cols) in any compute
// type (the WEIGHT_* defines of matvec.comp); y is n_tokens x n_rows.
//
// A workgroup takes one row and up to TOKENS tokens: each invocation decodes
// chunks of the row once and multiplies them with every token's x, so each
// weight is read once per TOKENS tokens. Straightforward on purpose; the
// tiled and cooperative-matrix versions come later and are tested against
// the same CPU reference.

#include "common.glsl"
#include "dequant.glsl"

#define TOKENS 8u

layout(constant_id = 0) const uint WORKGROUP = 128; // a power of two
layout(local_size_x_id = 0) in;

layout(std430, binding = 1) readonly buffer X { float x[]; };
layout(std430, binding = 2) writeonly buffer Y { float y[]; };

layout(push_constant) uniform Push {
    uint n_rows;
    uint n_cols;
    uint n_tokens;
} p;

shared float partial[TOKENS * WORKGROUP];

void main() {
    // Rows vary fastest, so that neighbouring workgroups share their tokens.
    const uint group = linear_workgroup();
    const uint row = group % p.n_rows;
    const uint t0 = (group / p.n_rows) * TOKENS;
    if (t0 >= p.n_tokens) {
        return; // uniform across the workgroup
    }
    const uint n_here = min(TOKENS, p.n_tokens - t0);
    const uint lid = gl_LocalInvocationID.x;
    const uint blocks_per_row = p.n_cols / BLOCK_SIZE;
    const uint first_block = row * blocks_per_row;
    const uint n_chunks = blocks_per_row * CHUNKS_PER_BLOCK;

    float acc[TOKENS];
    for (uint t = 0u; t < TOKENS; ++t) {
        acc[t] = 0.0;
    }
    for (uint c = lid; c < n_chunks; c += WORKGROUP) {
        float v[CHUNK];
        decode_chunk(first_block + c / CHUNKS_PER_BLOCK, c % CHUNKS_PER_BLOCK, v);
        const uint k0 = c * uint(CHUNK);
        for (uint t = 0u; t < TOKENS; ++t) {
            if (t < n_here) {
                const uint xt = (t0 + t) * p.n_cols + k0;
                float s = 0.0;
                for (uint i = 0u; i < uint(CHUNK); ++i) {
                    s += v[i] * x[xt + i];
                }
                acc[t] += s;
            }
        }
    }
    for (uint t = 0u; t < TOKENS; ++t) {
        partial[t * WORKGROUP + lid] = acc[t];
    }
    barrier();
    for (uint stride = WORKGROUP / 2; stride > 0; stride /= 2) {
        if (lid < stride) {
            for (uint t = 0u; t < TOKENS; ++t) {
                partial[t * WORKGROUP + lid] += partial[t * WORKGROUP + lid + stride];
            }
        }
        barrier();
    }
    if (lid < n_here) {
        y[(t0 + lid) * p.n_rows + row] = partial[lid * WORKGROUP];
    }
}
