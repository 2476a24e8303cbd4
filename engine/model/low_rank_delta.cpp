#include "model/low_rank_delta.h"

#include "cpu/transformer_ops.h"

#include <vector>

namespace clauselens::model {

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
