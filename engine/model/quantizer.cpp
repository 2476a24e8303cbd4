#include "model/quantizer.h"

#include "cpu/quant.h"
#include "gguf/gguf_reader.h"
#include "gguf/gguf_writer.h"
#include "model/model_error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

namespace clauselens::model {

namespace {

using T = gguf::TensorType;

bool is_unquantized(T type) {
    return type == T::f32 || type == T::f16 || type == T::bf16;
}

std::string quoted(std::string_view s) {
    std::string out = "'";
    out += s;
    out += "'";
    return out;
}

// The whole-model facts the mix needs. The layer count comes from the
// metadata, or from the tensor names of a file that lacks it.
MixModel mix_model(const gguf::GgufFile& in) {
    MixModel model;
    if (const gguf::Value* arch = in.find("general.architecture");
        arch != nullptr && arch->type() == gguf::ValueType::string) {
        model.arch = arch->as_string();
    }
    const std::string count_key = std::string(model.arch) + ".block_count";
    if (const gguf::Value* count = in.find(count_key); count != nullptr) {
        model.n_layer = static_cast<uint32_t>(std::clamp<int64_t>(count->to_int(), 0, UINT32_MAX));
    } else {
        for (const gguf::Tensor& t : in.tensors()) {
            if (t.name.starts_with("blk.")) {
                const uint32_t layer = static_cast<uint32_t>(
                    std::strtoul(std::string(t.name.substr(4)).c_str(), nullptr, 10));
                model.n_layer = std::max(model.n_layer, layer + 1);
            }
        }
    }
    model.has_output = in.find_tensor("output.weight") != nullptr;
    return model;
}

// Converts every row of `t` to `to` into `out`, rows split evenly across
// threads. The first error of any thread (a non-finite weight) is rethrown.
void convert_rows(const gguf::Tensor& t, T to, std::span<std::byte> out, unsigned n_threads) {
    const uint64_t cols = t.ne[0];
    const uint64_t rows = t.n_elements / cols;
    const size_t in_row = cpu::row_bytes(t.type, cols);
    const size_t out_row = cpu::row_bytes(to, cols);
    std::mutex error_mutex;
    std::exception_ptr error;
    auto work = [&](uint64_t first, uint64_t last) {
        try {
            std::vector<float> row(cols);
            for (uint64_t r = first; r < last; ++r) {
                cpu::dequantize(t.type, t.data.subspan(r * in_row, in_row), row);
                const bool finite =
                    std::all_of(row.begin(), row.end(), [](float v) { return std::isfinite(v); });
                if (!finite) {
                    throw ModelError("tensor " + quoted(t.name) +
                                     " holds a value that is not a finite number in row " +
                                     std::to_string(r) + "; the input model is damaged");
                }
                cpu::quantize(to, row, out.subspan(r * out_row, out_row));
            }
        } catch (...) {
            const std::lock_guard lock(error_mutex);
            if (!error) {
                error = std::current_exception();
            }
        }
    };
    // Small tensors are not worth a thread per core.
    const uint64_t n = std::clamp<uint64_t>(n_threads, 1, std::max<uint64_t>(rows / 16, 1));
    const uint64_t per_thread = (rows + n - 1) / n;
    std::vector<std::thread> threads;
    for (uint64_t i = 1; i < n; ++i) {
        threads.emplace_back(work, std::min(rows, i * per_thread),
                             std::min(rows, (i + 1) * per_thread));
    }
    work(0, std::min(rows, per_thread));
    for (std::thread& thread : threads) {
        thread.join();
    }
    if (error) {
        std::rethrow_exception(error);
    }
}

} // namespace

QuantizeSummary quantize_model(const QuantizeOptions& o) {
    const auto start = std::chrono::steady_clock::now();
    const gguf::GgufFile in = gguf::GgufFile::open(o.input);
    const MixModel model = mix_model(in);

    QuantizeSummary summary;
    summary.n_threads =
        o.n_threads != 0 ? o.n_threads : std::max(1u, std::thread::hardware_concurrency());
    summary.file_bytes_in = in.file_size();
    summary.n_tensors = in.tensors().size();

    // Every type is decided, and every input checked, before anything is written.
    std::vector<MixType> types;
    for (const gguf::Tensor& t : in.tensors()) {
        const MixType m = quant_mix_type(o.mix, model, t.name, t.shape(), t.type);
        if (m.quantized && !is_unquantized(t.type)) {
            const std::string type(gguf::tensor_type_name(t.type));
            throw ModelError(o.input.string() + ": tensor " + quoted(t.name) +
                             (cpu::is_compute_type(t.type) ? " is already quantized as " + type
                                                           : " is stored as " + type) +
                             "; quantize from an F32, F16 or BF16 file");
        }
        types.push_back(m);
    }

    gguf::GgufWriter w;
    bool has_file_type = false;
    bool has_version = false;
    const uint32_t file_type = quant_mix_file_type(o.mix);
    constexpr uint32_t k_quantization_version = 2; // ggml's current block layouts
    for (const gguf::MetadataEntry& e : in.metadata()) {
        if (e.key == "general.file_type") {
            w.add_u32(e.key, file_type);
            has_file_type = true;
        } else if (e.key == "general.quantization_version") {
            w.add_u32(e.key, k_quantization_version);
            has_version = true;
        } else {
            w.add_value(e.key, e.value);
        }
    }
    if (!has_file_type) {
        w.add_u32("general.file_type", file_type);
    }
    if (!has_version) {
        w.add_u32("general.quantization_version", k_quantization_version);
    }

    const size_t count = in.tensors().size();
    for (size_t i = 0; i < count; ++i) {
        const gguf::Tensor& t = in.tensors()[i];
        const MixType m = types[i];
        QuantizedTensor report{std::string(t.name),
                               t.type,
                               m.type,
                               m.wanted,
                               t.ne[0],
                               t.n_elements,
                               t.n_bytes,
                               m.type == t.type ? t.n_bytes
                                                : gguf::tensor_bytes(m.type, t.n_elements).value(),
                               i,
                               count};
        summary.n_elements += t.n_elements;
        summary.tensor_bytes_out += report.bytes_out;
        summary.n_quantized += m.quantized ? 1 : 0;
        if (m.quantized && m.type != m.wanted) {
            summary.fallbacks.push_back(report);
        }
        w.add_tensor(t.name, m.type, t.shape(),
                     [&t, &o, m, report, threads = summary.n_threads](std::span<std::byte> out) {
                         if (m.type == t.type) {
                             std::memcpy(out.data(), t.data.data(), out.size());
                         } else {
                             convert_rows(t, m.type, out, threads);
                         }
                         if (o.progress) {
                             o.progress(report);
                         }
                     });
    }
    summary.file_bytes_out = w.file_size();
    w.write_file(o.output);
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

} // namespace clauselens::model
