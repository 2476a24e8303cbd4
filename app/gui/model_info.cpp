#include "gui/model_info.h"

#include "core/extraction_setup.h"
#include "gguf/gguf_reader.h"
#include "vk/instance.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <algorithm>
#include <exception>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace clauselens::gui {

namespace {

// llama.cpp's LLAMA_FTYPE numbers, which converters and quantizers store in
// general.file_type: the names users know from model hubs.
QString file_type_name(std::int64_t file_type) {
    static const std::map<std::int64_t, const char*> k_names = {
        {0, "F32"},      {1, "F16"},      {2, "Q4_0"},    {3, "Q4_1"},    {7, "Q8_0"},
        {8, "Q5_0"},     {9, "Q5_1"},     {10, "Q2_K"},   {11, "Q3_K_S"}, {12, "Q3_K_M"},
        {13, "Q3_K_L"},  {14, "Q4_K_S"},  {15, "Q4_K_M"}, {16, "Q5_K_S"}, {17, "Q5_K_M"},
        {18, "Q6_K"},    {19, "IQ2_XXS"}, {20, "IQ2_XS"}, {21, "Q2_K_S"}, {22, "IQ3_XS"},
        {23, "IQ3_XXS"}, {24, "IQ1_S"},   {25, "IQ4_NL"}, {26, "IQ3_S"},  {27, "IQ3_M"},
        {28, "IQ2_S"},   {29, "IQ2_M"},   {30, "IQ4_XS"}, {31, "IQ1_M"},  {32, "BF16"},
        {36, "TQ1_0"},   {37, "TQ2_0"},
    };
    const auto it = k_names.find(file_type);
    return it == k_names.end() ? QString() : QString::fromLatin1(it->second);
}

std::optional<std::int64_t> int_value(const gguf::GgufFile& file, const std::string& key) {
    const gguf::Value* v = file.find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    try {
        return v->to_int();
    } catch (const gguf::GgufError&) {
        return std::nullopt; // a key of another type: treated as absent
    }
}

QString string_value(const gguf::GgufFile& file, const std::string& key) {
    const gguf::Value* v = file.find(key);
    if (v == nullptr || v->type() != gguf::ValueType::string) {
        return {};
    }
    const std::string_view s = v->as_string();
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// Clamped into int: a hostile file may store any 64-bit number.
int to_int(std::optional<std::int64_t> v) {
    if (!v || *v < 0) {
        return 0;
    }
    return static_cast<int>(std::min<std::int64_t>(*v, std::numeric_limits<int>::max()));
}

// "Q8_0" when every matrix has one type, "mostly Q4_K" when most matrix bytes
// do; files without general.file_type (older converters, test models) get
// their type this way.
QString quantization_from_tensors(const gguf::GgufFile& file) {
    std::map<std::uint32_t, std::uint64_t> bytes_by_type;
    for (const gguf::Tensor& t : file.tensors()) {
        if (t.n_dims >= 2) {
            bytes_by_type[static_cast<std::uint32_t>(t.type)] += t.n_bytes;
        }
    }
    if (bytes_by_type.empty()) {
        return {};
    }
    const auto most =
        std::max_element(bytes_by_type.begin(), bytes_by_type.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    const std::string_view name =
        gguf::tensor_type_name(static_cast<gguf::TensorType>(most->first));
    const QString type = QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
    return bytes_by_type.size() == 1 ? type : QStringLiteral("mostly %1").arg(type);
}

QString message_of(const std::exception& e) {
    return QString::fromUtf8(e.what());
}

} // namespace

ModelInfo read_model_info(const QString& gguf_path) {
    ModelInfo info;
    info.path = gguf_path;
    info.name = QFileInfo(gguf_path).fileName();
    info.file_size = QFileInfo(gguf_path).size();
    if (!QFileInfo(gguf_path).isFile()) {
        info.error = QCoreApplication::translate("ModelInfo", "%1 is not a file.").arg(gguf_path);
        return info;
    }
    try {
        const gguf::GgufFile file = gguf::GgufFile::open(gguf_path.toStdString());
        info.file_size = static_cast<qint64>(file.file_size());
        if (const QString name = string_value(file, "general.name"); !name.isEmpty()) {
            info.name = name;
        }
        info.architecture = string_value(file, "general.architecture");
        if (info.architecture.isEmpty()) {
            info.error = QCoreApplication::translate(
                "ModelInfo", "The file has no general.architecture: it is not a language model.");
            return info;
        }
        if (string_value(file, "general.type") == QLatin1String("adapter")) {
            info.error = QCoreApplication::translate(
                "ModelInfo", "This is a LoRA adapter, not a model: choose it as the adapter.");
            return info;
        }
        const std::string a = info.architecture.toStdString() + ".";
        info.context_length = to_int(int_value(file, a + "context_length"));
        info.layers = to_int(int_value(file, a + "block_count"));
        info.embedding = to_int(int_value(file, a + "embedding_length"));
        info.heads = to_int(int_value(file, a + "attention.head_count"));
        info.kv_heads = to_int(int_value(file, a + "attention.head_count_kv"));
        if (info.kv_heads == 0) {
            info.kv_heads = info.heads;
        }
        info.feed_forward = to_int(int_value(file, a + "feed_forward_length"));
        if (const int key_length = to_int(int_value(file, a + "attention.key_length"));
            key_length > 0) {
            info.kv_dim = key_length * info.kv_heads;
        } else if (info.heads > 0) {
            info.kv_dim = info.embedding / info.heads * info.kv_heads;
        }
        info.vocabulary = to_int(int_value(file, a + "vocab_size"));
        if (info.vocabulary == 0) {
            if (const gguf::Value* tokens = file.find("tokenizer.ggml.tokens");
                tokens != nullptr && tokens->type() == gguf::ValueType::array) {
                info.vocabulary = to_int(static_cast<std::int64_t>(
                    std::min<std::uint64_t>(tokens->as_array().size(), INT32_MAX)));
            }
        }

        if (const auto file_type = int_value(file, "general.file_type")) {
            info.quantization = file_type_name(*file_type);
        }
        if (info.quantization.isEmpty()) {
            info.quantization = quantization_from_tensors(file);
        }

        // The tensors cannot overlap within the file, so these sums stay
        // below the file size and cannot overflow.
        const bool tied_output = file.find_tensor("output.weight") == nullptr;
        std::uint64_t parameters = 0;
        std::uint64_t weight_bytes = 0;
        for (const gguf::Tensor& t : file.tensors()) {
            parameters += t.n_elements;
            if (t.name != "token_embd.weight" || tied_output) {
                weight_bytes += t.n_bytes;
            }
        }
        info.parameters = static_cast<qint64>(parameters);
        info.weight_bytes = static_cast<qint64>(weight_bytes);
        if (info.layers == 0 || info.embedding == 0) {
            info.error =
                QCoreApplication::translate(
                    "ModelInfo", "The file lacks %1block_count or %1embedding_length: it is not a "
                                 "complete model.")
                    .arg(info.architecture + QLatin1Char('.'));
        }
    } catch (const std::exception& e) {
        info.error = message_of(e);
    }
    return info;
}

AdapterInfo read_adapter_info(const QString& gguf_path) {
    AdapterInfo info;
    info.path = gguf_path;
    info.name = QFileInfo(gguf_path).fileName();
    info.file_size = QFileInfo(gguf_path).size();
    if (!QFileInfo(gguf_path).isFile()) {
        info.error = QCoreApplication::translate("ModelInfo", "%1 is not a file.").arg(gguf_path);
        return info;
    }
    try {
        const gguf::GgufFile file = gguf::GgufFile::open(gguf_path.toStdString());
        if (const QString name = string_value(file, "general.name"); !name.isEmpty()) {
            info.name = name;
        }
        info.base_architecture = string_value(file, "general.architecture");
        if (string_value(file, "general.type") != QLatin1String("adapter") ||
            string_value(file, "adapter.type") != QLatin1String("lora")) {
            info.error = QCoreApplication::translate(
                "ModelInfo",
                "Not a LoRA adapter (general.type must be \"adapter\" and adapter.type \"lora\").");
            return info;
        }
        if (const gguf::Value* alpha = file.find("adapter.lora.alpha"); alpha != nullptr) {
            try {
                info.alpha = alpha->to_double();
            } catch (const gguf::GgufError&) {
                info.alpha = 0; // a value of another type: as if absent
            }
        }
        for (const gguf::Tensor& t : file.tensors()) {
            if (t.name.ends_with(".lora_a")) {
                ++info.matrices;
                if (info.rank == 0 && t.n_dims >= 2) {
                    info.rank = to_int(
                        static_cast<std::int64_t>(std::min<std::uint64_t>(t.ne[1], INT32_MAX)));
                }
            }
        }
        if (info.matrices == 0) {
            info.error =
                QCoreApplication::translate("ModelInfo", "The adapter has no lora_a matrices.");
        }
    } catch (const std::exception& e) {
        info.error = message_of(e);
    }
    return info;
}

std::vector<DeviceChoice> list_devices(QString* error) {
    std::vector<DeviceChoice> out;
    try {
        vk::InstanceOptions options;
        options.print_validation = false; // nothing runs on these devices
        const vk::Instance instance(options);
        for (const vk::DeviceInfo& d : instance.devices()) {
            DeviceChoice c;
            c.id = QStringLiteral("vk:%1").arg(d.index);
            c.name = QString::fromStdString(d.name);
            c.discrete = d.type == "discrete GPU";
            c.usable = d.usable();
            c.unsupported_reason = QString::fromStdString(d.unsupported_reason);
            // The largest heap, not the sum: the model's buffers live in one heap.
            for (const vk::MemoryHeapInfo& h : d.heaps) {
                if (h.device_local) {
                    c.memory_bytes = std::max(c.memory_bytes, static_cast<qint64>(h.size));
                }
            }
            out.push_back(c);
        }
    } catch (const std::exception& e) {
        if (error != nullptr) {
            *error = message_of(e);
        }
        out.clear();
    }
    return out;
}

qint64 estimated_device_bytes(const ModelInfo& info, int context, int batch) {
    if (!info.ok() || info.layers <= 0 || context <= 0 || batch <= 0) {
        return 0;
    }
    constexpr std::uint64_t k_tokens_per_pass = 512; // the extractor's forward pass size
    const std::uint64_t layers = static_cast<std::uint64_t>(info.layers);
    const std::uint64_t embd = static_cast<std::uint64_t>(std::max(info.embedding, 0));
    const std::uint64_t kv_dim = static_cast<std::uint64_t>(std::max(info.kv_dim, 0));
    const std::uint64_t ff = static_cast<std::uint64_t>(std::max(info.feed_forward, 0));
    const std::uint64_t vocab = static_cast<std::uint64_t>(std::max(info.vocabulary, 0));
    const std::uint64_t seqs = static_cast<std::uint64_t>(batch) + 1;
    // In long double: a hostile header's numbers cannot overflow it, and the
    // result saturates below.
    const long double kv_cache =
        2.0L * layers * seqs * static_cast<long double>(context) * kv_dim * 2.0L;
    const long double per_token = (5.0L * embd + 2.0L * kv_dim + 2.0L * ff) * 4 + (embd + 4.0L) * 4;
    const long double activations =
        k_tokens_per_pass * per_token + static_cast<long double>(batch) * (2.0L * embd + vocab) * 4;
    const long double total = static_cast<long double>(info.weight_bytes) + kv_cache + activations;
    if (total >= static_cast<long double>(std::numeric_limits<qint64>::max())) {
        return std::numeric_limits<qint64>::max();
    }
    return static_cast<qint64>(total);
}

int extraction_positions(const core::ClauseLibrary& library) {
    const core::ExtractionPrompt prompt = core::extraction_prompt(library);
    const core::ExtractorOptions defaults;
    constexpr size_t k_bytes_per_token = 3;
    constexpr size_t k_chat_template_tokens = 32; // role markers around the two messages
    const size_t prompt_tokens =
        (prompt.system.size() + prompt.user.size()) / k_bytes_per_token + k_chat_template_tokens;
    return static_cast<int>(prompt_tokens + defaults.max_segment_tokens +
                            defaults.max_answer_tokens);
}

QString format_bytes(qint64 bytes) {
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString format_count(qint64 count) {
    static const char* const k_units[] = {"", " K", " M", " B", " T"};
    double v = static_cast<double>(count);
    size_t unit = 0;
    while (v >= 1000 && unit + 1 < std::size(k_units)) {
        v /= 1000;
        ++unit;
    }
    return unit == 0 ? QString::number(count)
                     : QLocale().toString(v, 'f', 2) + QLatin1String(k_units[unit]);
}

} // namespace clauselens::gui
