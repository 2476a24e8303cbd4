// Byte-level BPE encoding speed on whole documents:
//   bench_bpe_encode TOKENIZER.json FILE... [-r RUNS]
// Loads the vocabulary the way a GGUF file gives it, encodes every file as
// one text (as extraction encodes a document), and prints tokens/s and MB/s
// as the median [min, max] of RUNS timed runs (default 5) after a warm-up.

#include "tokenizer/tokenizer.h"
#include "tokenizer/tokenizer_json.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error(std::string(path) + ": cannot open");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

int main(int argc, char** argv) {
    try {
        std::vector<std::string> files;
        int runs = 5;
        for (int i = 2; i < argc; ++i) {
            if (std::string(argv[i]) == "-r" && i + 1 < argc) {
                runs = std::max(1, std::stoi(argv[++i]));
            } else {
                files.push_back(read_file(argv[i]));
            }
        }
        if (argc < 3 || files.empty()) {
            std::fputs("usage: bench_bpe_encode TOKENIZER.json FILE... [-r RUNS]\n", stderr);
            return 2;
        }
        const Clock::time_point load_start = Clock::now();
        const auto tok = clauselens::tokenizer::Tokenizer::from_vocab(
            clauselens::tokenizer::read_tokenizer_json(argv[1]));
        const double load = seconds_since(load_start);

        std::size_t bytes = 0;
        for (const std::string& f : files) {
            bytes += f.size();
        }
        std::size_t tokens = 0;
        std::vector<double> times;
        for (int run = 0; run <= runs; ++run) { // run 0 warms up
            const Clock::time_point start = Clock::now();
            tokens = 0;
            for (const std::string& f : files) {
                tokens += tok.encode(f, false).size();
            }
            if (run > 0) {
                times.push_back(seconds_since(start));
            }
        }
        std::sort(times.begin(), times.end());
        const double median = times[times.size() / 2];
        const auto rate = [&](double s, double n) {
            return n / s;
        };
        std::printf("vocabulary %zu tokens, loaded in %.2f s\n", tok.vocab_size(), load);
        std::printf("%zu files, %zu bytes, %zu tokens per run\n", files.size(), bytes, tokens);
        std::printf("tokens/s %.0f [%.0f, %.0f]  MB/s %.2f [%.2f, %.2f]\n",
                    rate(median, static_cast<double>(tokens)),
                    rate(times.back(), static_cast<double>(tokens)),
                    rate(times.front(), static_cast<double>(tokens)),
                    rate(median, static_cast<double>(bytes)) / 1e6,
                    rate(times.back(), static_cast<double>(bytes)) / 1e6,
                    rate(times.front(), static_cast<double>(bytes)) / 1e6);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_bpe_encode: %s\n", e.what());
        return 1;
    }
}
