#pragma once
// Helpers for the GGUF tests: a byte-level builder for hand-made (and
// hand-broken) files that does not use our writer, and small sample files.

#include "gguf/gguf_reader.h"
#include "gguf/gguf_writer.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace clauselens::gguf::test {

using Bytes = std::vector<std::byte>;

// Appends GGUF fields byte by byte, exactly as the specification lays them out.
class RawFile {
public:
    RawFile& u8(std::uint8_t v);
    RawFile& u32(std::uint32_t v);
    RawFile& u64(std::uint64_t v);
    RawFile& raw(std::string_view bytes);
    RawFile& str(std::string_view s); // u64 length + bytes
    RawFile& zeros(std::size_t n);
    RawFile& pad_to(std::size_t alignment);

    RawFile& header(std::uint32_t version, std::uint64_t n_tensors, std::uint64_t n_kv);
    RawFile& kv_u32(std::string_view key, std::uint32_t v);
    RawFile& kv_string(std::string_view key, std::string_view v);
    // Key and value type tag only; the caller appends the value.
    RawFile& kv_head(std::string_view key, gguf::ValueType type);
    RawFile& tensor_info(std::string_view name, std::initializer_list<std::uint64_t> ne,
                         std::uint32_t type, std::uint64_t offset);

    std::size_t size() const { return bytes_.size(); }
    const Bytes& bytes() const { return bytes_; }

private:
    Bytes bytes_;
};

// Parses `bytes`, which must fail, and returns the error (FAILs otherwise).
GgufError parse_error(const Bytes& bytes);

// A small but complete model: a few metadata types, a vocabulary and four
// tensors of different types; used for truncation and mutation tests.
Bytes small_model_bytes();
// Where the last tensor's data ends in small_model_bytes(): every shorter
// prefix must be rejected.
std::size_t small_model_data_end();

// Deterministic pseudo-random bytes.
Bytes random_bytes(std::size_t n, std::uint32_t seed);

Bytes read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const Bytes& bytes);

// A fresh empty folder under the system temp folder, removed on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

} // namespace clauselens::gguf::test
