#include "lora/lora_adapter.h"

#include "gguf/gguf_error.h"
#include "lora/lora_error.h"
#include "model/model.h"

#include <charconv>
#include <cmath>
#include <map>
#include <stdexcept>

namespace clauselens::lora {

namespace {

constexpr std::string_view k_suffix_a = ".lora_a";
constexpr std::string_view k_suffix_b = ".lora_b";

std::string shape_text(uint64_t cols, uint64_t rows) {
    return "[" + std::to_string(cols) + ", " + std::to_string(rows) + "]";
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Types the runtime matrix products take for adapter factors.
bool usable_type(gguf::TensorType t) {
    using gguf::TensorType;
    return t == TensorType::f32 || t == TensorType::f16 || t == TensorType::bf16 ||
           t == TensorType::q8_0;
}

model::WeightMatrix factor(const gguf::Tensor& t, const std::string& label) {
    if (t.n_dims != 2) {
        throw LoraError(label + ": tensor '" + std::string(t.name) + "' has " +
                        std::to_string(t.n_dims) + " dimensions; LoRA factors are matrices");
    }
    if (!usable_type(t.type)) {
        throw LoraError(label + ": tensor '" + std::string(t.name) + "' is stored as " +
                        std::string(gguf::tensor_type_name(t.type)) +
                        "; adapters must be F32, F16, BF16 or Q8_0");
    }
    return model::WeightMatrix{std::string(t.name), t.type, t.ne[0], t.ne[1], t.data};
}

} // namespace

LoraAdapter::LoraAdapter(gguf::GgufFile file, std::string label)
    : file_(std::move(file)), label_(std::move(label)) {}

std::shared_ptr<const LoraAdapter> LoraAdapter::open(const std::filesystem::path& path) {
    return from_file(gguf::GgufFile::open(path), path.string());
}

std::shared_ptr<const LoraAdapter> LoraAdapter::from_file(gguf::GgufFile file,
                                                          const std::string& label) {
    std::shared_ptr<LoraAdapter> a(new LoraAdapter(std::move(file), label));
    const gguf::GgufFile& f = a->file_;
    auto string_key = [&](std::string_view key) -> std::string {
        return f.find(key) != nullptr ? std::string(f.get_string(key)) : std::string();
    };
    const std::string type = string_key("general.type");
    if (type != "adapter") {
        throw LoraError(label + ": not an adapter file (general.type is " +
                        (type.empty() ? std::string("missing") : "'" + type + "'") +
                        "); --lora takes a LoRA adapter in GGUF form");
    }
    const std::string adapter_type = string_key("adapter.type");
    if (adapter_type != "lora") {
        throw LoraError(label + ": adapter type '" + adapter_type +
                        "' is not supported; ClauseLens applies LoRA adapters");
    }
    a->architecture_ = string_key("general.architecture");
    if (a->architecture_.empty()) {
        throw LoraError(label + ": the adapter does not say which architecture it is for "
                                "('general.architecture')");
    }
    a->name_ = string_key("general.name");
    if (f.find("adapter.lora.alpha") != nullptr) {
        a->alpha_ = f.get_f32("adapter.lora.alpha");
        if (!std::isfinite(a->alpha_) || a->alpha_ < 0.0f) {
            throw LoraError(label + ": 'adapter.lora.alpha' is not a usable value");
        }
    }

    std::map<std::string, const gguf::Tensor*> factors_a;
    std::map<std::string, const gguf::Tensor*> factors_b;
    for (const gguf::Tensor& t : f.tensors()) {
        if (ends_with(t.name, k_suffix_a)) {
            factors_a[std::string(t.name.substr(0, t.name.size() - k_suffix_a.size()))] = &t;
        } else if (ends_with(t.name, k_suffix_b)) {
            factors_b[std::string(t.name.substr(0, t.name.size() - k_suffix_b.size()))] = &t;
        } else {
            throw LoraError(label + ": tensor '" + std::string(t.name) +
                            "' is neither a '.lora_a' nor a '.lora_b' factor");
        }
    }
    for (const auto& [target, ta] : factors_a) {
        const auto it = factors_b.find(target);
        if (it == factors_b.end()) {
            throw LoraError(label + ": '" + target + ".lora_a' has no matching '.lora_b'");
        }
        LoraMatrix m{target, factor(*ta, label), factor(*it->second, label)};
        // A is (rank rows, n_cols), B is (n_rows, rank cols).
        if (m.a.n_rows != m.b.n_cols || m.a.n_rows == 0) {
            throw LoraError(label + ": the factors of '" + target + "' disagree on the rank (" +
                            "lora_a " + shape_text(m.a.n_cols, m.a.n_rows) + ", lora_b " +
                            shape_text(m.b.n_cols, m.b.n_rows) + ")");
        }
        a->matrices_.push_back(std::move(m));
    }
    for (const auto& [target, tb] : factors_b) {
        if (!factors_a.contains(target)) {
            throw LoraError(label + ": '" + target + ".lora_b' has no matching '.lora_a'");
        }
    }
    if (a->matrices_.empty()) {
        throw LoraError(label + ": the adapter holds no LoRA tensors");
    }
    return a;
}

void LoraAdapter::check_compatible(const model::Model& base) const {
    const std::string& base_arch = base.config().architecture;
    if (architecture_ != base_arch) {
        throw LoraError(label_ + ": the adapter is for a '" + architecture_ +
                        "' model, the model is '" + base_arch + "'");
    }
    for (const LoraMatrix& m : matrices_) {
        const gguf::Tensor* t = base.file().find_tensor(m.target);
        if (t == nullptr) {
            throw LoraError(label_ + ": the adapter changes '" + m.target +
                            "', which the model does not have: it was made for another "
                            "base model");
        }
        if (m.target == "token_embd.weight") {
            throw LoraError(label_ + ": adapters of the token embedding are not supported");
        }
        if (t->n_dims != 2 || t->ne[0] != m.a.n_cols || t->ne[1] != m.b.n_rows) {
            throw LoraError(label_ + ": the adapter expects '" + m.target + "' of shape " +
                            shape_text(m.a.n_cols, m.b.n_rows) + ", the model's is " +
                            shape_text(t->ne[0], t->n_dims > 1 ? t->ne[1] : 1) +
                            ": it was made for another base model");
        }
    }
}

model::MatrixDeltas LoraAdapter::deltas(float scale) const {
    model::MatrixDeltas out;
    for (const LoraMatrix& m : matrices_) {
        const float rank = static_cast<float>(m.a.n_rows);
        const float s = alpha_ > 0.0f ? scale * alpha_ / rank : scale;
        out[m.target].push_back(model::LowRankDelta{m.a, m.b, s});
    }
    return out;
}

model::MatrixDeltas combine(const model::Model& base, const std::vector<ScaledAdapter>& adapters) {
    model::MatrixDeltas all;
    for (const ScaledAdapter& a : adapters) {
        a.adapter->check_compatible(base);
        for (auto& [target, list] : a.adapter->deltas(a.scale)) {
            auto& into = all[target];
            into.insert(into.end(), list.begin(), list.end());
        }
    }
    return all;
}

ScaledAdapter open_scaled(const std::string& spec) {
    // FILE[:SCALE]: the scale is whatever follows the last ':' when it reads
    // as a number, so paths with colons still work.
    std::string path = spec;
    float scale = 1.0f;
    const size_t colon = spec.rfind(':');
    if (colon != std::string::npos && colon + 1 < spec.size()) {
        const std::string tail = spec.substr(colon + 1);
        float v = 0.0f;
        const auto [end, ec] = std::from_chars(tail.data(), tail.data() + tail.size(), v);
        if (ec == std::errc() && end == tail.data() + tail.size()) {
            if (!std::isfinite(v)) {
                throw std::invalid_argument("adapter scale '" + tail + "' is not a finite number");
            }
            path = spec.substr(0, colon);
            scale = v;
        }
    }
    return ScaledAdapter{LoraAdapter::open(path), scale};
}

} // namespace clauselens::lora
