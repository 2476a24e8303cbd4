#include "gguf/gguf_types.h"

#include <array>
#include <cassert>

namespace clauselens::gguf {

namespace {

// Block sizes and bytes per block follow the block structs of ggml's
// ggml-common.h; the K-quants and most IQ types use super-blocks of 256.
constexpr std::array k_tensor_types = {
    TensorTypeInfo{TensorType::f32, "F32", 1, 4},
    TensorTypeInfo{TensorType::f16, "F16", 1, 2},
    TensorTypeInfo{TensorType::q4_0, "Q4_0", 32, 18},
    TensorTypeInfo{TensorType::q4_1, "Q4_1", 32, 20},
    TensorTypeInfo{TensorType::q5_0, "Q5_0", 32, 22},
    TensorTypeInfo{TensorType::q5_1, "Q5_1", 32, 24},
    TensorTypeInfo{TensorType::q8_0, "Q8_0", 32, 34},
    TensorTypeInfo{TensorType::q8_1, "Q8_1", 32, 36},
    TensorTypeInfo{TensorType::q2_k, "Q2_K", 256, 84},
    TensorTypeInfo{TensorType::q3_k, "Q3_K", 256, 110},
    TensorTypeInfo{TensorType::q4_k, "Q4_K", 256, 144},
    TensorTypeInfo{TensorType::q5_k, "Q5_K", 256, 176},
    TensorTypeInfo{TensorType::q6_k, "Q6_K", 256, 210},
    TensorTypeInfo{TensorType::q8_k, "Q8_K", 256, 292},
    TensorTypeInfo{TensorType::iq2_xxs, "IQ2_XXS", 256, 66},
    TensorTypeInfo{TensorType::iq2_xs, "IQ2_XS", 256, 74},
    TensorTypeInfo{TensorType::iq3_xxs, "IQ3_XXS", 256, 98},
    TensorTypeInfo{TensorType::iq1_s, "IQ1_S", 256, 50},
    TensorTypeInfo{TensorType::iq4_nl, "IQ4_NL", 32, 18},
    TensorTypeInfo{TensorType::iq3_s, "IQ3_S", 256, 110},
    TensorTypeInfo{TensorType::iq2_s, "IQ2_S", 256, 82},
    TensorTypeInfo{TensorType::iq4_xs, "IQ4_XS", 256, 136},
    TensorTypeInfo{TensorType::i8, "I8", 1, 1},
    TensorTypeInfo{TensorType::i16, "I16", 1, 2},
    TensorTypeInfo{TensorType::i32, "I32", 1, 4},
    TensorTypeInfo{TensorType::i64, "I64", 1, 8},
    TensorTypeInfo{TensorType::f64, "F64", 1, 8},
    TensorTypeInfo{TensorType::iq1_m, "IQ1_M", 256, 56},
    TensorTypeInfo{TensorType::bf16, "BF16", 1, 2},
    TensorTypeInfo{TensorType::tq1_0, "TQ1_0", 256, 54},
    TensorTypeInfo{TensorType::tq2_0, "TQ2_0", 256, 66},
    TensorTypeInfo{TensorType::mxfp4, "MXFP4", 32, 17},
    TensorTypeInfo{TensorType::nvfp4, "NVFP4", 64, 36},
    TensorTypeInfo{TensorType::q1_0, "Q1_0", 128, 18},
    TensorTypeInfo{TensorType::q2_0, "Q2_0", 64, 18},
};

char to_upper_ascii(char c) {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

} // namespace

bool is_known_value_type(std::uint32_t tag) {
    return tag <= static_cast<std::uint32_t>(ValueType::f64);
}

std::string_view value_type_name(ValueType type) {
    switch (type) {
    case ValueType::u8:
        return "u8";
    case ValueType::i8:
        return "i8";
    case ValueType::u16:
        return "u16";
    case ValueType::i16:
        return "i16";
    case ValueType::u32:
        return "u32";
    case ValueType::i32:
        return "i32";
    case ValueType::f32:
        return "f32";
    case ValueType::boolean:
        return "bool";
    case ValueType::string:
        return "string";
    case ValueType::array:
        return "array";
    case ValueType::u64:
        return "u64";
    case ValueType::i64:
        return "i64";
    case ValueType::f64:
        return "f64";
    }
    return "unknown";
}

std::uint64_t value_type_size(ValueType type) {
    switch (type) {
    case ValueType::u8:
    case ValueType::i8:
    case ValueType::boolean:
        return 1;
    case ValueType::u16:
    case ValueType::i16:
        return 2;
    case ValueType::u32:
    case ValueType::i32:
    case ValueType::f32:
        return 4;
    case ValueType::u64:
    case ValueType::i64:
    case ValueType::f64:
        return 8;
    case ValueType::string:
    case ValueType::array:
        return 0;
    }
    return 0;
}

std::span<const TensorTypeInfo> all_tensor_types() {
    return k_tensor_types;
}

const TensorTypeInfo* find_tensor_type(std::uint32_t id) {
    for (const TensorTypeInfo& info : k_tensor_types) {
        if (static_cast<std::uint32_t>(info.type) == id) {
            return &info;
        }
    }
    return nullptr;
}

const TensorTypeInfo& tensor_type_info(TensorType type) {
    const TensorTypeInfo* info = find_tensor_type(static_cast<std::uint32_t>(type));
    // A TensorType outside the table can only come from a cast in calling code.
    assert(info != nullptr);
    return info != nullptr ? *info : k_tensor_types[0];
}

std::string_view tensor_type_name(TensorType type) {
    return tensor_type_info(type).name;
}

std::optional<TensorType> tensor_type_from_name(std::string_view name) {
    for (const TensorTypeInfo& info : k_tensor_types) {
        if (info.name.size() != name.size()) {
            continue;
        }
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i) {
            same = to_upper_ascii(name[i]) == info.name[i];
        }
        if (same) {
            return info.type;
        }
    }
    return std::nullopt;
}

std::optional<std::uint64_t> element_count(std::span<const std::uint64_t> shape) {
    std::uint64_t count = 1;
    for (std::uint64_t dim : shape) {
        if (dim == 0 || count > k_max_elements / dim) {
            return std::nullopt;
        }
        count *= dim;
    }
    return count;
}

std::optional<std::uint64_t> tensor_bytes(TensorType type, std::uint64_t n_elements) {
    const TensorTypeInfo& info = tensor_type_info(type);
    const std::uint64_t blocks = n_elements / info.block_size;
    if (blocks > UINT64_MAX / info.block_bytes) {
        return std::nullopt;
    }
    return blocks * info.block_bytes;
}

} // namespace clauselens::gguf
