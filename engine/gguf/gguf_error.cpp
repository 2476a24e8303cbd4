#include "gguf/gguf_error.h"

#include <utility>

namespace clauselens::gguf {

namespace {

std::string compose(const std::string& field, const std::string& problem,
                    std::optional<std::uint64_t> offset) {
    std::string message = field.empty() ? problem : field + ": " + problem;
    if (offset) {
        message += " (at offset " + std::to_string(*offset) + ")";
    }
    return message;
}

} // namespace

// The base is initialised first, so compose() sees field and problem before
// they are moved into the members.
GgufError::GgufError(std::string field, std::string problem, std::optional<std::uint64_t> offset)
    : std::runtime_error(compose(field, problem, offset)), field_(std::move(field)),
      problem_(std::move(problem)), offset_(offset) {}

GgufError::GgufError(const std::string& message, std::string field, std::string problem,
                     std::optional<std::uint64_t> offset)
    : std::runtime_error(message), field_(std::move(field)), problem_(std::move(problem)),
      offset_(offset) {}

GgufError GgufError::within(const std::string& outer) const {
    return GgufError(field_.empty() ? outer : outer + " " + field_, problem_, offset_);
}

std::string quote(std::string_view name) {
    constexpr std::size_t k_max_shown = 80;
    constexpr char k_hex[] = "0123456789abcdef";
    std::string out = "'";
    for (std::size_t i = 0; i < name.size() && i < k_max_shown; ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'') {
            out += static_cast<char>(c);
        } else {
            out += "\\x";
            out += k_hex[c >> 4];
            out += k_hex[c & 0xf];
        }
    }
    out += "'";
    if (name.size() > k_max_shown) {
        out += "... (" + std::to_string(name.size()) + " bytes)";
    }
    return out;
}

GgufError GgufError::in_file(const std::string& path) const {
    return GgufError(path + ": " + what(), field_, problem_, offset_);
}

} // namespace clauselens::gguf
