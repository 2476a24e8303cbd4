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

void Model::replace_tensor_data(std::string_view name, std::vector<std::byte> data) {
    const gguf::Tensor& t = file_.get_tensor(name);
    if (data.size() != t.data.size()) {
        throw ModelError("replacing '" + std::string(name) + "': " + std::to_string(data.size()) +
                         " bytes given, the tensor has " + std::to_string(t.data.size()));
    }
    replaced_.push_back(std::move(data));
    const std::byte* old_begin = t.data.data();
    const std::byte* old_end = old_begin + t.data.size();
    std::span<const std::byte> now(replaced_.back());
    bool found = false;
    // Every matrix that views part of the tensor (all of it, or a block of
    // rows of a fused tensor) now views the same part of the new data.
    auto repoint = [&](WeightMatrix& m) {
        const std::byte* p = m.data.data();
        if (p >= old_begin && p < old_end) {
            m.data = now.subspan(static_cast<size_t>(p - old_begin), m.data.size());
            found = true;
        }
    };
    for (LayerWeights& l : weights_.layers) {
        for (WeightMatrix* m : {&l.wq, &l.wk, &l.wv, &l.wo, &l.ffn_gate, &l.ffn_up, &l.ffn_down}) {
            repoint(*m);
        }
    }
    repoint(weights_.output);
    repoint(weights_.token_embd);
    if (!found) {
        replaced_.pop_back();
        throw ModelError("'" + std::string(name) + "' is not a weight matrix of the model");
    }
}

} // namespace clauselens::model
