#include "gguf/gguf_reader.h"

#include "gguf/byte_cursor.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace clauselens::gguf {

namespace {

// Smallest possible records, used to reject counts that cannot fit in the
// file before anything is allocated for them.
constexpr std::uint64_t k_min_kv_bytes = 8 + 1 + 4 + 1; // key length, 1-byte key, tag, u8 value
constexpr std::uint64_t k_min_tensor_info_bytes = 8 + 1 + 4 + 8 + 4 + 8;
// Counts come from the file; reserve at most this many entries up front and
// let the vectors grow with what is actually parsed.
constexpr std::uint64_t k_max_reserve = 4096;

std::string str(std::uint64_t v) {
    return std::to_string(v);
}

std::string key_field(std::string_view key) {
    return "metadata key " + quote(key);
}

std::string tensor_field(std::string_view name) {
    return "tensor " + quote(name);
}

// "[start, end)" for the bytes [base + offset, base + offset + n_bytes),
// written out as a sum where the numbers do not fit in 64 bits.
std::string range_text(std::uint64_t base, std::uint64_t offset, std::uint64_t n_bytes) {
    if (offset > UINT64_MAX - base) {
        return "[" + str(base) + " + " + str(offset) + ", ...)";
    }
    const std::uint64_t start = base + offset;
    if (n_bytes > UINT64_MAX - start) {
        return "[" + str(start) + ", " + str(start) + " + " + str(n_bytes) + ")";
    }
    return "[" + str(start) + ", " + str(start + n_bytes) + ")";
}

std::string describe_magic(std::span<const std::byte> magic) {
    std::string_view text(reinterpret_cast<const char*>(magic.data()), magic.size());
    // The formats before GGUF wrote their magic as a little-endian u32.
    if (text == "lmgg" || text == "fmgg" || text == "tjgg") {
        return quote(text) + ", a pre-GGUF (GGML/GGMF/GGJT) model file; convert it to GGUF";
    }
    return quote(text) + ", expected 'GGUF': not a GGUF file";
}

std::uint32_t byte_swap(std::uint32_t v) {
    return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
}

std::string shape_text(const std::array<std::uint64_t, k_max_dims>& ne, std::uint32_t n_dims) {
    std::string out = "[";
    for (std::uint32_t d = 0; d < n_dims; ++d) {
        out += (d == 0 ? "" : ", ") + str(ne[d]);
    }
    return out + "]";
}

std::uint64_t align_up(std::uint64_t offset, std::uint64_t alignment) {
    return (offset + alignment - 1) / alignment * alignment;
}

// Where a parsed tensor info stores its data offset: after the name (u64
// length + bytes), n_dims (u32), ne (u64 each) and type (u32).
std::uint64_t offset_field_offset(const Tensor& t) {
    return t.info_offset + 8 + t.name.size() + 4 + 8 * std::uint64_t{t.n_dims} + 4;
}

// The readers below keep each try block's results out of its catch handler:
// GCC 12 at -O2 miscompiled a handler that read a string_view assigned in
// the try block (the store was treated as dead on the exception path).

std::string_view read_key(detail::ByteCursor& cursor, std::uint64_t index) {
    const std::uint64_t entry_offset = cursor.offset();
    try {
        const std::string_view key = cursor.read_string("key");
        if (key.empty()) {
            throw GgufError("key", "is empty", entry_offset);
        }
        if (key.size() > k_max_key_bytes) {
            throw GgufError("key",
                            "is " + str(key.size()) + " bytes long, at most " +
                                str(k_max_key_bytes) + " are allowed",
                            entry_offset);
        }
        return key;
    } catch (const GgufError& e) {
        throw e.within("metadata entry " + str(index));
    }
}

Value read_tagged_value(detail::ByteCursor& cursor) {
    const std::uint64_t tag_offset = cursor.offset();
    const std::uint32_t tag = cursor.read_u32("value type");
    if (!is_known_value_type(tag)) {
        throw GgufError("value type", "unknown value type " + str(tag), tag_offset);
    }
    return detail::decode_value(static_cast<ValueType>(tag), cursor, 0);
}

std::string_view read_tensor_name(detail::ByteCursor& cursor, std::uint64_t index) {
    const std::uint64_t info_offset = cursor.offset();
    try {
        const std::string_view name = cursor.read_string("name");
        if (name.empty()) {
            throw GgufError("name", "is empty", info_offset);
        }
        if (name.size() > k_max_tensor_name_bytes) {
            throw GgufError("name",
                            "is " + str(name.size()) + " bytes long, at most " +
                                str(k_max_tensor_name_bytes) + " are allowed",
                            info_offset);
        }
        return name;
    } catch (const GgufError& e) {
        throw e.within("tensor " + str(index));
    }
}

// Everything of a tensor info after its name.
void read_tensor_shape_type_offset(detail::ByteCursor& cursor, std::uint64_t alignment, Tensor& t) {
    const std::uint64_t n_dims_offset = cursor.offset();
    t.n_dims = cursor.read_u32("n_dims");
    if (t.n_dims == 0 || t.n_dims > k_max_dims) {
        throw GgufError("n_dims", "is " + str(t.n_dims) + ", must be 1 to " + str(k_max_dims),
                        n_dims_offset);
    }

    t.ne = {1, 1, 1, 1};
    t.n_elements = 1;
    const std::uint64_t ne_offset = cursor.offset();
    for (std::uint32_t d = 0; d < t.n_dims; ++d) {
        const std::string field = "ne[" + str(d) + "]";
        const std::uint64_t dim_offset = cursor.offset();
        t.ne[d] = cursor.read_u64(field);
        if (t.ne[d] == 0) {
            throw GgufError(field, "is 0; every dimension must be at least 1", dim_offset);
        }
        if (t.n_elements > k_max_elements / t.ne[d]) {
            throw GgufError(field,
                            "is " + str(t.ne[d]) + "; the element count overflows a 64-bit integer",
                            dim_offset);
        }
        t.n_elements *= t.ne[d];
    }

    const std::uint64_t type_offset = cursor.offset();
    const std::uint32_t type_id = cursor.read_u32("type");
    const TensorTypeInfo* info = find_tensor_type(type_id);
    if (info == nullptr) {
        throw GgufError(
            "type", "unknown tensor type id " + str(type_id) + " (a newer or retired ggml type)",
            type_offset);
    }
    t.type = info->type;
    if (t.ne[0] % info->block_size != 0) {
        throw GgufError("ne[0]",
                        "is " + str(t.ne[0]) + ", not a multiple of the block size " +
                            str(info->block_size) + " of " + std::string(info->name),
                        ne_offset);
    }
    const std::optional<std::uint64_t> n_bytes = tensor_bytes(t.type, t.n_elements);
    if (!n_bytes) {
        throw GgufError("type",
                        std::string(info->name) + " data of shape " + shape_text(t.ne, t.n_dims) +
                            " overflows a 64-bit size",
                        type_offset);
    }
    t.n_bytes = *n_bytes;

    const std::uint64_t offset_offset = cursor.offset();
    t.offset = cursor.read_u64("offset");
    if (t.offset % alignment != 0) {
        throw GgufError("offset",
                        str(t.offset) + " is not a multiple of the alignment " + str(alignment),
                        offset_offset);
    }
}

template <class Get>
auto get_checked(const GgufFile& file, std::string_view key, Get get) {
    const Value* value = file.find(key);
    if (value == nullptr) {
        throw GgufError(key_field(key), "not present in the file");
    }
    try {
        return get(*value);
    } catch (const GgufError& e) {
        throw e.within(key_field(key));
    }
}

} // namespace

GgufFile GgufFile::open(const std::filesystem::path& path) {
    GgufFile file;
    file.mapping_ = MappedFile::open(path.string());
    file.bytes_ = file.mapping_.bytes();
    try {
        file.parse();
    } catch (const GgufError& e) {
        throw e.in_file(path.string());
    }
    return file;
}

GgufFile GgufFile::from_memory(std::span<const std::byte> bytes) {
    GgufFile file;
    file.bytes_ = bytes;
    file.parse();
    return file;
}

void GgufFile::parse() {
    detail::ByteCursor cursor(bytes_, 0);
    std::uint64_t tensor_count = 0;
    std::uint64_t kv_count = 0;
    parse_header(cursor, tensor_count, kv_count);
    parse_metadata(cursor, kv_count);
    parse_alignment();
    parse_tensor_infos(cursor, tensor_count);
    data_offset_ = align_up(cursor.offset(), alignment_);
    locate_tensor_data();
}

void GgufFile::parse_header(detail::ByteCursor& cursor, std::uint64_t& tensor_count,
                            std::uint64_t& kv_count) {
    std::span<const std::byte> magic = cursor.take(4, "header magic");
    if (std::memcmp(magic.data(), "GGUF", 4) != 0) {
        throw GgufError("header magic", "is " + describe_magic(magic), 0);
    }

    const std::uint64_t version_offset = cursor.offset();
    version_ = cursor.read_u32("header version");
    const std::uint32_t swapped = byte_swap(version_);
    if (version_ > 0xffff && (swapped == 2 || swapped == 3)) {
        throw GgufError("header version",
                        "reads " + str(version_) + ", which is version " + str(swapped) +
                            " byte-swapped: big-endian GGUF files are not supported",
                        version_offset);
    }
    if (version_ == 1) {
        throw GgufError("header version",
                        "GGUF version 1 is not supported (it uses 32-bit counts); "
                        "convert the model again with a current tool",
                        version_offset);
    }
    if (version_ != 2 && version_ != 3) {
        throw GgufError("header version",
                        "unsupported GGUF version " + str(version_) + " (supported: 2 and 3)",
                        version_offset);
    }

    const std::uint64_t tensor_count_offset = cursor.offset();
    tensor_count = cursor.read_u64("header tensor_count");
    const std::uint64_t kv_count_offset = cursor.offset();
    kv_count = cursor.read_u64("header metadata_kv_count");
    if (tensor_count > cursor.remaining() / k_min_tensor_info_bytes) {
        throw GgufError("header tensor_count",
                        str(tensor_count) + " tensors cannot fit in the " +
                            str(cursor.remaining()) + " bytes left (each needs at least " +
                            str(k_min_tensor_info_bytes) + ")",
                        tensor_count_offset);
    }
    if (kv_count > cursor.remaining() / k_min_kv_bytes) {
        throw GgufError("header metadata_kv_count",
                        str(kv_count) + " entries cannot fit in the " + str(cursor.remaining()) +
                            " bytes left (each needs at least " + str(k_min_kv_bytes) + ")",
                        kv_count_offset);
    }
}

void GgufFile::parse_metadata(detail::ByteCursor& cursor, std::uint64_t kv_count) {
    metadata_.reserve(static_cast<std::size_t>(std::min(kv_count, k_max_reserve)));
    metadata_index_.reserve(static_cast<std::size_t>(std::min(kv_count, k_max_reserve)));
    for (std::uint64_t i = 0; i < kv_count; ++i) {
        const std::uint64_t entry_offset = cursor.offset();
        const std::string_view key = read_key(cursor, i);
        Value value;
        try {
            value = read_tagged_value(cursor);
        } catch (const GgufError& e) {
            throw e.within(key_field(key));
        }

        const auto [it, inserted] = metadata_index_.emplace(key, metadata_.size());
        if (!inserted) {
            throw GgufError(key_field(key),
                            "duplicate key (first at offset " + str(metadata_[it->second].offset) +
                                ")",
                            entry_offset);
        }
        metadata_.push_back(MetadataEntry{key, value, entry_offset});
    }
}

void GgufFile::parse_alignment() {
    const Value* value = find("general.alignment");
    if (value == nullptr) {
        return;
    }
    if (value->type() != ValueType::u32) {
        throw GgufError(key_field("general.alignment"),
                        "must be u32, found " + std::string(value_type_name(value->type())),
                        value->offset());
    }
    const std::uint32_t alignment = value->as_u32();
    if (alignment == 0 || (alignment & (alignment - 1)) != 0) {
        throw GgufError(key_field("general.alignment"),
                        "is " + str(alignment) + ", must be a power of two", value->offset());
    }
    alignment_ = alignment;
}

void GgufFile::parse_tensor_infos(detail::ByteCursor& cursor, std::uint64_t tensor_count) {
    tensors_.reserve(static_cast<std::size_t>(std::min(tensor_count, k_max_reserve)));
    tensor_index_.reserve(static_cast<std::size_t>(std::min(tensor_count, k_max_reserve)));
    for (std::uint64_t i = 0; i < tensor_count; ++i) {
        Tensor t{};
        t.info_offset = cursor.offset();
        const std::string_view name = read_tensor_name(cursor, i);
        t.name = name;
        try {
            read_tensor_shape_type_offset(cursor, alignment_, t);
        } catch (const GgufError& e) {
            throw e.within(tensor_field(name));
        }

        const auto [it, inserted] = tensor_index_.emplace(t.name, tensors_.size());
        if (!inserted) {
            throw GgufError(tensor_field(t.name),
                            "duplicate tensor name (first at offset " +
                                str(tensors_[it->second].info_offset) + ")",
                            t.info_offset);
        }
        tensors_.push_back(t);
    }
}

void GgufFile::locate_tensor_data() {
    const std::uint64_t size = bytes_.size();
    for (Tensor& t : tensors_) {
        const bool fits = data_offset_ <= size && t.offset <= size - data_offset_ &&
                          t.n_bytes <= size - data_offset_ - t.offset;
        if (!fits) {
            throw GgufError(tensor_field(t.name) + " offset",
                            "data " + range_text(data_offset_, t.offset, t.n_bytes) +
                                " extends past the end of the file (" + str(size) + " bytes)",
                            offset_field_offset(t));
        }
        t.file_offset = data_offset_ + t.offset;
        t.data = bytes_.subspan(static_cast<std::size_t>(t.file_offset),
                                static_cast<std::size_t>(t.n_bytes));
    }

    std::vector<const Tensor*> by_offset;
    by_offset.reserve(tensors_.size());
    for (const Tensor& t : tensors_) {
        by_offset.push_back(&t);
    }
    std::sort(by_offset.begin(), by_offset.end(),
              [](const Tensor* a, const Tensor* b) { return a->file_offset < b->file_offset; });
    for (std::size_t i = 1; i < by_offset.size(); ++i) {
        const Tensor& prev = *by_offset[i - 1];
        const Tensor& next = *by_offset[i];
        if (next.file_offset < prev.file_offset + prev.n_bytes) {
            throw GgufError(tensor_field(next.name) + " offset",
                            "data " + range_text(0, next.file_offset, next.n_bytes) +
                                " overlaps the data of tensor " + quote(prev.name) + " " +
                                range_text(0, prev.file_offset, prev.n_bytes),
                            offset_field_offset(next));
        }
    }
}

const Value* GgufFile::find(std::string_view key) const {
    const auto it = metadata_index_.find(key);
    return it == metadata_index_.end() ? nullptr : &metadata_[it->second].value;
}

std::uint32_t GgufFile::get_u32(std::string_view key) const {
    return get_checked(*this, key, [](const Value& v) { return v.as_u32(); });
}

std::int32_t GgufFile::get_i32(std::string_view key) const {
    return get_checked(*this, key, [](const Value& v) { return v.as_i32(); });
}

std::uint64_t GgufFile::get_u64(std::string_view key) const {
    return get_checked(*this, key, [](const Value& v) { return v.as_u64(); });
}

std::int64_t GgufFile::get_int(std::string_view key) const {
    return get_checked(*this, key, [](const Value& v) { return v.to_int(); });
}

float GgufFile::get_f32(std::string_view key) const {
    return get_checked(*this, key, [](const Value& v) { return v.as_f32(); });
}

bool GgufFile::get_bool(std::string_view key) const {
    return get_checked(*this, key, [](const Value& v) { return v.as_bool(); });
}

std::string_view GgufFile::get_string(std::string_view key) const {
    return get_checked(*this, key, [](const Value& v) { return v.as_string(); });
}

ArrayView GgufFile::get_array(std::string_view key) const {
    return get_checked(*this, key, [](const Value& v) { return v.as_array(); });
}

const Tensor* GgufFile::find_tensor(std::string_view name) const {
    const auto it = tensor_index_.find(name);
    return it == tensor_index_.end() ? nullptr : &tensors_[it->second];
}

const Tensor& GgufFile::get_tensor(std::string_view name) const {
    const Tensor* t = find_tensor(name);
    if (t == nullptr) {
        throw GgufError(tensor_field(name), "not present in the file");
    }
    return *t;
}

} // namespace clauselens::gguf
