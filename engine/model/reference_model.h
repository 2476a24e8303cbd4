#pragma once
// The CPU reference forward pass of a Llama-family model (llama, qwen2, phi3:
// their differences are data in ModelConfig and ModelWeights), in the manner of
// llama2.c's run.c: a run state with a shape comment on every buffer and one
// forward() that reads top to bottom. It is the oracle for the GPU model, so
// it is written to be obviously right, not fast. One sequence at a time.

#include "model/low_rank_delta.h"
#include "model/model.h"

#include <cstdint>
#include <span>
#include <vector>

namespace clauselens::model {

struct RunState {
    std::vector<float> x;           // (n_embd) the residual stream at this position
    std::vector<float> xb;          // (n_embd) normalised x, then the attention output
    std::vector<float> xb2;         // (n_embd) output of a projection back to n_embd
    std::vector<float> hb;          // (n_ff) feed-forward gate, then SwiGLU output
    std::vector<float> hb2;         // (n_ff) feed-forward up projection
    std::vector<float> q;           // (n_embd) query, n_head heads of head_dim
    std::vector<float> k;           // (kv_dim) key, n_head_kv heads of head_dim
    std::vector<float> v;           // (kv_dim) value
    std::vector<float> att;         // (n_ctx) attention scores of one head
    std::vector<float> logits;      // (n_vocab)
    std::vector<float> key_cache;   // (n_layer, n_ctx, kv_dim)
    std::vector<float> value_cache; // (n_layer, n_ctx, kv_dim)
};

class ReferenceModel {
public:
    // n_ctx: positions this sequence may use, at most the model's training
    // context (ModelError otherwise).
    ReferenceModel(const Model& model, uint32_t n_ctx);

    // Runs `token` at position `pos` (positions 0..pos-1 must have been run
    // before, in order) and returns the logits for the next token, valid
    // until the next call.
    std::span<const float> forward(int32_t token, uint32_t pos);

    uint32_t n_ctx() const { return n_ctx_; }

    // Applies these low-rank deltas (LoRA adapters, see lora::combine) from
    // the next forward() on, replacing any before; empty: the base model.
    // The adapters' files must outlive their use. Throws ModelError for a
    // delta that does not fit the model.
    void set_deltas(const MatrixDeltas& deltas);

private:
    // y = W x, then the matrix's deltas: every projection goes through here.
    void project(const WeightMatrix& w, std::span<const float> x, std::span<float> y) const;

    const Model& model_;
    const ModelConfig& config_;
    const ModelWeights& weights_;
    uint32_t n_ctx_;
    std::span<const float> rope_factors_; // (n_rot / 2) for this context, or empty
    DeltaIndex deltas_;
    RunState s_;
};

} // namespace clauselens::model
