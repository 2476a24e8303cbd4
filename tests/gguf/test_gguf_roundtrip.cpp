// Writer -> reader round trips: every value type, every tensor type,
// alignment, versions, and the typed accessors.

#include "gguf_test_util.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <limits>

using namespace clauselens::gguf;
using namespace clauselens::gguf::test;

namespace {

template <class T>
bool same_bits(T a, T b) {
    return std::memcmp(&a, &b, sizeof(T)) == 0;
}

} // namespace

TEST_CASE("gguf: scalar values of every type round-trip, including limits", "[gguf]") {
    GgufWriter w;
    w.add_u8("u8.min", 0);
    w.add_u8("u8.max", std::numeric_limits<std::uint8_t>::max());
    w.add_i8("i8.min", std::numeric_limits<std::int8_t>::min());
    w.add_i8("i8.max", std::numeric_limits<std::int8_t>::max());
    w.add_u16("u16.max", std::numeric_limits<std::uint16_t>::max());
    w.add_i16("i16.min", std::numeric_limits<std::int16_t>::min());
    w.add_u32("u32.max", std::numeric_limits<std::uint32_t>::max());
    w.add_i32("i32.min", std::numeric_limits<std::int32_t>::min());
    w.add_u64("u64.max", std::numeric_limits<std::uint64_t>::max());
    w.add_i64("i64.min", std::numeric_limits<std::int64_t>::min());
    w.add_i64("i64.max", std::numeric_limits<std::int64_t>::max());
    const float f32_nan = std::numeric_limits<float>::quiet_NaN();
    w.add_f32("f32.nan", f32_nan);
    w.add_f32("f32.inf", std::numeric_limits<float>::infinity());
    w.add_f32("f32.neg_zero", -0.0f);
    w.add_f32("f32.denormal", std::numeric_limits<float>::denorm_min());
    w.add_f64("f64.nan", std::numeric_limits<double>::quiet_NaN());
    w.add_f64("f64.neg_inf", -std::numeric_limits<double>::infinity());
    w.add_f64("f64.max", std::numeric_limits<double>::max());
    w.add_bool("bool.true", true);
    w.add_bool("bool.false", false);
    w.add_string("string.empty", "");
    w.add_string("string.unicode", "Gr\xc3\xbc\xc3\x9f"
                                   "e, \xe4\xb8\x96\xe7\x95\x8c \xf0\x9f\x99\x82");
    w.add_string("string.nul", std::string_view("a\0b", 3));

    const Bytes bytes = w.write_to_memory();
    REQUIRE(bytes.size() == w.file_size());
    const GgufFile f = GgufFile::from_memory(bytes);

    REQUIRE(f.version() == 3);
    REQUIRE(f.metadata().size() == 23);
    CHECK(f.metadata()[0].key == "u8.min"); // file order is kept
    CHECK(f.find("u8.min")->as_u8() == 0);
    CHECK(f.find("u8.max")->as_u8() == 255);
    CHECK(f.find("i8.min")->as_i8() == -128);
    CHECK(f.find("i8.max")->as_i8() == 127);
    CHECK(f.find("u16.max")->as_u16() == 65535);
    CHECK(f.find("i16.min")->as_i16() == -32768);
    CHECK(f.get_u32("u32.max") == 4294967295u);
    CHECK(f.get_i32("i32.min") == std::numeric_limits<std::int32_t>::min());
    CHECK(f.get_u64("u64.max") == std::numeric_limits<std::uint64_t>::max());
    CHECK(f.find("i64.min")->as_i64() == std::numeric_limits<std::int64_t>::min());
    CHECK(f.get_int("i64.max") == std::numeric_limits<std::int64_t>::max());
    CHECK(same_bits(f.get_f32("f32.nan"), f32_nan));
    CHECK(std::isinf(f.get_f32("f32.inf")));
    CHECK(same_bits(f.get_f32("f32.neg_zero"), -0.0f));
    CHECK(f.get_f32("f32.denormal") == std::numeric_limits<float>::denorm_min());
    CHECK(std::isnan(f.find("f64.nan")->as_f64()));
    CHECK(f.find("f64.neg_inf")->as_f64() == -std::numeric_limits<double>::infinity());
    CHECK(f.find("f64.max")->as_f64() == std::numeric_limits<double>::max());
    CHECK(f.get_bool("bool.true"));
    CHECK_FALSE(f.get_bool("bool.false"));
    CHECK(f.get_string("string.empty").empty());
    CHECK(f.get_string("string.unicode") == "Gr\xc3\xbc\xc3\x9f"
                                            "e, \xe4\xb8\x96\xe7\x95\x8c \xf0\x9f\x99\x82");
    CHECK(f.get_string("string.nul") == std::string_view("a\0b", 3));
    CHECK(f.tensors().empty());
}

TEST_CASE("gguf: arrays of every element type round-trip", "[gguf]") {
    GgufWriter w;
    ArrayBuilder u8s(ValueType::u8);
    u8s.push_u8(0);
    u8s.push_u8(255);
    ArrayBuilder i8s(ValueType::i8);
    i8s.push_i8(-128);
    ArrayBuilder u16s(ValueType::u16);
    u16s.push_u16(65535);
    ArrayBuilder i16s(ValueType::i16);
    i16s.push_i16(-32768);
    ArrayBuilder u32s(ValueType::u32);
    u32s.push_u32(7);
    u32s.push_u32(4294967295u);
    ArrayBuilder i32s(ValueType::i32);
    i32s.push_i32(-5);
    ArrayBuilder u64s(ValueType::u64);
    u64s.push_u64(std::numeric_limits<std::uint64_t>::max());
    ArrayBuilder i64s(ValueType::i64);
    i64s.push_i64(std::numeric_limits<std::int64_t>::min());
    ArrayBuilder f32s(ValueType::f32);
    f32s.push_f32(0.25f);
    f32s.push_f32(-std::numeric_limits<float>::infinity());
    ArrayBuilder f64s(ValueType::f64);
    f64s.push_f64(1e300);
    ArrayBuilder bools(ValueType::boolean);
    bools.push_bool(true);
    bools.push_bool(false);
    bools.push_bool(true);
    ArrayBuilder strings(ValueType::string);
    strings.push_string("");
    strings.push_string("\xe2\x96\x81the");
    strings.push_string(std::string(1000, 'x'));
    w.add_array("a.u8", u8s);
    w.add_array("a.i8", i8s);
    w.add_array("a.u16", u16s);
    w.add_array("a.i16", i16s);
    w.add_array("a.u32", u32s);
    w.add_array("a.i32", i32s);
    w.add_array("a.u64", u64s);
    w.add_array("a.i64", i64s);
    w.add_array("a.f32", f32s);
    w.add_array("a.f64", f64s);
    w.add_array("a.bool", bools);
    w.add_array("a.string", strings);
    for (std::uint32_t tag = 0; tag <= 12; ++tag) {
        w.add_array("empty." + std::to_string(tag), ArrayBuilder(static_cast<ValueType>(tag)));
    }

    const Bytes bytes = w.write_to_memory();
    const GgufFile f = GgufFile::from_memory(bytes);

    CHECK(f.get_array("a.u8").ints() == std::vector<std::int64_t>{0, 255});
    CHECK(f.get_array("a.i8").ints() == std::vector<std::int64_t>{-128});
    CHECK(f.get_array("a.u16").at(0).as_u16() == 65535);
    CHECK(f.get_array("a.i16").at(0).as_i16() == -32768);
    CHECK(f.get_array("a.u32").at(1).as_u32() == 4294967295u);
    CHECK(f.get_array("a.i32").ints() == std::vector<std::int64_t>{-5});
    CHECK(f.get_array("a.u64").at(0).as_u64() == std::numeric_limits<std::uint64_t>::max());
    CHECK_THROWS_WITH(f.get_array("a.u64").ints(), Catch::Contains("does not fit an i64"));
    CHECK(f.get_array("a.i64").at(0).as_i64() == std::numeric_limits<std::int64_t>::min());
    CHECK(f.get_array("a.f32").floats() ==
          std::vector<float>{0.25f, -std::numeric_limits<float>::infinity()});
    CHECK(f.get_array("a.f64").at(0).as_f64() == 1e300);
    const ArrayView b = f.get_array("a.bool");
    REQUIRE(b.size() == 3);
    CHECK(b.at(0).as_bool());
    CHECK_FALSE(b.at(1).as_bool());
    CHECK(b.at(2).as_bool());
    const std::vector<std::string_view> s = f.get_array("a.string").strings();
    REQUIRE(s.size() == 3);
    CHECK(s[0].empty());
    CHECK(s[1] == "\xe2\x96\x81the");
    CHECK(s[2] == std::string(1000, 'x'));
    CHECK(f.get_array("a.string").at(2).as_string().size() == 1000);
    for (std::uint32_t tag = 0; tag <= 12; ++tag) {
        const ArrayView e = f.get_array("empty." + std::to_string(tag));
        CHECK(e.empty());
        CHECK(e.element_type() == static_cast<ValueType>(tag));
        CHECK(e.begin() == e.end());
    }
}

TEST_CASE("gguf: nested arrays round-trip and can be walked", "[gguf]") {
    // [[1, 2], [], [3]] and [[["a", "b"]], [[]]]
    ArrayBuilder a(ValueType::u32);
    a.push_u32(1);
    a.push_u32(2);
    ArrayBuilder b(ValueType::u32);
    ArrayBuilder c(ValueType::u32);
    c.push_u32(3);
    ArrayBuilder numbers(ValueType::array);
    numbers.push_array(a);
    numbers.push_array(b);
    numbers.push_array(c);

    ArrayBuilder ab(ValueType::string);
    ab.push_string("a");
    ab.push_string("b");
    ArrayBuilder middle1(ValueType::array);
    middle1.push_array(ab);
    ArrayBuilder middle2(ValueType::array);
    middle2.push_array(ArrayBuilder(ValueType::string));
    ArrayBuilder deep(ValueType::array);
    deep.push_array(middle1);
    deep.push_array(middle2);

    GgufWriter w;
    w.add_array("numbers", numbers);
    w.add_array("deep", deep);
    w.add_u8("after", 9); // parsing must land exactly after the arrays
    const Bytes bytes = w.write_to_memory();
    const GgufFile f = GgufFile::from_memory(bytes);

    const ArrayView n = f.get_array("numbers");
    REQUIRE(n.element_type() == ValueType::array);
    REQUIRE(n.size() == 3);
    std::vector<std::vector<std::int64_t>> seen;
    for (const Value& inner : n) {
        seen.push_back(inner.as_array().ints());
    }
    CHECK(seen == std::vector<std::vector<std::int64_t>>{{1, 2}, {}, {3}});
    CHECK(n.at(2).as_array().at(0).as_u32() == 3);

    const ArrayView d = f.get_array("deep");
    REQUIRE(d.size() == 2);
    const ArrayView first = d.at(0).as_array();
    REQUIRE(first.size() == 1);
    CHECK(first.at(0).as_array().strings() == std::vector<std::string_view>{"a", "b"});
    CHECK(d.at(1).as_array().at(0).as_array().empty());
    CHECK(f.find("after")->as_u8() == 9);
}

TEST_CASE("gguf: arrays may nest up to the depth limit", "[gguf]") {
    ArrayBuilder inner(ValueType::u8);
    inner.push_u8(42);
    for (unsigned depth = 2; depth <= k_max_array_depth; ++depth) {
        ArrayBuilder outer(ValueType::array);
        outer.push_array(inner);
        inner = outer;
    }
    GgufWriter w;
    w.add_array("deepest", inner);
    const Bytes bytes = w.write_to_memory();
    const GgufFile f = GgufFile::from_memory(bytes);
    Value v = *f.find("deepest");
    for (unsigned depth = 1; depth < k_max_array_depth; ++depth) {
        v = v.as_array().at(0);
    }
    CHECK(v.as_array().at(0).as_u8() == 42);

    ArrayBuilder too_deep(ValueType::array);
    CHECK_THROWS_WITH(too_deep.push_array(inner), Catch::Contains("nested more than 8 levels"));
}

TEST_CASE("gguf: tensors of every known type round-trip", "[gguf]") {
    GgufWriter w;
    std::vector<Bytes> data;
    data.reserve(all_tensor_types().size());
    std::uint32_t seed = 100;
    for (const TensorTypeInfo& info : all_tensor_types()) {
        // Two blocks per row, three rows, so ne[0] is a multiple of the block size.
        const std::uint64_t shape[] = {2ull * info.block_size, 3};
        data.push_back(random_bytes(2ull * info.block_bytes * 3, seed++));
        w.add_tensor("t." + std::string(info.name), info.type, shape, data.back());
    }
    const Bytes bytes = w.write_to_memory();
    REQUIRE(bytes.size() == w.file_size());
    const GgufFile f = GgufFile::from_memory(bytes);
    REQUIRE(f.tensors().size() == all_tensor_types().size());
    CHECK(f.data_offset() % 32 == 0);

    for (std::size_t i = 0; i < all_tensor_types().size(); ++i) {
        const TensorTypeInfo& info = all_tensor_types()[i];
        const Tensor& t = f.get_tensor("t." + std::string(info.name));
        CAPTURE(info.name);
        CHECK(&t == &f.tensors()[i]);
        CHECK(t.type == info.type);
        CHECK(t.n_dims == 2);
        CHECK(t.ne[0] == 2ull * info.block_size);
        CHECK(t.ne[1] == 3);
        CHECK(t.ne[2] == 1);
        CHECK(t.n_elements == 6ull * info.block_size);
        CHECK(t.n_bytes == data[i].size());
        CHECK(t.offset % 32 == 0);
        CHECK(t.file_offset == f.data_offset() + t.offset);
        REQUIRE(t.data.size() == data[i].size());
        CHECK(std::memcmp(t.data.data(), data[i].data(), data[i].size()) == 0);
    }
}

TEST_CASE("gguf: 1- to 4-dimensional shapes keep their order", "[gguf]") {
    const Bytes d1 = random_bytes(4 * 5, 1);
    const Bytes d4 = random_bytes(2 * 64 * 3 * 2 * 1, 2);
    GgufWriter w;
    const std::uint64_t s1[] = {5};
    const std::uint64_t s4[] = {64, 3, 2, 1};
    w.add_tensor("one", TensorType::f32, s1, d1);
    w.add_tensor("four", TensorType::bf16, s4, d4);
    const Bytes bytes = w.write_to_memory();
    const GgufFile f = GgufFile::from_memory(bytes);
    CHECK(f.get_tensor("one").shape().size() == 1);
    const Tensor& four = f.get_tensor("four");
    REQUIRE(four.shape().size() == 4);
    CHECK(std::vector<std::uint64_t>(four.shape().begin(), four.shape().end()) ==
          std::vector<std::uint64_t>{64, 3, 2, 1});
    CHECK(f.find_tensor("missing") == nullptr);
    CHECK_THROWS_WITH(f.get_tensor("missing"), "tensor 'missing': not present in the file");
}

TEST_CASE("gguf: general.alignment is honoured by writer and reader", "[gguf]") {
    for (std::uint32_t alignment : {1u, 8u, 64u, 4096u}) {
        CAPTURE(alignment);
        const Bytes a = random_bytes(4 * 3, 1);
        const Bytes b = random_bytes(34, 2);
        GgufWriter w;
        w.add_u32("general.alignment", alignment);
        const std::uint64_t sa[] = {3};
        const std::uint64_t sb[] = {32};
        w.add_tensor("a", TensorType::f32, sa, a);
        w.add_tensor("b", TensorType::q8_0, sb, b);
        CHECK(w.alignment() == alignment);
        const Bytes bytes = w.write_to_memory();
        REQUIRE(bytes.size() == w.file_size());
        const GgufFile f = GgufFile::from_memory(bytes);
        CHECK(f.alignment() == alignment);
        CHECK(f.data_offset() % alignment == 0);
        for (const Tensor& t : f.tensors()) {
            CHECK(t.file_offset % alignment == 0);
        }
        CHECK(std::memcmp(f.get_tensor("b").data.data(), b.data(), b.size()) == 0);
    }
}

TEST_CASE("gguf: version 2 files are read like version 3", "[gguf]") {
    Bytes bytes = small_model_bytes();
    bytes[4] = std::byte{2}; // v2 and v3 share the little-endian layout
    const GgufFile v2 = GgufFile::from_memory(bytes);
    CHECK(v2.version() == 2);
    const Bytes v3_bytes = small_model_bytes();
    const GgufFile v3 = GgufFile::from_memory(v3_bytes);
    REQUIRE(v2.metadata().size() == v3.metadata().size());
    REQUIRE(v2.tensors().size() == v3.tensors().size());
    CHECK(v2.get_string("general.architecture") == "llama");
    CHECK(v2.tensors().back().file_offset == v3.tensors().back().file_offset);
}

TEST_CASE("gguf: a hand-made file written from the specification is read", "[gguf]") {
    // Independent of our writer: the layout exactly as the spec describes it.
    RawFile raw;
    raw.header(3, 2, 3)
        .kv_string("general.architecture", "llama")
        .kv_u32("general.alignment", 16)
        .kv_head("tokenizer.ggml.scores", ValueType::array)
        .u32(static_cast<std::uint32_t>(ValueType::f32))
        .u64(2)
        .u32(0x3f800000) // 1.0f
        .u32(0xc0000000) // -2.0f
        .tensor_info("w", {4, 2}, static_cast<std::uint32_t>(TensorType::f16), 0)
        .tensor_info("b", {4}, static_cast<std::uint32_t>(TensorType::f32), 16)
        .pad_to(16);
    const std::size_t data_start = raw.size();
    raw.raw("0123456789abcdef").raw("ABCDEFGHIJKLMNOP");

    const GgufFile f = GgufFile::from_memory(raw.bytes());
    CHECK(f.alignment() == 16);
    CHECK(f.data_offset() == data_start);
    CHECK(f.get_array("tokenizer.ggml.scores").floats() == std::vector<float>{1.0f, -2.0f});
    const Tensor& w = f.get_tensor("w");
    CHECK(w.type == TensorType::f16);
    CHECK(w.n_bytes == 16);
    CHECK(std::string_view(reinterpret_cast<const char*>(w.data.data()), 16) == "0123456789abcdef");
    const Tensor& b = f.get_tensor("b");
    CHECK(b.file_offset == data_start + 16);
    CHECK(std::string_view(reinterpret_cast<const char*>(b.data.data()), 16) == "ABCDEFGHIJKLMNOP");
}

TEST_CASE("gguf: the writer produces exactly the bytes the specification prescribes", "[gguf]") {
    const Bytes data = random_bytes(34, 9);
    GgufWriter w;
    w.add_string("general.architecture", "llama");
    ArrayBuilder types(ValueType::i32);
    types.push_i32(1);
    types.push_i32(-1);
    w.add_array("tokenizer.ggml.token_type", types);
    w.add_bool("x", true);
    const std::uint64_t shape[] = {32};
    w.add_tensor("q", TensorType::q8_0, shape, data);
    w.add_tensor("r", TensorType::q8_0, shape, data);

    RawFile expected;
    expected.header(3, 2, 3)
        .kv_string("general.architecture", "llama")
        .kv_head("tokenizer.ggml.token_type", ValueType::array)
        .u32(static_cast<std::uint32_t>(ValueType::i32))
        .u64(2)
        .u32(1)
        .u32(0xffffffff)
        .kv_head("x", ValueType::boolean)
        .u8(1)
        .tensor_info("q", {32}, 8, 0)
        .tensor_info("r", {32}, 8, 64) // 34 bytes padded to 64
        .pad_to(32);
    Bytes expected_bytes = expected.bytes();
    for (int copy = 0; copy < 2; ++copy) {
        expected_bytes.insert(expected_bytes.end(), data.begin(), data.end());
        expected_bytes.insert(expected_bytes.end(), 30, std::byte{0});
    }
    CHECK(w.write_to_memory() == expected_bytes);
    CHECK(w.file_size() == expected_bytes.size());
}

TEST_CASE("gguf: add_value copies metadata from another file unchanged", "[gguf]") {
    const Bytes source_bytes = small_model_bytes();
    const GgufFile source = GgufFile::from_memory(source_bytes);
    GgufWriter w;
    for (const MetadataEntry& e : source.metadata()) {
        w.add_value(e.key, e.value);
    }
    const Bytes copy_bytes = w.write_to_memory();
    const GgufFile copy = GgufFile::from_memory(copy_bytes);
    REQUIRE(copy.metadata().size() == source.metadata().size());
    for (std::size_t i = 0; i < source.metadata().size(); ++i) {
        const Value& a = source.metadata()[i].value;
        const Value& b = copy.metadata()[i].value;
        CHECK(copy.metadata()[i].key == source.metadata()[i].key);
        CHECK(a.type() == b.type());
        CHECK(std::vector<std::byte>(a.encoded().begin(), a.encoded().end()) ==
              std::vector<std::byte>(b.encoded().begin(), b.encoded().end()));
    }
    CHECK(copy.get_array("tokenizer.ggml.tokens").strings().size() == 4);
}

TEST_CASE("gguf: tensor data can come from a producer called at write time", "[gguf]") {
    int calls = 0;
    GgufWriter w;
    const std::uint64_t shape[] = {256, 2};
    w.add_tensor("produced", TensorType::q6_k, shape, [&calls](std::span<std::byte> out) {
        ++calls;
        for (std::size_t i = 0; i < out.size(); ++i) {
            out[i] = static_cast<std::byte>(i % 251);
        }
    });
    const Bytes bytes = w.write_to_memory();
    CHECK(calls == 1);
    const GgufFile f = GgufFile::from_memory(bytes);
    const Tensor& t = f.get_tensor("produced");
    REQUIRE(t.n_bytes == 2 * 210);
    for (std::size_t i = 0; i < t.data.size(); ++i) {
        REQUIRE(t.data[i] == static_cast<std::byte>(i % 251));
    }
}

TEST_CASE("gguf: typed getters name the key on a missing key or a wrong type", "[gguf]") {
    const Bytes bytes = small_model_bytes();
    const GgufFile f = GgufFile::from_memory(bytes);
    CHECK_THROWS_WITH(f.get_u32("llama.context_length"),
                      "metadata key 'llama.context_length': not present in the file");
    CHECK(f.find("llama.context_length") == nullptr);
    const std::uint64_t offset = f.find("general.name")->offset();
    CHECK_THROWS_WITH(f.get_u32("general.name"),
                      "metadata key 'general.name': expected u32, found string (at offset " +
                          std::to_string(offset) + ")");
    CHECK_THROWS_WITH(f.get_string("llama.block_count"),
                      Catch::Contains("expected string, found u32"));
    CHECK_THROWS_WITH(f.get_array("general.name"), Catch::Contains("expected array"));
    CHECK_THROWS_WITH(f.get_f32("tokenizer.ggml.add_bos_token"),
                      Catch::Contains("expected f32, found bool"));
    CHECK(f.get_int("llama.block_count") == 1);
    CHECK_THROWS_WITH(f.get_int("general.name"), Catch::Contains("expected an integer"));
    CHECK_THROWS_WITH(f.get_array("tokenizer.ggml.tokens").ints(),
                      Catch::Contains("expected an array of integers, found an array of string"));
    CHECK_THROWS_WITH(f.get_array("tokenizer.ggml.tokens").at(4),
                      Catch::Contains("index 4 is past the end of an array of 4"));
    CHECK(f.get_array("tokenizer.ggml.tokens").at(3).as_string() == "a");

    const Value empty;
    CHECK_THROWS_AS(empty.as_u8(), GgufError);
    CHECK_THROWS_AS(empty.as_string(), GgufError);
}

TEST_CASE("gguf: a 150k-string vocabulary loads as one span and reads back", "[gguf]") {
    std::vector<std::string> tokens;
    tokens.reserve(150000);
    for (int i = 0; i < 150000; ++i) {
        tokens.push_back("tok" + std::to_string(i));
    }
    GgufWriter w;
    w.add_array("tokenizer.ggml.tokens", ArrayBuilder::of_strings(tokens));
    std::vector<std::int32_t> types(tokens.size(), 1);
    w.add_array("tokenizer.ggml.token_type", ArrayBuilder::of_i32(types));
    const Bytes bytes = w.write_to_memory();
    const GgufFile f = GgufFile::from_memory(bytes);
    const std::vector<std::string_view> read = f.get_array("tokenizer.ggml.tokens").strings();
    REQUIRE(read.size() == tokens.size());
    CHECK(read[0] == "tok0");
    CHECK(read[149999] == "tok149999");
    CHECK(f.get_array("tokenizer.ggml.token_type").ints().size() == tokens.size());
}
