// The quantizer: the types the Q8_0, Q4_0 and Q4_K_M mixes put on the tensors
// of each architecture, the error of every quantized weight against its
// input, logits of quantized models against the F32 model, copied metadata,
// and the failures a user can meet (a quantized input, a damaged input, an
// output that cannot be written) leaving nothing behind.

#include "cpu/quant.h"
#include "gguf/gguf_error.h"
#include "gguf/gguf_reader.h"
#include "gguf/gguf_writer.h"
#include "model/model.h"
#include "model/model_error.h"
#include "model/quant_mix.h"
#include "model/quantizer.h"
#include "model/reference_model.h"
#include "model/test_model_maker.h"
#include "tokenizer/tokenizer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace clauselens;
using gguf::TensorType;
using model::QuantMix;
namespace fs = std::filesystem;

namespace {

using T = TensorType;

// A folder of its own for each test case, removed afterwards.
class TempDir {
public:
    explicit TempDir(const std::string& name)
        : path_(fs::temp_directory_path() / ("clauselens-test-quantizer-" + name)) {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

// The tiny test model (2 layers, width 256, feed-forward 512, vocabulary 512)
// stored as `type`, made once per test run.
const fs::path& tiny_model(const std::string& type) {
    static std::map<std::string, fs::path> made;
    auto it = made.find(type);
    if (it == made.end()) {
        model::TestModelOptions o;
        o.preset = "tiny";
        o.type = type;
        o.seed = 5;
        o.output = fs::temp_directory_path() / ("clauselens-test-quantizer-tiny-" + type + ".gguf");
        model::make_test_model(o);
        it = made.emplace(type, o.output).first;
    }
    return it->second;
}

model::QuantizeSummary quantize(const fs::path& in, const fs::path& out, QuantMix mix,
                                unsigned n_threads = 0) {
    model::QuantizeOptions o;
    o.input = in;
    o.output = out;
    o.mix = mix;
    o.n_threads = n_threads;
    return model::quantize_model(o);
}

std::vector<float> to_floats(const gguf::Tensor& t) {
    std::vector<float> out(t.n_elements);
    cpu::dequantize(t.type, t.data, out);
    return out;
}

// sqrt(sum (y - x)^2 / sum x^2)
double relative_rms(const std::vector<float>& y, const std::vector<float>& x) {
    double err = 0.0;
    double norm = 0.0;
    for (size_t i = 0; i < x.size(); ++i) {
        const double d = static_cast<double>(y[i]) - x[i];
        err += d * d;
        norm += static_cast<double>(x[i]) * x[i];
    }
    return std::sqrt(err / norm);
}

// Relative RMS error bounds on Gaussian weights: those of the quantization
// tests (engine/cpu), about 10% above the worst case measured there. A
// quantizer that wrote the wrong block layout or scale exceeds them by far.
double error_bound(TensorType type) {
    switch (type) {
    case T::q8_0:
        return 0.0061;
    case T::q6_k:
        return 0.0195;
    case T::q5_k:
        return 0.041;
    case T::q4_k:
        return 0.080;
    case T::q4_0:
        return 0.093;
    case T::f16:
        return 0.00024;
    default:
        return 0.0;
    }
}

T type_of(QuantMix mix, const model::MixModel& m, const std::string& name,
          std::vector<uint64_t> shape, T input = T::f32) {
    return model::quant_mix_type(mix, m, name, shape, input).type;
}

std::string blk(int layer, const std::string& name) {
    return "blk." + std::to_string(layer) + "." + name;
}

// Layers whose attention values and feed-forward down projections a Q4_K_M
// file stores as Q6_K: llama.cpp's "use_more_bits" pattern, written out.
std::set<int> more_bits_layers(int n_layer) {
    std::set<int> layers;
    for (int i = 0; i < n_layer; ++i) {
        if (i < n_layer / 8 || i >= 7 * n_layer / 8 || (i - n_layer / 8) % 3 == 2) {
            layers.insert(i);
        }
    }
    return layers;
}

// Writes a small F32 model file of the given tensors (Gaussian values unless
// `values` gives them) with a few metadata keys, for tests that need names,
// shapes or values the test-model maker does not make.
struct SmallTensor {
    std::string name;
    std::vector<uint64_t> shape;
    std::vector<float> values;
};

void write_small_model(const fs::path& path, std::vector<SmallTensor>& tensors,
                       uint32_t alignment = 32) {
    gguf::GgufWriter w;
    w.add_string("general.architecture", "llama");
    w.add_u32("general.alignment", alignment);
    w.add_u32("general.file_type", 0); // ALL_F32
    w.add_u32("llama.block_count", 1);
    std::mt19937 rng(3);
    std::normal_distribution<float> gauss(0.0f, 0.05f);
    for (SmallTensor& t : tensors) {
        uint64_t n = 1;
        for (const uint64_t d : t.shape) {
            n *= d;
        }
        if (t.values.empty()) {
            t.values.resize(n);
            for (float& v : t.values) {
                v = gauss(rng);
            }
        }
        w.add_tensor(t.name, T::f32, t.shape,
                     std::as_bytes(std::span<const float>(t.values.data(), t.values.size())));
    }
    w.write_file(path);
}

std::vector<char> file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Files in `dir` other than `keep`: leftovers of a failed write.
std::vector<std::string> other_files(const fs::path& dir, const std::set<std::string>& keep) {
    std::vector<std::string> names;
    for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
        if (keep.count(e.path().filename().string()) == 0) {
            names.push_back(e.path().filename().string());
        }
    }
    return names;
}

} // namespace

TEST_CASE("mix names and file types are those of llama.cpp", "[quantizer]") {
    CHECK(model::quant_mix_from_name("q4_k_m") == QuantMix::q4_k_m);
    CHECK(model::quant_mix_from_name("Q8_0") == QuantMix::q8_0);
    CHECK(model::quant_mix_from_name("q4_0") == QuantMix::q4_0);
    CHECK_FALSE(model::quant_mix_from_name("q4_k").has_value());
    CHECK_FALSE(model::quant_mix_from_name("Q4_K_M2").has_value());
    CHECK(model::quant_mix_name(QuantMix::q4_k_m) == "Q4_K_M");
    CHECK(model::quant_mix_file_type(QuantMix::q8_0) == 7);
    CHECK(model::quant_mix_file_type(QuantMix::q4_0) == 2);
    CHECK(model::quant_mix_file_type(QuantMix::q4_k_m) == 15);
}

TEST_CASE("Q4_K_M puts Q6_K on the classifier and on llama.cpp's layers", "[quantizer]") {
    // Llama 3.2 3B: 28 layers, width 3072, 8 KV heads of 128, feed-forward
    // 8192, tied classifier.
    const model::MixModel tied{"llama", 28, false};
    CHECK(type_of(QuantMix::q4_k_m, tied, "token_embd.weight", {3072, 128256}) == T::q6_k);
    const model::MixModel untied{"llama", 28, true};
    CHECK(type_of(QuantMix::q4_k_m, untied, "token_embd.weight", {3072, 128256}) == T::q4_k);
    CHECK(type_of(QuantMix::q4_k_m, untied, "output.weight", {3072, 128256}) == T::q6_k);
    CHECK(type_of(QuantMix::q4_k_m, untied, "output_norm.weight", {3072}) == T::f32);
    CHECK(type_of(QuantMix::q4_k_m, untied, "rope_freqs.weight", {64}) == T::f32);

    // 0, 1, 2 and 24..27 (the first and last eighth) and every third between.
    const std::set<int> more = {0, 1, 2, 5, 8, 11, 14, 17, 20, 23, 24, 25, 26, 27};
    REQUIRE(more_bits_layers(28) == more);
    for (int l = 0; l < 28; ++l) {
        INFO("layer " << l);
        const T expected = more.count(l) != 0 ? T::q6_k : T::q4_k;
        CHECK(type_of(QuantMix::q4_k_m, untied, blk(l, "attn_v.weight"), {3072, 1024}) == expected);
        CHECK(type_of(QuantMix::q4_k_m, untied, blk(l, "ffn_down.weight"), {8192, 3072}) ==
              expected);
        for (const char* name : {"attn_q.weight", "attn_k.weight", "attn_output.weight",
                                 "ffn_gate.weight", "ffn_up.weight"}) {
            CHECK(type_of(QuantMix::q4_k_m, untied, blk(l, name), {3072, 3072}) == T::q4_k);
        }
        CHECK(type_of(QuantMix::q4_k_m, untied, blk(l, "attn_norm.weight"), {3072}) == T::f32);
    }
}

TEST_CASE("Q4_K_M types for qwen2 and phi3 names", "[quantizer]") {
    // Qwen2.5 3B: 36 layers, width 2048, biases on q, k and v.
    const model::MixModel qwen{"qwen2", 36, true};
    const std::set<int> more = {0, 1, 2, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 31, 32, 33, 34, 35};
    REQUIRE(more_bits_layers(36) == more);
    for (int l = 0; l < 36; ++l) {
        INFO("layer " << l);
        const T expected = more.count(l) != 0 ? T::q6_k : T::q4_k;
        CHECK(type_of(QuantMix::q4_k_m, qwen, blk(l, "attn_v.weight"), {2048, 256}) == expected);
        CHECK(type_of(QuantMix::q4_k_m, qwen, blk(l, "ffn_down.weight"), {11008, 2048}) ==
              expected);
        CHECK(type_of(QuantMix::q4_k_m, qwen, blk(l, "attn_q.weight"), {2048, 2048}) == T::q4_k);
        for (const char* bias : {"attn_q.bias", "attn_k.bias", "attn_v.bias"}) {
            CHECK(type_of(QuantMix::q4_k_m, qwen, blk(l, bias), {2048}) == T::f32);
        }
    }
    // ffn_down rows of 11008 are not whole K-quant blocks (43 x 256): Q6_K
    // falls back to Q8_0, Q4_K to Q4_0, and the mix says what it wanted.
    const model::MixType down =
        model::quant_mix_type(QuantMix::q4_k_m, qwen, blk(0, "ffn_down.weight"),
                              std::vector<uint64_t>{11008, 2048}, T::f32);
    CHECK(down.wanted == T::q6_k);
    CHECK(down.quantized);

    // Phi-3 mini: 32 layers, fused QKV and gate/up projections, rope factors.
    const model::MixModel phi{"phi3", 32, true};
    const std::set<int> phi_more = more_bits_layers(32);
    for (int l = 0; l < 32; ++l) {
        INFO("layer " << l);
        CHECK(type_of(QuantMix::q4_k_m, phi, blk(l, "attn_qkv.weight"), {3072, 9216}) == T::q5_k);
        CHECK(type_of(QuantMix::q4_k_m, phi, blk(l, "ffn_up.weight"), {3072, 16384}) == T::q4_k);
        CHECK(type_of(QuantMix::q4_k_m, phi, blk(l, "ffn_down.weight"), {8192, 3072}) ==
              (phi_more.count(l) != 0 ? T::q6_k : T::q4_k));
        CHECK(type_of(QuantMix::q4_k_m, phi, blk(l, "attn_output.weight"), {3072, 3072}) ==
              T::q4_k);
    }
    CHECK(type_of(QuantMix::q4_k_m, phi, "rope_factors_long.weight", {48}) == T::f32);
    CHECK(type_of(QuantMix::q4_k_m, phi, "output.weight", {3072, 32064}) == T::q6_k);
}

TEST_CASE("Q8_0 and Q4_0 mixes, and fallbacks for rows that blocks do not fit", "[quantizer]") {
    const model::MixModel m{"llama", 26, true};
    for (const char* name :
         {"token_embd.weight", "output.weight", "blk.0.attn_v.weight", "blk.3.ffn_down.weight"}) {
        INFO(name);
        CHECK(type_of(QuantMix::q8_0, m, name, {3200, 3200}) == T::q8_0);
        CHECK(type_of(QuantMix::q8_0, m, name, {3200, 3200}, T::f16) == T::q8_0);
        CHECK(type_of(QuantMix::q8_0, m, name, {3200, 3200}, T::bf16) == T::q8_0);
    }
    // Q4_0 files keep the classifier at Q6_K (Q8_0 when K-quant blocks do
    // not fit its rows), as llama.cpp's do.
    CHECK(type_of(QuantMix::q4_0, m, "output.weight", {3072, 32000}) == T::q6_k);
    CHECK(type_of(QuantMix::q4_0, m, "output.weight", {3200, 32000}) == T::q8_0);
    CHECK(type_of(QuantMix::q4_0, m, "token_embd.weight", {3072, 32000}) == T::q4_0);
    CHECK(type_of(QuantMix::q4_0, m, "blk.0.attn_v.weight", {3072, 3072}) == T::q4_0);
    CHECK(type_of(QuantMix::q4_0, m, "blk.0.ffn_down.weight", {8640, 3200}) == T::q4_0);

    // OpenLLaMA 3B (width 3200, feed-forward 8640): no K-quant block fits.
    CHECK(type_of(QuantMix::q4_k_m, m, "blk.1.attn_q.weight", {3200, 3200}) == T::q4_0);
    CHECK(type_of(QuantMix::q4_k_m, m, "blk.0.attn_v.weight", {3200, 3200}) == T::q8_0);
    CHECK(type_of(QuantMix::q4_k_m, m, "blk.0.ffn_down.weight", {8640, 3200}) == T::q8_0);
    CHECK(type_of(QuantMix::q4_k_m, m, "output.weight", {3200, 32000}) == T::q8_0);
    // Rows of 100 fit no quantized block: F32 inputs become F16, F16 and
    // BF16 inputs keep their type.
    for (const QuantMix mix : {QuantMix::q8_0, QuantMix::q4_0, QuantMix::q4_k_m}) {
        CHECK(type_of(mix, m, "blk.0.attn_q.weight", {100, 64}) == T::f16);
        CHECK(type_of(mix, m, "blk.0.attn_q.weight", {100, 64}, T::f16) == T::f16);
        CHECK(type_of(mix, m, "blk.0.attn_q.weight", {100, 64}, T::bf16) == T::bf16);
        const model::MixType fallback = model::quant_mix_type(
            mix, m, "blk.0.attn_q.weight", std::vector<uint64_t>{100, 64}, T::f32);
        CHECK(fallback.wanted != fallback.type);
    }
}

TEST_CASE("quantized weights stay within each type's error bound", "[quantizer]") {
    TempDir dir("bounds");
    for (const std::string input_type : {"f32", "f16", "bf16"}) {
        const gguf::GgufFile in = gguf::GgufFile::open(tiny_model(input_type));
        for (const QuantMix mix : {QuantMix::q8_0, QuantMix::q4_0, QuantMix::q4_k_m}) {
            const fs::path out_path =
                dir / (input_type + "-" + std::string(model::quant_mix_name(mix)) + ".gguf");
            const model::QuantizeSummary s = quantize(tiny_model(input_type), out_path, mix);
            const gguf::GgufFile out = gguf::GgufFile::open(out_path);
            REQUIRE(out.tensors().size() == in.tensors().size());
            CHECK(s.n_tensors == in.tensors().size());
            CHECK(s.file_bytes_out == out.file_size());
            CHECK(s.fallbacks.empty());
            std::set<T> seen;
            for (size_t i = 0; i < in.tensors().size(); ++i) {
                const gguf::Tensor& a = in.tensors()[i];
                const gguf::Tensor& b = out.tensors()[i];
                INFO(input_type << " -> " << model::quant_mix_name(mix) << ": " << a.name << " as "
                                << gguf::tensor_type_name(b.type));
                REQUIRE(b.name == a.name);
                REQUIRE(b.ne == a.ne);
                const model::MixModel mm{"llama", 2, true};
                CHECK(b.type == model::quant_mix_type(mix, mm, a.name, a.shape(), a.type).type);
                seen.insert(b.type);
                if (a.n_dims == 1) {
                    // Norms: copied byte for byte.
                    CHECK(b.type == a.type);
                    CHECK(std::equal(a.data.begin(), a.data.end(), b.data.begin(), b.data.end()));
                    continue;
                }
                CHECK(relative_rms(to_floats(b), to_floats(a)) < error_bound(b.type));
                // And not trivially: a quantized matrix does differ from its input.
                CHECK(relative_rms(to_floats(b), to_floats(a)) > error_bound(b.type) / 20);
            }
            const std::set<T> expected = mix == QuantMix::q8_0 ? std::set<T>{T::f32, T::q8_0}
                                         : mix == QuantMix::q4_0
                                             ? std::set<T>{T::f32, T::q4_0, T::q6_k}
                                             : std::set<T>{T::f32, T::q4_k, T::q6_k};
            CHECK(seen == expected);
        }
    }
}

TEST_CASE("a quantized tiny model's logits stay close to the F32 model's", "[quantizer]") {
    TempDir dir("logits");
    const auto reference = model::Model::open(tiny_model("f32"));
    const auto tokens = tokenizer::Tokenizer::from_gguf(reference->file())
                            .encode("The Licensee shall indemnify and hold harmless the Company "
                                    "against all claims arising under this Agreement.",
                                    true);
    REQUIRE(tokens.size() >= 16);
    const uint32_t n_vocab = reference->config().n_vocab;

    auto run = [&](const model::Model& m) {
        model::ReferenceModel cpu(m, 64);
        std::vector<std::vector<float>> logits;
        for (uint32_t pos = 0; pos < tokens.size(); ++pos) {
            const std::span<const float> l = cpu.forward(tokens[pos], pos);
            logits.emplace_back(l.begin(), l.end());
        }
        return logits;
    };
    const auto expected = run(*reference);

    struct Case {
        std::string input;
        QuantMix mix;
        double max_nmse; // normalised mean squared error of all logits
        double min_same; // share of positions with the F32 model's next token
        double min_top5; // share whose next token is among the F32 model's top 5
    };
    // Random weights give flatter next-token distributions than a trained
    // model, so 4-bit types change the top choice more often here. Measured
    // over 56 positions (NMSE, same next token, in the top 5): Q8_0 1.6e-4,
    // 56, 56; Q4_0 0.033, 37, 55; Q4_K_M 0.022, 40, 56, for every input type.
    const Case cases[] = {
        {"f32", QuantMix::q8_0, 4e-4, 0.95, 1.0},    {"f32", QuantMix::q4_0, 0.05, 0.6, 0.95},
        {"f32", QuantMix::q4_k_m, 0.035, 0.6, 0.95}, {"f16", QuantMix::q8_0, 4e-4, 0.95, 1.0},
        {"f16", QuantMix::q4_k_m, 0.035, 0.6, 0.95}, {"bf16", QuantMix::q4_0, 0.05, 0.6, 0.95},
    };
    for (const Case& c : cases) {
        const fs::path out = dir / (c.input + "-" + std::string(model::quant_mix_name(c.mix)));
        quantize(tiny_model(c.input), out, c.mix);
        const auto quantized = model::Model::open(out);
        const auto got = run(*quantized);
        double err = 0.0;
        double norm = 0.0;
        size_t same = 0;
        size_t top5 = 0;
        for (size_t p = 0; p < tokens.size(); ++p) {
            for (uint32_t v = 0; v < n_vocab; ++v) {
                const double d = static_cast<double>(got[p][v]) - expected[p][v];
                err += d * d;
                norm += static_cast<double>(expected[p][v]) * expected[p][v];
            }
            const size_t choice = static_cast<size_t>(
                std::max_element(got[p].begin(), got[p].end()) - got[p].begin());
            const float chosen = expected[p][choice];
            const auto above =
                std::ranges::count_if(expected[p], [&](float v) { return v > chosen; });
            same += above == 0 ? 1 : 0;
            top5 += above < 5 ? 1 : 0;
        }
        const double nmse = err / norm;
        const double n = static_cast<double>(tokens.size());
        INFO(c.input << " -> " << model::quant_mix_name(c.mix) << ": logits NMSE " << nmse
                     << ", same next token at " << same << " of " << tokens.size()
                     << " positions, in the top 5 at " << top5);
        CHECK(nmse < c.max_nmse);
        CHECK(nmse > 0.0);
        CHECK(static_cast<double>(same) >= c.min_same * n);
        CHECK(static_cast<double>(top5) >= c.min_top5 * n);
    }
}

TEST_CASE("metadata is copied, file type and alignment set", "[quantizer]") {
    TempDir dir("metadata");
    const fs::path out_path = dir / "q4_k_m.gguf";
    quantize(tiny_model("f16"), out_path, QuantMix::q4_k_m);
    const gguf::GgufFile in = gguf::GgufFile::open(tiny_model("f16"));
    const gguf::GgufFile out = gguf::GgufFile::open(out_path);
    for (const gguf::MetadataEntry& e : in.metadata()) {
        INFO(e.key);
        const gguf::Value* copy = out.find(e.key);
        REQUIRE(copy != nullptr);
        if (e.key == "general.file_type") {
            continue;
        }
        CHECK(copy->type() == e.value.type());
        CHECK(std::ranges::equal(copy->encoded(), e.value.encoded()));
    }
    CHECK(out.metadata().size() >= in.metadata().size() + 1);
    CHECK(out.get_u32("general.file_type") == 15);
    CHECK(out.get_u32("general.quantization_version") == 2);
    // The tokenizer still reads: the vocabulary came through whole.
    CHECK(tokenizer::Tokenizer::from_gguf(out).encode("Governing law.", true) ==
          tokenizer::Tokenizer::from_gguf(in).encode("Governing law.", true));

    // An existing file type is replaced where it stands; the alignment is kept.
    std::vector<SmallTensor> tensors = {{"blk.0.attn_q.weight", {64, 8}, {}},
                                        {"blk.0.attn_norm.weight", {64}, {}},
                                        {"blk.0.attn_v.weight", {100, 4}, {}}};
    write_small_model(dir / "small.gguf", tensors, 64);
    const model::QuantizeSummary s =
        quantize(dir / "small.gguf", dir / "small-q8_0.gguf", QuantMix::q8_0);
    // Rows of 100 values are no whole number of Q8_0 blocks: F16, reported.
    REQUIRE(s.fallbacks.size() == 1);
    CHECK(s.fallbacks[0].name == "blk.0.attn_v.weight");
    CHECK(s.fallbacks[0].to == T::f16);
    CHECK(s.fallbacks[0].wanted == T::q8_0);
    CHECK(s.fallbacks[0].row_length == 100);
    const gguf::GgufFile small = gguf::GgufFile::open(dir / "small-q8_0.gguf");
    CHECK(small.alignment() == 64);
    CHECK(small.get_u32("general.alignment") == 64);
    CHECK(small.get_u32("general.file_type") == 7);
    CHECK(small.metadata()[2].key == "general.file_type");
    CHECK(small.get_tensor("blk.0.attn_q.weight").type == T::q8_0);
    const gguf::Tensor& v = small.get_tensor("blk.0.attn_v.weight");
    CHECK(v.type == T::f16);
    CHECK(relative_rms(to_floats(v), tensors[2].values) < error_bound(T::f16));
    for (const gguf::Tensor& t : small.tensors()) {
        CHECK(t.file_offset % 64 == 0);
    }
}

TEST_CASE("the result does not depend on the number of threads", "[quantizer]") {
    TempDir dir("threads");
    const model::QuantizeSummary one =
        quantize(tiny_model("f32"), dir / "one.gguf", QuantMix::q4_k_m, 1);
    const model::QuantizeSummary three =
        quantize(tiny_model("f32"), dir / "three.gguf", QuantMix::q4_k_m, 3);
    CHECK(one.n_threads == 1);
    CHECK(three.n_threads == 3);
    CHECK(file_bytes(dir / "one.gguf") == file_bytes(dir / "three.gguf"));
    const gguf::GgufFile in = gguf::GgufFile::open(tiny_model("f32"));
    CHECK(one.n_tensors == in.tensors().size());
    CHECK(one.n_quantized ==
          static_cast<size_t>(std::ranges::count_if(
              in.tensors(), [](const gguf::Tensor& t) { return t.n_dims == 2; })));
    CHECK(one.n_quantized > 10);
    CHECK(one.bits_per_weight() > 4.5);
    CHECK(one.bits_per_weight() < 7.0);
}

TEST_CASE("an already quantized model is refused", "[quantizer]") {
    TempDir dir("refuse");
    for (const std::string type : {"q8_0", "q4_k_m"}) {
        INFO(type);
        const fs::path out = dir / "out.gguf";
        try {
            quantize(tiny_model(type), out, QuantMix::q4_0);
            FAIL("a quantized input was accepted");
        } catch (const model::ModelError& e) {
            const std::string message = e.what();
            CHECK_THAT(message, Catch::Contains("token_embd.weight' is already quantized as " +
                                                std::string(type == "q8_0" ? "Q8_0" : "Q4_K") +
                                                "; quantize from an F32, F16 or BF16 file"));
            CHECK_THAT(message, Catch::Contains(tiny_model(type).string()));
        }
        CHECK_FALSE(fs::exists(out));
        CHECK(other_files(dir.path(), {}).empty());
    }
}

TEST_CASE("a failed quantization leaves nothing under the output's name", "[quantizer]") {
    TempDir dir("failure");
    // A NaN in the second matrix: the first is already written when it is met.
    std::vector<float> broken(64 * 8, 0.5f);
    broken[64 * 5 + 3] = std::numeric_limits<float>::quiet_NaN();
    std::vector<SmallTensor> tensors = {{"blk.0.attn_q.weight", {64, 64}, {}},
                                        {"blk.0.attn_k.weight", {64, 8}, broken}};
    write_small_model(dir / "broken.gguf", tensors);
    const fs::path out = dir / "out.gguf";
    {
        std::ofstream previous(out);
        previous << "the previous model";
    }
    try {
        quantize(dir / "broken.gguf", out, QuantMix::q4_0);
        FAIL("a NaN weight was accepted");
    } catch (const model::ModelError& e) {
        CHECK_THAT(e.what(), Catch::Contains("tensor 'blk.0.attn_k.weight' holds a value that is "
                                             "not a finite number in row 5"));
    }
    // The file that was there is untouched, and no temporary file is left.
    const std::vector<char> kept = file_bytes(out);
    CHECK(std::string(kept.begin(), kept.end()) == "the previous model");
    CHECK(other_files(dir.path(), {"broken.gguf", "out.gguf"}).empty());

    // An output folder that does not exist: a GgufError naming it.
    CHECK_THROWS_AS(quantize(tiny_model("f32"), dir / "missing" / "out.gguf", QuantMix::q8_0),
                    gguf::GgufError);
    CHECK_THROWS_WITH(quantize(tiny_model("f32"), dir / "missing" / "out.gguf", QuantMix::q8_0),
                      Catch::Contains("missing"));
    CHECK(other_files(dir.path(), {"broken.gguf", "out.gguf"}).empty());
    // A missing input: the path in the message.
    CHECK_THROWS_WITH(quantize(dir / "none.gguf", dir / "x.gguf", QuantMix::q8_0),
                      Catch::Contains("none.gguf"));
}

TEST_CASE("1-D tensors of any type are copied; weights of other types are refused", "[quantizer]") {
    TempDir dir("other-types");
    const std::vector<int32_t> ids = {3, -1, 7, 42};
    std::vector<float> weights(64 * 4, 0.25f);
    auto write = [&](const fs::path& path, bool int8_weight) {
        gguf::GgufWriter w;
        w.add_string("general.architecture", "llama");
        const uint64_t ids_shape[] = {4};
        w.add_tensor("token_ids", T::i32, ids_shape, std::as_bytes(std::span(ids)));
        const uint64_t shape[] = {64, 4};
        if (int8_weight) {
            const std::vector<std::byte> bytes(64 * 4, std::byte{1});
            w.add_tensor("blk.0.attn_q.weight", T::i8, shape, bytes);
            w.write_file(path);
        } else {
            w.add_tensor("blk.0.attn_q.weight", T::f32, shape, std::as_bytes(std::span(weights)));
            w.write_file(path);
        }
    };
    write(dir / "in.gguf", false);
    const model::QuantizeSummary s = quantize(dir / "in.gguf", dir / "out.gguf", QuantMix::q4_0);
    CHECK(s.n_quantized == 1);
    const gguf::GgufFile out = gguf::GgufFile::open(dir / "out.gguf");
    const gguf::Tensor& copied = out.get_tensor("token_ids");
    CHECK(copied.type == T::i32);
    REQUIRE(copied.data.size() == ids.size() * sizeof(int32_t));
    CHECK(std::memcmp(copied.data.data(), ids.data(), copied.data.size()) == 0);
    CHECK(out.get_tensor("blk.0.attn_q.weight").type == T::q4_0);
    CHECK(out.get_u32("general.file_type") == 2);

    write(dir / "int8.gguf", true);
    CHECK_THROWS_WITH(quantize(dir / "int8.gguf", dir / "int8-out.gguf", QuantMix::q8_0),
                      Catch::Contains("tensor 'blk.0.attn_q.weight' is stored as I8; quantize "
                                      "from an F32, F16 or BF16 file"));
    CHECK_FALSE(fs::exists(dir / "int8-out.gguf"));
}
