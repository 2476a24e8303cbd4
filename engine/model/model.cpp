#include "model/model.h"

#include "model/model_error.h"

namespace clauselens::model {

Model::Model(gguf::GgufFile file)
    : file_(std::move(file)), config_(ModelConfig::from_gguf(file_)),
      weights_(ModelWeights::from_gguf(file_, config_)) {}

std::unique_ptr<Model> Model::from_file(gguf::GgufFile file) {
    return std::unique_ptr<Model>(new Model(std::move(file)));
}

std::unique_ptr<Model> Model::open(const std::filesystem::path& path) {
    gguf::GgufFile file = gguf::GgufFile::open(path);
    try {
        return from_file(std::move(file));
    } catch (const ModelError& e) {
        throw ModelError(path.string() + ": " + e.what());
    }
}

} // namespace clauselens::model
