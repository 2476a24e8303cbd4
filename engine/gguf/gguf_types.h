#pragma once
// The two type systems of a GGUF file: metadata value types and tensor
// (ggml) types, with the facts needed to size their data.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace clauselens::gguf {

// Metadata value types; the numbers are the tags stored in the file.
enum class ValueType : std::uint32_t {
    u8 = 0,
    i8 = 1,
    u16 = 2,
    i16 = 3,
    u32 = 4,
    i32 = 5,
    f32 = 6,
    boolean = 7,
    string = 8,
    array = 9,
    u64 = 10,
    i64 = 11,
    f64 = 12,
};

bool is_known_value_type(std::uint32_t tag);
// "u8", "i32", "f32", "bool", "string", "array", ...
std::string_view value_type_name(ValueType type);
// Bytes of one value of a fixed-size type; 0 for string and array.
std::uint64_t value_type_size(ValueType type);

// Tensor types; the numbers are ggml_type ids as stored in the file. Ids that
// ggml retired (4, 5, 31-33, 36-38) are absent on purpose: files with them
// cannot be read by any current runtime either.
enum class TensorType : std::uint32_t {
    f32 = 0,
    f16 = 1,
    q4_0 = 2,
    q4_1 = 3,
    q5_0 = 6,
    q5_1 = 7,
    q8_0 = 8,
    q8_1 = 9,
    q2_k = 10,
    q3_k = 11,
    q4_k = 12,
    q5_k = 13,
    q6_k = 14,
    q8_k = 15,
    iq2_xxs = 16,
    iq2_xs = 17,
    iq3_xxs = 18,
    iq1_s = 19,
    iq4_nl = 20,
    iq3_s = 21,
    iq2_s = 22,
    iq4_xs = 23,
    i8 = 24,
    i16 = 25,
    i32 = 26,
    i64 = 27,
    f64 = 28,
    iq1_m = 29,
    bf16 = 30,
    tq1_0 = 34,
    tq2_0 = 35,
    mxfp4 = 39,
    nvfp4 = 40,
    q1_0 = 41,
    q2_0 = 42,
};

struct TensorTypeInfo {
    TensorType type;
    std::string_view name;    // as ggml's enum spells it: "F32", "Q4_K", "IQ2_XXS"
    std::uint32_t block_size; // elements per block; ne[0] must be a multiple of it
    std::uint32_t block_bytes;
};

// Every tensor type this reader knows, in id order.
std::span<const TensorTypeInfo> all_tensor_types();
// nullptr for an id we do not know.
const TensorTypeInfo* find_tensor_type(std::uint32_t id);
const TensorTypeInfo& tensor_type_info(TensorType type);
std::string_view tensor_type_name(TensorType type);
// Case-insensitive: "q4_k" and "Q4_K" both give TensorType::q4_k.
std::optional<TensorType> tensor_type_from_name(std::string_view name);

// ggml limits: at most 4 dimensions, and element counts fit an int64_t.
inline constexpr std::uint32_t k_max_dims = 4;
inline constexpr std::uint64_t k_max_elements = std::uint64_t{INT64_MAX};

// Product of the dimensions, or nullopt if it exceeds k_max_elements.
// Dimensions must be at least 1.
std::optional<std::uint64_t> element_count(std::span<const std::uint64_t> shape);
// Bytes of n_elements of `type`, or nullopt on overflow. n_elements must be a
// multiple of the block size.
std::optional<std::uint64_t> tensor_bytes(TensorType type, std::uint64_t n_elements);

} // namespace clauselens::gguf
