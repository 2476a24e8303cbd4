#pragma once
// Chooses the next token from the model's logits. Greedy by default
// (deterministic, as extraction needs); otherwise temperature with top-k,
// top-p and min-p filtering, repetition penalty, and a seeded generator, so
// that the same seed gives the same text on every machine.
//
// Under a grammar, a TokenMask (token_mask.h) restricts the choice to the
// tokens that can continue the document; the model's probabilities are then
// renormalised over those tokens, and that masked log-probability is what
// callers scoring a choice want.

#include "sample/token_vocabulary.h"

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <vector>

namespace clauselens::sample {

struct SamplerParams {
    float temperature = 0.0f;    // 0: greedy
    int32_t top_k = 0;           // keep the k most likely tokens; 0: all
    float top_p = 1.0f;          // keep the smallest set with this much probability; 1: all
    float min_p = 0.0f;          // drop tokens below min_p x the top probability; 0: none
    float repeat_penalty = 1.0f; // > 1 discourages the last repeat_last_n tokens
    int32_t repeat_last_n = 64;
    uint64_t seed = 0;
};

// A token and its log-probability under the model's softmax renormalised
// over the allowed tokens (all tokens when nothing is masked).
struct TokenAlternative {
    int32_t id = -1;
    float logprob = 0.0f;
};

struct SampledToken {
    int32_t id = -1;
    // log p(id) under the model's own distribution: the softmax of the raw
    // logits, before penalties, temperature and filtering. Extraction uses it
    // as a confidence score.
    float logprob = 0.0f;
    // log p(id) after masking: the same softmax over the allowed tokens only
    // (equal to logprob when nothing is masked). No temperature or penalty.
    float masked_logprob = 0.0f;
    // When asked for: the most likely allowed tokens, most likely first (ties
    // by id), with their masked log-probabilities.
    std::vector<TokenAlternative> top;
};

class Sampler {
public:
    explicit Sampler(const SamplerParams& params = {});

    // Picks a token and remembers it for the repetition penalty. With a
    // mask, only tokens in it are chosen (throws if it is empty); top_n > 0
    // also returns that many alternatives (fewer if fewer are allowed).
    SampledToken sample(std::span<const float> logits, const TokenMask* mask = nullptr,
                        int32_t top_n = 0);

    // Forgets the tokens seen so far (the random stream continues).
    void reset_history() { history_.clear(); }
    // Records a token that was not sampled (e.g. the prompt) for the penalty.
    void accept(int32_t token);

    const SamplerParams& params() const { return params_; }

private:
    // Uniform in [0, 1) from a SplitMix64 stream: exactly reproducible,
    // unlike std:: distributions whose algorithms differ between libraries.
    double next_uniform();

    SamplerParams params_;
    uint64_t state_;
    std::deque<int32_t> history_;
    std::vector<float> scratch_;
};

// log softmax(logits)[id], computed stably.
float log_probability(std::span<const float> logits, int32_t id);

// log of the sum of exp(logits) over the masked tokens (all without a mask):
// subtract it from a logit to get its masked log-probability.
double log_normalizer(std::span<const float> logits, const TokenMask* mask = nullptr);

// The allowed tokens with their masked log-probabilities, most likely first
// (ties by id); at most top_n of them unless top_n is 0.
std::vector<TokenAlternative> masked_distribution(std::span<const float> logits,
                                                  const TokenMask& mask, size_t top_n = 0);

// For each choice (bytes the document may go on with at this step, e.g. the
// JSON texts of an enum's values where the grammar branches between them):
// the probability that the next token starts writing it, i.e. the masked
// probability of the allowed tokens whose bytes are a prefix of the choice or
// begin with the whole choice. A token that starts several choices (a shared
// prefix such as "\"Non-") counts for each of them; telling those apart needs
// the model's next steps.
std::vector<double> choice_probabilities(std::span<const float> logits, const TokenMask& mask,
                                         const TokenVocabulary& vocab,
                                         std::span<const std::string> choices);

} // namespace clauselens::sample
