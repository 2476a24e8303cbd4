// The tensor and value type tables.

#include "gguf/gguf_types.h"

#include <catch2/catch.hpp>
#include <set>

using namespace clauselens::gguf;

TEST_CASE("gguf types: block layouts of the types the engine computes with", "[gguf]") {
    struct Expected {
        TensorType type;
        std::uint32_t id;
        std::uint32_t block_size;
        std::uint32_t block_bytes;
    };
    // From the block structs: Q8_0 = f16 scale + 32 int8; Q4_0 = f16 + 16
    // nibble bytes; Q4_K = 2 f16 + 12 scale bytes + 128; Q5_K = Q4_K + 32
    // high bits; Q6_K = 128 low + 64 high + 16 scales + f16.
    const Expected expected[] = {
        {TensorType::f32, 0, 1, 4},       {TensorType::f16, 1, 1, 2},
        {TensorType::bf16, 30, 1, 2},     {TensorType::q8_0, 8, 32, 34},
        {TensorType::q4_0, 2, 32, 18},    {TensorType::q4_k, 12, 256, 144},
        {TensorType::q5_k, 13, 256, 176}, {TensorType::q6_k, 14, 256, 210},
    };
    for (const Expected& e : expected) {
        const TensorTypeInfo* info = find_tensor_type(e.id);
        REQUIRE(info != nullptr);
        CAPTURE(info->name);
        CHECK(info->type == e.type);
        CHECK(info->block_size == e.block_size);
        CHECK(info->block_bytes == e.block_bytes);
    }
}

TEST_CASE("gguf types: the table is consistent", "[gguf]") {
    std::set<std::uint32_t> ids;
    std::set<std::string_view> names;
    for (const TensorTypeInfo& info : all_tensor_types()) {
        CAPTURE(info.name);
        CHECK(ids.insert(static_cast<std::uint32_t>(info.type)).second);
        CHECK(names.insert(info.name).second);
        CHECK(info.block_size >= 1);
        CHECK(info.block_bytes >= 1);
        CHECK(&tensor_type_info(info.type) == &info);
        CHECK(tensor_type_from_name(info.name) == info.type);
    }
    CHECK(ids.size() >= 35);
    // Ids ggml retired from files are unknown on purpose.
    for (std::uint32_t retired : {4u, 5u, 31u, 32u, 33u, 36u, 37u, 38u}) {
        CHECK(find_tensor_type(retired) == nullptr);
    }
    CHECK(find_tensor_type(1000) == nullptr);
}

TEST_CASE("gguf types: names are matched case-insensitively", "[gguf]") {
    CHECK(tensor_type_from_name("q4_k") == TensorType::q4_k);
    CHECK(tensor_type_from_name("Q4_K") == TensorType::q4_k);
    CHECK(tensor_type_from_name("bf16") == TensorType::bf16);
    CHECK(tensor_type_from_name("iq2_xxs") == TensorType::iq2_xxs);
    CHECK_FALSE(tensor_type_from_name("Q4_K_M").has_value());
    CHECK_FALSE(tensor_type_from_name("").has_value());
}

TEST_CASE("gguf types: value types", "[gguf]") {
    CHECK(value_type_name(ValueType::boolean) == "bool");
    CHECK(value_type_name(ValueType::f64) == "f64");
    CHECK(value_type_size(ValueType::u16) == 2);
    CHECK(value_type_size(ValueType::i64) == 8);
    CHECK(value_type_size(ValueType::string) == 0);
    CHECK(is_known_value_type(12));
    CHECK_FALSE(is_known_value_type(13));
}

TEST_CASE("gguf types: sizes and overflow", "[gguf]") {
    const std::uint64_t shape[] = {4096, 32000};
    CHECK(element_count(shape) == 4096ull * 32000);
    const std::uint64_t big[] = {1ull << 32, 1ull << 31};
    CHECK_FALSE(element_count(big).has_value()); // 2^63 exceeds INT64_MAX
    const std::uint64_t zero[] = {0};
    CHECK_FALSE(element_count(zero).has_value());
    CHECK(tensor_bytes(TensorType::q4_k, 4096ull * 256) == 4096ull * 144);
    CHECK(tensor_bytes(TensorType::f32, 10) == 40);
    CHECK_FALSE(tensor_bytes(TensorType::f64, 1ull << 62).has_value());
}
