#pragma once
// A model file opened for inference: the mapped GGUF file, its config and its
// weights (views into the mapping), kept together so the views stay valid.

#include "gguf/gguf_reader.h"
#include "model/model_config.h"
#include "model/model_weights.h"

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

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

    // Replaces the data of tensor `name` (a matrix the forward pass uses,
    // possibly in parts of rows) with `data` of the same type and size, which
    // the model keeps: how adapters are merged at load. Throws ModelError for
    // an unknown tensor or a size that differs. Not while a forward pass
    // (CPU or device model) uses the model; device models built before keep
    // the weights they uploaded.
    void replace_tensor_data(std::string_view name, std::vector<std::byte> data);

private:
    explicit Model(gguf::GgufFile file);

    gguf::GgufFile file_;
    ModelConfig config_;
    ModelWeights weights_;
    std::vector<std::vector<std::byte>> replaced_; // data of replaced tensors
};

} // namespace clauselens::model
