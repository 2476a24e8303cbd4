#include "gguf/byte_append.h"
#include "gguf/gguf_error.h"
#include "gguf/gguf_writer.h"

#include <algorithm>
#include <string>

namespace clauselens::gguf {

using detail::append;
using detail::append_string;
using detail::append_u32;
using detail::append_u64;

ArrayBuilder::ArrayBuilder(ValueType element_type) : element_type_(element_type) {}

void ArrayBuilder::push_fixed(ValueType type, const void* data, std::size_t size) {
    if (type != element_type_) {
        throw GgufError("array", "cannot add a " + std::string(value_type_name(type)) +
                                     " to an array of " +
                                     std::string(value_type_name(element_type_)));
    }
    append(elements_, data, size);
    ++size_;
}

void ArrayBuilder::push_u8(std::uint8_t value) {
    push_fixed(ValueType::u8, &value, sizeof value);
}
void ArrayBuilder::push_i8(std::int8_t value) {
    push_fixed(ValueType::i8, &value, sizeof value);
}
void ArrayBuilder::push_u16(std::uint16_t value) {
    push_fixed(ValueType::u16, &value, sizeof value);
}
void ArrayBuilder::push_i16(std::int16_t value) {
    push_fixed(ValueType::i16, &value, sizeof value);
}
void ArrayBuilder::push_u32(std::uint32_t value) {
    push_fixed(ValueType::u32, &value, sizeof value);
}
void ArrayBuilder::push_i32(std::int32_t value) {
    push_fixed(ValueType::i32, &value, sizeof value);
}
void ArrayBuilder::push_u64(std::uint64_t value) {
    push_fixed(ValueType::u64, &value, sizeof value);
}
void ArrayBuilder::push_i64(std::int64_t value) {
    push_fixed(ValueType::i64, &value, sizeof value);
}
void ArrayBuilder::push_f32(float value) {
    push_fixed(ValueType::f32, &value, sizeof value);
}
void ArrayBuilder::push_f64(double value) {
    push_fixed(ValueType::f64, &value, sizeof value);
}

void ArrayBuilder::push_bool(bool value) {
    const std::uint8_t byte = value ? 1 : 0;
    push_fixed(ValueType::boolean, &byte, sizeof byte);
}

void ArrayBuilder::push_string(std::string_view value) {
    if (element_type_ != ValueType::string) {
        throw GgufError("array", "cannot add a string to an array of " +
                                     std::string(value_type_name(element_type_)));
    }
    append_string(elements_, value);
    ++size_;
}

void ArrayBuilder::push_array(const ArrayBuilder& value) {
    if (element_type_ != ValueType::array) {
        throw GgufError("array", "cannot add an array to an array of " +
                                     std::string(value_type_name(element_type_)));
    }
    if (value.depth_ + 1 > k_max_array_depth) {
        throw GgufError("array", "arrays nested more than " + std::to_string(k_max_array_depth) +
                                     " levels deep are not allowed");
    }
    const std::vector<std::byte> encoded = value.encode();
    append(elements_, encoded.data(), encoded.size());
    depth_ = std::max(depth_, value.depth_ + 1);
    ++size_;
}

ArrayBuilder ArrayBuilder::of_strings(std::span<const std::string> values) {
    ArrayBuilder array(ValueType::string);
    for (const std::string& v : values) {
        array.push_string(v);
    }
    return array;
}

ArrayBuilder ArrayBuilder::of_f32(std::span<const float> values) {
    ArrayBuilder array(ValueType::f32);
    append(array.elements_, values.data(), values.size_bytes());
    array.size_ = values.size();
    return array;
}

ArrayBuilder ArrayBuilder::of_i32(std::span<const std::int32_t> values) {
    ArrayBuilder array(ValueType::i32);
    append(array.elements_, values.data(), values.size_bytes());
    array.size_ = values.size();
    return array;
}

std::vector<std::byte> ArrayBuilder::encode() const {
    std::vector<std::byte> out;
    out.reserve(12 + elements_.size());
    append_u32(out, static_cast<std::uint32_t>(element_type_));
    append_u64(out, size_);
    append(out, elements_.data(), elements_.size());
    return out;
}

} // namespace clauselens::gguf
