#include "gguf_fuzz_check.h"

#include "gguf/gguf_reader.h"
#include "gguf/gguf_writer.h"

#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace clauselens::fuzz {

namespace {

using gguf::ArrayView;
using gguf::GgufError;
using gguf::GgufFile;
using gguf::Value;
using gguf::ValueType;

void expect(bool condition, const std::string& what) {
    if (!condition) {
        throw std::logic_error("GGUF fuzz check failed: " + what);
    }
}

// Reads a value through every accessor that applies to its type. Returns a
// number derived from the contents so the reads cannot be optimised away.
std::uint64_t visit(const Value& value, std::span<const std::byte> file) {
    std::uint64_t sum = 0;
    switch (value.type()) {
    case ValueType::u8:
        sum += value.as_u8();
        break;
    case ValueType::i8:
        sum += static_cast<std::uint64_t>(value.as_i8());
        break;
    case ValueType::u16:
        sum += value.as_u16();
        break;
    case ValueType::i16:
        sum += static_cast<std::uint64_t>(value.as_i16());
        break;
    case ValueType::u32:
        sum += value.as_u32();
        break;
    case ValueType::i32:
        sum += static_cast<std::uint64_t>(value.as_i32());
        break;
    case ValueType::u64:
        sum += value.as_u64();
        break;
    case ValueType::i64:
        sum += static_cast<std::uint64_t>(value.as_i64());
        break;
    case ValueType::f32:
        sum += value.as_f32() > 0 ? 1 : 0;
        break;
    case ValueType::f64:
        sum += value.as_f64() > 0 ? 1 : 0;
        break;
    case ValueType::boolean:
        sum += value.as_bool() ? 1 : 0;
        break;
    case ValueType::string: {
        const std::string_view s = value.as_string();
        expect(s.size() <= file.size(), "string longer than the file");
        for (char c : s) {
            sum += static_cast<unsigned char>(c);
        }
        break;
    }
    case ValueType::array: {
        const ArrayView array = value.as_array();
        std::uint64_t count = 0;
        for (const Value& element : array) {
            expect(element.type() == array.element_type(), "element of the wrong type");
            sum += visit(element, file);
            ++count;
        }
        expect(count == array.size(), "iterator count differs from size()");
        if (!array.empty()) {
            expect(array.at(0).encoded().data() == array.begin()->encoded().data(),
                   "at(0) differs from begin()");
            expect(array.at(array.size() - 1).type() == array.element_type(),
                   "at(last) has the wrong type");
        }
        if (array.element_type() == ValueType::string) {
            expect(array.strings().size() == array.size(), "strings() size");
        } else if (array.element_type() == ValueType::f32 ||
                   array.element_type() == ValueType::f64) {
            expect(array.floats().size() == array.size(), "floats() size");
        } else if (array.element_type() != ValueType::boolean &&
                   array.element_type() != ValueType::array) {
            try {
                expect(array.ints().size() == array.size(), "ints() size");
            } catch (const GgufError&) {
                expect(array.element_type() == ValueType::u64, "ints() threw for a non-u64 array");
            }
        }
        break;
    }
    }
    if (value.type() != ValueType::string && value.type() != ValueType::array &&
        value.type() != ValueType::boolean) {
        try {
            sum += static_cast<std::uint64_t>(value.to_double() > 0 ? 1 : 0);
        } catch (const GgufError&) {
            expect(false, "to_double() threw for a number");
        }
    }
    return sum;
}

void walk(const GgufFile& file, std::span<const std::byte> bytes) {
    for (const gguf::MetadataEntry& entry : file.metadata()) {
        expect(file.find(entry.key) == &entry.value, "find() misses a key");
        expect(!entry.key.empty(), "empty key");
        visit(entry.value, bytes);
    }
    expect(file.alignment() != 0 && (file.alignment() & (file.alignment() - 1)) == 0,
           "alignment is not a power of two");
    for (const gguf::Tensor& t : file.tensors()) {
        expect(file.find_tensor(t.name) == &t, "find_tensor() misses a tensor");
        expect(t.data.size() == t.n_bytes, "data size differs from n_bytes");
        expect(t.data.data() >= bytes.data() &&
                   t.data.data() + t.data.size() <= bytes.data() + bytes.size(),
               "tensor data outside the file");
        expect(t.file_offset == file.data_offset() + t.offset, "file_offset");
        expect(t.offset % file.alignment() == 0, "unaligned tensor offset");
        std::uint64_t n = 1;
        for (std::uint64_t d : t.shape()) {
            n *= d;
        }
        expect(n == t.n_elements, "n_elements differs from the shape");
        std::byte acc{0};
        for (std::byte b : t.data) {
            acc ^= b;
        }
        static_cast<void>(acc);
    }
}

// Everything the reader accepts, the writer must accept and reproduce.
void round_trip(const GgufFile& file) {
    gguf::GgufWriter writer;
    try {
        for (const gguf::MetadataEntry& entry : file.metadata()) {
            writer.add_value(entry.key, entry.value);
        }
        for (const gguf::Tensor& t : file.tensors()) {
            writer.add_tensor(t.name, t.type, t.shape(), t.data);
        }
    } catch (const GgufError& e) {
        expect(false, std::string("the writer rejected what the reader accepted: ") + e.what());
    }
    const std::vector<std::byte> copy = writer.write_to_memory();
    expect(copy.size() == writer.file_size(), "file_size() differs from the bytes written");

    try {
        const GgufFile again = GgufFile::from_memory(copy);
        expect(again.metadata().size() == file.metadata().size(), "metadata count changed");
        for (std::size_t i = 0; i < file.metadata().size(); ++i) {
            const gguf::MetadataEntry& a = file.metadata()[i];
            const gguf::MetadataEntry& b = again.metadata()[i];
            expect(a.key == b.key && a.value.type() == b.value.type(), "metadata entry changed");
            expect(a.value.encoded().size() == b.value.encoded().size() &&
                       std::memcmp(a.value.encoded().data(), b.value.encoded().data(),
                                   a.value.encoded().size()) == 0,
                   "metadata value changed");
        }
        expect(again.alignment() == file.alignment(), "alignment changed");
        expect(again.tensors().size() == file.tensors().size(), "tensor count changed");
        for (std::size_t i = 0; i < file.tensors().size(); ++i) {
            const gguf::Tensor& a = file.tensors()[i];
            const gguf::Tensor& b = again.tensors()[i];
            expect(a.name == b.name && a.type == b.type && a.ne == b.ne && a.n_dims == b.n_dims,
                   "tensor info changed");
            expect(a.n_bytes == b.n_bytes &&
                       std::memcmp(a.data.data(), b.data.data(), a.n_bytes) == 0,
                   "tensor data changed");
        }
    } catch (const GgufError& e) {
        expect(false, std::string("the reader rejected the writer's output: ") + e.what());
    }
}

} // namespace

bool check_gguf_input(std::span<const std::byte> bytes) {
    std::optional<GgufFile> file;
    try {
        file.emplace(GgufFile::from_memory(bytes));
    } catch (const GgufError& e) {
        expect(!std::string_view(e.what()).empty(), "empty error message");
        return false;
    }
    walk(*file, bytes);
    round_trip(*file);
    return true;
}

} // namespace clauselens::fuzz
