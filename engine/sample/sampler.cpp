#include "sample/sampler.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <unordered_set>

namespace clauselens::sample {

namespace {

void check_params(const SamplerParams& p) {
    auto fail = [](const std::string& what) {
        throw std::invalid_argument(what);
    };
    if (!(p.temperature >= 0.0f) || !std::isfinite(p.temperature)) {
        fail("temperature must be 0 (greedy) or positive");
    }
    if (p.top_k < 0) {
        fail("top-k must be 0 (off) or positive");
    }
    if (!(p.top_p > 0.0f && p.top_p <= 1.0f)) {
        fail("top-p must be in (0, 1]");
    }
    if (!(p.min_p >= 0.0f && p.min_p < 1.0f)) {
        fail("min-p must be in [0, 1)");
    }
    if (!(p.repeat_penalty > 0.0f) || !std::isfinite(p.repeat_penalty)) {
        fail("repetition penalty must be positive (1 is off)");
    }
    if (p.repeat_last_n < 0) {
        fail("repeat-last-n must not be negative");
    }
}

} // namespace

float log_probability(std::span<const float> logits, int32_t id) {
    const float max = *std::max_element(logits.begin(), logits.end());
    double sum = 0.0;
    for (const float l : logits) {
        sum += std::exp(static_cast<double>(l) - max);
    }
    return static_cast<float>(static_cast<double>(logits[static_cast<size_t>(id)]) - max -
                              std::log(sum));
}

Sampler::Sampler(const SamplerParams& params) : params_(params), state_(params.seed) {
    check_params(params_);
}

double Sampler::next_uniform() {
    state_ += 0x9e3779b97f4a7c15ull;
    uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) * 0x1.0p-53;
}

void Sampler::accept(int32_t token) {
    if (params_.repeat_last_n == 0) {
        return;
    }
    history_.push_back(token);
    while (history_.size() > static_cast<size_t>(params_.repeat_last_n)) {
        history_.pop_front();
    }
}

namespace {

// The n ids with the highest logits among `ids`, highest first, ties by id,
// with log-probabilities relative to `normalizer`.
std::vector<TokenAlternative> best_of(std::span<const float> logits, std::vector<int32_t> ids,
                                      double normalizer, size_t n) {
    auto better = [&](int32_t a, int32_t b) {
        const float x = logits[static_cast<size_t>(a)];
        const float y = logits[static_cast<size_t>(b)];
        return x > y || (x == y && a < b);
    };
    n = n == 0 ? ids.size() : std::min(n, ids.size());
    std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(n), ids.end(), better);
    std::vector<TokenAlternative> out(n);
    for (size_t i = 0; i < n; ++i) {
        out[i] = {ids[i], static_cast<float>(logits[static_cast<size_t>(ids[i])] - normalizer)};
    }
    return out;
}

void check_mask(std::span<const float> logits, const TokenMask& mask) {
    if (mask.size() != logits.size()) {
        throw std::invalid_argument("the token mask is for a vocabulary of " +
                                    std::to_string(mask.size()) + " tokens, the logits have " +
                                    std::to_string(logits.size()));
    }
}

} // namespace

double log_normalizer(std::span<const float> logits, const TokenMask* mask) {
    float max = -std::numeric_limits<float>::infinity();
    for (size_t i = 0; i < logits.size(); ++i) {
        if (mask == nullptr || mask->test(static_cast<int32_t>(i))) {
            max = std::max(max, logits[i]);
        }
    }
    if (max == -std::numeric_limits<float>::infinity()) {
        return max;
    }
    double sum = 0.0;
    for (size_t i = 0; i < logits.size(); ++i) {
        if (mask == nullptr || mask->test(static_cast<int32_t>(i))) {
            sum += std::exp(static_cast<double>(logits[i]) - max);
        }
    }
    return static_cast<double>(max) + std::log(sum);
}

std::vector<TokenAlternative> masked_distribution(std::span<const float> logits,
                                                  const TokenMask& mask, size_t top_n) {
    check_mask(logits, mask);
    return best_of(logits, mask.ids(), log_normalizer(logits, &mask), top_n);
}

std::vector<double> choice_probabilities(std::span<const float> logits, const TokenMask& mask,
                                         const TokenVocabulary& vocab,
                                         std::span<const std::string> choices) {
    check_mask(logits, mask);
    if (vocab.size() != mask.size()) {
        throw std::invalid_argument("the token mask is not for this vocabulary");
    }
    const double normalizer = log_normalizer(logits, &mask);
    std::vector<double> out(choices.size(), 0.0);
    for (const int32_t id : mask.ids()) {
        const std::string& b = vocab.bytes(id);
        if (b.empty()) {
            continue;
        }
        const double p =
            std::exp(static_cast<double>(logits[static_cast<size_t>(id)]) - normalizer);
        for (size_t c = 0; c < choices.size(); ++c) {
            const std::string& choice = choices[c];
            if (!choice.empty() && (choice.starts_with(b) || b.starts_with(choice))) {
                out[c] += p;
            }
        }
    }
    return out;
}

SampledToken Sampler::sample(std::span<const float> logits, const TokenMask* mask, int32_t top_n) {
    if (logits.empty()) {
        throw std::invalid_argument("no logits to sample from");
    }
    const int32_t n = static_cast<int32_t>(logits.size());
    std::vector<int32_t> allowed;
    if (mask != nullptr) {
        check_mask(logits, *mask);
        allowed = mask->ids();
        if (allowed.empty()) {
            throw std::invalid_argument("no token is allowed: the mask is empty");
        }
    }

    // Repetition penalty as in CTRL: shrink positive logits, grow negative ones.
    std::span<const float> scores = logits;
    if (params_.repeat_penalty != 1.0f && !history_.empty()) {
        scratch_.assign(logits.begin(), logits.end());
        // Once per distinct token, however often it occurred.
        std::unordered_set<int32_t> seen;
        for (const int32_t t : history_) {
            if (t >= 0 && t < n && seen.insert(t).second) {
                float& l = scratch_[static_cast<size_t>(t)];
                l = l > 0.0f ? l / params_.repeat_penalty : l * params_.repeat_penalty;
            }
        }
        scores = scratch_;
    }

    int32_t chosen = 0;
    if (params_.temperature == 0.0f) {
        // Greedy; ties go to the lowest id, so the choice is deterministic.
        if (mask == nullptr) {
            chosen = static_cast<int32_t>(std::max_element(scores.begin(), scores.end()) -
                                          scores.begin());
        } else {
            chosen = allowed[0];
            for (const int32_t id : allowed) {
                if (scores[static_cast<size_t>(id)] > scores[static_cast<size_t>(chosen)]) {
                    chosen = id;
                }
            }
        }
    } else {
        std::vector<int32_t> ids;
        if (mask == nullptr) {
            ids.resize(static_cast<size_t>(n));
            std::iota(ids.begin(), ids.end(), 0);
        } else {
            ids = allowed;
        }
        auto by_score = [&](int32_t a, int32_t b) {
            return scores[static_cast<size_t>(a)] > scores[static_cast<size_t>(b)] ||
                   (scores[static_cast<size_t>(a)] == scores[static_cast<size_t>(b)] && a < b);
        };
        size_t keep = ids.size();
        if (params_.top_k > 0 && static_cast<size_t>(params_.top_k) < keep) {
            keep = static_cast<size_t>(params_.top_k);
        }
        std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(keep), ids.end(),
                          by_score);
        ids.resize(keep);

        // Probabilities at this temperature over the kept tokens (sorted).
        const double max = scores[static_cast<size_t>(ids[0])];
        std::vector<double> probs(ids.size());
        double total = 0.0;
        for (size_t i = 0; i < ids.size(); ++i) {
            probs[i] = std::exp((scores[static_cast<size_t>(ids[i])] - max) / params_.temperature);
            total += probs[i];
        }
        for (double& p : probs) {
            p /= total;
        }
        // min-p: relative to the most likely token.
        size_t cut = probs.size();
        if (params_.min_p > 0.0f) {
            const double floor = params_.min_p * probs[0];
            cut = static_cast<size_t>(
                std::find_if(probs.begin(), probs.end(), [&](double p) { return p < floor; }) -
                probs.begin());
        }
        // top-p: the smallest prefix whose mass reaches top_p.
        if (params_.top_p < 1.0f) {
            double mass = 0.0;
            for (size_t i = 0; i < cut; ++i) {
                mass += probs[i];
                if (mass >= params_.top_p) {
                    cut = i + 1;
                    break;
                }
            }
        }
        cut = std::max<size_t>(cut, 1);
        const double kept_mass = std::accumulate(probs.begin(), probs.begin() + cut, 0.0);
        double r = next_uniform() * kept_mass;
        chosen = ids[cut - 1];
        for (size_t i = 0; i < cut; ++i) {
            r -= probs[i];
            if (r < 0.0) {
                chosen = ids[i];
                break;
            }
        }
    }
    accept(chosen);
    SampledToken result;
    result.id = chosen;
    result.logprob = log_probability(logits, chosen);
    result.masked_logprob = result.logprob;
    if (mask != nullptr || top_n > 0) {
        const double normalizer = log_normalizer(logits, mask);
        if (mask != nullptr) {
            result.masked_logprob =
                static_cast<float>(logits[static_cast<size_t>(chosen)] - normalizer);
        }
        if (top_n > 0) {
            if (mask == nullptr) {
                allowed.resize(static_cast<size_t>(n));
                std::iota(allowed.begin(), allowed.end(), 0);
            }
            result.top =
                best_of(logits, std::move(allowed), normalizer, static_cast<size_t>(top_n));
        }
    }
    return result;
}

} // namespace clauselens::sample
