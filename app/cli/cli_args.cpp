#include "cli_args.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace clauselens::cli {

std::string take_value(const Args& args, size_t& i) {
    if (i + 1 >= args.size()) {
        throw UsageError("option " + args[i] + " needs a value");
    }
    return args[++i];
}

int64_t parse_int(const std::string& option, const std::string& value, int64_t min, int64_t max) {
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || errno == ERANGE || v < min || v > max) {
        throw UsageError("option " + option + ": '" + value + "' is not a whole number from " +
                         std::to_string(min) + " to " + std::to_string(max));
    }
    return v;
}

uint64_t parse_u64(const std::string& option, const std::string& value) {
    char* end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(value.c_str(), &end, 10);
    if (value.empty() || value[0] == '-' || *end != '\0' || errno == ERANGE) {
        throw UsageError("option " + option + ": '" + value + "' is not a non-negative number");
    }
    return v;
}

float parse_float(const std::string& option, const std::string& value) {
    char* end = nullptr;
    errno = 0;
    const float v = std::strtof(value.c_str(), &end);
    if (value.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(v)) {
        throw UsageError("option " + option + ": '" + value + "' is not a number");
    }
    return v;
}

std::string read_file_text(const std::string& path, const std::string& what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error(path + ": cannot open the " + what);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace clauselens::cli
