// Hand-broken files, each with the error it must produce: the field, the
// problem and the byte offset. Plus truncation at every length, single-byte
// mutations, and the inputs the fuzzer has ever found.

#include "gguf_fuzz_check.h"
#include "gguf_test_util.h"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace clauselens::gguf;
using namespace clauselens::gguf::test;

namespace {

constexpr std::uint32_t k_f32 = static_cast<std::uint32_t>(TensorType::f32);
constexpr std::uint32_t k_q4_0 = static_cast<std::uint32_t>(TensorType::q4_0);
constexpr std::uint32_t k_u32_tag = static_cast<std::uint32_t>(ValueType::u32);
constexpr std::uint64_t k_header_bytes = 24;

// A valid file with one f32 tensor of 8 elements, built by hand.
RawFile one_tensor_file(std::initializer_list<std::uint64_t> ne = {8}, std::uint32_t type = k_f32,
                        std::uint64_t offset = 0) {
    RawFile f;
    f.header(3, 1, 1).kv_string("general.architecture", "llama").tensor_info("w", ne, type, offset);
    f.pad_to(32).zeros(64);
    return f;
}

void check_error(const Bytes& bytes, const std::string& expected_what) {
    const GgufError e = parse_error(bytes);
    CHECK(std::string(e.what()) == expected_what);
}

} // namespace

TEST_CASE("gguf broken: the valid base files parse", "[gguf]") {
    CHECK_NOTHROW(GgufFile::from_memory(one_tensor_file().bytes()));
    const Bytes small = small_model_bytes();
    CHECK_NOTHROW(GgufFile::from_memory(small));
}

TEST_CASE("gguf broken: header", "[gguf]") {
    SECTION("empty file") {
        check_error({}, "header magic: needs 4 bytes but only 0 are left (at offset 0)");
    }
    SECTION("bad magic") {
        RawFile f;
        f.raw("GGUX").u32(3).u64(0).u64(0);
        check_error(f.bytes(),
                    "header magic: is 'GGUX', expected 'GGUF': not a GGUF file (at offset 0)");
    }
    SECTION("pre-GGUF magic") {
        RawFile f;
        f.raw("tjgg").u32(3).u64(0).u64(0);
        check_error(f.bytes(), "header magic: is 'tjgg', a pre-GGUF (GGML/GGMF/GGJT) model file; "
                               "convert it to GGUF (at offset 0)");
    }
    SECTION("version 1") {
        RawFile f;
        f.header(1, 0, 0);
        check_error(f.bytes(),
                    "header version: GGUF version 1 is not supported (it uses 32-bit "
                    "counts); convert the model again with a current tool (at offset 4)");
    }
    SECTION("version 4") {
        RawFile f;
        f.header(4, 0, 0);
        check_error(
            f.bytes(),
            "header version: unsupported GGUF version 4 (supported: 2 and 3) (at offset 4)");
    }
    SECTION("version 0") {
        RawFile f;
        f.header(0, 0, 0);
        CHECK_THROWS_WITH(GgufFile::from_memory(f.bytes()),
                          Catch::Contains("unsupported GGUF version 0"));
    }
    SECTION("big-endian file") {
        RawFile f;
        f.raw("GGUF").u32(0x03000000).u64(0).u64(0);
        check_error(f.bytes(), "header version: reads 50331648, which is version 3 byte-swapped: "
                               "big-endian GGUF files are not supported (at offset 4)");
    }
    SECTION("truncated header") {
        RawFile f;
        f.raw("GGUF").u32(3).u64(0).u32(0);
        check_error(f.bytes(),
                    "header metadata_kv_count: needs 8 bytes but only 4 are left (at offset 16)");
    }
    SECTION("huge tensor count") {
        RawFile f;
        f.header(3, 1ull << 62, 0).zeros(100);
        check_error(f.bytes(), "header tensor_count: 4611686018427387904 tensors cannot fit in the "
                               "100 bytes left (each needs at least 33) (at offset 8)");
    }
    SECTION("tensor count one more than fits") {
        RawFile f;
        f.header(3, 4, 0).zeros(3 * 33 + 32);
        CHECK(parse_error(f.bytes()).field() == "header tensor_count");
    }
    SECTION("huge metadata count") {
        RawFile f;
        f.header(3, 0, UINT64_MAX).zeros(10);
        check_error(f.bytes(), "header metadata_kv_count: 18446744073709551615 entries cannot fit "
                               "in the 10 bytes left (each needs at least 14) (at offset 16)");
    }
    SECTION("header only is valid") {
        RawFile f;
        f.header(3, 0, 0);
        const GgufFile file = GgufFile::from_memory(f.bytes());
        CHECK(file.metadata().empty());
        CHECK(file.tensors().empty());
    }
}

TEST_CASE("gguf broken: metadata", "[gguf]") {
    RawFile f;
    f.header(3, 0, 1);
    SECTION("huge key length") {
        f.u64(1ull << 63).zeros(20);
        check_error(f.bytes(), "metadata entry 0 key: string length 9223372036854775808 exceeds "
                               "the 20 bytes left (at offset 24)");
    }
    SECTION("empty key") {
        f.str("").u32(k_u32_tag).u32(1);
        check_error(f.bytes(), "metadata entry 0 key: is empty (at offset 24)");
    }
    SECTION("key longer than 65535 bytes") {
        f.str(std::string(65536, 'k')).u32(k_u32_tag).u32(1);
        const GgufError e = parse_error(f.bytes());
        CHECK(e.problem() == "is 65536 bytes long, at most 65535 are allowed");
        CHECK(e.offset() == k_header_bytes);
    }
    SECTION("unknown value type") {
        f.str("k").u32(13).u32(1);
        check_error(f.bytes(), "metadata key 'k' value type: unknown value type 13 (at offset 33)");
    }
    SECTION("truncated value") {
        f.str("k").u32(k_u32_tag).u8(1);
        check_error(f.bytes(),
                    "metadata key 'k' value: needs 4 bytes but only 1 are left (at offset 37)");
    }
    SECTION("huge string length") {
        f.kv_head("k", ValueType::string).u64(UINT64_MAX - 3).raw("abc");
        check_error(f.bytes(), "metadata key 'k' string: string length 18446744073709551612 "
                               "exceeds the 3 bytes left (at offset 37)");
    }
    SECTION("bad bool") {
        f.kv_head("flag", ValueType::boolean).u8(2);
        check_error(f.bytes(),
                    "metadata key 'flag': bool value is 2, must be 0 or 1 (at offset 40)");
    }
    SECTION("bad bool inside an array") {
        f.kv_head("flags", ValueType::array).u32(7).u64(3).u8(1).u8(0).u8(255);
        check_error(
            f.bytes(),
            "metadata key 'flags' element 2: bool value is 255, must be 0 or 1 (at offset 55)");
    }
    SECTION("unknown array element type") {
        f.kv_head("a", ValueType::array).u32(99).u64(0);
        check_error(f.bytes(),
                    "metadata key 'a' array element type: unknown value type 99 (at offset 37)");
    }
    SECTION("huge array length") {
        f.kv_head("a", ValueType::array).u32(k_u32_tag).u64(1ull << 61).u32(0).u32(0);
        check_error(f.bytes(), "metadata key 'a' array length: 2305843009213693952 elements of u32 "
                               "(at least 4 bytes each) exceed the 8 bytes left (at offset 41)");
    }
    SECTION("array length times element size overflows") {
        // 2^62 u64 elements would be 2^65 bytes: the check must not wrap around.
        f.kv_head("a", ValueType::array).u32(10).u64(1ull << 62).zeros(16);
        CHECK(parse_error(f.bytes()).field() == "metadata key 'a' array length");
    }
    SECTION("huge string array length") {
        f.kv_head("tokens", ValueType::array).u32(8).u64(1000000).str("a").str("b");
        check_error(f.bytes(), "metadata key 'tokens' array length: 1000000 elements of string "
                               "(at least 8 bytes each) exceed the 18 bytes left (at offset 46)");
    }
    SECTION("string inside an array runs past the end") {
        f.kv_head("tokens", ValueType::array).u32(8).u64(2).str("a").u64(100).raw("xyz");
        check_error(f.bytes(), "metadata key 'tokens' element 1 string: string length 100 exceeds "
                               "the 3 bytes left (at offset 63)");
    }
    SECTION("nested array depth bomb") {
        // 100 levels of "array of array", each claiming one element.
        f.kv_head("bomb", ValueType::array);
        for (int i = 0; i < 100; ++i) {
            f.u32(9).u64(1);
        }
        f.u32(k_u32_tag).u64(0);
        const GgufError e = parse_error(f.bytes());
        CHECK(e.problem() == "arrays nested more than 8 levels deep");
        CHECK(e.field() == "metadata key 'bomb' element 0 element 0 element 0 element 0 element 0 "
                           "element 0 element 0 element 0 array");
        CHECK(e.offset() == 40 + 8 * 12);
    }
    SECTION("duplicate key") {
        RawFile g;
        g.header(3, 0, 2).kv_u32("a.b", 1).kv_u32("a.b", 2);
        check_error(g.bytes(),
                    "metadata key 'a.b': duplicate key (first at offset 24) (at offset 43)");
    }
    SECTION("key with control characters is quoted safely") {
        f.str("evil\x1b[2J").u32(13);
        CHECK_THROWS_WITH(GgufFile::from_memory(f.bytes()),
                          Catch::StartsWith("metadata key 'evil\\x1b[2J' value type"));
    }
}

TEST_CASE("gguf broken: general.alignment", "[gguf]") {
    SECTION("zero") {
        RawFile f;
        f.header(3, 0, 1).kv_u32("general.alignment", 0);
        check_error(
            f.bytes(),
            "metadata key 'general.alignment': is 0, must be a power of two (at offset 53)");
    }
    SECTION("not a power of two") {
        RawFile f;
        f.header(3, 0, 1).kv_u32("general.alignment", 48);
        check_error(
            f.bytes(),
            "metadata key 'general.alignment': is 48, must be a power of two (at offset 53)");
    }
    SECTION("wrong type") {
        RawFile f;
        f.header(3, 0, 1).kv_head("general.alignment", ValueType::u64).u64(32);
        check_error(f.bytes(),
                    "metadata key 'general.alignment': must be u32, found u64 (at offset 53)");
    }
    SECTION("a large alignment with no tensors is fine") {
        RawFile f;
        f.header(3, 0, 1).kv_u32("general.alignment", 1u << 31);
        CHECK(GgufFile::from_memory(f.bytes()).alignment() == (1u << 31));
    }
}

TEST_CASE("gguf broken: tensor infos", "[gguf]") {
    // Offsets: header 24, kv 8+20+4+8+5 = 45 -> tensor info at 69, its name
    // "w" at 69..78, n_dims at 78, ne[0] at 82.
    const std::uint64_t info = 69;
    SECTION("n_dims 0") {
        RawFile f;
        f.header(3, 1, 1).kv_string("general.architecture", "llama");
        f.str("w").u32(0).u32(k_f32).u64(0).pad_to(32).zeros(32);
        check_error(f.bytes(), "tensor 'w' n_dims: is 0, must be 1 to 4 (at offset 78)");
    }
    SECTION("n_dims 5") {
        check_error(one_tensor_file({1, 1, 1, 1, 8}).bytes(),
                    "tensor 'w' n_dims: is 5, must be 1 to 4 (at offset 78)");
    }
    SECTION("zero dimension") {
        check_error(one_tensor_file({8, 0}).bytes(),
                    "tensor 'w' ne[1]: is 0; every dimension must be at least 1 (at offset 90)");
    }
    SECTION("dimension product overflows") {
        check_error(one_tensor_file({1ull << 32, 1ull << 32}).bytes(),
                    "tensor 'w' ne[1]: is 4294967296; the element count overflows a 64-bit "
                    "integer (at offset 90)");
    }
    SECTION("byte size overflows") {
        // 2^62 f64 elements are fine as a count but 2^65 bytes.
        const GgufError e = parse_error(
            one_tensor_file({1ull << 62}, static_cast<std::uint32_t>(TensorType::f64)).bytes());
        CHECK(e.field() == "tensor 'w' type");
        CHECK(e.problem() == "F64 data of shape [4611686018427387904] overflows a 64-bit size");
    }
    SECTION("ne[0] not a multiple of the block size") {
        check_error(one_tensor_file({33, 2}, k_q4_0).bytes(),
                    "tensor 'w' ne[0]: is 33, not a multiple of the block size 32 of Q4_0 (at "
                    "offset 82)");
    }
    SECTION("unknown tensor type") {
        check_error(one_tensor_file({8}, 99).bytes(),
                    "tensor 'w' type: unknown tensor type id 99 (a newer or retired ggml type) (at "
                    "offset 90)");
    }
    SECTION("retired tensor type") {
        CHECK(parse_error(one_tensor_file({32}, 4).bytes()).problem() ==
              "unknown tensor type id 4 (a newer or retired ggml type)");
    }
    SECTION("misaligned offset") {
        check_error(one_tensor_file({8}, k_f32, 16).bytes(),
                    "tensor 'w' offset: 16 is not a multiple of the alignment 32 (at offset 94)");
    }
    SECTION("offset past the end of the file") {
        // Data starts at 128 (102 padded to 32); the file is 128 + 64 bytes.
        check_error(one_tensor_file({8}, k_f32, 64).bytes(),
                    "tensor 'w' offset: data [192, 224) extends past the end of the file (192 "
                    "bytes) (at offset 94)");
    }
    SECTION("offset so large that offset + size wraps around") {
        check_error(one_tensor_file({8}, k_f32, UINT64_MAX - 31).bytes(),
                    "tensor 'w' offset: data [128 + 18446744073709551584, ...) extends past the "
                    "end of the file (192 bytes) (at offset 94)");
    }
    SECTION("offset where only the end wraps around") {
        check_error(one_tensor_file({8}, k_f32, UINT64_MAX - 159).bytes(),
                    "tensor 'w' offset: data [18446744073709551584, 18446744073709551584 + 32) "
                    "extends past the end of the file (192 bytes) (at offset 94)");
    }
    SECTION("data larger than the file") {
        check_error(one_tensor_file({8, 1000}).bytes(),
                    "tensor 'w' offset: data [128, 32128) extends past the end of the file (192 "
                    "bytes) (at offset 102)");
    }
    SECTION("huge name length") {
        RawFile f;
        f.header(3, 1, 1).kv_string("general.architecture", "llama").u64(1ull << 40).zeros(40);
        check_error(f.bytes(), "tensor 0 name: string length 1099511627776 exceeds the 40 bytes "
                               "left (at offset 69)");
    }
    SECTION("empty name") {
        RawFile f;
        f.header(3, 1, 1).kv_string("general.architecture", "llama");
        f.tensor_info("", {8}, k_f32, 0).pad_to(32).zeros(32);
        check_error(f.bytes(), "tensor 0 name: is empty (at offset 69)");
    }
    SECTION("name longer than 64 bytes") {
        RawFile f;
        f.header(3, 1, 0).tensor_info(std::string(65, 'n'), {8}, k_f32, 0).pad_to(32).zeros(32);
        CHECK(parse_error(f.bytes()).problem() == "is 65 bytes long, at most 64 are allowed");
        RawFile ok;
        ok.header(3, 1, 0).tensor_info(std::string(64, 'n'), {8}, k_f32, 0).pad_to(32).zeros(32);
        CHECK_NOTHROW(GgufFile::from_memory(ok.bytes()));
    }
    SECTION("duplicate tensor name") {
        RawFile f;
        f.header(3, 2, 0).tensor_info("w", {8}, k_f32, 0).tensor_info("w", {8}, k_f32, 32);
        f.pad_to(32).zeros(64);
        check_error(f.bytes(),
                    "tensor 'w': duplicate tensor name (first at offset 24) (at offset 57)");
    }
    SECTION("overlapping tensors") {
        // b [0, 64) and a [32, 64): listed out of order, so sorting must find it.
        RawFile f;
        f.header(3, 2, 0).tensor_info("a", {8}, k_f32, 32).tensor_info("b", {16}, k_f32, 0);
        f.pad_to(32).zeros(64);
        check_error(f.bytes(), "tensor 'a' offset: data [128, 160) overlaps the data of tensor "
                               "'b' [96, 160) (at offset 49)");
    }
    SECTION("tensors at the same offset") {
        RawFile f;
        f.header(3, 2, 0).tensor_info("a", {8}, k_f32, 0).tensor_info("b", {8}, k_f32, 0);
        f.pad_to(32).zeros(64);
        CHECK(parse_error(f.bytes()).problem() ==
              "data [96, 128) overlaps the data of tensor 'a' [96, 128)");
    }
    SECTION("gaps between tensors are allowed") {
        RawFile f;
        f.header(3, 2, 0).tensor_info("a", {8}, k_f32, 0).tensor_info("b", {8}, k_f32, 64);
        f.pad_to(32).zeros(96);
        CHECK(GgufFile::from_memory(f.bytes()).tensors().size() == 2);
    }
    static_cast<void>(info);
}

TEST_CASE("gguf broken: opening files", "[gguf]") {
    TempDir dir;
    SECTION("missing file") {
        const auto path = dir.path() / "missing.gguf";
        CHECK_THROWS_WITH(GgufFile::open(path),
                          path.string() + ": cannot open: No such file or directory");
    }
    SECTION("a folder") {
        CHECK_THROWS_WITH(GgufFile::open(dir.path()), dir.path().string() + ": not a regular file");
    }
    SECTION("empty file") {
        const auto path = dir.path() / "empty.gguf";
        write_file(path, {});
        CHECK_THROWS_WITH(GgufFile::open(path),
                          path.string() +
                              ": header magic: needs 4 bytes but only 0 are left (at offset 0)");
    }
    SECTION("errors from a mapped file start with the path and keep the field") {
        const auto path = dir.path() / "v4.gguf";
        RawFile f;
        f.header(4, 0, 0);
        write_file(path, f.bytes());
        try {
            GgufFile::open(path);
            FAIL("expected an error");
        } catch (const GgufError& e) {
            CHECK(std::string(e.what()).rfind(path.string() + ": header version:", 0) == 0);
            CHECK(e.field() == "header version");
            CHECK(e.offset() == 4);
        }
    }
}

TEST_CASE("gguf broken: every truncation of a valid file is rejected cleanly", "[gguf]") {
    const Bytes full = small_model_bytes();
    const std::size_t data_end = small_model_data_end();
    REQUIRE(data_end <= full.size());
    for (std::size_t n = 0; n < full.size(); ++n) {
        // Copy so that AddressSanitizer catches any read past the prefix.
        const Bytes prefix(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
        CAPTURE(n);
        if (n < data_end) {
            REQUIRE_THROWS_AS(GgufFile::from_memory(prefix), GgufError);
        } else {
            // Only the padding after the last tensor is missing.
            REQUIRE_NOTHROW(GgufFile::from_memory(prefix));
        }
    }
}

TEST_CASE("gguf broken: single-byte mutations never crash the reader", "[gguf]") {
    const Bytes original = small_model_bytes();
    const std::byte replacements[] = {std::byte{0x00}, std::byte{0x01}, std::byte{0x7f},
                                      std::byte{0x80}, std::byte{0xff}};
    // The head (header, metadata, tensor infos) is where the structure is.
    const GgufFile parsed = GgufFile::from_memory(original);
    const std::size_t head = static_cast<std::size_t>(parsed.data_offset());
    std::size_t rejected = 0;
    for (std::size_t i = 0; i < head; ++i) {
        for (std::byte r : replacements) {
            Bytes mutated = original;
            mutated[i] = r;
            CAPTURE(i, std::to_integer<int>(r));
            bool parsed_ok = false;
            REQUIRE_NOTHROW(parsed_ok = clauselens::fuzz::check_gguf_input(mutated));
            rejected += parsed_ok ? 0 : 1;
        }
    }
    CHECK(rejected > head); // most mutations in the head are errors
}

TEST_CASE("gguf broken: inputs the fuzzer found stay fixed", "[gguf]") {
    const std::filesystem::path dir =
        std::filesystem::path(CLAUSELENS_TEST_DATA_DIR) / "gguf" / "fuzz-regressions";
    REQUIRE(std::filesystem::is_directory(dir));
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().extension() == ".md") {
            continue;
        }
        const Bytes bytes = read_file(entry.path());
        CAPTURE(entry.path().filename().string());
        REQUIRE_NOTHROW(clauselens::fuzz::check_gguf_input(bytes));
    }
}

TEST_CASE("gguf broken: the fuzzer's seed corpus parses without crashing", "[gguf]") {
    const std::filesystem::path dir = CLAUSELENS_GGUF_SEED_CORPUS_DIR;
    REQUIRE(std::filesystem::is_directory(dir));
    int parsed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const Bytes bytes = read_file(entry.path());
        CAPTURE(entry.path().filename().string());
        bool ok = false;
        REQUIRE_NOTHROW(ok = clauselens::fuzz::check_gguf_input(bytes));
        parsed += ok ? 1 : 0;
    }
    CHECK(parsed >= 5);
}
