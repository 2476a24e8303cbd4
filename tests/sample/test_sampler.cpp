#include "sample/sampler.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <vector>

using namespace clauselens;

TEST_CASE("greedy picks the largest logit, ties to the lowest id", "[sample]") {
    sample::Sampler greedy;
    const std::vector<float> logits = {0.5f, 3.0f, -1.0f, 3.0f, 2.9f};
    const sample::SampledToken t = greedy.sample(logits);
    CHECK(t.id == 1);
    // log softmax by hand
    double sum = 0.0;
    for (const float l : logits) {
        sum += std::exp(static_cast<double>(l));
    }
    CHECK(t.logprob == Approx(3.0 - std::log(sum)).epsilon(1e-6));
}

TEST_CASE("log probabilities are stable for extreme logits", "[sample]") {
    const std::vector<float> logits = {1000.0f, 0.0f, -1000.0f};
    CHECK(sample::log_probability(logits, 0) == Approx(0.0).margin(1e-6));
    CHECK(sample::log_probability(logits, 1) == Approx(-1000.0).epsilon(1e-6));
    CHECK(std::isfinite(sample::log_probability(logits, 2)));
}

TEST_CASE("the same seed gives the same tokens, another seed other tokens", "[sample]") {
    std::vector<float> logits(50);
    for (size_t i = 0; i < logits.size(); ++i) {
        logits[i] = static_cast<float>(std::sin(static_cast<double>(i)));
    }
    auto run = [&](uint64_t seed) {
        sample::Sampler s({.temperature = 1.0f, .seed = seed});
        std::vector<int32_t> ids;
        for (int i = 0; i < 40; ++i) {
            ids.push_back(s.sample(logits).id);
        }
        return ids;
    };
    CHECK(run(7) == run(7));
    CHECK(run(7) != run(8));
}

TEST_CASE("sampling at temperature 1 follows the softmax", "[sample]") {
    const std::vector<float> logits = {0.0f, 1.0f, 2.0f, -1.0f};
    sample::Sampler s({.temperature = 1.0f, .seed = 42});
    std::map<int32_t, int> counts;
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        ++counts[s.sample(logits).id];
    }
    double z = 0.0;
    for (const float l : logits) {
        z += std::exp(static_cast<double>(l));
    }
    for (int32_t id = 0; id < 4; ++id) {
        const double p = std::exp(static_cast<double>(logits[static_cast<size_t>(id)])) / z;
        const double sigma = std::sqrt(p * (1 - p) / n);
        INFO("token " << id << " expected " << p);
        // Within 5 standard deviations: fails only if the sampler is biased.
        CHECK(std::abs(counts[id] / static_cast<double>(n) - p) < 5 * sigma);
    }
}

TEST_CASE("top-k, top-p and min-p cut the candidates", "[sample]") {
    const std::vector<float> logits = {2.0f, 1.9f, 0.0f, -3.0f, 1.8f};
    for (uint64_t seed = 0; seed < 200; ++seed) {
        sample::Sampler top1({.temperature = 1.5f, .top_k = 1, .seed = seed});
        REQUIRE(top1.sample(logits).id == 0);
        sample::Sampler top2({.temperature = 1.5f, .top_k = 2, .seed = seed});
        const int32_t t2 = top2.sample(logits).id;
        REQUIRE((t2 == 0 || t2 == 1));
        sample::Sampler nucleus({.temperature = 1.0f, .top_p = 0.01f, .seed = seed});
        REQUIRE(nucleus.sample(logits).id == 0);
        // p(2)/p(0) = e^-2 = 0.135 and p(3)/p(0) = e^-5: min-p 0.2 keeps 0, 1, 4.
        sample::Sampler minp({.temperature = 1.0f, .min_p = 0.2f, .seed = seed});
        const int32_t m = minp.sample(logits).id;
        REQUIRE((m == 0 || m == 1 || m == 4));
    }
}

TEST_CASE("repetition penalty steers greedy decoding away from recent tokens", "[sample]") {
    const std::vector<float> logits = {2.0f, 1.5f, 0.1f};
    sample::Sampler plain;
    CHECK(plain.sample(logits).id == 0);
    CHECK(plain.sample(logits).id == 0);
    sample::Sampler penalised({.repeat_penalty = 2.0f});
    CHECK(penalised.sample(logits).id == 0); // 2.0 -> 1.0 next time
    CHECK(penalised.sample(logits).id == 1);
    // 0 and 1 are both penalised once now: 1.0, 0.75, 0.1.
    const sample::SampledToken third = penalised.sample(logits);
    CHECK(third.id == 0);
    // The reported probability is still the model's own.
    CHECK(third.logprob == Approx(sample::log_probability(logits, 0)).epsilon(1e-6));
}

TEST_CASE("invalid sampling settings are refused", "[sample]") {
    CHECK_THROWS_WITH(sample::Sampler({.temperature = -1.0f}), Catch::Contains("temperature"));
    CHECK_THROWS_WITH(sample::Sampler({.top_p = 0.0f}), Catch::Contains("top-p"));
    CHECK_THROWS_WITH(sample::Sampler({.min_p = 1.0f}), Catch::Contains("min-p"));
    CHECK_THROWS_WITH(sample::Sampler({.repeat_penalty = 0.0f}), Catch::Contains("repetition"));
    sample::Sampler s;
    CHECK_THROWS(s.sample(std::vector<float>{}));
}

TEST_CASE("masked sampling chooses only allowed tokens and renormalises", "[sample][mask]") {
    const std::vector<float> logits = {5.0f, 1.0f, 2.0f, -1.0f, 0.5f, 2.0f};
    sample::TokenMask mask(logits.size());
    for (const int32_t id : {1, 2, 3, 5}) {
        mask.set(id);
    }
    sample::Sampler greedy;
    const sample::SampledToken t = greedy.sample(logits, &mask, 3);
    CHECK(t.id == 2); // 0 is masked; 2 and 5 tie, the lower id wins
    CHECK(t.logprob == Approx(sample::log_probability(logits, 2)));
    double z = 0.0;
    for (const int32_t id : {1, 2, 3, 5}) {
        z += std::exp(static_cast<double>(logits[static_cast<size_t>(id)]));
    }
    CHECK(t.masked_logprob == Approx(2.0 - std::log(z)).epsilon(1e-6));
    // Top 3, best first, ties by id, masked log-probabilities.
    REQUIRE(t.top.size() == 3);
    CHECK(t.top[0].id == 2);
    CHECK(t.top[1].id == 5);
    CHECK(t.top[2].id == 1);
    CHECK(t.top[2].logprob == Approx(1.0 - std::log(z)).epsilon(1e-6));

    // The masked distribution sums to 1 over the allowed tokens.
    const auto all = sample::masked_distribution(logits, mask);
    REQUIRE(all.size() == 4);
    double sum = 0.0;
    for (const auto& a : all) {
        CHECK(mask.test(a.id));
        sum += std::exp(static_cast<double>(a.logprob));
    }
    CHECK(sum == Approx(1.0).epsilon(1e-6));

    // At a temperature, masked tokens are never drawn, and the draws follow
    // the renormalised distribution.
    sample::Sampler hot({.temperature = 1.0f, .seed = 3});
    std::map<int32_t, int> counts;
    const int n = 40000;
    for (int i = 0; i < n; ++i) {
        const int32_t id = hot.sample(logits, &mask).id;
        REQUIRE(mask.test(id));
        ++counts[id];
    }
    for (const auto& a : all) {
        CHECK(counts[a.id] / static_cast<double>(n) ==
              Approx(std::exp(static_cast<double>(a.logprob))).margin(0.01));
    }
}

TEST_CASE("masked sampling refuses an empty or mismatched mask", "[sample][mask]") {
    const std::vector<float> logits = {1.0f, 2.0f};
    sample::Sampler s;
    const sample::TokenMask none(2);
    CHECK_THROWS_WITH(s.sample(logits, &none), Catch::Contains("no token is allowed"));
    const sample::TokenMask other(3);
    CHECK_THROWS_WITH(s.sample(logits, &other), Catch::Contains("vocabulary of 3 tokens"));
    // Without a mask, top-N covers the whole vocabulary.
    const sample::SampledToken t = s.sample(logits, nullptr, 5);
    REQUIRE(t.top.size() == 2);
    CHECK(t.top[0].id == 1);
    CHECK(t.masked_logprob == t.logprob);
}
