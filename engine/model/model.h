#pragma once
// A model file opened for inference: the mapped GGUF file, its config and its
// weights (views into the mapping), kept together so the views stay valid.

#include "gguf/gguf_reader.h"
#include "model/model_config.h"
#include "model/model_weights.h"

#include <filesystem>
#include <memory>

namespace clauselens::model {

class Model {
public:
    // Throws gguf::GgufError for a broken file and ModelError for one that
    // ClauseLens cannot run; both messages start with the path.
    static std::unique_ptr<Model> open(const std::filesystem::path& path);
    static std::unique_ptr<Model> from_file(gguf::GgufFile file);

    const gguf::GgufFile& file() const { return file_; }
    const ModelConfig& config() const { return config_; }
    const ModelWeights& weights() const { return weights_; }

private:
    explicit Model(gguf::GgufFile file);

    gguf::GgufFile file_;
    ModelConfig config_;
    ModelWeights weights_;
};

} // namespace clauselens::model
