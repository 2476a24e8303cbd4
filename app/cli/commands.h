#pragma once
// Subcommands of clauselens-cli. Each receives the arguments after its own
// name, prints results to stdout and errors to stderr, and returns the exit
// code: 0 on success, 1 when the work failed, 2 on a usage error.

#include <string>
#include <vector>

namespace clauselens::cli {

using Args = std::vector<std::string>;

int run_devices(const Args& args);
int run_gguf_info(const Args& args);
int run_tokenize(const Args& args);
int run_generate(const Args& args);
int run_bench_grammar(const Args& args);
int run_convert_llama2c(const Args& args);
int run_make_test_model(const Args& args);
int run_make_test_adapter(const Args& args); // make-test-model --adapter-for
int run_bench(const Args& args);
int run_quantize(const Args& args);
int run_search(const Args& args);
int run_export(const Args& args);
int run_eval(const Args& args);
int run_ingest(const Args& args);
int run_extract(const Args& args);
int run_library(const Args& args);
int run_review(const Args& args);
int run_passage(const Args& args);
int run_classify(const Args& args);
int run_dataset(const Args& args);

} // namespace clauselens::cli
