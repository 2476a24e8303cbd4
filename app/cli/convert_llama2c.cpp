// clauselens-cli convert-llama2c: a llama2.c model and tokenizer to GGUF.

#include "cli_args.h"
#include "commands.h"
#include "model/llama2c_import.h"

#include <cstdio>
#include <string>
#include <vector>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage =
    "usage: clauselens-cli convert-llama2c MODEL.bin TOKENIZER.bin -o OUT.gguf\n"
    "\n"
    "Converts a llama2.c checkpoint (legacy format: 7-int header, float32 weights)\n"
    "and its tokenizer.bin into a GGUF model with the llama architecture and a\n"
    "sentencepiece vocabulary.\n"
    "\n"
    "  -o, --output FILE   the GGUF file to write\n"
    "      --help          show this help\n";

} // namespace

int run_convert_llama2c(const Args& args) {
    std::vector<std::string> inputs;
    std::string output;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            std::fputs(k_usage, stdout);
            return 0;
        }
        if (a == "-o" || a == "--output") {
            output = take_value(args, i);
        } else if (!a.empty() && a[0] == '-') {
            throw UsageError("unknown option '" + a + "'");
        } else {
            inputs.push_back(a);
        }
    }
    if (inputs.size() != 2 || output.empty()) {
        throw UsageError("expected MODEL.bin TOKENIZER.bin -o OUT.gguf");
    }
    const std::string summary = model::convert_llama2c(inputs[0], inputs[1], output);
    std::printf("%s\nwrote %s\n", summary.c_str(), output.c_str());
    return 0;
}

} // namespace clauselens::cli
