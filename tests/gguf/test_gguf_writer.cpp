// The writer: what it refuses, and how it writes files (atomically, with
// errors that name the path and the OS reason).

#include "gguf_test_util.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <sys/resource.h>

using namespace clauselens::gguf;
using namespace clauselens::gguf::test;

namespace {

std::vector<std::string> folder_entries(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// Lowers the file size limit for the current process so that writes fail
// with EFBIG, the closest portable stand-in for a full disk.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &saved_);
        previous_handler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = saved_;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, previous_handler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit saved_{};
    void (*previous_handler_)(int) = nullptr;
};

} // namespace

TEST_CASE("gguf writer: rejects invalid metadata", "[gguf]") {
    GgufWriter w;
    CHECK_THROWS_WITH(w.add_u32("", 1), "metadata key: is empty");
    CHECK_THROWS_WITH(w.add_u32(std::string(65536, 'k'), 1),
                      Catch::Contains("is 65536 bytes long, at most 65535 are allowed"));
    w.add_u32("a", 1);
    CHECK_THROWS_WITH(w.add_string("a", "x"), "metadata key 'a': was already added");
    CHECK_THROWS_WITH(w.add_u64("general.alignment", 32),
                      "metadata key 'general.alignment': must be u32, not u64");
    CHECK_THROWS_WITH(w.add_u32("general.alignment", 0),
                      "metadata key 'general.alignment': is 0, must be a power of two");
    CHECK_THROWS_WITH(w.add_u32("general.alignment", 24),
                      "metadata key 'general.alignment': is 24, must be a power of two");
    CHECK(w.alignment() == 32);

    ArrayBuilder strings(ValueType::string);
    CHECK_THROWS_WITH(strings.push_u32(1), "array: cannot add a u32 to an array of string");
    ArrayBuilder numbers(ValueType::f32);
    CHECK_THROWS_WITH(numbers.push_string("x"), "array: cannot add a string to an array of f32");
    CHECK_THROWS_WITH(numbers.push_array(strings), "array: cannot add an array to an array of f32");
    CHECK_THROWS_WITH(numbers.push_f64(1.0), "array: cannot add a f64 to an array of f32");

    CHECK_THROWS_WITH(w.add_value("copy", Value()), Catch::Contains("the value to copy is empty"));
}

TEST_CASE("gguf writer: rejects invalid tensors", "[gguf]") {
    GgufWriter w;
    const Bytes data = random_bytes(1024, 1);
    const std::uint64_t ok[] = {8};
    const std::uint64_t five[] = {1, 1, 1, 1, 8};
    const std::uint64_t zero[] = {8, 0};
    const std::uint64_t overflow[] = {1ull << 32, 1ull << 32};
    const std::uint64_t not_block[] = {33};
    const std::span<const std::uint64_t> none;

    CHECK_THROWS_WITH(w.add_tensor("", TensorType::f32, ok, std::span(data).first(32)),
                      "tensor name: is empty");
    CHECK_THROWS_WITH(
        w.add_tensor(std::string(65, 'n'), TensorType::f32, ok, std::span(data).first(32)),
        Catch::Contains("name is 65 bytes long, at most 64 are allowed"));
    CHECK_THROWS_WITH(w.add_tensor("t", TensorType::f32, none, std::span(data).first(32)),
                      "tensor 't': has 0 dimensions, must have 1 to 4");
    CHECK_THROWS_WITH(w.add_tensor("t", TensorType::f32, five, std::span(data).first(32)),
                      "tensor 't': has 5 dimensions, must have 1 to 4");
    CHECK_THROWS_WITH(w.add_tensor("t", TensorType::f32, zero, std::span(data).first(32)),
                      "tensor 't': ne[1] is 0; every dimension must be at least 1");
    CHECK_THROWS_WITH(w.add_tensor("t", TensorType::f32, overflow, std::span(data).first(32)),
                      "tensor 't': element count overflows a 64-bit integer");
    CHECK_THROWS_WITH(w.add_tensor("t", TensorType::q8_0, not_block, std::span(data).first(34)),
                      "tensor 't': ne[0] is 33, not a multiple of the block size 32 of Q8_0");
    CHECK_THROWS_WITH(w.add_tensor("t", TensorType::f32, ok, std::span(data).first(31)),
                      "tensor 't': data is 31 bytes, a F32 tensor of this shape needs 32");
    CHECK_THROWS_WITH(w.add_tensor("t", static_cast<TensorType>(4), ok, std::span(data).first(32)),
                      "tensor 't': unknown tensor type id 4");
    CHECK_THROWS_WITH(w.add_tensor("t", TensorType::f32, ok, TensorProducer()),
                      "tensor 't': has no data producer");
    w.add_tensor("t", TensorType::f32, ok, std::span(data).first(32));
    CHECK_THROWS_WITH(w.add_tensor("t", TensorType::f32, ok, std::span(data).first(32)),
                      "tensor 't': was already added");
}

TEST_CASE("gguf writer: write_file writes what write_to_memory writes", "[gguf]") {
    TempDir dir;
    const Bytes data = random_bytes(3 * 1024 * 1024, 5); // larger than the write buffer
    GgufWriter w;
    w.add_string("general.architecture", "llama");
    const std::uint64_t shape[] = {1024, 1024, 3};
    w.add_tensor("big", TensorType::i8, shape, data);
    const std::uint64_t small_shape[] = {3};
    w.add_tensor("small", TensorType::f32, small_shape, std::span(data).first(12));

    const auto path = dir.path() / "model.gguf";
    w.write_file(path);
    CHECK(read_file(path) == w.write_to_memory());
    CHECK(std::filesystem::file_size(path) == w.file_size());
    CHECK(folder_entries(dir.path()) == std::vector<std::string>{"model.gguf"});

    const GgufFile f = GgufFile::open(path);
    CHECK(f.get_string("general.architecture") == "llama");
    REQUIRE(f.get_tensor("big").data.size() == data.size());
    CHECK(std::equal(data.begin(), data.end(), f.get_tensor("big").data.begin()));
}

TEST_CASE("gguf writer: write_file replaces an existing file only when done", "[gguf]") {
    TempDir dir;
    const auto path = dir.path() / "model.gguf";
    write_file(path, random_bytes(100, 1));
    GgufWriter w;
    w.add_u32("version", 2);
    w.write_file(path);
    CHECK(GgufFile::open(path).get_u32("version") == 2);
    CHECK(folder_entries(dir.path()) == std::vector<std::string>{"model.gguf"});
}

TEST_CASE("gguf writer: a failed write leaves neither a partial nor a temporary file", "[gguf]") {
    TempDir dir;
    const auto path = dir.path() / "model.gguf";
    const Bytes old_contents = random_bytes(100, 2);
    write_file(path, old_contents);

    const Bytes data = random_bytes(256 * 1024, 3);
    GgufWriter w;
    const std::uint64_t shape[] = {256 * 1024};
    w.add_tensor("w", TensorType::i8, shape, data);
    {
        const FileSizeLimit limit(64 * 1024);
        CHECK_THROWS_WITH(w.write_file(path), path.string() + ": write failed: File too large");
    }
    CHECK(read_file(path) == old_contents);
    CHECK(folder_entries(dir.path()) == std::vector<std::string>{"model.gguf"});
}

TEST_CASE("gguf writer: errors name the path and the OS reason", "[gguf]") {
    TempDir dir;
    GgufWriter w;
    w.add_u32("a", 1);
    const auto missing_dir = dir.path() / "no-such-folder" / "model.gguf";
    CHECK_THROWS_WITH(w.write_file(missing_dir),
                      Catch::StartsWith(missing_dir.string() + ": cannot create temporary file") &&
                          Catch::EndsWith("No such file or directory"));

    const auto folder = dir.path() / "folder";
    std::filesystem::create_directory(folder);
    CHECK_THROWS_WITH(w.write_file(folder),
                      Catch::StartsWith(folder.string() + ": cannot rename temporary file") &&
                          Catch::EndsWith("Is a directory"));
    CHECK(folder_entries(dir.path()) == std::vector<std::string>{"folder"});
}

TEST_CASE("gguf writer: an empty writer gives a valid header-only file", "[gguf]") {
    const Bytes bytes = GgufWriter().write_to_memory();
    RawFile expected;
    expected.header(3, 0, 0);
    CHECK(bytes == expected.bytes());
    CHECK(GgufFile::from_memory(bytes).tensors().empty());
}
