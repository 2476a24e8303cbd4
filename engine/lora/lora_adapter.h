#pragma once
// LoRA adapters in GGUF form, as llama.cpp's converter writes them:
// general.type = "adapter", adapter.type = "lora", adapter.lora.alpha, and for
// each adapted base matrix "<name>.lora_a" (shape [n_cols, rank]) and
// "<name>.lora_b" (shape [rank, n_rows]). An adapter changes a matrix by
// scale * alpha / rank * B A, with the user's scale on top.

#include "gguf/gguf_reader.h"
#include "model/low_rank_delta.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace clauselens::model {
class Model;
}

namespace clauselens::lora {

struct LoraMatrix {
    std::string target; // the base matrix, e.g. "blk.0.attn_q.weight"
    model::WeightMatrix a;
    model::WeightMatrix b;
};

class LoraAdapter {
public:
    // Reads and checks the file on its own: adapter metadata, pairs of
    // tensors with matching ranks, types the engine computes with. Throws
    // LoraError (or gguf::GgufError for a broken file); messages start with
    // the path.
    static std::shared_ptr<const LoraAdapter> open(const std::filesystem::path& path);
    static std::shared_ptr<const LoraAdapter> from_file(gguf::GgufFile file,
                                                        const std::string& label);

    // Throws LoraError unless every adapted matrix exists in `base` with the
    // shape the adapter was trained for and the architectures agree: an
    // adapter for another base model must never be applied.
    void check_compatible(const model::Model& base) const;

    // The deltas at `scale` (1: as trained; 0: no change), by target name.
    model::MatrixDeltas deltas(float scale) const;

    const std::string& label() const { return label_; }
    const std::string& architecture() const { return architecture_; }
    const std::string& name() const { return name_; }
    float alpha() const { return alpha_; } // 0 when the file gives none: scale used as is
    const std::vector<LoraMatrix>& matrices() const { return matrices_; }

private:
    LoraAdapter(gguf::GgufFile file, std::string label);

    gguf::GgufFile file_;
    std::string label_;
    std::string architecture_;
    std::string name_;
    float alpha_ = 0.0f;
    std::vector<LoraMatrix> matrices_;
};

// One adapter with the scale the user chose for it.
struct ScaledAdapter {
    std::shared_ptr<const LoraAdapter> adapter;
    float scale = 1.0f;
};

// The deltas of several adapters together (each checked against `base`).
model::MatrixDeltas combine(const model::Model& base, const std::vector<ScaledAdapter>& adapters);

// Parses "FILE[:SCALE]" as given to --lora. Throws std::invalid_argument for
// a scale that is not a finite number.
ScaledAdapter open_scaled(const std::string& spec);

} // namespace clauselens::lora
