// clauselens-cli: every ClauseLens feature, headless.

#include "cli_args.h"
#include "commands.h"

#include <cstdio>
#include <exception>
#include <string_view>

namespace {

struct Subcommand {
    std::string_view name;
    std::string_view summary;
    int (*run)(const clauselens::cli::Args&);
};

constexpr Subcommand k_subcommands[] = {
    {"devices", "list Vulkan devices and their capabilities", clauselens::cli::run_devices},
    {"gguf-info", "print a GGUF model file's metadata and tensor table",
     clauselens::cli::run_gguf_info},
    {"tokenize", "print the token ids of a text", clauselens::cli::run_tokenize},
    {"generate", "generate text with a model", clauselens::cli::run_generate},
    {"convert-llama2c", "convert a llama2.c model and tokenizer to GGUF",
     clauselens::cli::run_convert_llama2c},
    {"bench", "measure prompt and generation speed on a Vulkan device", clauselens::cli::run_bench},
    {"bench-grammar", "measure the token-mask time of JSON-schema constrained decoding",
     clauselens::cli::run_bench_grammar},
    {"ingest", "add PDF contracts to a database", clauselens::cli::run_ingest},
    {"extract", "find every clause of every category in contracts, with a model",
     clauselens::cli::run_extract},
    {"make-test-model", "write a random-weight GGUF model for tests and benchmarks",
     clauselens::cli::run_make_test_model},
    {"quantize", "quantize an F32/F16/BF16 model to Q8_0, Q4_0 or Q4_K_M",
     clauselens::cli::run_quantize},
    {"search", "full-text search of the stored clause segments", clauselens::cli::run_search},
    {"export", "write extraction results as CSV or JSON", clauselens::cli::run_export},
    {"eval", "score an extraction run against gold labels (CUAD form)", clauselens::cli::run_eval},
    {"library", "show, check, export and store clause libraries", clauselens::cli::run_library},
    {"review", "list results and accept, reject, edit or reset them", clauselens::cli::run_review},
    {"passage", "print the text in an area of a stored document's page",
     clauselens::cli::run_passage},
    {"classify", "the clause categories of one passage (a page area or a text), with a model",
     clauselens::cli::run_classify},
    {"dataset", "fine-tuning data (chat JSON Lines) from reviewed results",
     clauselens::cli::run_dataset},
};

void print_usage(std::FILE* out) {
    std::fputs("usage: clauselens-cli <command> [options]\n\ncommands:\n", out);
    for (const Subcommand& s : k_subcommands) {
        std::fprintf(out, "  %-12.*s %.*s\n", static_cast<int>(s.name.size()), s.name.data(),
                     static_cast<int>(s.summary.size()), s.summary.data());
    }
    std::fputs("\nRun 'clauselens-cli <command> --help' for a command's options.\n", out);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        print_usage(stderr);
        return 2;
    }
    const std::string_view name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        print_usage(stdout);
        return 0;
    }
    if (name == "--version") {
        std::puts("clauselens-cli " CLAUSELENS_VERSION);
        return 0;
    }
    for (const Subcommand& s : k_subcommands) {
        if (s.name == name) {
            clauselens::cli::Args args(argv + 2, argv + argc);
            try {
                return s.run(args);
            } catch (const clauselens::cli::UsageError& e) {
                std::fprintf(stderr,
                             "clauselens-cli %s: %s\nRun 'clauselens-cli %s --help' for usage.\n",
                             argv[1], e.what(), argv[1]);
                return 2;
            } catch (const std::exception& e) {
                std::fprintf(stderr, "clauselens-cli %s: error: %s\n", argv[1], e.what());
                return 1;
            }
        }
    }
    std::fprintf(stderr, "clauselens-cli: unknown command '%s'\n\n", argv[1]);
    print_usage(stderr);
    return 2;
}
