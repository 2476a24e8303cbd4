#pragma once
// Reading GGUF v2 and v3 files (little-endian). The file is mapped, checked
// completely when opened, and then served as views: metadata values and
// tensor data point into the mapping and stay valid as long as the GgufFile.
//
// Opening checks every count, length and offset against the file size before
// using it, so a truncated or hostile file gives a GgufError naming the field
// and its byte offset, never a crash, a hang or an allocation out of
// proportion to the file.

#include "gguf/gguf_error.h"
#include "gguf/gguf_types.h"
#include "gguf/gguf_value.h"
#include "gguf/mapped_file.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace clauselens::gguf {

inline constexpr std::uint64_t k_default_alignment = 32;
inline constexpr std::uint64_t k_max_key_bytes = 65535;      // spec: keys are at most 2^16-1 bytes
inline constexpr std::uint64_t k_max_tensor_name_bytes = 64; // spec: names are at most 64 bytes

struct MetadataEntry {
    std::string_view key;
    Value value;
    std::uint64_t offset; // file offset of the entry (its key)
};

struct Tensor {
    std::string_view name;
    TensorType type;
    std::uint32_t n_dims;
    // ggml order: ne[0] is the innermost (contiguous) dimension; unused ones are 1.
    std::array<std::uint64_t, k_max_dims> ne;
    std::uint64_t offset;      // from the start of the data section, as stored
    std::uint64_t file_offset; // from the start of the file
    std::uint64_t n_elements;
    std::uint64_t n_bytes;
    std::uint64_t info_offset; // file offset of this tensor's info record
    std::span<const std::byte> data;

    std::span<const std::uint64_t> shape() const { return {ne.data(), n_dims}; }
};

class GgufFile {
public:
    // Maps the file read-only; the GgufFile owns the mapping. Errors start with the path.
    static GgufFile open(const std::filesystem::path& path);
    // Parses bytes the caller keeps alive for the GgufFile's lifetime; no copy.
    static GgufFile from_memory(std::span<const std::byte> bytes);

    GgufFile(GgufFile&&) noexcept = default;
    GgufFile& operator=(GgufFile&&) noexcept = default;
    GgufFile(const GgufFile&) = delete;
    GgufFile& operator=(const GgufFile&) = delete;
    ~GgufFile() = default;

    std::uint32_t version() const { return version_; }
    std::uint64_t alignment() const { return alignment_; }
    std::uint64_t file_size() const { return bytes_.size(); }
    // File offset of the tensor data section (after the infos, aligned).
    std::uint64_t data_offset() const { return data_offset_; }

    // In file order.
    const std::vector<MetadataEntry>& metadata() const { return metadata_; }
    // nullptr when the key is absent.
    const Value* find(std::string_view key) const;

    // Throw GgufError naming the key when it is missing or has another type.
    std::uint32_t get_u32(std::string_view key) const;
    std::int32_t get_i32(std::string_view key) const;
    std::uint64_t get_u64(std::string_view key) const;
    std::int64_t get_int(std::string_view key) const; // any integer type
    float get_f32(std::string_view key) const;
    bool get_bool(std::string_view key) const;
    std::string_view get_string(std::string_view key) const;
    ArrayView get_array(std::string_view key) const;

    // In file order.
    const std::vector<Tensor>& tensors() const { return tensors_; }
    // nullptr when there is no tensor of that name.
    const Tensor* find_tensor(std::string_view name) const;
    // Throws GgufError when there is no tensor of that name.
    const Tensor& get_tensor(std::string_view name) const;

private:
    GgufFile() = default;
    void parse();
    void parse_header(detail::ByteCursor& cursor, std::uint64_t& tensor_count,
                      std::uint64_t& kv_count);
    void parse_metadata(detail::ByteCursor& cursor, std::uint64_t kv_count);
    void parse_alignment();
    void parse_tensor_infos(detail::ByteCursor& cursor, std::uint64_t tensor_count);
    void locate_tensor_data();

    MappedFile mapping_; // empty for from_memory()
    std::span<const std::byte> bytes_;
    std::uint32_t version_ = 0;
    std::uint64_t alignment_ = k_default_alignment;
    std::uint64_t data_offset_ = 0;
    std::vector<MetadataEntry> metadata_;
    std::unordered_map<std::string_view, std::size_t> metadata_index_;
    std::vector<Tensor> tensors_;
    std::unordered_map<std::string_view, std::size_t> tensor_index_;
};

} // namespace clauselens::gguf
