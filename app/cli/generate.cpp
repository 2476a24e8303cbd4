// clauselens-cli generate: run a model on a prompt and print what it writes.

#include "cli_args.h"
#include "commands.h"
#include "lora/lora_adapter.h"
#include "lora/lora_merge.h"
#include "model/generation.h"
#include "model/model.h"
#include "model/reference_model.h"
#include "model/vk_model.h"
#include "sample/json_schema.h"
#include "sample/sampler.h"
#include "sample/token_mask.h"
#include "tokenizer/chat_template.h"
#include "tokenizer/tokenizer.h"
#include "vk/device.h"
#include "vk/instance.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage =
    "usage: clauselens-cli generate -m MODEL.gguf [-p TEXT] [options]\n"
    "\n"
    "Generates text after TEXT (empty: from the start-of-text token) and prints\n"
    "it as it is written. Greedy (deterministic) unless --temp is set.\n"
    "\n"
    "  -m, --model FILE        GGUF model file\n"
    "  -p, --prompt TEXT       text to continue (default: empty)\n"
    "  -n, --tokens N          tokens to generate at most (default 128)\n"
    "  -c, --ctx N             context length (default: prompt + N, at most the model's)\n"
    "      --temp T            sampling temperature; 0 is greedy (default 0)\n"
    "      --top-k K           sample among the K most likely tokens (default 0: all)\n"
    "      --top-p P           sample among the most likely tokens with mass P (default 1)\n"
    "      --min-p P           drop tokens below P x the top probability (default 0)\n"
    "      --repeat-penalty R  discourage repeating recent tokens (default 1: off)\n"
    "      --seed S            random seed for sampling (default 0)\n"
    "      --device D          where to run: vk:N (a Vulkan device, see 'devices'), a\n"
    "                          part of a device name, or cpu (the reference, slow);\n"
    "                          default: the best Vulkan device, else cpu\n"
    "      --chat              TEXT is a user's message: write it in the model's chat\n"
    "                          template and stop at the end of the reply\n"
    "      --system TEXT       system message for --chat (implies --chat)\n"
    "      --chat-template T   the template instead of the model's own (implies --chat):\n"
    "                          llama3, chatml, phi3, llama2, plain\n"
    "      --lora FILE[:S]     apply a LoRA adapter (GGUF) at scale S (default 1);\n"
    "                          repeat for several\n"
    "      --lora-merge        merge the adapters into the weights at load instead of\n"
    "                          applying them at run time\n"
    "      --no-bos            do not put the start-of-text token before the prompt\n"
    "      --logprobs          after the text, list each token with its log-probability\n"
    "      --json-schema FILE  write only a JSON document valid under the schema in FILE\n"
    "                          (the prompt is not echoed; see README for the keywords)\n"
    "      --top-logprobs N    with --logprobs, also the N most likely allowed tokens\n"
    "      --dump-logits FILE  write the last position's logits (float32, little-endian)\n"
    "      --help              show this help\n";

struct Options {
    std::string model;
    std::string prompt;
    uint32_t n_tokens = 128;
    uint32_t n_ctx = 0;
    sample::SamplerParams sampling;
    std::string device; // empty: the best Vulkan device, else the CPU
    bool bos = true;
    bool chat = false;
    std::string system;        // --chat: the system message, if any
    std::string chat_template; // --chat: a template by name; empty: the model's own
    bool logprobs = false;
    std::string json_schema; // file of the schema the output must follow
    int32_t top_logprobs = 0;
    std::string dump_logits;
    std::vector<std::string> loras; // FILE[:SCALE]
    bool lora_merge = false;
};

Options parse(const Args& args) {
    Options o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-m" || a == "--model") {
            o.model = take_value(args, i);
        } else if (a == "-p" || a == "--prompt") {
            o.prompt = take_value(args, i);
        } else if (a == "-n" || a == "--tokens") {
            o.n_tokens = static_cast<uint32_t>(parse_int(a, take_value(args, i), 1, 1 << 20));
        } else if (a == "-c" || a == "--ctx") {
            o.n_ctx = static_cast<uint32_t>(parse_int(a, take_value(args, i), 1, 1 << 24));
        } else if (a == "--temp") {
            o.sampling.temperature = parse_float(a, take_value(args, i));
        } else if (a == "--top-k") {
            o.sampling.top_k = static_cast<int32_t>(parse_int(a, take_value(args, i), 0, 1 << 30));
        } else if (a == "--top-p") {
            o.sampling.top_p = parse_float(a, take_value(args, i));
        } else if (a == "--min-p") {
            o.sampling.min_p = parse_float(a, take_value(args, i));
        } else if (a == "--repeat-penalty") {
            o.sampling.repeat_penalty = parse_float(a, take_value(args, i));
        } else if (a == "--seed") {
            o.sampling.seed = parse_u64(a, take_value(args, i));
        } else if (a == "--device") {
            o.device = take_value(args, i);
        } else if (a == "--chat") {
            o.chat = true;
        } else if (a == "--system") {
            o.system = take_value(args, i);
            o.chat = true;
        } else if (a == "--chat-template") {
            o.chat_template = take_value(args, i);
            o.chat = true;
            try {
                tokenizer::ChatTemplate::parse_family(o.chat_template);
            } catch (const tokenizer::ChatTemplateError& e) {
                throw UsageError(e.what());
            }
        } else if (a == "--lora") {
            o.loras.push_back(take_value(args, i));
        } else if (a == "--lora-merge") {
            o.lora_merge = true;
        } else if (a == "--no-bos") {
            o.bos = false;
        } else if (a == "--logprobs") {
            o.logprobs = true;
        } else if (a == "--json-schema") {
            o.json_schema = take_value(args, i);
        } else if (a == "--top-logprobs") {
            o.top_logprobs = static_cast<int32_t>(parse_int(a, take_value(args, i), 0, 1000));
            o.logprobs = o.logprobs || o.top_logprobs > 0;
        } else if (a == "--dump-logits") {
            o.dump_logits = take_value(args, i);
        } else {
            throw UsageError("unknown option '" + a + "'");
        }
    }
    if (o.model.empty()) {
        throw UsageError("a model is needed: -m MODEL.gguf");
    }
    if (o.lora_merge && o.loras.empty()) {
        throw UsageError("--lora-merge needs at least one --lora ADAPTER.gguf");
    }
    return o;
}

// Length of the longest prefix of `s` that does not end inside a UTF-8
// character (a trailing lead byte without all its continuation bytes).
size_t complete_utf8_prefix(const std::string& s) {
    const size_t n = s.size();
    for (size_t back = 1; back <= 4 && back <= n; ++back) {
        const auto c = static_cast<unsigned char>(s[n - back]);
        if ((c & 0xc0) == 0x80) {
            continue; // continuation byte: look further back for its lead
        }
        const size_t length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        return length > back ? n - back : n;
    }
    return n;
}

// Runs one token at a time on the CPU; on the GPU the whole prompt goes in
// one batch (in chunks of the batch size) and later tokens one by one.
// The adapters given with --lora, to apply at run time (deltas) or already
// merged into the model's weights.
struct AppliedAdapters {
    std::vector<lora::ScaledAdapter> files; // kept open: the deltas view them
    model::MatrixDeltas deltas;
};

AppliedAdapters load_adapters(model::Model& model, const std::vector<std::string>& specs,
                              bool merge) {
    AppliedAdapters a;
    for (const std::string& spec : specs) {
        try {
            a.files.push_back(lora::open_scaled(spec));
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
    }
    if (a.files.empty()) {
        return a;
    }
    a.deltas = lora::combine(model, a.files);
    for (const lora::ScaledAdapter& f : a.files) {
        std::fprintf(stderr, "adapter %s: %zu matrices, rank %llu, scale %g%s\n",
                     f.adapter->label().c_str(), f.adapter->matrices().size(),
                     static_cast<unsigned long long>(f.adapter->matrices().front().a.n_rows),
                     static_cast<double>(f.scale), merge ? ", merged into the weights" : "");
    }
    if (merge) {
        lora::merge_into(model, a.deltas);
        a.deltas.clear();
    }
    return a;
}

model::ForwardFn forward_function(model::VkModel* gpu, model::ReferenceModel* reference,
                                  const std::vector<int32_t>& prompt) {
    if (gpu == nullptr) {
        return [reference](int32_t token, uint32_t pos) {
            return reference->forward(token, pos);
        };
    }
    return [gpu, &prompt](int32_t token, uint32_t pos) -> std::span<const float> {
        if (pos + 1 < prompt.size()) {
            return {}; // prompt tokens are run together with the last one
        }
        std::vector<model::BatchEntry> batch;
        for (uint32_t p = gpu->sequence_length(0); p <= pos; ++p) {
            batch.push_back({0, p, p < prompt.size() ? prompt[p] : token, p == pos});
        }
        std::span<const float> logits;
        for (size_t first = 0; first < batch.size(); first += gpu->options().n_batch) {
            const size_t n = std::min<size_t>(gpu->options().n_batch, batch.size() - first);
            logits = gpu->forward(std::span(batch).subspan(first, n));
        }
        return logits;
    };
}

sample::Grammar load_schema(const std::string& path) {
    const std::string text = read_file_text(path, "JSON schema");
    try {
        return sample::compile_json_schema(text);
    } catch (const sample::SchemaError& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
}

void write_logits(const std::string& path, const std::vector<float>& logits) {
    // The file format is little-endian float32; so is every platform we build for.
    static_assert(std::endian::native == std::endian::little);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(logits.data()),
              static_cast<std::streamsize>(logits.size() * sizeof(float)));
    out.close();
    if (!out) {
        throw std::runtime_error("could not write the logits to " + path);
    }
}

// On stderr, so that stdout holds only the generated text: which template
// writes the chat prompt, and the tokens that end the reply.
void report_chat_template(const tokenizer::ChatTemplate& chat, const tokenizer::Tokenizer& tok,
                          const std::vector<int32_t>& end_tokens) {
    if (!chat.warning().empty()) {
        std::fprintf(stderr, "warning: %s\n", chat.warning().c_str());
    }
    std::string ends;
    for (const int32_t id : end_tokens) {
        ends += (ends.empty() ? "" : ", ") + tok.raw_piece(id) + " (" + std::to_string(id) + ")";
    }
    std::fprintf(stderr, "chat template: %.*s (%s); the reply ends at %s\n",
                 static_cast<int>(chat.name().size()), chat.name().data(), chat.origin().c_str(),
                 ends.empty() ? "the token limit" : ends.c_str());
}

} // namespace

int run_generate(const Args& args) {
    if (std::find(args.begin(), args.end(), "--help") != args.end()) {
        std::fputs(k_usage, stdout);
        return 0;
    }
    const Options o = parse(args);
    // A bad schema is reported before the model is loaded.
    std::unique_ptr<sample::Grammar> grammar;
    if (!o.json_schema.empty()) {
        grammar = std::make_unique<sample::Grammar>(load_schema(o.json_schema));
    }
    const auto model = model::Model::open(o.model);
    const tokenizer::Tokenizer tok = tokenizer::Tokenizer::from_gguf(model->file());
    // Adapters are checked against the model before anything heavy runs.
    const AppliedAdapters adapters = load_adapters(*model, o.loras, o.lora_merge);

    std::vector<int32_t> prompt;
    std::vector<int32_t> end_tokens;
    if (o.chat) {
        // The prompt is the user's message in the model's chat template; the
        // reply ends at the template's end-of-turn tokens.
        const auto chat = tokenizer::ChatTemplate::from_gguf(model->file(), o.chat_template);
        std::vector<tokenizer::ChatMessage> messages;
        if (!o.system.empty()) {
            messages.push_back({"system", o.system});
        }
        messages.push_back({"user", o.prompt});
        prompt = tokenizer::encode_chat(tok, chat.render(messages, true), o.bos && tok.add_bos());
        end_tokens = tokenizer::end_of_turn_ids(chat, tok);
        report_chat_template(chat, tok, end_tokens);
    } else {
        prompt = tok.encode(o.prompt, o.bos);
        if (tok.eos() >= 0) {
            end_tokens.push_back(tok.eos());
        }
    }
    if (prompt.empty()) {
        throw UsageError("the prompt is empty and --no-bos leaves nothing to start from");
    }
    const uint32_t n_ctx_train = model->config().n_ctx_train;
    const uint64_t needed = prompt.size() + o.n_tokens - 1;
    uint32_t n_ctx =
        o.n_ctx != 0 ? o.n_ctx : static_cast<uint32_t>(std::min<uint64_t>(needed, n_ctx_train));
    if (needed > n_ctx) {
        throw std::runtime_error("the prompt (" + std::to_string(prompt.size()) + " tokens) and " +
                                 std::to_string(o.n_tokens) + " new tokens need a context of " +
                                 std::to_string(needed) + " tokens; the context is " +
                                 std::to_string(n_ctx) + " (the model supports " +
                                 std::to_string(n_ctx_train) + ")");
    }
    // The model runs on a Vulkan device unless the CPU is asked for (or no
    // device exists and none was asked for).
    std::unique_ptr<vk::Instance> instance;
    std::unique_ptr<vk::Device> device;
    std::unique_ptr<model::VkModel> gpu;
    std::unique_ptr<model::ReferenceModel> reference;
    if (o.device != "cpu") {
        instance = std::make_unique<vk::Instance>();
        if (o.device.empty() && instance->devices().empty()) {
            std::fputs("no Vulkan device found: running on the CPU\n", stderr);
        } else {
            device = std::make_unique<vk::Device>(*instance, instance->select(o.device));
            gpu = std::make_unique<model::VkModel>(
                *model, *device,
                model::VkModelOptions{
                    .n_ctx = n_ctx,
                    .n_seq = 1,
                    .n_batch = static_cast<uint32_t>(std::min<size_t>(prompt.size(), 512))},
                [](uint64_t done, uint64_t total) {
                    std::fprintf(stderr, "\rloading weights: %3d%%",
                                 static_cast<int>(total ? 100 * done / total : 100));
                    if (done == total) {
                        std::fputs("\n", stderr);
                    }
                });
        }
    }
    if (!gpu) {
        reference = std::make_unique<model::ReferenceModel>(*model, n_ctx);
    }
    if (!adapters.deltas.empty()) {
        if (gpu) {
            gpu->set_deltas(adapters.deltas);
        } else {
            reference->set_deltas(adapters.deltas);
        }
    }
    sample::Sampler sampler(o.sampling);
    // Structured output: the vocabulary's token bytes and the schema's
    // grammar, then a mask at every step.
    std::unique_ptr<sample::TokenVocabulary> vocab;
    std::unique_ptr<sample::TokenMasker> masker;
    std::unique_ptr<sample::GrammarMatcher> matcher;
    if (!o.json_schema.empty()) {
        vocab = std::make_unique<sample::TokenVocabulary>(
            sample::TokenVocabulary::from_tokenizer(tok, end_tokens));
        masker = std::make_unique<sample::TokenMasker>(*grammar, *vocab);
        matcher = std::make_unique<sample::GrammarMatcher>(*masker);
    }

    if (!o.chat && !matcher) {
        std::fputs(o.prompt.c_str(), stdout); // a chat prints only the reply
    }
    // Pieces are printed as they come. A character split over byte tokens is
    // held back until its last byte has arrived.
    std::string pending;
    int32_t previous = prompt.back();
    auto print_token = [&](const sample::SampledToken& t) {
        // A document is printed byte for byte as the grammar read it.
        pending += matcher ? tok.token_bytes(t.id) : tok.piece(t.id, previous);
        previous = t.id;
        const size_t complete = complete_utf8_prefix(pending);
        std::fwrite(pending.data(), 1, complete, stdout);
        std::fflush(stdout);
        pending.erase(0, complete);
        return true;
    };
    const model::GenerationResult result = model::generate(
        forward_function(gpu.get(), reference.get(), prompt), prompt, o.n_tokens, sampler,
        end_tokens, print_token,
        model::GenerationOptions{.grammar = matcher.get(), .top_n = o.top_logprobs});
    std::fputs(pending.c_str(), stdout);
    std::fputs("\n", stdout);

    if (o.logprobs) {
        for (const sample::SampledToken& t : result.tokens) {
            std::printf("%d\t%.6f\t%s", t.id, static_cast<double>(t.logprob),
                        tok.raw_piece(t.id).c_str());
            if (matcher) {
                std::printf("\tmasked %.6f", static_cast<double>(t.masked_logprob));
            }
            if (!t.top.empty()) {
                std::fputs("\ttop", stdout);
                for (const sample::TokenAlternative& a : t.top) {
                    std::printf(" %d:%.6f", a.id, static_cast<double>(a.logprob));
                }
            }
            std::fputs("\n", stdout);
        }
    }
    if (!o.dump_logits.empty()) {
        write_logits(o.dump_logits, result.last_logits);
    }
    std::fprintf(stderr, "%zu tokens generated%s\n", result.tokens.size(),
                 result.reached_end ? " (end of text)" : "");
    if (matcher && !matcher->ended()) {
        std::fprintf(stderr,
                     "clauselens-cli generate: error: the JSON document is incomplete: the budget "
                     "of %u tokens ran out first (raise -n)\n",
                     o.n_tokens);
        return 1;
    }
    return 0;
}

} // namespace clauselens::cli
