#pragma once
// Hyperparameters of a model, read from GGUF metadata. The per-architecture
// differences of the forward pass are expressed here as data.

#include <cstdint>
#include <string>

namespace clauselens::gguf {
class GgufFile;
}

namespace clauselens::model {

enum class RopeOrdering {
    normal, // rotate adjacent pairs (x[2i], x[2i+1]): Llama as stored in GGUF
    neox,   // rotate halves (x[i], x[i + d/2]): Qwen2, Phi-3, GPT-NeoX
};

struct ModelConfig {
    std::string architecture; // "llama", "qwen2" or "phi3"
    std::string name;         // general.name, for display
    uint32_t n_vocab = 0;
    uint32_t n_embd = 0; // model width (dim)
    uint32_t n_layer = 0;
    uint32_t n_head = 0;
    uint32_t n_head_kv = 0;   // < n_head for grouped-query attention
    uint32_t n_ff = 0;        // hidden width of the feed-forward network
    uint32_t n_ctx_train = 0; // longest context the model was trained for
    uint32_t head_dim = 0;    // n_embd / n_head
    uint32_t n_rot = 0;       // dimensions of each head that RoPE rotates
    float rms_eps = 1e-5f;
    float rope_freq_base = 10000.0f;
    float rope_scale = 1.0f; // linear scaling: positions are divided by it
    RopeOrdering rope_ordering = RopeOrdering::normal;
    // Context the RoPE frequencies were trained at before any extension
    // (`<arch>.rope.scaling.original_context_length`, else n_ctx_train): a
    // context up to this long uses Phi-3's short frequency factors, a longer
    // one the long factors.
    uint32_t rope_orig_ctx = 0;
    // Multiplies RoPE's cos and sin (`<arch>.rope.scaling.attn_factor`; for a
    // Phi-3 file with long factors that lacks it, sqrt(1 + ln(s) / ln(orig))
    // with s = n_ctx_train / rope_orig_ctx, as the model's authors define it).
    float rope_attn_factor = 1.0f;

    // How the architectures differ in their tensors, as data for the one
    // forward pass of each backend:
    bool qkv_bias = false;      // Qwen2: F32 biases added to Q, K and V (attn_{q,k,v}.bias)
    bool fused_qkv = false;     // Phi-3: one attn_qkv matrix, rows Q then K then V
    bool fused_gate_up = false; // Phi-3: one ffn_up matrix, rows gate then up

    uint32_t kv_dim() const { return n_head_kv * head_dim; }

    // Throws ModelError naming the key or value at fault: unsupported
    // architecture, missing hyperparameter, inconsistent head counts.
    static ModelConfig from_gguf(const gguf::GgufFile& file);
};

} // namespace clauselens::model
