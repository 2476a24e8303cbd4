#include "model/model_weights.h"

#include "cpu/quant.h"
#include "gguf/gguf_reader.h"
#include "model/model_error.h"

#include <cmath>
#include <string>

namespace clauselens::model {

namespace {

std::string shape_text(std::span<const uint64_t> shape) {
    std::string s;
    for (size_t i = 0; i < shape.size(); ++i) {
        if (i > 0) {
            s += " x ";
        }
        s += std::to_string(shape[i]);
    }
    return s;
}

const gguf::Tensor& require_tensor(const gguf::GgufFile& file, const std::string& name) {
    const gguf::Tensor* t = file.find_tensor(name);
    if (t == nullptr) {
        throw ModelError("the model file lacks tensor '" + name + "'");
    }
    if (!cpu::is_compute_type(t->type)) {
        std::string message = "tensor '";
        message += name;
        message += "' has type ";
        message += gguf::tensor_type_name(t->type);
        message += ", which ClauseLens cannot compute with (supported: F32, F16, BF16, Q8_0, "
                   "Q4_0, Q4_K, Q5_K, Q6_K)";
        throw ModelError(message);
    }
    return *t;
}

// GGUF shapes list the innermost dimension first: a matrix with n_rows rows
// of n_cols elements has shape [n_cols, n_rows].
WeightMatrix matrix(const gguf::GgufFile& file, const std::string& name, uint64_t n_rows,
                    uint64_t n_cols) {
    const gguf::Tensor& t = require_tensor(file, name);
    const uint64_t expected[2] = {n_cols, n_rows};
    if (t.n_dims != 2 || t.ne[0] != n_cols || t.ne[1] != n_rows) {
        throw ModelError("tensor '" + name + "' has shape " + shape_text(t.shape()) +
                         ", expected " + shape_text(expected));
    }
    return WeightMatrix{name, t.type, n_cols, n_rows, t.data, 0};
}

// Rows first .. first + n - 1 of a matrix, as a matrix of its own.
WeightMatrix rows(const WeightMatrix& m, uint64_t first, uint64_t n) {
    const size_t row = m.row_bytes();
    return WeightMatrix{
        m.name, m.type, m.n_cols, n, m.data.subspan(first * row, n * row), m.first_row + first};
}

std::vector<float> vector(const gguf::GgufFile& file, const std::string& name, uint64_t n) {
    const gguf::Tensor& t = require_tensor(file, name);
    if (t.n_elements != n || t.ne[0] != n) {
        const uint64_t expected[1] = {n};
        throw ModelError("tensor '" + name + "' has shape " + shape_text(t.shape()) +
                         ", expected " + shape_text(expected));
    }
    std::vector<float> out(n);
    cpu::dequantize(t.type, t.data, out);
    return out;
}

// A vector of RoPE frequency divisors: absent (empty), or n positive values.
std::vector<float> factor_vector(const gguf::GgufFile& file, const std::string& name, uint64_t n) {
    if (file.find_tensor(name) == nullptr) {
        return {};
    }
    std::vector<float> f = vector(file, name, n);
    for (const float v : f) {
        if (!(v > 0.0f) || !std::isfinite(v)) {
            throw ModelError("tensor '" + name + "' holds " + std::to_string(v) +
                             "; RoPE frequency factors must be positive numbers");
        }
    }
    return f;
}

} // namespace

ModelWeights ModelWeights::from_gguf(const gguf::GgufFile& file, const ModelConfig& c) {
    ModelWeights w;
    w.token_embd = matrix(file, "token_embd.weight", c.n_vocab, c.n_embd);
    for (uint32_t l = 0; l < c.n_layer; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        LayerWeights layer;
        layer.attn_norm = vector(file, p + "attn_norm.weight", c.n_embd);
        if (c.fused_qkv) {
            const WeightMatrix qkv =
                matrix(file, p + "attn_qkv.weight", c.n_embd + 2ull * c.kv_dim(), c.n_embd);
            layer.wq = rows(qkv, 0, c.n_embd);
            layer.wk = rows(qkv, c.n_embd, c.kv_dim());
            layer.wv = rows(qkv, c.n_embd + c.kv_dim(), c.kv_dim());
        } else {
            layer.wq = matrix(file, p + "attn_q.weight", c.n_embd, c.n_embd);
            layer.wk = matrix(file, p + "attn_k.weight", c.kv_dim(), c.n_embd);
            layer.wv = matrix(file, p + "attn_v.weight", c.kv_dim(), c.n_embd);
        }
        if (c.qkv_bias) {
            layer.bq = vector(file, p + "attn_q.bias", c.n_embd);
            layer.bk = vector(file, p + "attn_k.bias", c.kv_dim());
            layer.bv = vector(file, p + "attn_v.bias", c.kv_dim());
        }
        layer.wo = matrix(file, p + "attn_output.weight", c.n_embd, c.n_embd);
        layer.ffn_norm = vector(file, p + "ffn_norm.weight", c.n_embd);
        if (c.fused_gate_up) {
            const WeightMatrix gate_up = matrix(file, p + "ffn_up.weight", 2ull * c.n_ff, c.n_embd);
            layer.ffn_gate = rows(gate_up, 0, c.n_ff);
            layer.ffn_up = rows(gate_up, c.n_ff, c.n_ff);
        } else {
            layer.ffn_gate = matrix(file, p + "ffn_gate.weight", c.n_ff, c.n_embd);
            layer.ffn_up = matrix(file, p + "ffn_up.weight", c.n_ff, c.n_embd);
        }
        layer.ffn_down = matrix(file, p + "ffn_down.weight", c.n_embd, c.n_ff);
        w.layers.push_back(std::move(layer));
    }
    w.output_norm = vector(file, "output_norm.weight", c.n_embd);
    if (file.find_tensor("output.weight") != nullptr) {
        w.output = matrix(file, "output.weight", c.n_vocab, c.n_embd);
    } else {
        w.output = w.token_embd; // tied: the embedding doubles as the classifier
        w.tied_output = true;
    }
    w.rope_factors_short = factor_vector(file, "rope_factors_short.weight", c.n_rot / 2);
    w.rope_factors_long = factor_vector(file, "rope_factors_long.weight", c.n_rot / 2);
    w.rope_freqs = factor_vector(file, "rope_freqs.weight", c.n_rot / 2);
    if (w.rope_factors_short.empty() != w.rope_factors_long.empty()) {
        throw ModelError(std::string("the model file has '") +
                         (w.rope_factors_short.empty() ? "rope_factors_long.weight"
                                                       : "rope_factors_short.weight") +
                         "' but not its counterpart '" +
                         (w.rope_factors_short.empty() ? "rope_factors_short.weight"
                                                       : "rope_factors_long.weight") +
                         "'");
    }
    return w;
}

std::span<const float> ModelWeights::rope_factors(const ModelConfig& c, uint32_t n_ctx) const {
    if (!rope_freqs.empty()) {
        return rope_freqs;
    }
    return n_ctx > c.rope_orig_ctx ? rope_factors_long : rope_factors_short;
}

} // namespace clauselens::model
