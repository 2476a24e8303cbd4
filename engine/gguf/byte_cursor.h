#pragma once
// Internal: bounds-checked little-endian reading over a byte span. Every read
// checks the bytes left first, so no caller can step past the end; errors
// carry the absolute file offset of the field being read.

#include "gguf/gguf_error.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

namespace clauselens::gguf::detail {

// The file format is little-endian and values are read with memcpy.
static_assert(std::endian::native == std::endian::little,
              "the GGUF reader assumes a little-endian host");

class ByteCursor {
public:
    // `base_offset` is the file offset of bytes[0], for error messages.
    ByteCursor(std::span<const std::byte> bytes, std::uint64_t base_offset)
        : bytes_(bytes), base_offset_(base_offset) {}

    std::uint64_t offset() const { return base_offset_ + pos_; }
    std::size_t position() const { return pos_; }
    std::uint64_t remaining() const { return bytes_.size() - pos_; }
    std::span<const std::byte> bytes() const { return bytes_; }

    std::span<const std::byte> take(std::uint64_t n, std::string_view field) {
        if (n > remaining()) {
            throw GgufError(std::string(field),
                            "needs " + std::to_string(n) + " bytes but only " +
                                std::to_string(remaining()) + " are left",
                            offset());
        }
        std::span<const std::byte> out = bytes_.subspan(pos_, static_cast<std::size_t>(n));
        pos_ += static_cast<std::size_t>(n);
        return out;
    }

    std::uint8_t read_u8(std::string_view field) { return read<std::uint8_t>(field); }
    std::uint32_t read_u32(std::string_view field) { return read<std::uint32_t>(field); }
    std::uint64_t read_u64(std::string_view field) { return read<std::uint64_t>(field); }

    // A GGUF string: u64 byte length, then the bytes (no terminator).
    std::string_view read_string(std::string_view field) {
        const std::uint64_t length_offset = offset();
        const std::uint64_t length = read_u64(field);
        if (length > remaining()) {
            throw GgufError(std::string(field),
                            "string length " + std::to_string(length) + " exceeds the " +
                                std::to_string(remaining()) + " bytes left",
                            length_offset);
        }
        std::span<const std::byte> chars = take(length, field);
        return {reinterpret_cast<const char*>(chars.data()), chars.size()};
    }

private:
    template <class T>
    T read(std::string_view field) {
        std::span<const std::byte> raw = take(sizeof(T), field);
        T value;
        std::memcpy(&value, raw.data(), sizeof(T));
        return value;
    }

    std::span<const std::byte> bytes_;
    std::uint64_t base_offset_;
    std::size_t pos_ = 0;
};

} // namespace clauselens::gguf::detail
