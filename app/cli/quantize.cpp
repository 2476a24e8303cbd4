// clauselens-cli quantize: an F32, F16 or BF16 GGUF model to Q8_0, Q4_0 or
// Q4_K_M, with the per-tensor types other GGUF tools use.

#include "cli_args.h"
#include "commands.h"
#include "model/quantizer.h"

#include <cstdio>
#include <string>

namespace clauselens::cli {

namespace {

std::string type_list() {
    std::string list;
    for (const std::string_view name : model::quant_mix_names()) {
        list += list.empty() ? "" : ", ";
        list += name;
    }
    return list;
}

void print_usage() {
    std::printf("usage: clauselens-cli quantize [--threads N] IN.gguf OUT.gguf TYPE\n"
                "\n"
                "Quantizes an F32, F16 or BF16 GGUF model. TYPE is one of:\n"
                "  Q8_0      8.5 bits per weight, nearly lossless\n"
                "  Q4_0      4.5 bits per weight, Q6_K for the output classifier\n"
                "  Q4_K_M    about 5 bits per weight: Q4_K, with Q6_K for the classifier and\n"
                "            some attention value and feed-forward down projections\n"
                "            (the usual choice for a 3B model)\n"
                "Norms and other 1-D tensors stay as they are; all metadata is copied.\n"
                "OUT.gguf appears only when completely written.\n"
                "\n"
                "  --threads N   threads that quantize (default: one per CPU thread)\n"
                "  --help        show this help\n");
}

std::string human_bytes(uint64_t n) {
    const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    double v = static_cast<double>(n);
    size_t unit = 0;
    while (v >= 1024.0 && unit + 1 < std::size(units)) {
        v /= 1024.0;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.2f %s", v, units[unit]);
    return text;
}

std::string type_name(gguf::TensorType type) {
    return std::string(gguf::tensor_type_name(type));
}

} // namespace

int run_quantize(const Args& args) {
    model::QuantizeOptions o;
    std::vector<std::string> positional;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            print_usage();
            return 0;
        }
        if (a == "--threads") {
            o.n_threads = static_cast<unsigned>(parse_int(a, take_value(args, i), 1, 1024));
        } else if (a.starts_with("-") && a.size() > 1) {
            throw UsageError("unknown option '" + a + "'");
        } else {
            positional.push_back(a);
        }
    }
    if (positional.size() != 3) {
        throw UsageError("expected IN.gguf OUT.gguf TYPE (TYPE one of " + type_list() + ")");
    }
    o.input = positional[0];
    o.output = positional[1];
    const std::optional<model::QuantMix> mix = model::quant_mix_from_name(positional[2]);
    if (!mix) {
        throw UsageError("unknown type '" + positional[2] + "'; choose one of: " + type_list());
    }
    o.mix = *mix;
    o.progress = [](const model::QuantizedTensor& t) {
        const int width = static_cast<int>(std::to_string(t.count).size());
        std::fprintf(stderr, "[%*zu/%zu] %-32s %-4s -> %-4s %10s -> %10s%s\n", width, t.index + 1,
                     t.count, t.name.c_str(), type_name(t.from).c_str(), type_name(t.to).c_str(),
                     human_bytes(t.bytes_in).c_str(), human_bytes(t.bytes_out).c_str(),
                     t.to != t.wanted ? (" (rows do not fit " + type_name(t.wanted) + ")").c_str()
                                      : "");
    };

    const model::QuantizeSummary s = model::quantize_model(o);
    const double mb_per_s =
        s.seconds > 0.0 ? static_cast<double>(s.file_bytes_in) / 1e6 / s.seconds : 0.0;
    std::printf("quantized %s to %s: %zu tensors, %zu of them weight matrices\n",
                o.input.string().c_str(), std::string(model::quant_mix_name(o.mix)).c_str(),
                s.n_tensors, s.n_quantized);
    std::printf("size: %s -> %s (%.2fx smaller), %.2f bits per weight\n",
                human_bytes(s.file_bytes_in).c_str(), human_bytes(s.file_bytes_out).c_str(),
                s.file_bytes_out == 0
                    ? 0.0
                    : static_cast<double>(s.file_bytes_in) / static_cast<double>(s.file_bytes_out),
                s.bits_per_weight());
    std::printf("time: %.2f s (%.1f MB/s of input) on %u threads\n", s.seconds, mb_per_s,
                s.n_threads);
    if (!s.fallbacks.empty()) {
        std::printf("%zu tensors have rows that are not a whole number of blocks of the type the "
                    "mix wants, and use another type:\n",
                    s.fallbacks.size());
        for (const model::QuantizedTensor& t : s.fallbacks) {
            std::printf("  %s: %s instead of %s (rows of %llu)\n", t.name.c_str(),
                        type_name(t.to).c_str(), type_name(t.wanted).c_str(),
                        static_cast<unsigned long long>(t.row_length));
        }
    }
    std::printf("wrote %s\n", o.output.string().c_str());
    return 0;
}

} // namespace clauselens::cli
