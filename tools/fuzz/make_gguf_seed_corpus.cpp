// Writes the GGUF fuzzer's seed corpus: small files that together reach every
// part of the format (each value type, nested arrays, several tensor types,
// custom alignment, v2), plus a few near-valid ones that fail late in the
// parse, so mutations start close to the interesting checks.

#include "gguf/gguf_writer.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace clauselens::gguf;

std::vector<std::byte> pattern(std::size_t n, unsigned seed) {
    std::vector<std::byte> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        out[i] = static_cast<std::byte>((i * 131 + seed * 17) & 0xff);
    }
    return out;
}

void save(const std::filesystem::path& dir, const std::string& name,
          const std::vector<std::byte>& bytes) {
    std::ofstream out(dir / name, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        throw std::runtime_error("cannot write " + (dir / name).string());
    }
}

std::vector<std::byte> header_only() {
    return GgufWriter().write_to_memory();
}

std::vector<std::byte> every_value_type() {
    GgufWriter w;
    w.add_u8("t.u8", 200);
    w.add_i8("t.i8", -100);
    w.add_u16("t.u16", 60000);
    w.add_i16("t.i16", -30000);
    w.add_u32("t.u32", 4000000000u);
    w.add_i32("t.i32", -2000000000);
    w.add_u64("t.u64", 1ull << 40);
    w.add_i64("t.i64", -(1ll << 40));
    w.add_f32("t.f32", 1.5f);
    w.add_f64("t.f64", -2.25);
    w.add_bool("t.bool", true);
    w.add_string("t.string", "hello");
    ArrayBuilder bools(ValueType::boolean);
    bools.push_bool(true);
    bools.push_bool(false);
    w.add_array("t.bools", bools);
    ArrayBuilder u16s(ValueType::u16);
    u16s.push_u16(1);
    u16s.push_u16(2);
    w.add_array("t.u16s", u16s);
    ArrayBuilder f64s(ValueType::f64);
    f64s.push_f64(0.5);
    w.add_array("t.f64s", f64s);
    return w.write_to_memory();
}

std::vector<std::byte> arrays() {
    GgufWriter w;
    const std::vector<std::string> tokens = {"<unk>", "<s>", "</s>", "a", "", "\xc3\xa9"};
    w.add_array("tokenizer.ggml.tokens", ArrayBuilder::of_strings(tokens));
    const std::vector<float> scores = {0.f, -1.f, -2.f, -3.f, -4.f, -5.f};
    w.add_array("tokenizer.ggml.scores", ArrayBuilder::of_f32(scores));
    const std::vector<std::int32_t> types = {2, 3, 3, 1, 1, 1};
    w.add_array("tokenizer.ggml.token_type", ArrayBuilder::of_i32(types));
    ArrayBuilder inner(ValueType::u8);
    inner.push_u8(1);
    inner.push_u8(2);
    ArrayBuilder inner_strings(ValueType::string);
    inner_strings.push_string("x");
    ArrayBuilder outer(ValueType::array);
    outer.push_array(inner);
    outer.push_array(inner_strings);
    outer.push_array(ArrayBuilder(ValueType::i64));
    ArrayBuilder outermost(ValueType::array);
    outermost.push_array(outer);
    w.add_array("t.nested", outermost);
    w.add_array("t.empty", ArrayBuilder(ValueType::string));
    return w.write_to_memory();
}

struct SmallModel {
    std::vector<std::byte> f32_data = pattern(4 * 8 * 2, 1);
    std::vector<std::byte> f16_data = pattern(2 * 8, 2);
    std::vector<std::byte> q8_data = pattern(34 * 2, 3);
    std::vector<std::byte> q4k_data = pattern(144, 4);

    std::vector<std::byte> write(std::uint32_t alignment) const {
        GgufWriter w;
        w.add_string("general.architecture", "llama");
        w.add_u32("llama.block_count", 1);
        if (alignment != 32) {
            w.add_u32("general.alignment", alignment);
        }
        const std::uint64_t f32_shape[] = {8, 2};
        const std::uint64_t f16_shape[] = {8};
        const std::uint64_t q8_shape[] = {32, 1, 2};
        const std::uint64_t q4k_shape[] = {256, 1, 1, 1};
        w.add_tensor("token_embd.weight", TensorType::f32, f32_shape, f32_data);
        w.add_tensor("output_norm.weight", TensorType::f16, f16_shape, f16_data);
        w.add_tensor("blk.0.attn_q.weight", TensorType::q8_0, q8_shape, q8_data);
        w.add_tensor("blk.0.ffn_down.weight", TensorType::q4_k, q4k_shape, q4k_data);
        return w.write_to_memory();
    }
};

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTPUT_DIR\n", argv[0]);
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::filesystem::create_directories(dir);

    save(dir, "header-only.gguf", header_only());
    save(dir, "value-types.gguf", every_value_type());
    save(dir, "arrays.gguf", arrays());

    const SmallModel model;
    const std::vector<std::byte> small = model.write(32);
    save(dir, "small-model.gguf", small);
    save(dir, "align-8.gguf", model.write(8));

    std::vector<std::byte> v2 = small;
    v2[4] = std::byte{2};
    save(dir, "small-model-v2.gguf", v2);

    // Near-valid: truncated inside the last tensor's data, and a misaligned
    // alignment value, so the late checks are one mutation away.
    save(dir, "truncated-data.gguf", std::vector<std::byte>(small.begin(), small.end() - 100));
    std::vector<std::byte> odd_alignment = model.write(8);
    const char* key = "general.alignment";
    for (std::size_t i = 0; i + std::strlen(key) < odd_alignment.size(); ++i) {
        if (std::memcmp(odd_alignment.data() + i, key, std::strlen(key)) == 0) {
            odd_alignment[i + std::strlen(key) + 4] = std::byte{12};
            break;
        }
    }
    save(dir, "bad-alignment.gguf", odd_alignment);
    return 0;
}
