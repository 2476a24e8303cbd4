#include "model/generation.h"

#include <algorithm>
#include <stdexcept>

namespace clauselens::model {

GenerationResult generate(const ForwardFn& forward, std::span<const int32_t> prompt,
                          uint32_t max_tokens, sample::Sampler& sampler,
                          std::span<const int32_t> end_tokens, const TokenFn& on_token,
                          const GenerationOptions& options) {
    if (prompt.empty()) {
        throw std::invalid_argument("generation needs at least one prompt token (e.g. BOS)");
    }
    GenerationResult result;
    std::span<const float> logits;
    uint32_t pos = 0;
    for (const int32_t t : prompt) {
        logits = forward(t, pos++);
        sampler.accept(t);
    }
    for (uint32_t i = 0; i < max_tokens; ++i) {
        if (i > 0) {
            logits = forward(result.tokens.back().id, pos++);
        }
        const sample::TokenMask* mask =
            options.grammar != nullptr ? &options.grammar->allowed() : nullptr;
        const sample::SampledToken next = sampler.sample(logits, mask, options.top_n);
        if (options.grammar != nullptr) {
            options.grammar->accept(next.id);
        }
        result.tokens.push_back(next);
        // Under a grammar, the document's end is the end, whichever end token
        // the grammar's vocabulary knows it by.
        const bool end =
            std::find(end_tokens.begin(), end_tokens.end(), next.id) != end_tokens.end() ||
            (options.grammar != nullptr && options.grammar->ended());
        result.reached_end = end;
        const bool go_on = !on_token || on_token(next);
        if (end || !go_on) {
            break;
        }
    }
    result.last_logits.assign(logits.begin(), logits.end());
    result.positions_used = pos;
    return result;
}

} // namespace clauselens::model
