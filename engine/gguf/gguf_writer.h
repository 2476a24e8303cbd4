#pragma once
// Writing GGUF v3 files (little-endian). Metadata is encoded when added;
// tensor data is not copied: the writer keeps the caller's spans (or calls a
// producer per tensor) and streams them out, so a multi-GB file never sits in
// memory twice. Everything the reader would reject is rejected here first.

#include "gguf/gguf_types.h"
#include "gguf/gguf_value.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace clauselens::gguf {

// An array value under construction. All elements have the element type given
// at construction; arrays of arrays are built from other ArrayBuilders.
class ArrayBuilder {
public:
    explicit ArrayBuilder(ValueType element_type);

    ValueType element_type() const { return element_type_; }
    std::uint64_t size() const { return size_; }

    // Each throws GgufError if the value's type is not the element type.
    void push_u8(std::uint8_t value);
    void push_i8(std::int8_t value);
    void push_u16(std::uint16_t value);
    void push_i16(std::int16_t value);
    void push_u32(std::uint32_t value);
    void push_i32(std::int32_t value);
    void push_u64(std::uint64_t value);
    void push_i64(std::int64_t value);
    void push_f32(float value);
    void push_f64(double value);
    void push_bool(bool value);
    void push_string(std::string_view value);
    void push_array(const ArrayBuilder& value);

    // The common whole-array cases: vocabularies, scores, token types.
    static ArrayBuilder of_strings(std::span<const std::string> values);
    static ArrayBuilder of_f32(std::span<const float> values);
    static ArrayBuilder of_i32(std::span<const std::int32_t> values);

    // The value as stored in a file, without its type tag.
    std::vector<std::byte> encode() const;

private:
    void push_fixed(ValueType type, const void* data, std::size_t size);

    ValueType element_type_;
    std::uint64_t size_ = 0;
    unsigned depth_ = 1; // an array of non-arrays has depth 1
    std::vector<std::byte> elements_;
};

// Fills `out` (exactly the tensor's size in bytes) with the tensor's data.
// Called once per write, just before the data is written.
using TensorProducer = std::function<void(std::span<std::byte> out)>;

class GgufWriter {
public:
    GgufWriter() = default;

    // Keys must be non-empty, at most 65535 bytes and unique. A
    // "general.alignment" key must be a u32 power of two; it sets the alignment.
    void add_u8(std::string_view key, std::uint8_t value);
    void add_i8(std::string_view key, std::int8_t value);
    void add_u16(std::string_view key, std::uint16_t value);
    void add_i16(std::string_view key, std::int16_t value);
    void add_u32(std::string_view key, std::uint32_t value);
    void add_i32(std::string_view key, std::int32_t value);
    void add_u64(std::string_view key, std::uint64_t value);
    void add_i64(std::string_view key, std::int64_t value);
    void add_f32(std::string_view key, float value);
    void add_f64(std::string_view key, double value);
    void add_bool(std::string_view key, bool value);
    void add_string(std::string_view key, std::string_view value);
    void add_array(std::string_view key, const ArrayBuilder& value);
    // Copies a value read from another file unchanged (e.g. all metadata of a
    // model being quantized).
    void add_value(std::string_view key, const Value& value);

    // `shape` is in ggml order (ne[0] innermost), 1 to 4 dimensions, each at
    // least 1, ne[0] a multiple of the type's block size. `data` must be
    // exactly the tensor's size and stay alive until the last write.
    void add_tensor(std::string_view name, TensorType type, std::span<const std::uint64_t> shape,
                    std::span<const std::byte> data);
    void add_tensor(std::string_view name, TensorType type, std::span<const std::uint64_t> shape,
                    TensorProducer produce);

    std::uint64_t alignment() const { return alignment_; }
    // The exact size of the file the writer will produce.
    std::uint64_t file_size() const;

    // Writes to a temporary file in the same folder and renames it over
    // `path` only when everything is written and synced, so a failure (disk
    // full, ...) never leaves a partial file under the final name. Throws
    // GgufError with the path and the OS reason.
    void write_file(const std::filesystem::path& path) const;
    std::vector<std::byte> write_to_memory() const;

    class Sink;

private:
    struct Entry {
        std::string key;
        ValueType type;
        std::vector<std::byte> encoded;
    };
    struct PendingTensor {
        std::string name;
        TensorType type;
        std::uint32_t n_dims;
        std::array<std::uint64_t, k_max_dims> ne;
        std::uint64_t n_bytes;
        std::span<const std::byte> data; // used when produce is empty
        TensorProducer produce;
    };

    void add_encoded(std::string_view key, ValueType type, std::vector<std::byte> encoded);
    PendingTensor check_tensor(std::string_view name, TensorType type,
                               std::span<const std::uint64_t> shape);
    std::vector<std::byte> encode_head() const; // header, metadata and tensor infos
    void write(Sink& sink) const;

    std::vector<Entry> entries_;
    std::unordered_set<std::string> keys_;
    std::vector<PendingTensor> tensors_;
    std::unordered_set<std::string> tensor_names_;
    std::uint64_t alignment_ = 32;
};

} // namespace clauselens::gguf
