// The committed fixtures in tests/data/gguf/ that the gguf-info CLI tests
// read. They must be exactly what our writer produces today, so a change in
// the writer's output is noticed; regenerate them with
//   CLAUSELENS_UPDATE_GGUF_FIXTURES=1 ./test_gguf "gguf fixtures*"

#include "gguf_test_util.h"

#include <catch2/catch.hpp>
#include <cstdlib>

using namespace clauselens::gguf;
using namespace clauselens::gguf::test;

namespace {

const std::filesystem::path k_fixture_dir =
    std::filesystem::path(CLAUSELENS_TEST_DATA_DIR) / "gguf";

// A tiny llama-shaped model: a vocabulary, a long string, a nested array, and
// tensors of five types including one the engine does not compute with.
Bytes tiny_model() {
    GgufWriter w;
    w.add_string("general.architecture", "llama");
    w.add_string("general.name", "tiny");
    w.add_string("general.description",
                 "A tiny model for the tests of ClauseLens: its weights are random and it "
                 "knows nothing at all.");
    w.add_u32("llama.block_count", 1);
    w.add_u32("llama.context_length", 128);
    w.add_f32("llama.rope.freq_base", 10000.0f);
    w.add_bool("tokenizer.ggml.add_bos_token", true);
    w.add_string("tokenizer.ggml.model", "llama");
    const std::vector<std::string> tokens = {"<unk>",
                                             "<s>",
                                             "</s>",
                                             "\xe2\x96\x81the",
                                             "\xe2\x96\x81"
                                             "clause",
                                             "\n",
                                             "\"",
                                             "<0x00>"};
    w.add_array("tokenizer.ggml.tokens", ArrayBuilder::of_strings(tokens));
    const std::vector<float> scores = {0.0f, 0.0f, 0.0f, -1.5f, -2.0f, -3.0f, -4.0f, -5.0f};
    w.add_array("tokenizer.ggml.scores", ArrayBuilder::of_f32(scores));
    const std::vector<std::int32_t> types = {2, 3, 3, 1, 1, 1, 1, 6};
    w.add_array("tokenizer.ggml.token_type", ArrayBuilder::of_i32(types));
    ArrayBuilder pair(ValueType::u16);
    pair.push_u16(1);
    pair.push_u16(2);
    ArrayBuilder nested(ValueType::array);
    nested.push_array(pair);
    nested.push_array(ArrayBuilder(ValueType::u16));
    w.add_array("test.nested", nested);

    static const Bytes q8 = random_bytes(8 * 34, 1);
    static const Bytes norm = random_bytes(32 * 4, 2);
    static const Bytes q4k = random_bytes(2 * 144, 3);
    static const Bytes q6k = random_bytes(210, 4);
    static const Bytes iq4 = random_bytes(2 * 18, 5);
    const std::uint64_t embd_shape[] = {32, 8};
    const std::uint64_t norm_shape[] = {32};
    const std::uint64_t q_shape[] = {256, 2};
    const std::uint64_t down_shape[] = {256, 1};
    const std::uint64_t up_shape[] = {32, 2};
    w.add_tensor("token_embd.weight", TensorType::q8_0, embd_shape, q8);
    w.add_tensor("output_norm.weight", TensorType::f32, norm_shape, norm);
    w.add_tensor("blk.0.attn_q.weight", TensorType::q4_k, q_shape, q4k);
    w.add_tensor("blk.0.ffn_down.weight", TensorType::q6_k, down_shape, q6k);
    w.add_tensor("blk.0.ffn_up.weight", TensorType::iq4_nl, up_shape, iq4);
    return w.write_to_memory();
}

void check_fixture(const std::string& name, const Bytes& expected) {
    const auto path = k_fixture_dir / name;
    if (const char* update = std::getenv("CLAUSELENS_UPDATE_GGUF_FIXTURES"); update && *update) {
        write_file(path, expected);
    }
    CAPTURE(path.string());
    REQUIRE(std::filesystem::exists(path));
    CHECK(read_file(path) == expected);
}

} // namespace

TEST_CASE("gguf fixtures: tiny.gguf is what the writer produces", "[gguf]") {
    const Bytes tiny = tiny_model();
    check_fixture("tiny.gguf", tiny);
    const GgufFile f = GgufFile::open(k_fixture_dir / "tiny.gguf");
    CHECK(f.tensors().size() == 5);
    CHECK(f.get_array("tokenizer.ggml.tokens").size() == 8);
}

TEST_CASE("gguf fixtures: truncated-tiny.gguf is tiny.gguf cut inside its tensor data", "[gguf]") {
    const Bytes tiny = tiny_model();
    const GgufFile f = GgufFile::from_memory(tiny);
    const Tensor& cut_inside = f.get_tensor("blk.0.attn_q.weight");
    const std::size_t cut = static_cast<std::size_t>(cut_inside.file_offset + 100);
    check_fixture("truncated-tiny.gguf",
                  Bytes(tiny.begin(), tiny.begin() + static_cast<std::ptrdiff_t>(cut)));
    CHECK_THROWS_WITH(GgufFile::open(k_fixture_dir / "truncated-tiny.gguf"),
                      Catch::Contains("tensor 'blk.0.attn_q.weight' offset: data"));
}
