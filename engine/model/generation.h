#pragma once
// The generation loop shared by every model implementation: run the prompt,
// then sample one token at a time until the budget or an end token.

#include "sample/sampler.h"
#include "sample/token_mask.h"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace clauselens::model {

// Runs `token` at `pos` and returns the logits for the next position.
using ForwardFn = std::function<std::span<const float>(int32_t token, uint32_t pos)>;

// Called with each sampled token; return false to stop early.
using TokenFn = std::function<bool(const sample::SampledToken&)>;

struct GenerationResult {
    std::vector<sample::SampledToken> tokens; // sampled, the end token included if reached
    bool reached_end = false;                 // stopped on an end token
    std::vector<float> last_logits;           // logits of the last forward pass
    uint32_t positions_used = 0;              // prompt + sampled tokens that were run
};

struct GenerationOptions {
    // Constrained decoding: only tokens that continue the grammar's document
    // are sampled (an end token only once it is complete), and each sampled
    // token is given to it. The matcher's vocabulary must match the model's.
    // The budget can still cut a document short: check grammar->ended().
    sample::GrammarMatcher* grammar = nullptr;
    // Alternatives returned with each token (SampledToken::top); 0: none.
    int32_t top_n = 0;
};

// The prompt must not be empty. Samples at most `max_tokens` tokens; a token
// listed in `end_tokens` ends generation. Needs prompt.size() + max_tokens - 1
// positions of context.
GenerationResult generate(const ForwardFn& forward, std::span<const int32_t> prompt,
                          uint32_t max_tokens, sample::Sampler& sampler,
                          std::span<const int32_t> end_tokens, const TokenFn& on_token = {},
                          const GenerationOptions& options = {});

} // namespace clauselens::model
