// clauselens-cli make-test-model --adapter-for: a random LoRA adapter for a
// given model, for tests and benchmarks of adapters.

#include "cli_args.h"
#include "commands.h"
#include "lora/test_adapter_maker.h"

#include <cstdio>
#include <stdexcept>
#include <string>

namespace clauselens::cli {

int run_make_test_adapter(const Args& args) {
    lora::TestAdapterOptions o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--adapter-for") {
            o.base = take_value(args, i);
        } else if (a == "--rank") {
            o.rank = static_cast<uint32_t>(parse_int(a, take_value(args, i), 1, 4096));
        } else if (a == "--alpha") {
            o.alpha = parse_float(a, take_value(args, i));
            if (!(o.alpha > 0.0f)) {
                throw UsageError("--alpha must be positive");
            }
        } else if (a == "--seed") {
            o.seed = parse_u64(a, take_value(args, i));
        } else if (a == "--f16") {
            o.f16 = true;
        } else if (a == "-o" || a == "--output") {
            o.output = take_value(args, i);
        } else {
            throw UsageError("unknown option '" + a + "' for an adapter");
        }
    }
    if (o.output.empty()) {
        throw UsageError("an output file is needed: -o ADAPTER.gguf");
    }
    try {
        std::printf("%s\n", lora::make_test_adapter(o).c_str());
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    return 0;
}

} // namespace clauselens::cli
