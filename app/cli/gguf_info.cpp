// clauselens-cli gguf-info: what a GGUF model file contains, without loading it.

#include "commands.h"
#include "gguf/gguf_reader.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iterator>
#include <map>
#include <string>
#include <string_view>

namespace clauselens::cli {

namespace {

using gguf::ArrayView;
using gguf::GgufFile;
using gguf::Value;
using gguf::ValueType;

constexpr const char* k_usage =
    "usage: clauselens-cli gguf-info FILE\n"
    "\n"
    "Prints a GGUF model file's header, every metadata entry (long strings and\n"
    "arrays shortened) and its tensor table with totals. The file is checked\n"
    "completely; a damaged file is reported with the field and byte offset.\n"
    "\n"
    "  --help   show this help\n";

// Long values are shortened so that a 150k-token vocabulary fits on a line.
constexpr std::size_t k_max_string_bytes = 60;
constexpr std::uint64_t k_max_array_items_shown = 5; // arrays up to this size are shown whole
constexpr std::uint64_t k_array_items_when_cut = 3;

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not one.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    if (lead >= 0xc2 && lead <= 0xdf) {
        n = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        n = 3;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        n = 4;
    } else {
        return 0;
    }
    if (i + n > s.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < n; ++k) {
        if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) {
            return 0;
        }
    }
    return n;
}

// Text from the file made safe for a terminal: printable ASCII and valid
// UTF-8 as they are, everything else escaped.
std::string escape(std::string_view s) {
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else if (const std::size_t n = utf8_sequence_length(s, i); n != 0) {
            out.append(s.substr(i, n));
            i += n;
            continue;
        } else {
            out += "\\x";
            out += k_hex[c >> 4];
            out += k_hex[c & 0xf];
        }
        ++i;
    }
    return out;
}

// Strings here are built with += rather than "literal" + string: GCC 12 at
// -O3 reports false -Wrestrict warnings for the latter.
std::string format_string(std::string_view s) {
    std::size_t cut = s.size();
    if (s.size() > k_max_string_bytes) {
        cut = k_max_string_bytes;
        // Do not split a UTF-8 character.
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xc0) == 0x80) {
            --cut;
        }
    }
    std::string out = "\"";
    out += escape(s.substr(0, cut));
    out += '"';
    if (cut < s.size()) {
        out += "... (";
        out += std::to_string(s.size());
        out += " bytes)";
    }
    return out;
}

template <class T>
std::string format_float(T v) {
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, result.ptr);
}

std::string format_value(const Value& v);

std::string format_elements(const ArrayView& array) {
    const std::uint64_t shown =
        array.size() <= k_max_array_items_shown ? array.size() : k_array_items_when_cut;
    std::string out = "[";
    for (auto it = array.begin(); it != array.end() && it.index() < shown; ++it) {
        if (it.index() != 0) {
            out += ", ";
        }
        out += format_value(*it);
    }
    if (shown < array.size()) {
        out += ", ...";
    }
    return out + "]";
}

std::string format_value(const Value& v) {
    switch (v.type()) {
    case ValueType::u8:
        return std::to_string(v.as_u8());
    case ValueType::i8:
        return std::to_string(v.as_i8());
    case ValueType::u16:
        return std::to_string(v.as_u16());
    case ValueType::i16:
        return std::to_string(v.as_i16());
    case ValueType::u32:
        return std::to_string(v.as_u32());
    case ValueType::i32:
        return std::to_string(v.as_i32());
    case ValueType::u64:
        return std::to_string(v.as_u64());
    case ValueType::i64:
        return std::to_string(v.as_i64());
    case ValueType::f32:
        return format_float(v.as_f32());
    case ValueType::f64:
        return format_float(v.as_f64());
    case ValueType::boolean:
        return v.as_bool() ? "true" : "false";
    case ValueType::string:
        return format_string(v.as_string());
    case ValueType::array:
        return format_elements(v.as_array());
    }
    return "?";
}

// "string = \"llama\"" or "[string; 32000] = [\"<unk>\", \"<s>\", \"</s>\", ...]"
std::string format_typed(const Value& v) {
    if (v.type() == ValueType::array) {
        const ArrayView array = v.as_array();
        std::string out = "[";
        out += gguf::value_type_name(array.element_type());
        out += "; ";
        out += std::to_string(array.size());
        out += "] = ";
        out += format_elements(array);
        return out;
    }
    std::string out(gguf::value_type_name(v.type()));
    out += " = ";
    out += format_value(v);
    return out;
}

std::string format_shape(const gguf::Tensor& t) {
    std::string out;
    for (std::uint64_t d : t.shape()) {
        out += (out.empty() ? "" : " x ") + std::to_string(d);
    }
    return out;
}

// 1536 -> "1.5 KiB"
std::string human_bytes(std::uint64_t n) {
    const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    double v = static_cast<double>(n);
    std::size_t unit = 0;
    while (v >= 1024 && unit + 1 < std::size(units)) {
        v /= 1024;
        ++unit;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, unit == 0 ? "%.0f %s" : "%.1f %s", v, units[unit]);
    return buf;
}

// 3212749824 -> "3.21 B"
std::string human_count(std::uint64_t n) {
    const char* units[] = {"", " K", " M", " B", " T"};
    double v = static_cast<double>(n);
    std::size_t unit = 0;
    while (v >= 1000 && unit + 1 < std::size(units)) {
        v /= 1000;
        ++unit;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, unit == 0 ? "%.0f%s" : "%.2f%s", v, units[unit]);
    return buf;
}

void print_header(const std::string& path, const GgufFile& file) {
    std::printf("file: %s\n", path.c_str());
    std::printf("GGUF version: %u\n", file.version());
    std::printf("alignment: %llu\n", static_cast<unsigned long long>(file.alignment()));
    std::printf("file size: %llu bytes (%s)\n", static_cast<unsigned long long>(file.file_size()),
                human_bytes(file.file_size()).c_str());
    std::printf("data offset: %llu\n", static_cast<unsigned long long>(file.data_offset()));
    std::printf("metadata entries: %zu\n", file.metadata().size());
    std::printf("tensors: %zu\n", file.tensors().size());
}

void print_metadata(const GgufFile& file) {
    std::printf("\nmetadata:\n");
    for (const gguf::MetadataEntry& entry : file.metadata()) {
        std::printf("  %s: %s\n", escape(entry.key).c_str(), format_typed(entry.value).c_str());
    }
}

void print_tensors(const GgufFile& file) {
    std::printf("\ntensors:\n");
    if (file.tensors().empty()) {
        std::printf("  (none)\n");
        return;
    }
    std::size_t name_width = 4;
    std::size_t shape_width = 5;
    for (const gguf::Tensor& t : file.tensors()) {
        name_width = std::max(name_width, escape(t.name).size());
        shape_width = std::max(shape_width, format_shape(t).size());
    }
    const auto nw = static_cast<int>(name_width);
    const auto sw = static_cast<int>(shape_width);
    std::printf("  %-*s  %-7s  %-*s  %12s  %12s\n", nw, "name", "type", sw, "shape", "offset",
                "bytes");
    for (const gguf::Tensor& t : file.tensors()) {
        std::printf("  %-*s  %-7s  %-*s  %12llu  %12llu\n", nw, escape(t.name).c_str(),
                    std::string(gguf::tensor_type_name(t.type)).c_str(), sw,
                    format_shape(t).c_str(), static_cast<unsigned long long>(t.offset),
                    static_cast<unsigned long long>(t.n_bytes));
    }
}

void print_totals(const GgufFile& file) {
    std::uint64_t bytes = 0;
    std::uint64_t parameters = 0;
    std::map<std::uint32_t, std::size_t> count_by_type; // ordered by type id
    for (const gguf::Tensor& t : file.tensors()) {
        bytes += t.n_bytes; // cannot overflow: the tensors do not overlap within the file
        parameters += t.n_elements;
        ++count_by_type[static_cast<std::uint32_t>(t.type)];
    }
    std::printf("\ntotals:\n");
    std::string types;
    for (const auto& [id, count] : count_by_type) {
        types += (types.empty() ? "" : ", ") +
                 std::string(gguf::tensor_type_name(static_cast<gguf::TensorType>(id))) + " x" +
                 std::to_string(count);
    }
    std::printf("  tensor types: %s\n", types.empty() ? "(none)" : types.c_str());
    std::printf("  tensor bytes: %llu (%s)\n", static_cast<unsigned long long>(bytes),
                human_bytes(bytes).c_str());
    std::printf("  parameters: %llu (%s)\n", static_cast<unsigned long long>(parameters),
                human_count(parameters).c_str());
}

} // namespace

int run_gguf_info(const Args& args) {
    std::string path;
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            std::fputs(k_usage, stdout);
            return 0;
        }
        if (arg.size() > 1 && arg[0] == '-') {
            std::fprintf(stderr, "clauselens-cli gguf-info: unknown option '%s'\n\n%s", arg.c_str(),
                         k_usage);
            return 2;
        }
        if (!path.empty()) {
            std::fprintf(stderr, "clauselens-cli gguf-info: expected one FILE\n\n%s", k_usage);
            return 2;
        }
        path = arg;
    }
    if (path.empty()) {
        std::fprintf(stderr, "clauselens-cli gguf-info: missing FILE\n\n%s", k_usage);
        return 2;
    }

    // GgufError propagates to main(), which prints it to stderr and exits 1.
    const GgufFile file = GgufFile::open(path);
    print_header(path, file);
    print_metadata(file);
    print_tensors(file);
    print_totals(file);
    return 0;
}

} // namespace clauselens::cli
