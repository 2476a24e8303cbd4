#pragma once
// Metadata values as views into the file's bytes. Nothing is copied or
// expanded at load time: a 150k-entry vocabulary stays one span, and its
// strings are decoded only when someone walks the array. All values were
// validated when the file was opened; the accessors still check bounds, so a
// view can never read outside its own bytes.

#include "gguf/gguf_types.h"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string_view>
#include <vector>

namespace clauselens::gguf {

// Arrays of arrays may nest at most this deep (an array of u8 has depth 1).
// Real files use depth 1; the limit keeps a hostile file from recursing deeply.
inline constexpr unsigned k_max_array_depth = 8;

class ArrayView;
class Value;

namespace detail {
class ByteCursor;
// Reads and fully validates one value of `type` at the cursor (the type tag
// has already been read). `depth` counts the arrays around it.
Value decode_value(ValueType type, ByteCursor& cursor, unsigned depth);
} // namespace detail

class Value {
public:
    // An empty u8 value whose accessors throw; exists so that containers and
    // iterators can hold a Value before they have one.
    Value() = default;

    ValueType type() const { return type_; }
    // File offset of the value's bytes (just after its type tag).
    std::uint64_t offset() const { return offset_; }
    // The value exactly as stored, without its type tag: the basis for copying
    // a value into another file unchanged.
    std::span<const std::byte> encoded() const { return encoded_; }

    // Each accessor requires exactly its type and throws GgufError otherwise.
    std::uint8_t as_u8() const;
    std::int8_t as_i8() const;
    std::uint16_t as_u16() const;
    std::int16_t as_i16() const;
    std::uint32_t as_u32() const;
    std::int32_t as_i32() const;
    std::uint64_t as_u64() const;
    std::int64_t as_i64() const;
    float as_f32() const;
    double as_f64() const;
    bool as_bool() const;
    // Points into the file; valid as long as the GgufFile is.
    std::string_view as_string() const;
    ArrayView as_array() const;

    // Any of the eight integer types, for keys that converters store with
    // varying widths; throws for a u64 above INT64_MAX.
    std::int64_t to_int() const;
    // f32, f64 or any integer type.
    double to_double() const;

private:
    friend Value detail::decode_value(ValueType, detail::ByteCursor&, unsigned);
    Value(ValueType type, std::span<const std::byte> encoded, std::uint64_t offset)
        : type_(type), encoded_(encoded), offset_(offset) {}

    void expect(ValueType wanted) const;

    ValueType type_ = ValueType::u8;
    std::span<const std::byte> encoded_;
    std::uint64_t offset_ = 0;
};

class ArrayView {
public:
    class iterator;

    // An empty array of u8.
    ArrayView() = default;

    ValueType element_type() const { return element_type_; }
    std::uint64_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    // File offset of the first element.
    std::uint64_t offset() const { return offset_; }

    // O(1) for fixed-size elements; O(index) for strings and arrays, whose
    // elements must be walked. Use the iterator to visit them all.
    Value at(std::uint64_t index) const;
    iterator begin() const;
    iterator end() const;

    // Bulk copies for the common cases (vocabularies, scores, token types).
    // Each throws GgufError if the element type does not fit.
    std::vector<std::string_view> strings() const; // string elements
    std::vector<std::int64_t> ints() const;        // any integer element type
    std::vector<float> floats() const;             // f32 or f64 elements

private:
    friend class Value;
    ArrayView(ValueType element_type, std::uint64_t size, std::span<const std::byte> elements,
              std::uint64_t offset)
        : element_type_(element_type), size_(size), elements_(elements), offset_(offset) {}

    ValueType element_type_ = ValueType::u8;
    std::uint64_t size_ = 0;
    std::span<const std::byte> elements_;
    std::uint64_t offset_ = 0;
};

// Walks the elements in order, decoding each once.
class ArrayView::iterator {
public:
    using value_type = Value;
    using difference_type = std::ptrdiff_t;
    using iterator_category = std::input_iterator_tag;

    iterator() = default;
    const Value& operator*() const { return current_; }
    const Value* operator->() const { return &current_; }
    iterator& operator++();
    void operator++(int) { ++*this; }
    bool operator==(const iterator& other) const { return index_ == other.index_; }
    std::uint64_t index() const { return index_; }

private:
    friend class ArrayView;
    iterator(const ArrayView& array, std::uint64_t index);
    void decode_current();

    ArrayView array_; // a copy, so the iterator does not depend on the view's lifetime
    std::uint64_t index_ = 0;
    std::size_t next_pos_ = 0; // position of the element after current_ in elements_
    Value current_;
};

} // namespace clauselens::gguf
