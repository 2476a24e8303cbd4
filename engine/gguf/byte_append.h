#pragma once
// Internal: appending GGUF's little-endian encodings to a byte vector, for
// the writer and the array builder.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace clauselens::gguf::detail {

static_assert(std::endian::native == std::endian::little,
              "the GGUF writer assumes a little-endian host");

// resize + memcpy rather than insert(): GCC 12 at -O3 reports false
// -Wstringop-overflow warnings for inserting into an empty vector.
inline void append(std::vector<std::byte>& out, const void* data, std::size_t size) {
    if (size == 0) {
        return;
    }
    const std::size_t old_size = out.size();
    out.resize(old_size + size);
    std::memcpy(&out[old_size], data, size);
}

inline void append_u32(std::vector<std::byte>& out, std::uint32_t v) {
    append(out, &v, sizeof v);
}

inline void append_u64(std::vector<std::byte>& out, std::uint64_t v) {
    append(out, &v, sizeof v);
}

// A GGUF string: u64 byte length, then the bytes.
inline void append_string(std::vector<std::byte>& out, std::string_view s) {
    append_u64(out, s.size());
    append(out, s.data(), s.size());
}

} // namespace clauselens::gguf::detail
