#include "lora/test_adapter_maker.h"

#include "cpu/gaussian.h"
#include "cpu/quant.h"
#include "gguf/gguf_reader.h"
#include "gguf/gguf_writer.h"

#include <cmath>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace clauselens::lora {

namespace {

// The matrices LoRA training usually targets: every projection in a layer.
bool is_target(std::string_view name) {
    if (!name.starts_with("blk.") || !name.ends_with(".weight")) {
        return false;
    }
    for (std::string_view part : {".attn_q.", ".attn_k.", ".attn_v.", ".attn_output.", ".attn_qkv.",
                                  ".ffn_gate.", ".ffn_up.", ".ffn_down."}) {
        if (name.find(part) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

std::vector<std::byte> random_matrix(uint64_t rows, uint64_t cols, float deviation,
                                     gguf::TensorType type, uint64_t seed) {
    std::vector<std::byte> out(rows * cpu::row_bytes(type, cols));
    std::vector<float> row(cols);
    cpu::Gaussian g(seed);
    const size_t row_bytes = cpu::row_bytes(type, cols);
    for (uint64_t r = 0; r < rows; ++r) {
        for (float& v : row) {
            v = g.next() * deviation;
        }
        cpu::quantize(type, row, std::span(out).subspan(r * row_bytes, row_bytes));
    }
    return out;
}

} // namespace

std::string make_test_adapter(const TestAdapterOptions& o) {
    if (o.rank == 0) {
        throw std::invalid_argument("the adapter rank must be at least 1");
    }
    const gguf::GgufFile base = gguf::GgufFile::open(o.base);
    gguf::GgufWriter w;
    const std::string arch(base.get_string("general.architecture"));
    w.add_string("general.architecture", arch);
    w.add_string("general.type", "adapter");
    w.add_string("general.name", "ClauseLens test adapter");
    w.add_string("adapter.type", "lora");
    w.add_f32("adapter.lora.alpha", o.alpha);

    const gguf::TensorType type = o.f16 ? gguf::TensorType::f16 : gguf::TensorType::f32;
    std::vector<std::vector<std::byte>> data;
    uint64_t seed = o.seed * 0x9e3779b97f4a7c15ull + 1;
    size_t n_matrices = 0;
    uint64_t params = 0;
    for (const gguf::Tensor& t : base.tensors()) {
        if (!is_target(t.name) || t.n_dims != 2) {
            continue;
        }
        const uint64_t n_cols = t.ne[0];
        const uint64_t n_rows = t.ne[1];
        // With these deviations the delta's outputs are about as large as
        // a tenth of the base matrix's (whose weights have deviation
        // 1/sqrt(n_cols) in test models), after the alpha / rank scale.
        const float scale = o.alpha / static_cast<float>(o.rank);
        const float dev_a = 1.0f / std::sqrt(static_cast<float>(n_cols));
        const float dev_b = 0.1f / (scale * std::sqrt(static_cast<float>(o.rank)));
        data.push_back(random_matrix(o.rank, n_cols, dev_a, type, seed++));
        const uint64_t shape_a[2] = {n_cols, o.rank};
        w.add_tensor(std::string(t.name) + ".lora_a", type, shape_a, data.back());
        data.push_back(random_matrix(n_rows, o.rank, dev_b, type, seed++));
        const uint64_t shape_b[2] = {o.rank, n_rows};
        w.add_tensor(std::string(t.name) + ".lora_b", type, shape_b, data.back());
        ++n_matrices;
        params += o.rank * (n_cols + n_rows);
    }
    if (n_matrices == 0) {
        throw std::invalid_argument(
            o.base.string() + ": the model has no attention or feed-forward matrices to adapt");
    }
    w.write_file(o.output);
    return o.output.string() + ": LoRA adapter for " + arch + ", rank " + std::to_string(o.rank) +
           ", alpha " + std::to_string(o.alpha).substr(0, 5) + ", " + std::to_string(n_matrices) +
           " matrices, " + std::to_string(params) + " parameters";
}

} // namespace clauselens::lora
