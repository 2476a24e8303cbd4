#include "lora/lora_merge.h"

#include "cpu/quant.h"
#include "model/model.h"

#include <algorithm>
#include <thread>

namespace clauselens::lora {

namespace {

std::vector<float> dequantized(const model::WeightMatrix& m) {
    std::vector<float> out(m.n_rows * m.n_cols);
    for (uint64_t r = 0; r < m.n_rows; ++r) {
        cpu::dequantize(m.type, m.row(r), std::span<float>(out).subspan(r * m.n_cols, m.n_cols));
    }
    return out;
}

} // namespace

std::vector<std::byte> merged_matrix(const model::WeightMatrix& w,
                                     const std::vector<model::LowRankDelta>& deltas) {
    struct Factors {
        std::vector<float> a; // (rank, n_cols)
        std::vector<float> b; // (n_rows, rank)
        uint64_t rank;
        float scale;
    };
    std::vector<Factors> factors;
    for (const model::LowRankDelta& d : deltas) {
        factors.push_back({dequantized(d.a), dequantized(d.b), d.rank(), d.scale});
    }
    std::vector<std::byte> out(w.data.size());
    const size_t row_bytes = w.row_bytes();

    auto merge_rows = [&](uint64_t begin, uint64_t end) {
        std::vector<float> row(w.n_cols);
        for (uint64_t r = begin; r < end; ++r) {
            cpu::dequantize(w.type, w.row(r), row);
            for (const Factors& f : factors) {
                for (uint64_t k = 0; k < f.rank; ++k) {
                    const float coef = f.scale * f.b[r * f.rank + k];
                    const float* a = f.a.data() + k * w.n_cols;
                    for (uint64_t c = 0; c < w.n_cols; ++c) {
                        row[c] += coef * a[c];
                    }
                }
            }
            cpu::quantize(w.type, row, std::span(out).subspan(r * row_bytes, row_bytes));
        }
    };
    const uint64_t n_threads = std::clamp<uint64_t>(std::thread::hardware_concurrency(), 1,
                                                    std::max<uint64_t>(w.n_rows / 16, 1));
    {
        std::vector<std::jthread> threads; // joined at the end of this block
        const uint64_t per = (w.n_rows + n_threads - 1) / n_threads;
        for (uint64_t t = 0; t < n_threads; ++t) {
            const uint64_t begin = t * per;
            const uint64_t end = std::min(w.n_rows, begin + per);
            if (begin < end) {
                threads.emplace_back(merge_rows, begin, end);
            }
        }
    }
    return out;
}

void merge_into(model::Model& model, const model::MatrixDeltas& deltas) {
    for (const auto& [name, list] : deltas) {
        const gguf::Tensor& t = model.file().get_tensor(name);
        // The whole tensor, fused parts included: the delta spans all its rows.
        const model::WeightMatrix whole{name, t.type, t.ne[0], t.ne[1], t.data};
        model.replace_tensor_data(name, merged_matrix(whole, list));
    }
}

} // namespace clauselens::lora
