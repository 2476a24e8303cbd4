#include "gguf_test_util.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <stdexcept>

namespace clauselens::gguf::test {

RawFile& RawFile::u8(std::uint8_t v) {
    bytes_.push_back(std::byte{v});
    return *this;
}

RawFile& RawFile::u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
        bytes_.push_back(static_cast<std::byte>((v >> (8 * i)) & 0xff));
    }
    return *this;
}

RawFile& RawFile::u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) {
        bytes_.push_back(static_cast<std::byte>((v >> (8 * i)) & 0xff));
    }
    return *this;
}

RawFile& RawFile::raw(std::string_view bytes) {
    for (char c : bytes) {
        bytes_.push_back(static_cast<std::byte>(c));
    }
    return *this;
}

RawFile& RawFile::str(std::string_view s) {
    return u64(s.size()).raw(s);
}

RawFile& RawFile::zeros(std::size_t n) {
    bytes_.insert(bytes_.end(), n, std::byte{0});
    return *this;
}

RawFile& RawFile::pad_to(std::size_t alignment) {
    return zeros((alignment - bytes_.size() % alignment) % alignment);
}

RawFile& RawFile::header(std::uint32_t version, std::uint64_t n_tensors, std::uint64_t n_kv) {
    return raw("GGUF").u32(version).u64(n_tensors).u64(n_kv);
}

RawFile& RawFile::kv_u32(std::string_view key, std::uint32_t v) {
    return kv_head(key, ValueType::u32).u32(v);
}

RawFile& RawFile::kv_string(std::string_view key, std::string_view v) {
    return kv_head(key, ValueType::string).str(v);
}

RawFile& RawFile::kv_head(std::string_view key, ValueType type) {
    return str(key).u32(static_cast<std::uint32_t>(type));
}

RawFile& RawFile::tensor_info(std::string_view name, std::initializer_list<std::uint64_t> ne,
                              std::uint32_t type, std::uint64_t offset) {
    str(name).u32(static_cast<std::uint32_t>(ne.size()));
    for (std::uint64_t d : ne) {
        u64(d);
    }
    return u32(type).u64(offset);
}

GgufError parse_error(const Bytes& bytes) {
    try {
        GgufFile::from_memory(bytes);
    } catch (const GgufError& e) {
        return e;
    }
    FAIL("the file parsed, but an error was expected");
    throw std::logic_error("unreachable");
}

namespace {

struct SmallModel {
    // Sizes in bytes: [16, 2] f32, [16] f16, two Q8_0 blocks, one Q4_K block.
    Bytes f32 = random_bytes(128, 1);
    Bytes f16 = random_bytes(32, 2);
    Bytes q8 = random_bytes(68, 3);
    Bytes q4k = random_bytes(144, 4);

    GgufWriter writer() const {
        GgufWriter w;
        w.add_string("general.architecture", "llama");
        w.add_string("general.name", "small");
        w.add_u32("llama.block_count", 1);
        w.add_f32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
        w.add_bool("tokenizer.ggml.add_bos_token", true);
        const std::vector<std::string> tokens = {"<unk>", "<s>", "</s>", "a"};
        w.add_array("tokenizer.ggml.tokens", ArrayBuilder::of_strings(tokens));
        ArrayBuilder nested(ValueType::array);
        ArrayBuilder inner(ValueType::i16);
        inner.push_i16(-7);
        nested.push_array(inner);
        w.add_array("test.nested", nested);
        const std::uint64_t f32_shape[] = {16, 2};
        const std::uint64_t f16_shape[] = {16};
        const std::uint64_t q8_shape[] = {32, 2};
        const std::uint64_t q4k_shape[] = {256};
        w.add_tensor("token_embd.weight", TensorType::f32, f32_shape, f32);
        w.add_tensor("output_norm.weight", TensorType::f16, f16_shape, f16);
        w.add_tensor("blk.0.attn_q.weight", TensorType::q8_0, q8_shape, q8);
        w.add_tensor("blk.0.ffn_down.weight", TensorType::q4_k, q4k_shape, q4k);
        return w;
    }
};

} // namespace

Bytes small_model_bytes() {
    return SmallModel().writer().write_to_memory();
}

std::size_t small_model_data_end() {
    const Bytes bytes = small_model_bytes();
    const GgufFile file = GgufFile::from_memory(bytes);
    const Tensor& last = file.tensors().back();
    return static_cast<std::size_t>(last.file_offset + last.n_bytes);
}

Bytes random_bytes(std::size_t n, std::uint32_t seed) {
    std::mt19937 rng(seed);
    Bytes out(n);
    for (std::byte& b : out) {
        b = static_cast<std::byte>(rng() & 0xff);
    }
    return out;
}

Bytes read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    std::vector<char> chars((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Bytes out(chars.size());
    std::memcpy(out.data(), chars.data(), chars.size());
    return out;
}

void write_file(const std::filesystem::path& path, const Bytes& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        throw std::runtime_error("cannot write " + path.string());
    }
}

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "clauselens-gguf-XXXXXX");
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("mkdtemp failed");
    }
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

} // namespace clauselens::gguf::test
