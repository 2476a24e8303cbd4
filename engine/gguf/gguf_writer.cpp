#include "gguf/gguf_writer.h"

#include "gguf/atomic_file.h"
#include "gguf/byte_append.h"
#include "gguf/gguf_error.h"
#include "gguf/gguf_reader.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace clauselens::gguf {

using detail::append;
using detail::append_string;
using detail::append_u32;
using detail::append_u64;

namespace {

constexpr std::uint32_t k_written_version = 3;

std::string str(std::uint64_t v) {
    return std::to_string(v);
}

std::uint64_t align_up(std::uint64_t offset, std::uint64_t alignment) {
    return (offset + alignment - 1) / alignment * alignment;
}

void check_key(std::string_view key) {
    if (key.empty()) {
        throw GgufError("metadata key", "is empty");
    }
    if (key.size() > k_max_key_bytes) {
        throw GgufError("metadata key " + quote(key), "is " + str(key.size()) +
                                                          " bytes long, at most " +
                                                          str(k_max_key_bytes) + " are allowed");
    }
}

} // namespace

// ---- Sinks: where write() puts the bytes ----------------------------------

class GgufWriter::Sink {
public:
    Sink() = default;
    Sink(const Sink&) = delete;
    Sink& operator=(const Sink&) = delete;
    virtual ~Sink() = default;
    virtual void write(std::span<const std::byte> bytes) = 0;

    void write_zeros(std::uint64_t n) {
        static constexpr std::array<std::byte, 4096> k_zeros{};
        while (n > 0) {
            const auto chunk = static_cast<std::size_t>(std::min<std::uint64_t>(n, k_zeros.size()));
            write(std::span(k_zeros).first(chunk));
            n -= chunk;
        }
    }
};

namespace {

class MemorySink final : public GgufWriter::Sink {
public:
    explicit MemorySink(std::vector<std::byte>& out) : out_(out) {}
    void write(std::span<const std::byte> bytes) override {
        append(out_, bytes.data(), bytes.size());
    }

private:
    std::vector<std::byte>& out_;
};

class FileSink final : public GgufWriter::Sink {
public:
    explicit FileSink(AtomicFile& file) : file_(file) {}
    void write(std::span<const std::byte> bytes) override { file_.write(bytes); }

private:
    AtomicFile& file_;
};

} // namespace

// ---- GgufWriter: metadata -------------------------------------------------

void GgufWriter::add_encoded(std::string_view key, ValueType type, std::vector<std::byte> encoded) {
    check_key(key);
    if (keys_.count(std::string(key)) != 0) {
        throw GgufError("metadata key " + quote(key), "was already added");
    }
    if (key == "general.alignment") {
        if (type != ValueType::u32) {
            throw GgufError("metadata key 'general.alignment'",
                            "must be u32, not " + std::string(value_type_name(type)));
        }
        std::uint32_t alignment = 0;
        std::memcpy(&alignment, encoded.data(), sizeof alignment);
        if (alignment == 0 || (alignment & (alignment - 1)) != 0) {
            throw GgufError("metadata key 'general.alignment'",
                            "is " + str(alignment) + ", must be a power of two");
        }
        alignment_ = alignment;
    }
    keys_.emplace(key);
    entries_.push_back(Entry{std::string(key), type, std::move(encoded)});
}

namespace {

template <class T>
std::vector<std::byte> encode_fixed(T value) {
    std::vector<std::byte> out(sizeof value);
    std::memcpy(out.data(), &value, sizeof value);
    return out;
}

} // namespace

void GgufWriter::add_u8(std::string_view key, std::uint8_t value) {
    add_encoded(key, ValueType::u8, encode_fixed(value));
}
void GgufWriter::add_i8(std::string_view key, std::int8_t value) {
    add_encoded(key, ValueType::i8, encode_fixed(value));
}
void GgufWriter::add_u16(std::string_view key, std::uint16_t value) {
    add_encoded(key, ValueType::u16, encode_fixed(value));
}
void GgufWriter::add_i16(std::string_view key, std::int16_t value) {
    add_encoded(key, ValueType::i16, encode_fixed(value));
}
void GgufWriter::add_u32(std::string_view key, std::uint32_t value) {
    add_encoded(key, ValueType::u32, encode_fixed(value));
}
void GgufWriter::add_i32(std::string_view key, std::int32_t value) {
    add_encoded(key, ValueType::i32, encode_fixed(value));
}
void GgufWriter::add_u64(std::string_view key, std::uint64_t value) {
    add_encoded(key, ValueType::u64, encode_fixed(value));
}
void GgufWriter::add_i64(std::string_view key, std::int64_t value) {
    add_encoded(key, ValueType::i64, encode_fixed(value));
}
void GgufWriter::add_f32(std::string_view key, float value) {
    add_encoded(key, ValueType::f32, encode_fixed(value));
}
void GgufWriter::add_f64(std::string_view key, double value) {
    add_encoded(key, ValueType::f64, encode_fixed(value));
}
void GgufWriter::add_bool(std::string_view key, bool value) {
    add_encoded(key, ValueType::boolean, encode_fixed(static_cast<std::uint8_t>(value ? 1 : 0)));
}

void GgufWriter::add_string(std::string_view key, std::string_view value) {
    std::vector<std::byte> encoded;
    encoded.reserve(8 + value.size());
    append_string(encoded, value);
    add_encoded(key, ValueType::string, std::move(encoded));
}

void GgufWriter::add_array(std::string_view key, const ArrayBuilder& value) {
    add_encoded(key, ValueType::array, value.encode());
}

void GgufWriter::add_value(std::string_view key, const Value& value) {
    std::span<const std::byte> encoded = value.encoded();
    if (encoded.empty()) {
        throw GgufError("metadata key " + quote(key), "the value to copy is empty");
    }
    add_encoded(key, value.type(), std::vector<std::byte>(encoded.begin(), encoded.end()));
}

// ---- GgufWriter: tensors --------------------------------------------------

GgufWriter::PendingTensor GgufWriter::check_tensor(std::string_view name, TensorType type,
                                                   std::span<const std::uint64_t> shape) {
    const std::string field = "tensor " + quote(name);
    if (name.empty()) {
        throw GgufError("tensor name", "is empty");
    }
    if (name.size() > k_max_tensor_name_bytes) {
        throw GgufError(field, "name is " + str(name.size()) + " bytes long, at most " +
                                   str(k_max_tensor_name_bytes) + " are allowed");
    }
    if (tensor_names_.count(std::string(name)) != 0) {
        throw GgufError(field, "was already added");
    }
    const TensorTypeInfo* info = find_tensor_type(static_cast<std::uint32_t>(type));
    if (info == nullptr) {
        throw GgufError(field, "unknown tensor type id " + str(static_cast<std::uint32_t>(type)));
    }
    if (shape.empty() || shape.size() > k_max_dims) {
        throw GgufError(field, "has " + str(shape.size()) + " dimensions, must have 1 to " +
                                   str(k_max_dims));
    }
    PendingTensor t{};
    t.name = std::string(name);
    t.type = type;
    t.n_dims = static_cast<std::uint32_t>(shape.size());
    t.ne = {1, 1, 1, 1};
    for (std::size_t d = 0; d < shape.size(); ++d) {
        if (shape[d] == 0) {
            throw GgufError(field, "ne[" + str(d) + "] is 0; every dimension must be at least 1");
        }
        t.ne[d] = shape[d];
    }
    const std::optional<std::uint64_t> n_elements = element_count(shape);
    if (!n_elements) {
        throw GgufError(field, "element count overflows a 64-bit integer");
    }
    if (shape[0] % info->block_size != 0) {
        throw GgufError(field, "ne[0] is " + str(shape[0]) + ", not a multiple of the block size " +
                                   str(info->block_size) + " of " + std::string(info->name));
    }
    const std::optional<std::uint64_t> n_bytes = tensor_bytes(type, *n_elements);
    if (!n_bytes) {
        throw GgufError(field, "size in bytes overflows a 64-bit integer");
    }
    t.n_bytes = *n_bytes;
    return t;
}

void GgufWriter::add_tensor(std::string_view name, TensorType type,
                            std::span<const std::uint64_t> shape, std::span<const std::byte> data) {
    PendingTensor t = check_tensor(name, type, shape);
    if (data.size() != t.n_bytes) {
        throw GgufError("tensor " + quote(name), "data is " + str(data.size()) + " bytes, a " +
                                                     std::string(tensor_type_name(type)) +
                                                     " tensor of this shape needs " +
                                                     str(t.n_bytes));
    }
    t.data = data;
    tensor_names_.insert(t.name);
    tensors_.push_back(std::move(t));
}

void GgufWriter::add_tensor(std::string_view name, TensorType type,
                            std::span<const std::uint64_t> shape, TensorProducer produce) {
    PendingTensor t = check_tensor(name, type, shape);
    if (!produce) {
        throw GgufError("tensor " + quote(name), "has no data producer");
    }
    t.produce = std::move(produce);
    tensor_names_.insert(t.name);
    tensors_.push_back(std::move(t));
}

// ---- GgufWriter: output ---------------------------------------------------

std::vector<std::byte> GgufWriter::encode_head() const {
    std::vector<std::byte> out;
    append(out, "GGUF", 4);
    append_u32(out, k_written_version);
    append_u64(out, tensors_.size());
    append_u64(out, entries_.size());
    for (const Entry& e : entries_) {
        append_string(out, e.key);
        append_u32(out, static_cast<std::uint32_t>(e.type));
        out.insert(out.end(), e.encoded.begin(), e.encoded.end());
    }
    // Tensors are laid out in the order they were added, each padded to the
    // alignment, as ggml does.
    std::uint64_t offset = 0;
    for (const PendingTensor& t : tensors_) {
        append_string(out, t.name);
        append_u32(out, t.n_dims);
        for (std::uint32_t d = 0; d < t.n_dims; ++d) {
            append_u64(out, t.ne[d]);
        }
        append_u32(out, static_cast<std::uint32_t>(t.type));
        append_u64(out, offset);
        offset = align_up(offset + t.n_bytes, alignment_);
    }
    return out;
}

std::uint64_t GgufWriter::file_size() const {
    std::uint64_t size = encode_head().size();
    if (tensors_.empty()) {
        return size;
    }
    size = align_up(size, alignment_);
    for (const PendingTensor& t : tensors_) {
        size = align_up(size + t.n_bytes, alignment_);
    }
    return size;
}

void GgufWriter::write(Sink& sink) const {
    const std::vector<std::byte> head = encode_head();
    sink.write(head);
    if (tensors_.empty()) {
        return; // no data section, so nothing to align
    }
    sink.write_zeros(align_up(head.size(), alignment_) - head.size());
    for (const PendingTensor& t : tensors_) {
        if (t.produce) {
            std::vector<std::byte> buffer(static_cast<std::size_t>(t.n_bytes));
            t.produce(buffer);
            sink.write(buffer);
        } else {
            sink.write(t.data);
        }
        sink.write_zeros(align_up(t.n_bytes, alignment_) - t.n_bytes);
    }
}

void GgufWriter::write_file(const std::filesystem::path& path) const {
    AtomicFile file(path);
    FileSink sink(file);
    write(sink);
    file.commit();
}

std::vector<std::byte> GgufWriter::write_to_memory() const {
    std::vector<std::byte> out;
    out.reserve(static_cast<std::size_t>(file_size()));
    MemorySink sink(out);
    write(sink);
    return out;
}

} // namespace clauselens::gguf
