#include "model/vk_model.h"

#include "cpu/quant.h"
#include "model/model_error.h"
#include "vk/buffer.h"
#include "vk/command_list.h"
#include "vk/device.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace clauselens::model {

// A weight matrix in device memory, in its GGUF type: rows first_row ..
// first_row + n_rows - 1 of the GGUF tensor `name` (see WeightMatrix).
struct VkModel::GpuMatrix {
    const std::byte* source = nullptr; // the host data: identifies the matrix's deltas
    std::string name;
    uint64_t first_row = 0;
    gguf::TensorType type;
    uint32_t n_rows = 0;
    uint32_t n_cols = 0;
    uint64_t row_bytes = 0;
    const vk::Buffer* buffer = nullptr;
};

struct VkModel::Layer {
    const vk::Buffer* attn_norm = nullptr; // (n_embd) F32
    GpuMatrix wq, wk, wv, wo;
    // Qwen2's biases, (n_embd), (kv_dim), (kv_dim) F32; null without biases.
    const vk::Buffer* bq = nullptr;
    const vk::Buffer* bk = nullptr;
    const vk::Buffer* bv = nullptr;
    const vk::Buffer* ffn_norm = nullptr; // (n_embd) F32
    GpuMatrix ffn_gate, ffn_up, ffn_down;
    const vk::Buffer* k_cache = nullptr; // (n_seq * n_ctx, kv_dim) F16
    const vk::Buffer* v_cache = nullptr; // (n_seq * n_ctx, kv_dim) F16
};

namespace {

uint32_t logit_rows(const VkModelOptions& o) {
    return o.n_logits != 0 ? o.n_logits : o.n_seq;
}

uint64_t matrix_bytes(const WeightMatrix& w) {
    return w.data.size();
}

// Device-local memory the device will still give this process.
uint64_t free_device_memory(const vk::DeviceInfo& info) {
    uint64_t best = 0;
    for (const vk::MemoryHeapInfo& h : info.heaps) {
        if (!h.device_local) {
            continue;
        }
        const uint64_t available =
            h.budget ? (*h.budget > h.usage.value_or(0) ? *h.budget - h.usage.value_or(0) : 0)
                     : h.size;
        best = std::max(best, available);
    }
    return best;
}

} // namespace

MemoryEstimate VkModel::estimate(const Model& model, const VkModelOptions& o) {
    const ModelConfig& c = model.config();
    const ModelWeights& w = model.weights();
    MemoryEstimate e;
    for (const LayerWeights& l : w.layers) {
        e.weights += (2ull * c.n_embd + l.bq.size() + l.bk.size() + l.bv.size()) * 4;
        for (const WeightMatrix* m :
             {&l.wq, &l.wk, &l.wv, &l.wo, &l.ffn_gate, &l.ffn_up, &l.ffn_down}) {
            e.weights += matrix_bytes(*m);
        }
    }
    e.weights += c.n_embd * 4ull + matrix_bytes(w.output) + c.n_rot / 2 * 4ull;
    e.kv_cache = 2ull * c.n_layer * o.n_seq * o.n_ctx * c.kv_dim() * 2;
    const uint64_t per_token = (5ull * c.n_embd + 2ull * c.kv_dim() + 2ull * c.n_ff) * 4 // device
                               + (c.n_embd + 4ull) * 4;                                  // inputs
    e.activations = o.n_batch * per_token + logit_rows(o) * (2ull * c.n_embd + c.n_vocab) * 4;
    return e;
}

VkModel::VkModel(const Model& model, vk::Device& device, const VkModelOptions& options,
                 const std::function<void(uint64_t, uint64_t)>& progress)
    : model_(model), device_(device), options_(options), ops_(device) {
    const ModelConfig& c = model.config();
    const ModelWeights& w = model.weights();
    const vk::DeviceInfo& info = device.info();
    if (options_.n_ctx == 0 || options_.n_ctx > c.n_ctx_train) {
        throw ModelError("a context of " + std::to_string(options_.n_ctx) +
                         " tokens is not possible: the model supports 1 to " +
                         std::to_string(c.n_ctx_train));
    }
    if (options_.n_seq == 0 || options_.n_batch == 0) {
        throw ModelError("the number of sequences and the batch size must be at least 1");
    }

    memory_ = estimate(model, options_);
    const uint64_t available = free_device_memory(info);
    if (memory_.total() > available) {
        throw ModelError("the model needs " + vk::format_bytes(memory_.total()) + " (weights " +
                         vk::format_bytes(memory_.weights) + ", cache " +
                         vk::format_bytes(memory_.kv_cache) + ", work " +
                         vk::format_bytes(memory_.activations) + "), device " + info.name +
                         " has " + vk::format_bytes(available) +
                         " free; choose a smaller context, fewer sequences or a smaller model");
    }
    const uint64_t cache_bytes = uint64_t{options_.n_seq} * options_.n_ctx * c.kv_dim() * 2;
    if (cache_bytes > info.max_storage_buffer_range) {
        throw ModelError("the key/value cache of one layer (" + vk::format_bytes(cache_bytes) +
                         ") exceeds what " + info.name + " can bind (" +
                         vk::format_bytes(info.max_storage_buffer_range) +
                         "); choose a smaller context or fewer sequences");
    }

    auto buffer = [&](uint64_t bytes, vk::MemoryKind kind, const std::string& label) {
        owned_.push_back(std::make_unique<vk::Buffer>(device_, bytes, kind, label));
        return owned_.back().get();
    };
    uint64_t uploaded = 0;
    auto upload = [&](std::span<const std::byte> data, const std::string& label) {
        const vk::Buffer* b = buffer(data.size(), vk::MemoryKind::device_local, label);
        device_.upload(*b, 0, data);
        uploaded += data.size();
        if (progress) {
            progress(uploaded, memory_.weights);
        }
        return b;
    };
    auto upload_vector = [&](const std::vector<float>& v, const std::string& label) {
        return upload(std::as_bytes(std::span<const float>(v)), label);
    };
    // The same tensor (a tied classifier) is uploaded once.
    std::map<std::pair<const std::byte*, size_t>, const vk::Buffer*> uploaded_tensors;
    // The parts of a fused tensor are uploaded as matrices of their own.
    auto matrix = [&](const WeightMatrix& m) {
        GpuMatrix g{m.data.data(),
                    m.name,
                    m.first_row,
                    m.type,
                    static_cast<uint32_t>(m.n_rows),
                    static_cast<uint32_t>(m.n_cols),
                    m.row_bytes(),
                    nullptr};
        const std::pair<const std::byte*, size_t> key(m.data.data(), m.data.size());
        auto it = uploaded_tensors.find(key);
        g.buffer = it != uploaded_tensors.end() ? it->second : upload(m.data, m.name);
        uploaded_tensors[key] = g.buffer;
        return g;
    };
    for (uint32_t l = 0; l < c.n_layer; ++l) {
        const LayerWeights& lw = w.layers[l];
        const std::string p = "blk." + std::to_string(l) + ".";
        Layer layer;
        layer.attn_norm = upload_vector(lw.attn_norm, p + "attn_norm.weight");
        layer.wq = matrix(lw.wq);
        layer.wk = matrix(lw.wk);
        layer.wv = matrix(lw.wv);
        if (!lw.bq.empty()) {
            layer.bq = upload_vector(lw.bq, p + "attn_q.bias");
            layer.bk = upload_vector(lw.bk, p + "attn_k.bias");
            layer.bv = upload_vector(lw.bv, p + "attn_v.bias");
        }
        layer.wo = matrix(lw.wo);
        layer.ffn_norm = upload_vector(lw.ffn_norm, p + "ffn_norm.weight");
        layer.ffn_gate = matrix(lw.ffn_gate);
        layer.ffn_up = matrix(lw.ffn_up);
        layer.ffn_down = matrix(lw.ffn_down);
        layer.k_cache = buffer(cache_bytes, vk::MemoryKind::device_local, p + "key cache");
        layer.v_cache = buffer(cache_bytes, vk::MemoryKind::device_local, p + "value cache");
        layers_.push_back(layer);
    }
    output_norm_ = upload_vector(w.output_norm, "output_norm.weight");
    output_ = std::make_unique<GpuMatrix>(matrix(w.output));
    const std::span<const float> factors = w.rope_factors(c, options_.n_ctx);
    if (!factors.empty()) {
        rope_factors_ = upload(std::as_bytes(factors), "RoPE frequency factors");
    }

    const uint64_t nb = options_.n_batch;
    const uint64_t nl = logit_rows(options_);
    auto device_local = [&](uint64_t floats, const char* label) {
        return buffer(floats * 4, vk::MemoryKind::device_local, label);
    };
    auto host = [&](uint64_t words, const char* label) {
        return buffer(words * 4, vk::MemoryKind::host_visible, label);
    };
    x_ = device_local(nb * c.n_embd, "residual stream");
    xb_ = device_local(nb * c.n_embd, "normalised activations");
    xb2_ = device_local(nb * c.n_embd, "projection output");
    q_ = device_local(nb * c.n_embd, "queries");
    k_ = device_local(nb * c.kv_dim(), "keys");
    v_ = device_local(nb * c.kv_dim(), "values");
    att_ = device_local(nb * c.n_embd, "attention output");
    hb_ = device_local(nb * c.n_ff, "feed-forward gate");
    hb2_ = device_local(nb * c.n_ff, "feed-forward up");
    xsel_ = device_local(nl * c.n_embd, "rows for logits");
    xnorm_ = device_local(nl * c.n_embd, "normalised rows for logits");
    input_embd_ = host(nb * c.n_embd, "input embeddings");
    input_pos_ = host(nb, "input positions");
    input_cells_ = host(nb, "input cache cells");
    input_spans_ = host(2 * nb, "input attention spans");
    logits_ = host(nl * c.n_vocab, "logits");
    lengths_.assign(options_.n_seq, 0);
}

VkModel::~VkModel() = default;

uint32_t VkModel::slot(int32_t seq) const {
    if (seq < 0 || static_cast<uint32_t>(seq) >= options_.n_seq) {
        throw std::out_of_range("sequence id " + std::to_string(seq) + " outside 0.." +
                                std::to_string(options_.n_seq - 1));
    }
    return static_cast<uint32_t>(seq);
}

uint32_t VkModel::sequence_length(int32_t seq) const {
    return lengths_[slot(seq)];
}

void VkModel::remove_sequence(int32_t seq) {
    lengths_[slot(seq)] = 0;
}

void VkModel::copy_prefix(int32_t src, int32_t dst, uint32_t n) {
    const uint32_t s = slot(src);
    const uint32_t d = slot(dst);
    if (n > lengths_[s]) {
        throw std::out_of_range("sequence " + std::to_string(src) + " has " +
                                std::to_string(lengths_[s]) + " positions, fewer than the " +
                                std::to_string(n) + " to copy");
    }
    if (s == d) {
        lengths_[d] = n;
        return;
    }
    if (n > 0) {
        const uint64_t row = uint64_t{model_.config().kv_dim()} * 2;
        const uint64_t bytes = n * row;
        vk::CommandList list(device_);
        for (const Layer& layer : layers_) {
            for (const vk::Buffer* cache : {layer.k_cache, layer.v_cache}) {
                list.copy(vk::BufferRange(*cache, uint64_t{s} * options_.n_ctx * row, bytes),
                          vk::BufferRange(*cache, uint64_t{d} * options_.n_ctx * row, bytes));
            }
        }
        list.submit_and_wait();
    }
    lengths_[d] = n;
}

void VkModel::set_deltas(const MatrixDeltas& deltas) {
    const DeltaIndex index = index_deltas(model_.file(), model_.weights(), deltas);
    deltas_.reset();
    if (!index.empty()) {
        deltas_ = std::make_unique<VkDeltas>(device_, index, options_.n_batch);
    }
}

void VkModel::project(vk::CommandList& list, const GpuMatrix& w, vk::BufferRange x,
                      vk::BufferRange y, uint32_t n_tokens) {
    multiply(list, w, x, y, n_tokens);
    if (deltas_ && deltas_->has(w.source)) {
        list.barrier();
        deltas_->record(list, ops_, w.source, x, y, n_tokens);
    }
}

void VkModel::multiply(vk::CommandList& list, const GpuMatrix& w, vk::BufferRange x,
                       vk::BufferRange y, uint32_t n_tokens) {
    const vk::DeviceInfo& info = device_.info();
    const uint64_t max_binding = options_.max_binding != 0
                                     ? std::min(options_.max_binding, info.max_storage_buffer_range)
                                     : info.max_storage_buffer_range;
    const uint64_t bytes = w.buffer->size();
    if (bytes <= max_binding) {
        if (n_tokens == 1) {
            ops_.matvec(list, w.type, *w.buffer, x, y, w.n_rows, w.n_cols);
        } else {
            ops_.matmul(list, w.type, *w.buffer, x, y, w.n_rows, w.n_cols, n_tokens);
        }
        return;
    }
    // Larger than one binding may be (a big vocabulary's classifier on a
    // device with a small storage range): bind it in chunks of rows. A chunk
    // holds a multiple of `step` rows, so that both its weights and its part
    // of y start at offsets the device can bind.
    const uint64_t align = std::max<uint64_t>(info.min_storage_buffer_offset_alignment, 1);
    const uint64_t step =
        std::lcm(align / std::gcd(align, w.row_bytes), align / std::gcd(align, 4ull));
    uint64_t chunk_rows = w.row_bytes == 0 ? 0 : max_binding / w.row_bytes;
    chunk_rows -= chunk_rows % step;
    if (chunk_rows == 0) {
        throw ModelError("tensor rows of " + vk::format_bytes(w.row_bytes) +
                         " are too large to bind on " + info.name);
    }
    for (uint32_t t = 0; t < n_tokens; ++t) {
        const vk::BufferRange xt(*x.buffer, x.offset + uint64_t{t} * w.n_cols * 4,
                                 uint64_t{w.n_cols} * 4);
        for (uint64_t r0 = 0; r0 < w.n_rows; r0 += chunk_rows) {
            const uint64_t rows = std::min<uint64_t>(chunk_rows, w.n_rows - r0);
            ops_.matvec(
                list, w.type, vk::BufferRange(*w.buffer, r0 * w.row_bytes, rows * w.row_bytes), xt,
                vk::BufferRange(*y.buffer, y.offset + (uint64_t{t} * w.n_rows + r0) * 4, rows * 4),
                static_cast<uint32_t>(rows), w.n_cols);
        }
    }
}

std::span<const float> VkModel::forward(std::span<const BatchEntry> batch) {
    const ModelConfig& c = model_.config();
    const ModelWeights& w = model_.weights();
    const uint32_t n = static_cast<uint32_t>(batch.size());
    if (n == 0 || n > options_.n_batch) {
        throw std::invalid_argument("a batch holds 1 to " + std::to_string(options_.n_batch) +
                                    " tokens, not " + std::to_string(batch.size()));
    }

    // Check the batch against the cache and fill the inputs.
    std::vector<uint32_t> next = lengths_;
    std::vector<uint32_t> logit_entries;
    auto* embd = static_cast<float*>(input_embd_->mapped());
    auto* positions = static_cast<int32_t*>(input_pos_->mapped());
    auto* cells = static_cast<int32_t*>(input_cells_->mapped());
    auto* spans = static_cast<int32_t*>(input_spans_->mapped());
    for (uint32_t t = 0; t < n; ++t) {
        const BatchEntry& e = batch[t];
        const uint32_t s = slot(e.seq);
        if (e.token < 0 || static_cast<uint32_t>(e.token) >= c.n_vocab) {
            throw std::out_of_range("token id " + std::to_string(e.token) +
                                    " outside the vocabulary of " + std::to_string(c.n_vocab));
        }
        if (e.pos != next[s]) {
            throw std::invalid_argument("sequence " + std::to_string(e.seq) + " is at position " +
                                        std::to_string(next[s]) + ", the batch gives position " +
                                        std::to_string(e.pos));
        }
        if (e.pos >= options_.n_ctx) {
            throw std::out_of_range("sequence " + std::to_string(e.seq) + " is full: the context " +
                                    "holds " + std::to_string(options_.n_ctx) + " positions");
        }
        ++next[s];
        cpu::dequantize(w.token_embd.type, w.token_embd.row(static_cast<uint64_t>(e.token)),
                        std::span<float>(embd + uint64_t{t} * c.n_embd, c.n_embd));
        positions[t] = static_cast<int32_t>(e.pos);
        cells[t] = static_cast<int32_t>(s * options_.n_ctx + e.pos);
        spans[size_t{2} * t] = static_cast<int32_t>(s * options_.n_ctx);
        spans[size_t{2} * t + 1] = static_cast<int32_t>(e.pos + 1);
        if (e.logits) {
            logit_entries.push_back(t);
        }
    }
    if (logit_entries.size() > logit_rows(options_)) {
        throw std::invalid_argument("a batch may ask for " + std::to_string(logit_rows(options_)) +
                                    " rows of logits at most");
    }

    const uint64_t embd_bytes = uint64_t{n} * c.n_embd * 4;
    const uint64_t kv_bytes = uint64_t{n} * c.kv_dim() * 4;
    const uint64_t ff_bytes = uint64_t{n} * c.n_ff * 4;
    const vk::BufferRange x(*x_, 0, embd_bytes), xb(*xb_, 0, embd_bytes), xb2(*xb2_, 0, embd_bytes),
        q(*q_, 0, embd_bytes), k(*k_, 0, kv_bytes), v(*v_, 0, kv_bytes), att(*att_, 0, embd_bytes),
        hb(*hb_, 0, ff_bytes), hb2(*hb2_, 0, ff_bytes), pos(*input_pos_, 0, uint64_t{n} * 4),
        cell(*input_cells_, 0, uint64_t{n} * 4), span(*input_spans_, 0, uint64_t{n} * 8);
    const bool neox = c.rope_ordering == RopeOrdering::neox;
    const vk::BufferRange rope_factors =
        rope_factors_ != nullptr ? vk::BufferRange(*rope_factors_) : vk::BufferRange();
    const float attention_scale = 1.0f / std::sqrt(static_cast<float>(c.head_dim));

    vk::CommandList list(device_);
    list.copy(vk::BufferRange(*input_embd_, 0, embd_bytes), x);
    list.barrier();
    for (const Layer& layer : layers_) {
        // Attention block: RMSNorm -> Q/K/V (+ bias) -> RoPE -> cache ->
        // attention.
        ops_.rms_norm(list, x, *layer.attn_norm, xb, c.n_embd, n, c.rms_eps);
        list.barrier();
        project(list, layer.wq, xb, q, n);
        project(list, layer.wk, xb, k, n);
        project(list, layer.wv, xb, v, n);
        list.barrier();
        if (layer.bq != nullptr) {
            ops_.bias_add(list, q, *layer.bq, n, c.n_embd);
            ops_.bias_add(list, k, *layer.bk, n, c.kv_dim());
            ops_.bias_add(list, v, *layer.bv, n, c.kv_dim());
            list.barrier();
        }
        ops_.rope(list, q, pos, n, c.n_head, c.head_dim, c.n_rot, neox, c.rope_freq_base,
                  c.rope_scale, rope_factors, c.rope_attn_factor);
        ops_.rope(list, k, pos, n, c.n_head_kv, c.head_dim, c.n_rot, neox, c.rope_freq_base,
                  c.rope_scale, rope_factors, c.rope_attn_factor);
        list.barrier();
        ops_.kv_store(list, k, *layer.k_cache, cell, n, c.kv_dim());
        ops_.kv_store(list, v, *layer.v_cache, cell, n, c.kv_dim());
        list.barrier();
        ops_.attention(list, q, *layer.k_cache, *layer.v_cache, span, att, n, c.n_head, c.n_head_kv,
                       c.head_dim, attention_scale);
        list.barrier();
        project(list, layer.wo, att, xb2, n);
        list.barrier();
        ops_.add(list, x, xb2, x, n * c.n_embd);
        list.barrier();

        // Feed-forward block: RMSNorm -> SwiGLU -> down projection.
        ops_.rms_norm(list, x, *layer.ffn_norm, xb, c.n_embd, n, c.rms_eps);
        list.barrier();
        project(list, layer.ffn_gate, xb, hb, n);
        project(list, layer.ffn_up, xb, hb2, n);
        list.barrier();
        ops_.swiglu(list, hb, hb2, hb, n * c.n_ff);
        list.barrier();
        project(list, layer.ffn_down, hb, xb2, n);
        list.barrier();
        ops_.add(list, x, xb2, x, n * c.n_embd);
        list.barrier();
    }

    // Final norm and classifier, only for the rows that want logits.
    const uint32_t n_out = static_cast<uint32_t>(logit_entries.size());
    if (n_out > 0) {
        const uint64_t row = uint64_t{c.n_embd} * 4;
        for (uint32_t i = 0; i < n_out; ++i) {
            list.copy(vk::BufferRange(*x_, logit_entries[i] * row, row),
                      vk::BufferRange(*xsel_, i * row, row));
        }
        list.barrier();
        const vk::BufferRange sel(*xsel_, 0, n_out * row), normed(*xnorm_, 0, n_out * row);
        ops_.rms_norm(list, sel, *output_norm_, normed, c.n_embd, n_out, c.rms_eps);
        list.barrier();
        project(list, *output_, normed,
                vk::BufferRange(*logits_, 0, uint64_t{n_out} * c.n_vocab * 4), n_out);
    }
    list.submit_and_wait();

    lengths_ = std::move(next);
    const auto* out = static_cast<const float*>(logits_->mapped());
    logits_out_.assign(out, out + uint64_t{n_out} * c.n_vocab);
    return logits_out_;
}

} // namespace clauselens::model
