#include "gguf/gguf_value.h"

#include "gguf/byte_cursor.h"
#include "gguf/gguf_error.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace clauselens::gguf {

namespace {

// Smallest encoding of one array element of each type, used to reject a
// length that cannot fit before looping over it: a string is at least its
// u64 length, an array at least its u32 element type and u64 length.
std::uint64_t min_encoded_size(ValueType type) {
    switch (type) {
    case ValueType::string:
        return 8;
    case ValueType::array:
        return 12;
    default:
        return value_type_size(type);
    }
}

std::string element_field(std::uint64_t index) {
    return "element " + std::to_string(index);
}

void check_bool_byte(std::byte b, std::uint64_t offset) {
    const auto v = std::to_integer<unsigned>(b);
    if (v > 1) {
        throw GgufError("", "bool value is " + std::to_string(v) + ", must be 0 or 1", offset);
    }
}

template <class T>
T load(std::span<const std::byte> bytes) {
    T value;
    std::memcpy(&value, bytes.data(), sizeof(T));
    return value;
}

bool is_integer(ValueType type) {
    switch (type) {
    case ValueType::u8:
    case ValueType::i8:
    case ValueType::u16:
    case ValueType::i16:
    case ValueType::u32:
    case ValueType::i32:
    case ValueType::u64:
    case ValueType::i64:
        return true;
    default:
        return false;
    }
}

void check_array(detail::ByteCursor& cursor, unsigned depth);

} // namespace

namespace detail {

Value decode_value(ValueType type, ByteCursor& cursor, unsigned depth) {
    const std::size_t start = cursor.position();
    const std::uint64_t start_offset = cursor.offset();
    switch (type) {
    case ValueType::string:
        cursor.read_string("string");
        break;
    case ValueType::array:
        check_array(cursor, depth);
        break;
    case ValueType::boolean:
        check_bool_byte(cursor.take(1, "bool value")[0], start_offset);
        break;
    default:
        cursor.take(value_type_size(type), "value");
    }
    return Value(type, cursor.bytes().subspan(start, cursor.position() - start), start_offset);
}

} // namespace detail

namespace {

// Validates an array's header and every element, leaving the cursor after it.
void check_array(detail::ByteCursor& cursor, unsigned depth) {
    if (depth >= k_max_array_depth) {
        throw GgufError("array",
                        "arrays nested more than " + std::to_string(k_max_array_depth) +
                            " levels deep",
                        cursor.offset());
    }
    const std::uint64_t tag_offset = cursor.offset();
    const std::uint32_t tag = cursor.read_u32("array element type");
    if (!is_known_value_type(tag)) {
        throw GgufError("array element type", "unknown value type " + std::to_string(tag),
                        tag_offset);
    }
    const auto element_type = static_cast<ValueType>(tag);
    const std::uint64_t length_offset = cursor.offset();
    const std::uint64_t length = cursor.read_u64("array length");
    const std::uint64_t min_size = min_encoded_size(element_type);
    if (length > cursor.remaining() / min_size) {
        throw GgufError("array length",
                        std::to_string(length) + " elements of " +
                            std::string(value_type_name(element_type)) + " (at least " +
                            std::to_string(min_size) + " bytes each) exceed the " +
                            std::to_string(cursor.remaining()) + " bytes left",
                        length_offset);
    }

    const std::uint64_t elements_offset = cursor.offset();
    if (element_type == ValueType::string || element_type == ValueType::array) {
        for (std::uint64_t i = 0; i < length; ++i) {
            try {
                detail::decode_value(element_type, cursor, depth + 1);
            } catch (const GgufError& e) {
                throw e.within(element_field(i));
            }
        }
    } else {
        // The length check above already proved that these bytes are present.
        std::span<const std::byte> elements = cursor.take(length * min_size, "array elements");
        if (element_type == ValueType::boolean) {
            for (std::uint64_t i = 0; i < length; ++i) {
                try {
                    check_bool_byte(elements[i], elements_offset + i);
                } catch (const GgufError& e) {
                    throw e.within(element_field(i));
                }
            }
        }
    }
}

} // namespace

// ---- Value ----------------------------------------------------------------

void Value::expect(ValueType wanted) const {
    if (type_ != wanted) {
        throw GgufError("",
                        "expected " + std::string(value_type_name(wanted)) + ", found " +
                            std::string(value_type_name(type_)),
                        offset_);
    }
    // Only a default-constructed Value can fail this; keep it from reading nothing.
    const std::uint64_t size = value_type_size(wanted);
    if (size != 0 && encoded_.size() != size) {
        throw GgufError("", "empty value", offset_);
    }
}

std::uint8_t Value::as_u8() const {
    expect(ValueType::u8);
    return load<std::uint8_t>(encoded_);
}

std::int8_t Value::as_i8() const {
    expect(ValueType::i8);
    return load<std::int8_t>(encoded_);
}

std::uint16_t Value::as_u16() const {
    expect(ValueType::u16);
    return load<std::uint16_t>(encoded_);
}

std::int16_t Value::as_i16() const {
    expect(ValueType::i16);
    return load<std::int16_t>(encoded_);
}

std::uint32_t Value::as_u32() const {
    expect(ValueType::u32);
    return load<std::uint32_t>(encoded_);
}

std::int32_t Value::as_i32() const {
    expect(ValueType::i32);
    return load<std::int32_t>(encoded_);
}

std::uint64_t Value::as_u64() const {
    expect(ValueType::u64);
    return load<std::uint64_t>(encoded_);
}

std::int64_t Value::as_i64() const {
    expect(ValueType::i64);
    return load<std::int64_t>(encoded_);
}

float Value::as_f32() const {
    expect(ValueType::f32);
    return load<float>(encoded_);
}

double Value::as_f64() const {
    expect(ValueType::f64);
    return load<double>(encoded_);
}

bool Value::as_bool() const {
    expect(ValueType::boolean);
    return encoded_[0] != std::byte{0};
}

std::string_view Value::as_string() const {
    expect(ValueType::string);
    detail::ByteCursor cursor(encoded_, offset_);
    return cursor.read_string("string");
}

ArrayView Value::as_array() const {
    expect(ValueType::array);
    detail::ByteCursor cursor(encoded_, offset_);
    const std::uint32_t tag = cursor.read_u32("array element type");
    const std::uint64_t size = cursor.read_u64("array length");
    if (!is_known_value_type(tag)) {
        throw GgufError("array element type", "unknown value type " + std::to_string(tag), offset_);
    }
    return ArrayView(static_cast<ValueType>(tag), size, encoded_.subspan(cursor.position()),
                     cursor.offset());
}

std::int64_t Value::to_int() const {
    switch (type_) {
    case ValueType::u8:
        return as_u8();
    case ValueType::i8:
        return as_i8();
    case ValueType::u16:
        return as_u16();
    case ValueType::i16:
        return as_i16();
    case ValueType::u32:
        return as_u32();
    case ValueType::i32:
        return as_i32();
    case ValueType::i64:
        return as_i64();
    case ValueType::u64: {
        const std::uint64_t v = as_u64();
        if (v > static_cast<std::uint64_t>(INT64_MAX)) {
            throw GgufError("", "u64 value " + std::to_string(v) + " does not fit an i64", offset_);
        }
        return static_cast<std::int64_t>(v);
    }
    default:
        throw GgufError("", "expected an integer, found " + std::string(value_type_name(type_)),
                        offset_);
    }
}

double Value::to_double() const {
    if (type_ == ValueType::f32) {
        return as_f32();
    }
    if (type_ == ValueType::f64) {
        return as_f64();
    }
    if (type_ == ValueType::u64) {
        return static_cast<double>(as_u64());
    }
    if (is_integer(type_)) {
        return static_cast<double>(to_int());
    }
    throw GgufError("", "expected a number, found " + std::string(value_type_name(type_)), offset_);
}

// ---- ArrayView ------------------------------------------------------------

Value ArrayView::at(std::uint64_t index) const {
    if (index >= size_) {
        throw GgufError("",
                        "index " + std::to_string(index) + " is past the end of an array of " +
                            std::to_string(size_),
                        offset_);
    }
    const std::uint64_t size = value_type_size(element_type_);
    if (size != 0) {
        detail::ByteCursor cursor(elements_, offset_);
        cursor.take(index * size, "array elements");
        return detail::decode_value(element_type_, cursor, 1);
    }
    iterator it = begin();
    while (it.index() != index) {
        ++it;
    }
    return *it;
}

ArrayView::iterator ArrayView::begin() const {
    return iterator(*this, 0);
}

ArrayView::iterator ArrayView::end() const {
    return iterator(*this, size_);
}

std::vector<std::string_view> ArrayView::strings() const {
    if (element_type_ != ValueType::string) {
        throw GgufError("",
                        "expected an array of string, found an array of " +
                            std::string(value_type_name(element_type_)),
                        offset_);
    }
    std::vector<std::string_view> out;
    // size_ was checked against the bytes present (8 per string at least).
    out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(size_, elements_.size() / 8)));
    detail::ByteCursor cursor(elements_, offset_);
    for (std::uint64_t i = 0; i < size_; ++i) {
        out.push_back(cursor.read_string("string"));
    }
    return out;
}

std::vector<std::int64_t> ArrayView::ints() const {
    if (!is_integer(element_type_)) {
        throw GgufError("",
                        "expected an array of integers, found an array of " +
                            std::string(value_type_name(element_type_)),
                        offset_);
    }
    std::vector<std::int64_t> out;
    out.reserve(static_cast<std::size_t>(
        std::min<std::uint64_t>(size_, elements_.size() / value_type_size(element_type_))));
    for (const Value& v : *this) {
        out.push_back(v.to_int());
    }
    return out;
}

std::vector<float> ArrayView::floats() const {
    if (element_type_ != ValueType::f32 && element_type_ != ValueType::f64) {
        throw GgufError("",
                        "expected an array of f32 or f64, found an array of " +
                            std::string(value_type_name(element_type_)),
                        offset_);
    }
    std::vector<float> out;
    out.reserve(static_cast<std::size_t>(
        std::min<std::uint64_t>(size_, elements_.size() / value_type_size(element_type_))));
    for (const Value& v : *this) {
        out.push_back(static_cast<float>(v.to_double()));
    }
    return out;
}

// ---- ArrayView::iterator --------------------------------------------------

ArrayView::iterator::iterator(const ArrayView& array, std::uint64_t index)
    : array_(array), index_(index) {
    if (index_ < array_.size_) {
        decode_current();
    }
}

ArrayView::iterator& ArrayView::iterator::operator++() {
    ++index_;
    if (index_ < array_.size_) {
        decode_current();
    }
    return *this;
}

void ArrayView::iterator::decode_current() {
    detail::ByteCursor cursor(array_.elements_, array_.offset_);
    cursor.take(next_pos_, "array elements");
    current_ = detail::decode_value(array_.element_type_, cursor, 1);
    next_pos_ = cursor.position();
}

} // namespace clauselens::gguf
