// clauselens-cli bench: prompt and generation speed of a model on a device,
// in the manner of llama-bench (median of repeated runs).

#include "cli_args.h"
#include "commands.h"
#include "lora/lora_adapter.h"
#include "model/model.h"
#include "model/vk_model.h"
#include "vk/buffer.h"
#include "vk/device.h"
#include "vk/instance.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage =
    "usage: clauselens-cli bench -m MODEL.gguf [-p N] [-n N] [--batch B] [options]\n"
    "\n"
    "Measures prompt processing (N prompt tokens in batches) and generation (N new\n"
    "tokens one step at a time, for B sequences decoding together) on a Vulkan\n"
    "device, and prints the median tokens/s of repeated runs.\n"
    "\n"
    "  -m, --model FILE     GGUF model file\n"
    "  -p, --prompt N       prompt tokens (default 512; 0 skips the prompt test)\n"
    "  -n, --gen N          generated tokens per sequence (default 128; 0 skips)\n"
    "      --batch B        sequences generating together (default 1)\n"
    "      --ubatch U       tokens per forward pass while processing the prompt (default 512)\n"
    "  -r, --repetitions R  runs of each test (default 5)\n"
    "      --device D       vk:N or a part of a device name (default: the best device)\n"
    "      --lora FILE[:S]  also run every test with this LoRA adapter applied at run\n"
    "                       time (repeat for several), side by side with the base model\n"
    "      --json           machine-readable output\n"
    "      --help           show this help\n";

struct Options {
    std::string model;
    uint32_t n_prompt = 512;
    uint32_t n_gen = 128;
    uint32_t batch = 1;
    uint32_t ubatch = 512;
    uint32_t repetitions = 5;
    std::string device;
    std::vector<std::string> loras;
    bool json = false;
};

Options parse(const Args& args) {
    Options o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-m" || a == "--model") {
            o.model = take_value(args, i);
        } else if (a == "-p" || a == "--prompt") {
            o.n_prompt = static_cast<uint32_t>(parse_int(a, take_value(args, i), 0, 1 << 20));
        } else if (a == "-n" || a == "--gen") {
            o.n_gen = static_cast<uint32_t>(parse_int(a, take_value(args, i), 0, 1 << 20));
        } else if (a == "--batch") {
            o.batch = static_cast<uint32_t>(parse_int(a, take_value(args, i), 1, 4096));
        } else if (a == "--ubatch") {
            o.ubatch = static_cast<uint32_t>(parse_int(a, take_value(args, i), 1, 1 << 16));
        } else if (a == "-r" || a == "--repetitions") {
            o.repetitions = static_cast<uint32_t>(parse_int(a, take_value(args, i), 1, 1000));
        } else if (a == "--lora") {
            o.loras.push_back(take_value(args, i));
        } else if (a == "--device") {
            o.device = take_value(args, i);
        } else if (a == "--json") {
            o.json = true;
        } else {
            throw UsageError("unknown option '" + a + "'");
        }
    }
    if (o.model.empty()) {
        throw UsageError("a model is needed: -m MODEL.gguf");
    }
    if (o.n_prompt == 0 && o.n_gen == 0) {
        throw UsageError("nothing to measure: -p and -n are both 0");
    }
    return o;
}

struct Result {
    std::string test;
    uint32_t tokens = 0;
    std::vector<double> seconds;

    double median_tokens_per_second() const {
        std::vector<double> s = seconds;
        std::sort(s.begin(), s.end());
        const double m =
            s.size() % 2 ? s[s.size() / 2] : (s[s.size() / 2 - 1] + s[s.size() / 2]) / 2;
        return tokens / m;
    }
    double min_tps() const { return tokens / *std::max_element(seconds.begin(), seconds.end()); }
    double max_tps() const { return tokens / *std::min_element(seconds.begin(), seconds.end()); }
};

// Token ids spread over the vocabulary, avoiding the first few (special) ids.
int32_t token_at(uint32_t i, uint32_t n_vocab) {
    return static_cast<int32_t>(3 + (i * 2654435761u) % (n_vocab - 3));
}

} // namespace

int run_bench(const Args& args) {
    if (std::find(args.begin(), args.end(), "--help") != args.end()) {
        std::fputs(k_usage, stdout);
        return 0;
    }
    const Options o = parse(args);
    const auto model = model::Model::open(o.model);
    const model::ModelConfig& c = model->config();
    const uint32_t n_ctx = std::max<uint32_t>(o.n_prompt, 1) + o.n_gen;
    if (n_ctx > c.n_ctx_train) {
        std::string message = "the test needs ";
        message += std::to_string(n_ctx);
        message += " positions; the model supports ";
        message += std::to_string(c.n_ctx_train);
        throw UsageError(message);
    }
    vk::Instance instance;
    vk::Device device(instance, instance.select(o.device));
    const uint32_t ubatch = std::min(o.ubatch, std::max(o.n_prompt, o.batch));
    model::VkModel vm(*model, device,
                      {.n_ctx = n_ctx,
                       .n_seq = o.batch,
                       .n_batch = std::max(ubatch, o.batch),
                       .n_logits = o.batch});
    using clock = std::chrono::steady_clock;

    // With adapters, each test runs on the base model and then with the
    // adapters switched on, in the same process and on the same weights.
    std::vector<lora::ScaledAdapter> adapters;
    for (const std::string& spec : o.loras) {
        try {
            adapters.push_back(lora::open_scaled(spec));
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
    }
    const model::MatrixDeltas deltas = lora::combine(*model, adapters);

    std::vector<Result> results;
    for (const bool with_adapters : {false, true}) {
        if (with_adapters && adapters.empty()) {
            break;
        }
        vm.set_deltas(with_adapters ? deltas : model::MatrixDeltas{});
        const std::string suffix = with_adapters ? "+lora" : "";
        if (o.n_prompt > 0) {
            Result r{"pp", o.n_prompt, {}};
            r.test += std::to_string(o.n_prompt) + suffix;
            for (uint32_t rep = 0; rep <= o.repetitions; ++rep) { // run 0 warms up
                vm.remove_sequence(0);
                const auto start = clock::now();
                for (uint32_t first = 0; first < o.n_prompt; first += ubatch) {
                    std::vector<model::BatchEntry> batch;
                    for (uint32_t p = first; p < std::min(o.n_prompt, first + ubatch); ++p) {
                        batch.push_back({0, p, token_at(p, c.n_vocab), p + 1 == o.n_prompt});
                    }
                    vm.forward(batch);
                }
                if (rep > 0) {
                    r.seconds.push_back(
                        std::chrono::duration<double>(clock::now() - start).count());
                }
            }
            results.push_back(r);
        }
        if (o.n_gen > 0) {
            Result r{"tg", o.n_gen * o.batch, {}};
            r.test += std::to_string(o.n_gen);
            if (o.batch > 1) {
                r.test += 'x';
                r.test += std::to_string(o.batch);
            }
            r.test += suffix;
            for (uint32_t rep = 0; rep <= o.repetitions; ++rep) {
                std::vector<model::BatchEntry> batch;
                for (uint32_t s = 0; s < o.batch; ++s) {
                    vm.remove_sequence(static_cast<int32_t>(s));
                    batch.push_back({static_cast<int32_t>(s), 0, token_at(s, c.n_vocab), true});
                }
                vm.forward(batch); // the first token of each sequence, not timed
                const auto start = clock::now();
                for (uint32_t step = 1; step <= o.n_gen; ++step) {
                    for (model::BatchEntry& e : batch) {
                        e.pos = step;
                        e.token = token_at(step * 31 + static_cast<uint32_t>(e.seq), c.n_vocab);
                    }
                    vm.forward(batch);
                }
                if (rep > 0) {
                    r.seconds.push_back(
                        std::chrono::duration<double>(clock::now() - start).count());
                }
            }
            results.push_back(r);
        }
    }

    const std::string name = c.name.empty() ? o.model : c.name;
    const uint64_t bytes = vm.memory().weights;
    if (o.json) {
        std::printf("[");
        for (size_t i = 0; i < results.size(); ++i) {
            const Result& r = results[i];
            std::printf("%s\n  {\"model\": \"%s\", \"device\": \"%s\", \"test\": \"%s\", "
                        "\"tokens\": %u, \"repetitions\": %zu, \"tokens_per_second_median\": %.3f, "
                        "\"tokens_per_second_min\": %.3f, \"tokens_per_second_max\": %.3f}",
                        i ? "," : "", name.c_str(), device.info().name.c_str(), r.test.c_str(),
                        r.tokens, r.seconds.size(), r.median_tokens_per_second(), r.min_tps(),
                        r.max_tps());
        }
        std::printf("\n]\n");
    } else {
        std::printf("| %-40s | %10s | %-28s | %-14s | %22s |\n", "model", "weights", "device",
                    "test", "t/s (median [min, max])");
        std::printf("|%s|%s|%s|%s|%s|\n", std::string(42, '-').c_str(),
                    std::string(12, '-').c_str(), std::string(30, '-').c_str(),
                    std::string(16, '-').c_str(), std::string(24, '-').c_str());
        for (const Result& r : results) {
            char tps[64];
            std::snprintf(tps, sizeof tps, "%.2f [%.2f, %.2f]", r.median_tokens_per_second(),
                          r.min_tps(), r.max_tps());
            std::printf("| %-40.40s | %10s | %-28.28s | %-14s | %22s |\n", name.c_str(),
                        vk::format_bytes(bytes).c_str(), device.info().name.c_str(), r.test.c_str(),
                        tps);
        }
    }
    return 0;
}

} // namespace clauselens::cli
