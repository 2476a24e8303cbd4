#pragma once
// Chooses the next token from the model's logits. Greedy by default
// (deterministic, as extraction needs); otherwise temperature with top-k,
// top-p and min-p filtering, repetition penalty, and a seeded generator, so
// that the same seed gives the same text on every machine.

#include <cstdint>
#include <deque>
#include <span>
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

struct SampledToken {
    int32_t id = -1;
    // log p(id) under the model's own distribution: the softmax of the raw
    // logits, before penalties, temperature and filtering. Extraction uses it
    // as a confidence score.
    float logprob = 0.0f;
};

class Sampler {
public:
    explicit Sampler(const SamplerParams& params = {});

    // Picks a token and remembers it for the repetition penalty.
    SampledToken sample(std::span<const float> logits);

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

} // namespace clauselens::sample
