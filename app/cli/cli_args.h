#pragma once
// Small helpers for parsing subcommand arguments with messages that say which
// option was wrong. A UsageError makes clauselens-cli exit with code 2.

#include "commands.h"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace clauselens::cli {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The value after option args[i] (advancing i), or UsageError if it is missing.
std::string take_value(const Args& args, size_t& i);

// Parse a whole argument as a number, or throw UsageError naming the option.
int64_t parse_int(const std::string& option, const std::string& value, int64_t min, int64_t max);
uint64_t parse_u64(const std::string& option, const std::string& value);
float parse_float(const std::string& option, const std::string& value);

// The whole content of a file named on the command line, or
// std::runtime_error "PATH: cannot open ..." naming `what` it should be.
std::string read_file_text(const std::string& path, const std::string& what);

} // namespace clauselens::cli
