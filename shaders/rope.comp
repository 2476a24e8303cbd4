#version 450
// RoPE in place: in every head of row t, dimension pair i (i < n_rot / 2)
// turns by theta = positions[t] / scale * freq_base^(-2i / n_rot) / f[i],
// where f[i] = factors[i] when has_factors (Phi-3's long and short factors,
// Llama 3.1's rope_freqs) and 1 otherwise; cos and sin are multiplied by
// attn_factor. Pairs are (2i, 2i + 1), or (i, i + n_rot / 2) with NEOX
// ordering; dimensions from n_rot on stay as they are.
//
// Accuracy. theta reaches thousands of radians (4096 at i = 0 for position
// 4096), where a float theta is off by up to 2.4e-4 rad (0.06 rad at position
// 2^20), and GPU sin and cos lose as much again reducing such an argument;
// Vulkan only promises 2^-11 absolute error for them even within [-pi, pi].
// So the angle is never formed as a float:
//   - g = freq_base^(-2i / n_rot) / (2 pi scale f[i]), the turns per
//     position step, is computed in double-float arithmetic (~45 bits) from
//     two constants the host computes in double (and the factor, divided
//     out in double-float too);
//   - pos * g is split exactly into hi + lo (Dekker's product), and whole
//     quarter turns are taken away from hi exactly, leaving |r| <= 1/2
//     quarter turn; the angle is then off by ~1e-9 rad at position 4096 and
//     ~2e-7 rad at 2^20;
//   - sin and cos of r * pi / 2 in [-pi/4, pi/4] come from Taylor polynomials
//     (truncation below 2e-9), the quadrant from the whole quarter turns.
// Only float additions and multiplications are used, which Vulkan requires to
// be correctly rounded, so the result is within a few float roundings of the
// exact rotation on every conformant device, whatever its sin and cos.
//
// One invocation turns pair i of one token in heads lane, lane + lanes, ...:
// the angle depends only on the token and i, so with plenty of parallel work
// (prefill) it is computed once for several heads, and with little (decode)
// each invocation turns a single head.

#include "common.glsl"

layout(constant_id = 0) const uint WORKGROUP = 64;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) buffer X { float x[]; };
layout(std430, binding = 1) readonly buffer Positions { int positions[]; };
// n_rot / 2 frequency divisors; bound to some buffer but unread when
// has_factors is 0.
layout(std430, binding = 2) readonly buffer Factors { float factors[]; };

layout(push_constant) uniform Push {
    uint n_tokens;
    uint n_heads;
    uint head_dim;
    uint half_rot; // n_rot / 2: pairs that turn
    uint neox;     // 1: pairs (i, i + n_rot / 2); 0: pairs (2i, 2i + 1)
    uint lanes;    // invocations that share the heads of one (token, pair)
    float g0_hi;   // 1 / (2 pi scale) as a double-float
    float g0_lo;
    float rho_hi;  // freq_base^(-2 / n_rot) as a double-float
    float rho_lo;
    uint has_factors;  // 1: divide pair i's frequency by factors[i]
    float attn_factor; // multiplies cos and sin
} p;

// Double-float values are hi + lo with |lo| <= ulp(hi) / 2. The error-free
// transformations below (Dekker 1971) need every step rounded exactly as
// written: `precise` forbids fusing into fma and reordering.

// a * b as p + e, exactly (Veltkamp splitting; fma is not guaranteed exact).
vec2 two_product(float a, float b) {
    precise float prod = a * b;
    precise float ca = 4097.0 * a;
    precise float a_hi = ca - (ca - a);
    precise float a_lo = a - a_hi;
    precise float cb = 4097.0 * b;
    precise float b_hi = cb - (cb - b);
    precise float b_lo = b - b_hi;
    precise float err = ((a_hi * b_hi - prod) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo;
    return vec2(prod, err);
}

vec2 df_mul(vec2 a, vec2 b) {
    const vec2 prod = two_product(a.x, b.x);
    precise float lo = prod.y + (a.x * b.y + a.y * b.x);
    precise float hi = prod.x + lo;
    precise float lo_rest = lo - (hi - prod.x);
    return vec2(hi, lo_rest);
}

// a / f for a float f > 0: a first quotient q1, then the remainder a - q1 f
// formed exactly (q1 f is near a.x, so the subtraction is exact) and divided
// again. The GPU's division may be off by a few ulps; the second quotient
// corrects that, so the result keeps double-float accuracy.
vec2 df_div(vec2 a, float f) {
    precise float q1 = a.x / f;
    const vec2 prod = two_product(q1, f);
    precise float rem = ((a.x - prod.x) - prod.y) + a.y;
    precise float q2 = rem / f;
    precise float hi = q1 + q2;
    precise float lo = q2 - (hi - q1);
    return vec2(hi, lo);
}

// g0 * rho^i by binary powering: at most 2 log2(i) + 1 products.
vec2 turns_per_position(uint i) {
    vec2 g = vec2(p.g0_hi, p.g0_lo);
    vec2 r = vec2(p.rho_hi, p.rho_lo);
    for (uint e = i; e != 0u; e >>= 1) {
        if ((e & 1u) != 0u) {
            g = df_mul(g, r);
        }
        if (e > 1u) {
            r = df_mul(r, r);
        }
    }
    return g;
}

// (cos, sin) of 2 pi * pos * g, for a whole position pos (|pos| < 2^24).
vec2 rotation(float pos, vec2 g) {
    const vec2 u = two_product(pos, g.x); // pos * g.x exactly
    // In quarter turns: 4 * (u.x + u.y + pos * g.y). Scaling by 4 is exact,
    // and so is taking away the nearest whole number; a second round keeps
    // |r| <= 1/2 when the low part is large (positions near 2^24).
    precise float hi = 4.0 * u.x;
    precise float lo = 4.0 * (u.y + pos * g.y);
    precise float k = round(hi);
    precise float r0 = (hi - k) + lo;
    precise float k2 = round(r0);
    precise float r = r0 - k2;
    const float quarters = k + k2; // whole quarter turns; only k mod 4 matters
    const uint quadrant = uint(quarters - 4.0 * floor(quarters * 0.25)); // exact: 0..3

    const float a = r * 1.57079632679489662; // |a| <= pi / 4
    const float a2 = a * a;
    // Taylor polynomials; the coefficients are constant expressions, folded
    // at compile time, so that no division is done at run time.
    const float s =
        a * (1.0 + a2 * (-1.0 / 6.0 + a2 * (1.0 / 120.0 + a2 * (-1.0 / 5040.0 +
                                                                  a2 * (1.0 / 362880.0)))));
    const float c =
        1.0 + a2 * (-0.5 + a2 * (1.0 / 24.0 + a2 * (-1.0 / 720.0 + a2 * (1.0 / 40320.0 +
                                                                          a2 * (-1.0 / 3628800.0)))));
    // theta = quadrant * pi / 2 + a.
    switch (quadrant) {
    case 0u:
        return vec2(c, s);
    case 1u:
        return vec2(-s, c);
    case 2u:
        return vec2(-c, -s);
    default:
        return vec2(s, -c);
    }
}

void main() {
    const uint index = linear_workgroup() * WORKGROUP + gl_LocalInvocationID.x;
    if (index >= p.n_tokens * p.lanes * p.half_rot) {
        return;
    }
    const uint i = index % p.half_rot;
    const uint lane = (index / p.half_rot) % p.lanes;
    const uint t = index / (p.half_rot * p.lanes);

    vec2 g = turns_per_position(i);
    if (p.has_factors != 0u) {
        g = df_div(g, factors[i]);
    }
    const vec2 cs = rotation(float(positions[t]), g) * p.attn_factor;
    const uint a = p.neox != 0u ? i : 2u * i;
    const uint b = p.neox != 0u ? i + p.half_rot : 2u * i + 1u;
    for (uint h = lane; h < p.n_heads; h += p.lanes) {
        const uint base = (t * p.n_heads + h) * p.head_dim;
        const float x0 = x[base + a];
        const float x1 = x[base + b];
        x[base + a] = x0 * cs.x - x1 * cs.y;
        x[base + b] = x0 * cs.y + x1 * cs.x;
    }
}
