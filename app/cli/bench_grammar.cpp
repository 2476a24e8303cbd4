// clauselens-cli bench-grammar: how long constrained decoding takes to find
// the allowed tokens at each step, for a model's vocabulary and some schemas.

#include "cli_args.h"
#include "commands.h"
#include "gguf/gguf_reader.h"
#include "sample/json_schema.h"
#include "sample/token_mask.h"
#include "tokenizer/tokenizer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage =
    "usage: clauselens-cli bench-grammar -m MODEL.gguf --schema S.json [--schema ...] [options]\n"
    "\n"
    "Decodes JSON documents under each schema, choosing each token at random among\n"
    "the allowed ones (no model runs), and reports the time to compute each step's\n"
    "token mask: median, 95th percentile, mean and maximum, per token. Documents\n"
    "are decoded one after another with one mask cache per schema, as a batch of\n"
    "segments would be. Also times the mask found by decoding every token's bytes,\n"
    "which the trie and cache replace.\n"
    "\n"
    "  -m, --model FILE    GGUF file whose vocabulary is used (weights are not read)\n"
    "      --schema FILE   a JSON schema; repeat for several\n"
    "  -n, --tokens N      tokens to decode per schema (default 2000)\n"
    "      --seed S        random seed for the token choices (default 0)\n"
    "      --brute N       steps also timed by decoding every token (default 10)\n"
    "      --help          show this help\n";

struct Options {
    std::string model;
    std::vector<std::string> schemas;
    uint32_t tokens = 2000;
    uint64_t seed = 0;
    uint32_t brute = 10;
};

Options parse(const Args& args) {
    Options o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-m" || a == "--model") {
            o.model = take_value(args, i);
        } else if (a == "--schema") {
            o.schemas.push_back(take_value(args, i));
        } else if (a == "-n" || a == "--tokens") {
            o.tokens = static_cast<uint32_t>(parse_int(a, take_value(args, i), 1, 10000000));
        } else if (a == "--seed") {
            o.seed = parse_u64(a, take_value(args, i));
        } else if (a == "--brute") {
            o.brute = static_cast<uint32_t>(parse_int(a, take_value(args, i), 0, 100000));
        } else {
            throw UsageError("unknown option '" + a + "'");
        }
    }
    if (o.model.empty()) {
        throw UsageError("a model is needed: -m MODEL.gguf");
    }
    if (o.schemas.empty()) {
        throw UsageError("a schema is needed: --schema S.json");
    }
    return o;
}

using Clock = std::chrono::steady_clock;

double micros_since(Clock::time_point start) {
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

// The value below which a fraction q of the sorted samples lie.
double quantile(const std::vector<double>& sorted, double q) {
    const auto i = static_cast<size_t>(q * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(i, sorted.size() - 1)];
}

void bench_schema(const std::string& path, const sample::TokenVocabulary& vocab, const Options& o) {
    const sample::Grammar grammar = [&] {
        try {
            return sample::compile_json_schema(read_file_text(path, "JSON schema"));
        } catch (const sample::SchemaError& e) {
            throw std::runtime_error(path + ": " + e.what());
        }
    }();
    sample::TokenMasker masker(grammar, vocab);
    std::mt19937_64 rng(o.seed);
    std::vector<double> times;
    std::vector<double> brute_times;
    uint32_t documents = 0;
    size_t allowed_total = 0;
    while (times.size() < o.tokens) {
        sample::GrammarMatcher m(masker);
        while (!m.ended() && times.size() < o.tokens) {
            const auto start = Clock::now();
            const sample::TokenMask& mask = m.allowed();
            times.push_back(micros_since(start));
            if (brute_times.size() < o.brute) {
                const auto brute_start = Clock::now();
                const sample::TokenMask brute = masker.brute_force_mask(m.state());
                brute_times.push_back(micros_since(brute_start));
                if (!(brute == mask)) {
                    throw std::logic_error("the token mask differs from decoding every token");
                }
            }
            const std::vector<int32_t> ids = mask.ids();
            allowed_total += ids.size();
            m.accept(ids[rng() % ids.size()]);
        }
        documents += m.ended() ? 1 : 0;
    }
    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0.0;
    for (const double t : times) {
        sum += t;
    }
    std::printf("%s: %zu tokens, %u complete documents, %.0f tokens allowed per step on average\n",
                path.c_str(), times.size(), documents,
                static_cast<double>(allowed_total) / static_cast<double>(times.size()));
    std::printf("  mask per token: median %.1f us, p95 %.1f us, mean %.1f us, max %.1f us\n",
                quantile(sorted, 0.5), quantile(sorted, 0.95),
                sum / static_cast<double>(times.size()), sorted.back());
    if (!brute_times.empty()) {
        std::sort(brute_times.begin(), brute_times.end());
        std::printf("  decoding every token instead (first %zu steps): median %.1f us\n",
                    brute_times.size(), quantile(brute_times, 0.5));
    }
}

} // namespace

int run_bench_grammar(const Args& args) {
    if (std::find(args.begin(), args.end(), "--help") != args.end()) {
        std::fputs(k_usage, stdout);
        return 0;
    }
    const Options o = parse(args);
    const gguf::GgufFile file = gguf::GgufFile::open(o.model);
    const tokenizer::Tokenizer tok = tokenizer::Tokenizer::from_gguf(file);
    const auto start = Clock::now();
    const sample::TokenVocabulary vocab = sample::TokenVocabulary::from_tokenizer(tok);
    std::printf("vocabulary: %zu tokens, %zu trie nodes, %zu tokens walked inside strings; "
                "prepared in %.1f ms\n",
                vocab.size(), vocab.trie().nodes.size(), vocab.special_trie().token_ids.size(),
                micros_since(start) / 1000.0);
    for (const std::string& path : o.schemas) {
        bench_schema(path, vocab, o);
    }
    return 0;
}

} // namespace clauselens::cli
