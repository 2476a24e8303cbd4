#include "core/extractor.h"

#include "lora/lora_adapter.h"
#include "model/model.h"
#include "model/vk_model.h"
#include "sample/json_schema.h"
#include "sample/sampler.h"
#include "sample/token_mask.h"
#include "sample/token_vocabulary.h"
#include "tokenizer/chat_template.h"
#include "tokenizer/tokenizer.h"
#include "vk/device.h"
#include "vk/instance.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace clauselens::core {

namespace {

// Where the segment goes in the rendered prompt: a text no template changes.
constexpr std::string_view k_marker = "\x1f\x1fsegment\x1f\x1f";
constexpr int32_t k_prefix_seq = 0;
constexpr uint32_t k_tokens_per_pass = 512;

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// The category a literal choice of the answer's list names, or "" for other
// choices (the grammar also offers literals elsewhere).
std::string category_of_choice(const std::string& choice, const std::set<std::string>& names) {
    if (choice.size() < 2 || choice.front() != '"') {
        return {};
    }
    try {
        const nlohmann::json v = nlohmann::json::parse(choice);
        if (v.is_string() && names.contains(v.get<std::string>())) {
            return v.get<std::string>();
        }
    } catch (const nlohmann::json::exception&) {
    }
    return {};
}

} // namespace

std::string ExtractionPrompt::user_message(std::string_view segment) const {
    return replace_all(user, "{{segment}}", segment);
}

struct Extractor::State {
    ExtractorOptions options;
    ExtractionPrompt prompt;
    std::unique_ptr<model::Model> model;
    std::vector<lora::ScaledAdapter> adapters;
    std::unique_ptr<tokenizer::Tokenizer> tok;
    std::unique_ptr<tokenizer::ChatTemplate> chat;
    std::unique_ptr<vk::Instance> instance;
    std::unique_ptr<vk::Device> device;
    std::unique_ptr<model::VkModel> gpu;
    std::unique_ptr<sample::Grammar> grammar;
    std::unique_ptr<sample::TokenVocabulary> vocab;
    std::unique_ptr<sample::TokenMasker> masker;
    std::set<std::string> category_names;
    std::vector<int32_t> head; // the shared prefix: template, system prompt, library
    std::vector<int32_t> tail; // after the segment: template up to the answer
    uint64_t tokens = 0;
    double prefix_seconds = 0;
    std::function<void()> between_batches;
    bool in_between = false; // a classify() run from between_batches calls no hook again

    // Evaluates `tokens` for each sequence (entries run as passes of at most
    // k_tokens_per_pass tokens) and returns the logits after each sequence's
    // last token.
    std::vector<std::vector<float>> feed(const std::vector<int32_t>& seqs,
                                         const std::vector<std::vector<int32_t>>& inputs) {
        const uint32_t n_vocab = model->config().n_vocab;
        std::vector<std::vector<float>> logits(seqs.size());
        std::vector<size_t> next(seqs.size(), 0);
        for (;;) {
            std::vector<model::BatchEntry> batch;
            std::vector<size_t> wants; // which sequence each logits row belongs to
            for (size_t i = 0; i < seqs.size() && batch.size() < k_tokens_per_pass; ++i) {
                uint32_t pos = gpu->sequence_length(seqs[i]);
                while (next[i] < inputs[i].size() && batch.size() < k_tokens_per_pass) {
                    const bool last = next[i] + 1 == inputs[i].size();
                    batch.push_back({seqs[i], pos++, inputs[i][next[i]], last});
                    if (last) {
                        wants.push_back(i);
                    }
                    ++next[i];
                }
            }
            if (batch.empty()) {
                break;
            }
            const auto out = gpu->forward(batch);
            tokens += batch.size();
            for (size_t r = 0; r < wants.size(); ++r) {
                logits[wants[r]].assign(out.begin() + static_cast<std::ptrdiff_t>(r * n_vocab),
                                        out.begin() +
                                            static_cast<std::ptrdiff_t>((r + 1) * n_vocab));
            }
        }
        return logits;
    }
};

Extractor::Extractor(const ExtractorOptions& options, const ExtractionPrompt& prompt)
    : s_(std::make_unique<State>()) {
    State& s = *s_;
    s.options = options;
    s.prompt = prompt;
    if (options.batch == 0) {
        throw std::invalid_argument("the extraction batch must hold at least one segment");
    }
    try {
        s.grammar =
            std::make_unique<sample::Grammar>(sample::compile_json_schema(prompt.answer_schema));
        // Single spaces at most: models write `": "` and `", "`, and no
        // answer tokens go to layout.
        sample::set_max_whitespace(*s.grammar, 1);
    } catch (const sample::SchemaError& e) {
        throw std::runtime_error(std::string("the answer schema of the clause library: ") +
                                 e.what());
    }
    s.category_names.insert(prompt.categories.begin(), prompt.categories.end());

    s.model = model::Model::open(options.model);
    for (const std::string& spec : options.adapters) {
        s.adapters.push_back(lora::open_scaled(spec));
    }
    const model::MatrixDeltas deltas = lora::combine(*s.model, s.adapters);
    s.tok =
        std::make_unique<tokenizer::Tokenizer>(tokenizer::Tokenizer::from_gguf(s.model->file()));
    s.chat = std::make_unique<tokenizer::ChatTemplate>(
        tokenizer::ChatTemplate::from_gguf(s.model->file(), options.chat_template));

    // The prompt around the segment: everything before it is shared.
    const std::vector<tokenizer::ChatMessage> messages{{"system", prompt.system},
                                                       {"user", prompt.user_message(k_marker)}};
    const std::string rendered = s.chat->render(messages, true);
    const size_t at = rendered.find(k_marker);
    if (at == std::string::npos || prompt.user.find("{{segment}}") == std::string::npos) {
        throw std::runtime_error("the extraction prompt has no place for the segment "
                                 "('{{segment}}')");
    }
    s.head = tokenizer::encode_chat(*s.tok, rendered.substr(0, at), s.tok->add_bos());
    s.tail = tokenizer::encode_chat(*s.tok, rendered.substr(at + k_marker.size()), false);

    const std::vector<int32_t> end = tokenizer::end_of_turn_ids(*s.chat, *s.tok);
    s.vocab = std::make_unique<sample::TokenVocabulary>(
        sample::TokenVocabulary::from_tokenizer(*s.tok, end));
    s.masker = std::make_unique<sample::TokenMasker>(*s.grammar, *s.vocab);

    const uint64_t around = s.head.size() + s.tail.size() + options.max_answer_tokens;
    if (options.context > 0) {
        // A smaller context buys memory with shorter segments; it must hold
        // the prompt, an answer and some text.
        constexpr uint64_t k_min_segment = 64;
        if (options.context < around + k_min_segment) {
            throw std::runtime_error(
                "a context of " + std::to_string(options.context) +
                " positions is too small for the extraction prompt (" +
                std::to_string(s.head.size() + s.tail.size()) +
                " tokens with the clause library) and " +
                std::to_string(options.max_answer_tokens) + "-token answers; use at least " +
                std::to_string(around + k_min_segment) + " or a smaller clause library");
        }
        s.options.max_segment_tokens = static_cast<uint32_t>(
            std::min<uint64_t>(options.max_segment_tokens, options.context - around));
    }
    const uint64_t n_ctx_wanted = around + s.options.max_segment_tokens;
    const uint32_t n_ctx_train = s.model->config().n_ctx_train;
    if (n_ctx_wanted > n_ctx_train) {
        throw std::runtime_error(
            "the extraction prompt needs " + std::to_string(n_ctx_wanted) +
            " positions per segment (clause library " + std::to_string(s.head.size()) +
            " tokens), more than the model's context of " + std::to_string(n_ctx_train) +
            "; use a smaller clause library or a model with a longer context");
    }
    s.instance = std::make_unique<vk::Instance>();
    s.device = std::make_unique<vk::Device>(*s.instance, s.instance->select(options.device));
    s.gpu = std::make_unique<model::VkModel>(
        *s.model, *s.device,
        model::VkModelOptions{.n_ctx = static_cast<uint32_t>(n_ctx_wanted),
                              .n_seq = options.batch + 1,
                              .n_batch = k_tokens_per_pass,
                              .n_logits = std::max<uint32_t>(options.batch, 1)});
    if (!deltas.empty()) {
        s.gpu->set_deltas(deltas);
    }
    if (options.share_prefix) {
        const auto start = std::chrono::steady_clock::now();
        s.feed({k_prefix_seq}, {s.head});
        s.prefix_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
}

Extractor::~Extractor() = default;

std::vector<SegmentAnswer> Extractor::extract(const std::vector<std::string>& segments,
                                              const std::atomic<bool>* cancel) {
    State& s = *s_;
    std::vector<SegmentAnswer> answers;
    const size_t prefix = s.options.share_prefix ? s.head.size() : 0;
    for (size_t first = 0; first < segments.size(); first += s.options.batch) {
        if (first > 0 && s.between_batches && !s.in_between) {
            s.in_between = true;
            try {
                s.between_batches();
            } catch (...) {
                s.in_between = false;
                throw;
            }
            s.in_between = false;
        }
        if (cancel != nullptr && cancel->load()) {
            break;
        }
        const size_t n = std::min<size_t>(s.options.batch, segments.size() - first);
        std::vector<int32_t> seqs;
        std::vector<std::vector<int32_t>> inputs;
        std::vector<SegmentAnswer> chunk(n);
        for (size_t i = 0; i < n; ++i) {
            const int32_t seq = static_cast<int32_t>(i + 1);
            seqs.push_back(seq);
            if (s.options.share_prefix) {
                s.gpu->copy_prefix(k_prefix_seq, seq, static_cast<uint32_t>(prefix));
            } else {
                s.gpu->remove_sequence(seq);
            }
            std::vector<int32_t> in = s.options.share_prefix ? std::vector<int32_t>{} : s.head;
            std::vector<int32_t> text = s.tok->encode(segments[first + i], false);
            if (text.size() > s.options.max_segment_tokens) {
                text.resize(s.options.max_segment_tokens);
                chunk[i].truncated = true;
            }
            in.insert(in.end(), text.begin(), text.end());
            in.insert(in.end(), s.tail.begin(), s.tail.end());
            chunk[i].prompt_tokens = static_cast<uint32_t>(in.size());
            inputs.push_back(std::move(in));
        }
        std::vector<std::vector<float>> logits = s.feed(seqs, inputs);

        // Decode all answers together, one token per sequence per pass.
        std::vector<sample::GrammarMatcher> matchers;
        std::vector<std::map<std::string, double>> best(n);
        for (size_t i = 0; i < n; ++i) {
            matchers.emplace_back(*s.masker);
        }
        sample::Sampler greedy;
        std::vector<size_t> active(n);
        for (size_t i = 0; i < n; ++i) {
            active[i] = i;
        }
        while (!active.empty()) {
            std::vector<model::BatchEntry> batch;
            std::vector<size_t> still;
            for (const size_t i : active) {
                sample::GrammarMatcher& m = matchers[i];
                const sample::TokenMask& mask = m.allowed();
                const std::vector<std::string> choices = m.state().literal_choices();
                if (!choices.empty()) {
                    const std::vector<double> p =
                        sample::choice_probabilities(logits[i], mask, *s.vocab, choices);
                    for (size_t c = 0; c < choices.size(); ++c) {
                        const std::string name = category_of_choice(choices[c], s.category_names);
                        if (!name.empty()) {
                            best[i][name] = std::max(best[i][name], p[c]);
                        }
                    }
                }
                const sample::SampledToken t = greedy.sample(logits[i], &mask);
                m.accept(t.id);
                ++chunk[i].answer_tokens;
                if (m.ended() || m.complete() ||
                    chunk[i].answer_tokens >= s.options.max_answer_tokens) {
                    continue;
                }
                const int32_t seq = seqs[i];
                batch.push_back({seq, s.gpu->sequence_length(seq), t.id, true});
                still.push_back(i);
            }
            active = std::move(still);
            if (batch.empty()) {
                break;
            }
            const auto out = s.gpu->forward(batch);
            s.tokens += batch.size();
            const uint32_t n_vocab = s.model->config().n_vocab;
            for (size_t r = 0; r < active.size(); ++r) {
                logits[active[r]].assign(out.begin() + static_cast<std::ptrdiff_t>(r * n_vocab),
                                         out.begin() +
                                             static_cast<std::ptrdiff_t>((r + 1) * n_vocab));
            }
        }

        for (size_t i = 0; i < n; ++i) {
            SegmentAnswer& a = chunk[i];
            const sample::GrammarMatcher& m = matchers[i];
            a.json = m.text();
            a.complete = m.complete();
            std::set<std::string> chosen;
            if (a.complete) {
                const nlohmann::json doc = nlohmann::json::parse(a.json);
                for (const auto& c : doc.at("categories")) {
                    a.categories.push_back(c.get<std::string>());
                    chosen.insert(c.get<std::string>());
                }
                for (const auto& [key, value] : doc.at("fields").items()) {
                    a.fields[key] = value.dump();
                }
            }
            for (const std::string& name : s.prompt.categories) {
                const auto it = best[i].find(name);
                const double score = it == best[i].end() ? 0.0 : it->second;
                if (chosen.contains(name) || score >= s.options.score_floor) {
                    a.scores.push_back({name, score, chosen.contains(name)});
                }
            }
            s.gpu->remove_sequence(seqs[i]);
            answers.push_back(std::move(a));
        }
    }
    return answers;
}

SegmentAnswer Extractor::classify(const std::string& text) {
    std::vector<SegmentAnswer> a = extract({text});
    return std::move(a.front());
}

void Extractor::set_between_batches(std::function<void()> fn) {
    s_->between_batches = std::move(fn);
}

std::string Extractor::model_name() const {
    const std::string& name = s_->model->config().name;
    return name.empty() ? s_->options.model.filename().string() : name;
}

std::string Extractor::description() const {
    return model_name() + " (" + s_->model->config().architecture + "), " +
           s_->device->info().name + ", chat template " + std::string(s_->chat->name());
}

uint32_t Extractor::prefix_tokens() const {
    return static_cast<uint32_t>(s_->head.size());
}

double Extractor::prefix_seconds() const {
    return s_->prefix_seconds;
}

uint64_t Extractor::tokens_evaluated() const {
    return s_->tokens;
}

} // namespace clauselens::core
