#include "model/low_rank_delta.h"

#include "cpu/transformer_ops.h"
#include "gguf/gguf_reader.h"
#include "model/model_error.h"

#include <set>
#include <vector>

namespace clauselens::model {

std::vector<const WeightMatrix*> projection_matrices(const ModelWeights& weights) {
    std::vector<const WeightMatrix*> out;
    for (const LayerWeights& l : weights.layers) {
        for (const WeightMatrix* m :
             {&l.wq, &l.wk, &l.wv, &l.wo, &l.ffn_gate, &l.ffn_up, &l.ffn_down}) {
            out.push_back(m);
        }
    }
    out.push_back(&weights.output);
    return out;
}

DeltaIndex index_deltas(const gguf::GgufFile& file, const ModelWeights& weights,
                        const MatrixDeltas& deltas) {
    DeltaIndex index;
    std::set<std::string_view> used;
    for (const WeightMatrix* m : projection_matrices(weights)) {
        const auto it = deltas.find(m->name);
        if (it == deltas.end() || m->data.empty()) {
            continue;
        }
        const gguf::Tensor& t = file.get_tensor(m->name);
        // Which rows of the tensor this matrix is: all of them, or a part of
        // a fused tensor.
        const uint64_t first_row = m->first_row;
        std::vector<LowRankDelta>& into = index[m->data.data()];
        for (const LowRankDelta& d : it->second) {
            if (d.a.n_cols != m->n_cols || d.b.n_rows != t.ne[1] ||
                first_row + m->n_rows > d.b.n_rows) {
                throw ModelError("the adapter's change to '" + m->name +
                                 "' does not fit the matrix's shape");
            }
            LowRankDelta part = d;
            part.b.n_rows = m->n_rows;
            part.b.data =
                d.b.data.subspan(first_row * d.b.row_bytes(), m->n_rows * d.b.row_bytes());
            into.push_back(part);
        }
        used.insert(it->first);
    }
    for (const auto& [name, list] : deltas) {
        if (!used.contains(name)) {
            throw ModelError("the adapter changes '" + name +
                             "', which is not a matrix this model multiplies with");
        }
    }
    return index;
}

void apply_deltas(std::span<const LowRankDelta> deltas, std::span<const float> x,
                  std::span<float> y) {
    std::vector<float> t;
    std::vector<float> u;
    for (const LowRankDelta& d : deltas) {
        t.resize(d.rank());
        u.resize(y.size());
        cpu::matvec(d.a.type, d.a.data, x, t);
        cpu::matvec(d.b.type, d.b.data, t, u);
        for (size_t i = 0; i < y.size(); ++i) {
            y[i] += d.scale * u[i];
        }
    }
}

} // namespace clauselens::model
