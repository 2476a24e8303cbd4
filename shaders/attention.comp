#version 450
// Grouped-query attention over F16 key and value caches, one workgroup per
// (token t, query head h):
//   out[t][h] = sum_j softmax_j(scale * q[t][h] . k[j]) v[j]
// for the cache rows j of token t's span, with key/value head h / group.
//
// The span is walked in tiles of WORKGROUP rows with an online softmax (flash
// attention): a running maximum m of the scores, and a sum and accumulator
// that are rescaled by e^(m_old - m_new) whenever m grows, so that no
// exponential overflows and the scores never need to be held all at once.
// Everything is accumulated in F32.
//
// Per tile: (1) invocation j scores row j of the tile (a whole dot product
// over head_dim); (2) every invocation finds the tile's maximum, and
// invocation j turns its score into a weight e^(s_j - m); (3) the invocations
// are split into `lanes` groups of head_dim / 8, each invocation owning 8
// output dimensions, and lane L accumulates rows L, L + lanes, ... of the
// tile. The lanes' partial sums share the running maximum, so at the end they
// are simply added up.
//
// Limits (checked by the host): head_dim a multiple of 8 (cache rows are read
// 8 halves = 16 bytes at a time) and at most MAX_HEAD_DIM; head_dim / 8 <=
// WORKGROUP. Span rows outside the cache are ignored, since a shader can
// neither report an error nor read outside its bound range.

#include "common.glsl"

layout(constant_id = 0) const uint WORKGROUP = 64;
layout(local_size_x_id = 0) in;

const uint MAX_HEAD_DIM = 256;

layout(std430, binding = 0) readonly buffer Q { float q[]; };
layout(std430, binding = 1) readonly buffer K { uvec4 k8[]; }; // 8 F16 values each
layout(std430, binding = 2) readonly buffer V { uvec4 v8[]; };
layout(std430, binding = 3) readonly buffer Spans { int spans[]; };
layout(std430, binding = 4) writeonly buffer Out { float o[]; };

layout(push_constant) uniform Push {
    uint n_tokens;
    uint n_head;
    uint n_head_kv;
    uint head_dim;
    uint n_cells; // rows the bound caches hold
    float scale;
} p;

shared vec4 q_shared[MAX_HEAD_DIM / 4];
shared float scores[WORKGROUP];
shared float weights[WORKGROUP];
shared float partial[WORKGROUP * 9]; // per invocation: 8 accumulators and its lane's sum

// Eight F16 values to floats.
void unpack8(uvec4 w, out vec4 lo, out vec4 hi) {
    lo = vec4(unpackHalf2x16(w.x), unpackHalf2x16(w.y));
    hi = vec4(unpackHalf2x16(w.z), unpackHalf2x16(w.w));
}

void main() {
    const uint item = linear_workgroup();
    if (item >= p.n_tokens * p.n_head) {
        return; // uniform across the workgroup, so the barriers below stay valid
    }
    const uint t = item / p.n_head;
    const uint h = item % p.n_head;
    const uint kv_head = h / (p.n_head / p.n_head_kv);
    const uint lid = gl_LocalInvocationID.x;

    const uint parts = p.head_dim / 8u;          // uvec4s per head
    const uint row_stride = p.n_head_kv * parts; // uvec4s per cache row
    const uint head_offset = kv_head * parts;
    const uint q_base = item * p.head_dim;       // q and out rows: (t * n_head + h) * head_dim

    for (uint i = lid; i < p.head_dim / 4u; i += WORKGROUP) {
        const uint at = q_base + 4u * i;
        q_shared[i] = vec4(q[at], q[at + 1u], q[at + 2u], q[at + 3u]);
    }

    // Rows begin .. begin + count - 1, clipped to the cache without integer
    // overflow for any pair of int32s.
    const int start = spans[2u * t];
    const int len = spans[2u * t + 1u];
    const int n_cells = int(p.n_cells);
    const int end = start >= 0 ? start + min(len, n_cells - start) : min(start + len, n_cells);
    const int begin = max(start, 0);
    const uint count = uint(max(end - begin, 0));

    const uint lanes = WORKGROUP / parts;
    const uint lane = lid / parts;
    const uint part = lid % parts;
    float acc[8] = float[8](0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    float lane_sum = 0.0;
    float m = -3.4028235e38; // a finite "minus infinity": e^(m - m_new) gives 0, never NaN

    barrier(); // q_shared is complete

    for (uint tile = 0u; tile < count; tile += WORKGROUP) {
        const uint rows = min(WORKGROUP, count - tile);
        const uint first = uint(begin) + tile; // cache row of the tile's row 0

        // (1) Scores.
        if (lid < rows) {
            const uint at = (first + lid) * row_stride + head_offset;
            float dot_qk = 0.0;
            for (uint c = 0u; c < parts; ++c) {
                vec4 k_lo, k_hi;
                unpack8(k8[at + c], k_lo, k_hi);
                dot_qk += dot(q_shared[2u * c], k_lo) + dot(q_shared[2u * c + 1u], k_hi);
            }
            scores[lid] = dot_qk * p.scale;
        }
        barrier();

        // (2) Running maximum (the same in every invocation) and weights.
        float tile_max = scores[0];
        for (uint j = 1u; j < rows; ++j) {
            tile_max = max(tile_max, scores[j]);
        }
        const float m_new = max(m, tile_max);
        const float rescale = exp(m - m_new);
        m = m_new;
        if (lid < rows) {
            weights[lid] = exp(scores[lid] - m_new);
        }
        barrier();
        // The next tile's scores may now be written: every invocation has
        // read this tile's. Its weights are only written after the next
        // barrier, when every invocation is done with these.

        // (3) Accumulation of the weighted value rows.
        lane_sum *= rescale;
        for (uint d = 0u; d < 8u; ++d) {
            acc[d] *= rescale;
        }
        if (lane < lanes) {
            for (uint j = lane; j < rows; j += lanes) {
                const float w = weights[j];
                vec4 v_lo, v_hi;
                unpack8(v8[(first + j) * row_stride + head_offset + part], v_lo, v_hi);
                for (uint d = 0u; d < 4u; ++d) {
                    acc[d] += w * v_lo[d];
                    acc[4u + d] += w * v_hi[d];
                }
                lane_sum += w;
            }
        }
    }

    // Add up the lanes: invocation `part` of lane 0 writes dimensions
    // 8 part .. 8 part + 7. Every invocation of a lane holds the lane's sum.
    if (lane < lanes) {
        for (uint d = 0u; d < 8u; ++d) {
            partial[lid * 9u + d] = acc[d];
        }
        partial[lid * 9u + 8u] = lane_sum;
    }
    barrier();
    if (lid < parts) {
        float total[8] = float[8](0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        float sum = 0.0;
        for (uint l = 0u; l < lanes; ++l) {
            const uint at = (l * parts + lid) * 9u;
            for (uint d = 0u; d < 8u; ++d) {
                total[d] += partial[at + d];
            }
            sum += partial[at + 8u];
        }
        // An empty span has no weights: its output is zero.
        const float inv = sum > 0.0 ? 1.0 / sum : 0.0;
        for (uint d = 0u; d < 8u; ++d) {
            o[q_base + 8u * lid + d] = total[d] * inv;
        }
    }
}
