// clauselens-cli make-test-model: random-weight GGUF models for tests and
// benchmarks.

#include "cli_args.h"
#include "commands.h"
#include "model/test_model_maker.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace clauselens::cli {

namespace {

void print_usage() {
    std::fputs("usage: clauselens-cli make-test-model [--arch A] --preset P --type T "
               "[--seed N] [--tokenizer-json FILE] -o OUT.gguf\n"
               "\n"
               "Writes a GGUF model with random weights in the real shapes of a model family\n"
               "and a real sentencepiece vocabulary, for tests and benchmarks.\n"
               "\n"
               "  --arch A      architecture: llama, qwen2 or phi3 (default: the preset's;\n"
               "                tiny exists for each, llama first)\n"
               "  --preset P    shapes:\n",
               stdout);
    for (const model::TestModelPreset& p : model::test_model_presets()) {
        std::printf("                  %-14.*s %-6.*s %.*s\n", static_cast<int>(p.name.size()),
                    p.name.data(), static_cast<int>(p.arch.size()), p.arch.data(),
                    static_cast<int>(p.description.size()), p.description.data());
    }
    std::fputs("  --type T      weight type:", stdout);
    for (const std::string_view t : model::test_model_types()) {
        std::printf(" %.*s", static_cast<int>(t.size()), t.data());
    }
    std::fputs("\n"
               "  --seed N      random seed (default 0); the same seed gives the same file\n"
               "  --tokenizer-json FILE\n"
               "                the vocabulary of a Hugging Face tokenizer.json (byte-level\n"
               "                BPE: Llama 3, Qwen2) instead of the trained one; its size\n"
               "                replaces the preset's\n"
               "  -o FILE       output file\n"
               "  --help        show this help\n"
               "\n"
               "  make-test-model --adapter-for BASE.gguf -o A.gguf [--rank R] [--alpha A]\n"
               "                  [--seed N] [--f16]\n"
               "                writes a random LoRA adapter for BASE instead (see --lora)\n",
               stdout);
}

} // namespace

int run_make_test_model(const Args& args) {
    if (std::find(args.begin(), args.end(), "--adapter-for") != args.end()) {
        return run_make_test_adapter(args);
    }
    model::TestModelOptions o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            print_usage();
            return 0;
        }
        if (a == "--arch") {
            o.arch = take_value(args, i);
        } else if (a == "--preset") {
            o.preset = take_value(args, i);
        } else if (a == "--type") {
            o.type = take_value(args, i);
        } else if (a == "--seed") {
            o.seed = parse_u64(a, take_value(args, i));
        } else if (a == "--tokenizer-json") {
            o.tokenizer_json = take_value(args, i);
        } else if (a == "-o" || a == "--output") {
            o.output = take_value(args, i);
        } else {
            throw UsageError("unknown option '" + a + "'");
        }
    }
    if (o.output.empty()) {
        throw UsageError("an output file is needed: -o OUT.gguf");
    }
    o.progress = [](size_t done, size_t total) {
        std::fprintf(stderr, "\rwriting tensors: %zu/%zu", done, total);
        if (done == total) {
            std::fputs("\n", stderr);
        }
    };
    try {
        const std::string summary = model::make_test_model(o);
        std::printf("%s\nwrote %s\n", summary.c_str(), o.output.string().c_str());
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    return 0;
}

} // namespace clauselens::cli
