#include "model/model_weights.h"

#include "cpu/quant.h"
#include "gguf/gguf_reader.h"
#include "model/model_error.h"

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
    return WeightMatrix{name, t.type, n_cols, n_rows, t.data};
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

} // namespace

ModelWeights ModelWeights::from_gguf(const gguf::GgufFile& file, const ModelConfig& c) {
    ModelWeights w;
    w.token_embd = matrix(file, "token_embd.weight", c.n_vocab, c.n_embd);
    for (uint32_t l = 0; l < c.n_layer; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        LayerWeights layer;
        layer.attn_norm = vector(file, p + "attn_norm.weight", c.n_embd);
        layer.wq = matrix(file, p + "attn_q.weight", c.n_embd, c.n_embd);
        layer.wk = matrix(file, p + "attn_k.weight", c.kv_dim(), c.n_embd);
        layer.wv = matrix(file, p + "attn_v.weight", c.kv_dim(), c.n_embd);
        layer.wo = matrix(file, p + "attn_output.weight", c.n_embd, c.n_embd);
        layer.ffn_norm = vector(file, p + "ffn_norm.weight", c.n_embd);
        layer.ffn_gate = matrix(file, p + "ffn_gate.weight", c.n_ff, c.n_embd);
        layer.ffn_up = matrix(file, p + "ffn_up.weight", c.n_ff, c.n_embd);
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
    return w;
}

} // namespace clauselens::model
