#include "model/reference_model.h"

#include "cpu/ops.h"
#include "cpu/quant.h"
#include "cpu/transformer_ops.h"
#include "model/model_error.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace clauselens::model {

namespace {

// Adds a projection's bias, where the architecture has one.
void add_bias(std::span<float> y, const std::vector<float>& bias) {
    if (!bias.empty()) {
        cpu::bias_add(y, bias);
    }
}

cpu::RopeOrdering rope_ordering(RopeOrdering o) {
    return o == RopeOrdering::neox ? cpu::RopeOrdering::neox : cpu::RopeOrdering::normal;
}

} // namespace

ReferenceModel::ReferenceModel(const Model& model, uint32_t n_ctx)
    : model_(model), config_(model.config()), weights_(model.weights()), n_ctx_(n_ctx) {
    const ModelConfig& c = config_;
    if (n_ctx == 0 || n_ctx > c.n_ctx_train) {
        throw ModelError("a context of " + std::to_string(n_ctx) +
                         " tokens is not possible: the model supports 1 to " +
                         std::to_string(c.n_ctx_train));
    }
    rope_factors_ = weights_.rope_factors(c, n_ctx);
    s_.x.resize(c.n_embd);
    s_.xb.resize(c.n_embd);
    s_.xb2.resize(c.n_embd);
    s_.hb.resize(c.n_ff);
    s_.hb2.resize(c.n_ff);
    s_.q.resize(c.n_embd);
    s_.k.resize(c.kv_dim());
    s_.v.resize(c.kv_dim());
    s_.att.resize(n_ctx);
    s_.logits.resize(c.n_vocab);
    s_.key_cache.resize(static_cast<size_t>(c.n_layer) * n_ctx * c.kv_dim());
    s_.value_cache.resize(static_cast<size_t>(c.n_layer) * n_ctx * c.kv_dim());
}

void ReferenceModel::set_deltas(const MatrixDeltas& deltas) {
    deltas_ = index_deltas(model_.file(), weights_, deltas);
}

void ReferenceModel::project(const WeightMatrix& w, std::span<const float> x,
                             std::span<float> y) const {
    cpu::matvec(w.type, w.data, x, y);
    if (const auto it = deltas_.find(w.data.data()); it != deltas_.end()) {
        apply_deltas(it->second, x, y);
    }
}

std::span<const float> ReferenceModel::forward(int32_t token, uint32_t pos) {
    const ModelConfig& c = config_;
    const ModelWeights& w = weights_;
    RunState& s = s_;
    if (token < 0 || static_cast<uint32_t>(token) >= c.n_vocab) {
        throw std::out_of_range("token id " + std::to_string(token) +
                                " outside the vocabulary of " + std::to_string(c.n_vocab));
    }
    if (pos >= n_ctx_) {
        throw std::out_of_range("position " + std::to_string(pos) + " beyond the context of " +
                                std::to_string(n_ctx_) + " tokens");
    }
    const uint32_t kv_dim = c.kv_dim();
    const uint32_t group = c.n_head / c.n_head_kv; // query heads per key/value head
    const double inv_sqrt_head = 1.0 / std::sqrt(static_cast<double>(c.head_dim));

    // Embedding: the token's row of the embedding matrix.
    cpu::dequantize(w.token_embd.type, w.token_embd.row(static_cast<uint64_t>(token)), s.x);

    for (uint32_t l = 0; l < c.n_layer; ++l) {
        const LayerWeights& layer = w.layers[l];
        float* key_cache = s.key_cache.data() + (static_cast<size_t>(l) * n_ctx_ + pos) * kv_dim;
        float* value_cache =
            s.value_cache.data() + (static_cast<size_t>(l) * n_ctx_ + pos) * kv_dim;

        // Attention block: RMSNorm -> Q/K/V (+ bias) -> RoPE -> cache.
        cpu::rms_norm(s.x, layer.attn_norm, s.xb, c.rms_eps);
        project(layer.wq, s.xb, s.q);
        project(layer.wk, s.xb, s.k);
        project(layer.wv, s.xb, s.v);
        add_bias(s.q, layer.bq);
        add_bias(s.k, layer.bk);
        add_bias(s.v, layer.bv);
        cpu::rope(s.q, c.n_head, c.head_dim, c.n_rot, rope_ordering(c.rope_ordering),
                  static_cast<float>(pos), c.rope_freq_base, c.rope_scale, rope_factors_,
                  c.rope_attn_factor);
        cpu::rope(s.k, c.n_head_kv, c.head_dim, c.n_rot, rope_ordering(c.rope_ordering),
                  static_cast<float>(pos), c.rope_freq_base, c.rope_scale, rope_factors_,
                  c.rope_attn_factor);
        std::copy(s.k.begin(), s.k.end(), key_cache);
        std::copy(s.v.begin(), s.v.end(), value_cache);

        // Grouped-query attention over positions 0..pos of this layer's cache.
        for (uint32_t h = 0; h < c.n_head; ++h) {
            const float* q = s.q.data() + static_cast<size_t>(h) * c.head_dim;
            const size_t kv_offset = static_cast<size_t>(h / group) * c.head_dim;
            std::span<float> att(s.att.data(), pos + 1);
            for (uint32_t t = 0; t <= pos; ++t) {
                const float* k =
                    s.key_cache.data() + (static_cast<size_t>(l) * n_ctx_ + t) * kv_dim + kv_offset;
                double score = 0.0;
                for (uint32_t i = 0; i < c.head_dim; ++i) {
                    score += static_cast<double>(q[i]) * k[i];
                }
                att[t] = static_cast<float>(score * inv_sqrt_head);
            }
            cpu::softmax(att);
            float* out = s.xb.data() + static_cast<size_t>(h) * c.head_dim;
            for (uint32_t i = 0; i < c.head_dim; ++i) {
                double sum = 0.0;
                for (uint32_t t = 0; t <= pos; ++t) {
                    const float* v = s.value_cache.data() +
                                     (static_cast<size_t>(l) * n_ctx_ + t) * kv_dim + kv_offset;
                    sum += static_cast<double>(att[t]) * v[i];
                }
                out[i] = static_cast<float>(sum);
            }
        }

        // Output projection and residual.
        project(layer.wo, s.xb, s.xb2);
        for (uint32_t i = 0; i < c.n_embd; ++i) {
            s.x[i] += s.xb2[i];
        }

        // Feed-forward block: RMSNorm -> SwiGLU -> down projection -> residual.
        cpu::rms_norm(s.x, layer.ffn_norm, s.xb, c.rms_eps);
        project(layer.ffn_gate, s.xb, s.hb);
        project(layer.ffn_up, s.xb, s.hb2);
        cpu::swiglu(s.hb, s.hb2);
        project(layer.ffn_down, s.hb, s.xb2);
        for (uint32_t i = 0; i < c.n_embd; ++i) {
            s.x[i] += s.xb2[i];
        }
    }

    // Final norm and the classifier.
    cpu::rms_norm(s.x, w.output_norm, s.xb, c.rms_eps);
    project(w.output, s.xb, s.logits);
    return s.logits;
}

} // namespace clauselens::model
