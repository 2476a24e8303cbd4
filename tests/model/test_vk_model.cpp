// The Vulkan forward pass against the CPU reference: same logits within the
// F16 cache's rounding, same greedy text, and batching and prefix copies that
// change nothing.

#include "model/generation.h"
#include "model/llama2c_import.h"
#include "model/model.h"
#include "model/model_error.h"
#include "model/reference_model.h"
#include "model/test_model_maker.h"
#include "model/vk_model.h"
#include "support/compare.h"
#include "support/vk_context.h"
#include "tokenizer/tokenizer.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

using namespace clauselens;
namespace fs = std::filesystem;

namespace {

// A tiny model of an architecture ("llama", "qwen2", "phi3"), made once.
const fs::path& tiny_model(const std::string& type, const std::string& arch = "llama",
                           const std::string& preset = "tiny") {
    static std::map<std::string, fs::path> made;
    const std::string key = arch + "-" + preset + "-" + type;
    auto it = made.find(key);
    if (it == made.end()) {
        model::TestModelOptions o;
        o.arch = arch;
        o.preset = preset;
        o.type = type;
        o.seed = 11;
        o.output = fs::temp_directory_path() / ("clauselens-test-" + key + ".gguf");
        model::make_test_model(o);
        it = made.emplace(key, o.output).first;
    }
    return it->second;
}

std::vector<float> last_logits(std::span<const float> all, uint32_t n_vocab, size_t index) {
    return {all.begin() + static_cast<std::ptrdiff_t>(index * n_vocab),
            all.begin() + static_cast<std::ptrdiff_t>((index + 1) * n_vocab)};
}

// A prompt of real tokens from the model's own vocabulary.
std::vector<int32_t> prompt_tokens(const model::Model& m, const std::string& text) {
    return tokenizer::Tokenizer::from_gguf(m.file()).encode(text, true);
}

// The prompt in one batch on the GPU and token by token on the CPU, then
// n_greedy greedy tokens one at a time on both, in a context of n_ctx
// positions. Returns the GPU's logits after the prompt.
std::vector<float> check_against_reference(test::VkContext& ctx, const model::Model& m,
                                           uint32_t n_greedy, uint32_t n_ctx = 64) {
    const uint32_t n_vocab = m.config().n_vocab;
    const auto prompt = prompt_tokens(m, "The Licensee shall indemnify the Company.");
    REQUIRE(prompt.size() > 4);

    model::VkModel gpu(m, ctx.device, {.n_ctx = n_ctx, .n_seq = 1, .n_batch = 64});
    std::vector<model::BatchEntry> batch;
    for (uint32_t i = 0; i < prompt.size(); ++i) {
        batch.push_back({0, i, prompt[i], i + 1 == prompt.size()});
    }
    const auto gpu_logits = last_logits(gpu.forward(batch), n_vocab, 0);
    model::ReferenceModel cpu(m, n_ctx);
    std::vector<float> cpu_logits;
    for (uint32_t i = 0; i < prompt.size(); ++i) {
        const auto l = cpu.forward(prompt[i], i);
        cpu_logits.assign(l.begin(), l.end());
    }
    // The GPU keeps keys and values in F16 (the CPU in F32): measured
    // NMSE is 1e-8 to 2e-8 for every type on lavapipe.
    CHECK(test::nmse(gpu_logits, cpu_logits) < 1e-6);

    // Greedy generation must agree token for token.
    sample::Sampler greedy_gpu, greedy_cpu;
    std::vector<int32_t> gpu_ids, cpu_ids;
    int32_t next_gpu = greedy_gpu.sample(gpu_logits).id;
    int32_t next_cpu = greedy_cpu.sample(cpu_logits).id;
    for (uint32_t step = 0; step < n_greedy; ++step) {
        gpu_ids.push_back(next_gpu);
        cpu_ids.push_back(next_cpu);
        const uint32_t pos = static_cast<uint32_t>(prompt.size()) + step;
        const model::BatchEntry e{0, pos, next_gpu, true};
        next_gpu = greedy_gpu.sample(gpu.forward({&e, 1})).id;
        next_cpu = greedy_cpu.sample(cpu.forward(next_cpu, pos)).id;
    }
    CHECK(gpu_ids == cpu_ids);
    return gpu_logits;
}

const std::vector<std::string> k_all_types = {"f32",  "f16",  "bf16", "q8_0",  "q4_0",
                                              "q4_k", "q5_k", "q6_k", "q4_k_m"};

} // namespace

TEST_CASE("the Vulkan model matches the CPU reference for every weight type", "[model][vk]") {
    VK_TEST_CONTEXT(ctx);
    for (const std::string& type : k_all_types) {
        INFO("weight type " << type);
        check_against_reference(*ctx, *model::Model::open(tiny_model(type)), 32);
    }
}

// Qwen2 (Q/K/V biases, tied classifier, NeoX RoPE) and Phi-3 (fused QKV and
// gate/up, NeoX RoPE), both with grouped-query attention.
TEST_CASE("qwen2 and phi3 on Vulkan match the CPU reference for every weight type",
          "[model][vk][arch]") {
    VK_TEST_CONTEXT(ctx);
    for (const std::string arch : {"qwen2", "phi3"}) {
        for (const std::string& type : k_all_types) {
            INFO(arch << ", weight type " << type);
            check_against_reference(*ctx, *model::Model::open(tiny_model(type, arch)), 12);
        }
    }
}

TEST_CASE("phi3 LongRoPE on Vulkan matches the CPU reference with short and long factors",
          "[model][vk][arch]") {
    VK_TEST_CONTEXT(ctx);
    for (const std::string type : {"f32", "q4_k_m"}) {
        INFO("weight type " << type);
        const auto m = model::Model::open(tiny_model(type, "phi3", "tiny-longrope"));
        REQUIRE(m->config().rope_orig_ctx == 256);
        const auto short_logits = check_against_reference(*ctx, *m, 8, 64);
        const auto long_logits = check_against_reference(*ctx, *m, 8, 300);
        // The contexts choose different factors: the results differ.
        CHECK(test::nmse(short_logits, long_logits) > 1e-6);
    }
}

namespace {

// Four prompts interleaved in one batch give each the logits it gets alone.
void check_batch_equals_separate(test::VkContext& ctx, const model::Model& m) {
    const uint32_t n_vocab = m.config().n_vocab;
    const std::vector<std::vector<int32_t>> prompts = {
        prompt_tokens(m, "Governing law."),
        prompt_tokens(m, "This Agreement shall be governed by the laws of Delaware."),
        prompt_tokens(m, "Term"),
        prompt_tokens(m, "Either party may terminate this Agreement upon notice."),
    };

    // Separately, each in its own model instance.
    std::vector<std::vector<float>> separate;
    for (const auto& p : prompts) {
        model::VkModel one(m, ctx.device, {.n_ctx = 64, .n_seq = 1, .n_batch = 64});
        std::vector<model::BatchEntry> batch;
        for (uint32_t i = 0; i < p.size(); ++i) {
            batch.push_back({0, i, p[i], i + 1 == p.size()});
        }
        separate.push_back(last_logits(one.forward(batch), n_vocab, 0));
    }

    // Together, interleaved in one batch.
    model::VkModel all(m, ctx.device, {.n_ctx = 64, .n_seq = 4, .n_batch = 128});
    std::vector<model::BatchEntry> batch;
    size_t longest = 0;
    for (const auto& p : prompts) {
        longest = std::max(longest, p.size());
    }
    for (uint32_t i = 0; i < longest; ++i) {
        for (int32_t s = 0; s < 4; ++s) {
            const auto& p = prompts[static_cast<size_t>(s)];
            if (i < p.size()) {
                batch.push_back({s, i, p[i], i + 1 == p.size()});
            }
        }
    }
    const auto together = all.forward(batch);
    // Logit rows come in batch order: find which sequence each belongs to.
    size_t row = 0;
    for (const model::BatchEntry& e : batch) {
        if (e.logits) {
            INFO("sequence " << e.seq);
            CHECK(test::nmse(last_logits(together, n_vocab, row), separate[e.seq]) < 1e-10);
            ++row;
        }
    }
    for (int32_t s = 0; s < 4; ++s) {
        CHECK(all.sequence_length(s) == prompts[static_cast<size_t>(s)].size());
    }
}

} // namespace

TEST_CASE("a batch of sequences equals separate runs", "[model][vk]") {
    VK_TEST_CONTEXT(ctx);
    for (const std::string arch : {"llama", "qwen2", "phi3"}) {
        INFO(arch);
        check_batch_equals_separate(*ctx, *model::Model::open(tiny_model("q8_0", arch)));
    }
}

TEST_CASE("a copied prefix equals recomputing it", "[model][vk]") {
    VK_TEST_CONTEXT(ctx);
    const auto m = model::Model::open(tiny_model("q4_k_m"));
    const uint32_t n_vocab = m->config().n_vocab;
    const auto prefix = prompt_tokens(*m, "You extract clauses from contracts.");
    const std::vector<int32_t> suffix = {5, 17, 42};
    model::VkModel vm(*m, ctx->device, {.n_ctx = 64, .n_seq = 3, .n_batch = 64});

    auto run = [&](int32_t seq, const std::vector<int32_t>& tokens, uint32_t start) {
        std::vector<model::BatchEntry> b;
        for (uint32_t i = 0; i < tokens.size(); ++i) {
            b.push_back({seq, start + i, tokens[i], i + 1 == tokens.size()});
        }
        return last_logits(vm.forward(b), n_vocab, 0);
    };
    run(0, prefix, 0);
    vm.copy_prefix(0, 1, static_cast<uint32_t>(prefix.size()));
    CHECK(vm.sequence_length(1) == prefix.size());
    const auto copied = run(1, suffix, static_cast<uint32_t>(prefix.size()));

    std::vector<int32_t> whole = prefix;
    whole.insert(whole.end(), suffix.begin(), suffix.end());
    const auto recomputed = run(2, whole, 0);
    CHECK(test::nmse(copied, recomputed) < 1e-10);

    // A removed sequence starts again from position 0.
    vm.remove_sequence(2);
    CHECK(vm.sequence_length(2) == 0);
    CHECK(test::nmse(run(2, whole, 0), recomputed) < 1e-10);
    const model::BatchEntry wrong{1, 0, 5, true};
    CHECK_THROWS_WITH(vm.forward({&wrong, 1}), Catch::Contains("sequence 1 is at position") &&
                                                   Catch::Contains("the batch gives position 0"));
}

TEST_CASE("matrices larger than one binding are bound in parts", "[model][vk]") {
    VK_TEST_CONTEXT(ctx);
    for (const std::string type : {"f32", "q6_k"}) {
        INFO("weight type " << type);
        const auto m = model::Model::open(tiny_model(type));
        const uint32_t n_vocab = m->config().n_vocab;
        const auto prompt = prompt_tokens(*m, "Confidential Information");
        std::vector<model::BatchEntry> batch;
        for (uint32_t i = 0; i < prompt.size(); ++i) {
            batch.push_back({0, i, prompt[i], true}); // several logit rows at once
        }
        const uint32_t n = static_cast<uint32_t>(prompt.size());
        const model::VkModelOptions whole_options{
            .n_ctx = 64, .n_seq = 1, .n_batch = 64, .n_logits = n};
        model::VkModel whole(*m, ctx->device, whole_options);
        const auto whole_logits = whole.forward(batch);
        const std::vector<float> expected(whole_logits.begin(), whole_logits.end());
        // 8 KiB bindings split every matrix of the tiny model (64 KiB to 512 KiB).
        model::VkModelOptions parts_options = whole_options;
        parts_options.max_binding = 8192;
        model::VkModel parts(*m, ctx->device, parts_options);
        const auto got = parts.forward(batch);
        REQUIRE(got.size() == size_t{n} * n_vocab);
        CHECK(test::nmse(got, expected) < 1e-10);
    }
}

TEST_CASE("stories260K generates llama2.c's story on Vulkan", "[model][vk][llama2c]") {
    VK_TEST_CONTEXT(ctx);
    const fs::path models = fs::path(CLAUSELENS_SHARED_DATA_DIR) / "models";
    const fs::path gguf = fs::temp_directory_path() / "clauselens-test-stories260K-vk.gguf";
    model::convert_llama2c(models / "stories260K.bin", models / "tok512.bin", gguf);
    const auto m = model::Model::open(gguf);
    const tokenizer::Tokenizer tok = tokenizer::Tokenizer::from_gguf(m->file());
    model::VkModel vm(*m, ctx->device, {.n_ctx = 200, .n_seq = 1, .n_batch = 8});
    sample::Sampler greedy;
    const std::vector<int32_t> prompt = {tok.bos()};
    const auto result = model::generate(
        [&](int32_t t, uint32_t pos) {
            const model::BatchEntry e{0, pos, t, true};
            return vm.forward({&e, 1});
        },
        prompt, 200, greedy, {});
    std::vector<int32_t> ids;
    for (const auto& t : result.tokens) {
        ids.push_back(t.id);
    }
    std::ifstream in(models / "stories260K-expected.jsonl");
    std::string line;
    REQUIRE(std::getline(in, line));
    CHECK(tok.decode(ids) == nlohmann::json::parse(line).at("expected_output").get<std::string>());
}

TEST_CASE("a model that does not fit the device is refused before allocating", "[model][vk]") {
    VK_TEST_CONTEXT(ctx);
    const auto m = model::Model::open(tiny_model("f32"));
    const model::VkModelOptions huge{.n_ctx = 256, .n_seq = 1u << 20, .n_batch = 8};
    CHECK_THROWS_WITH(model::VkModel(*m, ctx->device, huge),
                      Catch::Contains("the model needs") && Catch::Contains("free;"));
    CHECK_THROWS_WITH(model::VkModel(*m, ctx->device, {.n_ctx = 8193}),
                      Catch::Contains("the model supports 1 to 8192"));
}
