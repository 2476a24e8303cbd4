#pragma once
// Chat prompts in the format each model family was fine-tuned on. A GGUF file
// carries its template as Jinja source (tokenizer.chat_template); rather than
// run Jinja, we recognise the known templates by their distinctive markers
// and render the family's format in C++, producing exactly the text the
// official template produces for system/user/assistant conversations.
//
// Families: Llama 3 (3.0, and 3.1+ with its dated system header), ChatML
// (Qwen2/2.5 with their default system prompt, and plain ChatML), Phi-3,
// Llama 2 ([INST] with <<SYS>>, and the Mistral Instruct form), and a plain
// fallback that joins the texts with no special tokens.

#include "gguf/gguf_reader.h"
#include "tokenizer/tokenizer.h"

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clauselens::tokenizer {

enum class ChatFamily { llama3, chatml, phi3, llama2, plain };

// An unknown family name, or a conversation a template cannot express.
class ChatTemplateError : public std::runtime_error {
public:
    explicit ChatTemplateError(const std::string& message) : std::runtime_error(message) {}
};

struct ChatMessage {
    std::string role; // "system", "user" or "assistant"
    std::string content;
};

class ChatTemplate {
public:
    // The family's format as its reference model writes it: Llama 3.2
    // Instruct, Qwen2.5 Instruct, Phi-3.5 mini instruct, Llama 2 chat.
    explicit ChatTemplate(ChatFamily family);

    // The template that `jinja` (a tokenizer.chat_template) is, or nullopt
    // when it is none we know.
    static std::optional<ChatTemplate> detect(std::string_view jinja);

    // The template for a model file. `override_name` (see parse_family), when
    // not empty, chooses the family; otherwise the family is detected from
    // tokenizer.chat_template. A file without a template, or with one we do
    // not recognise, gets the plain format and a warning(). BOS and EOS texts
    // come from the file's vocabulary when it has them.
    static ChatTemplate from_gguf(const gguf::GgufFile& file, std::string_view override_name = {});

    // "llama3", "chatml", "phi3", "llama2" or "plain"; ChatTemplateError,
    // listing these, for anything else.
    static ChatFamily parse_family(std::string_view name);
    static std::string_view family_name(ChatFamily family);
    // "llama3, chatml, phi3, llama2, plain"
    static std::string family_names();

    ChatFamily family() const { return family_; }
    std::string_view name() const { return family_name(family_); }
    // What a user should know about how the template was chosen (an unknown
    // template replaced by the plain format); empty when nothing.
    const std::string& warning() const { return warning_; }
    // How the template was chosen, for a log line: "detected from the model
    // file", "chosen by name", "the model file has no chat template".
    const std::string& origin() const { return origin_; }

    // The prompt text. Control tokens appear as their text (tokenize it with
    // encode_chat). Throws ChatTemplateError for a role other than system,
    // user and assistant, and where the family's template refuses the
    // conversation (Llama 2: turns must alternate user/assistant).
    std::string render(std::span<const ChatMessage> messages, bool add_generation_prompt) const;

    // The texts of the tokens that end an assistant turn, e.g. "<|eot_id|>".
    std::vector<std::string> end_of_turn() const;

    // Details that refine a family; detect() and from_gguf() set them.
    const std::string& bos_text() const { return bos_text_; }
    const std::string& eos_text() const { return eos_text_; }
    void set_special_texts(std::string bos, std::string eos);
    // Llama 3.1+: the date the system header gives (the template's own
    // default when no clock is passed in, so that prompts are reproducible).
    const std::string& date() const { return date_; }
    void set_date(std::string date) { date_ = std::move(date); }
    // ChatML: the system prompt used when the conversation has none (Qwen2.5:
    // "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.").
    const std::string& default_system() const { return default_system_; }

private:
    std::string render_llama3(std::span<const ChatMessage> messages,
                              bool add_generation_prompt) const;
    std::string render_chatml(std::span<const ChatMessage> messages,
                              bool add_generation_prompt) const;
    std::string render_phi3(std::span<const ChatMessage> messages,
                            bool add_generation_prompt) const;
    std::string render_llama2(std::span<const ChatMessage> messages) const;
    std::string render_mistral(std::span<const ChatMessage> messages) const;
    std::string render_plain(std::span<const ChatMessage> messages) const;

    ChatFamily family_;
    // Llama 3.1+ writes a system header with the knowledge cut-off and date
    // into every prompt; Llama 3.0 writes only the messages.
    bool dated_system_header_ = false;
    // Mistral Instruct's [INST] form: one BOS, no <<SYS>>, texts unstripped.
    bool mistral_ = false;
    std::string date_ = "26 Jul 2024";
    std::string default_system_;
    std::string bos_text_;
    std::string eos_text_;
    std::string warning_;
    std::string origin_;
};

// The ids of the template's end-of-turn tokens that the vocabulary has as
// single control tokens (others are ignored), then EOS; no duplicates.
std::vector<std::int32_t> end_of_turn_ids(const ChatTemplate& chat, const Tokenizer& tok);

// The ids of a rendered prompt: control tokens in the text become their ids,
// and BOS is put first when `add_bos` and the text does not already start with
// it (Llama 3's and Llama 2's templates write BOS themselves).
std::vector<std::int32_t> encode_chat(const Tokenizer& tok, std::string_view rendered,
                                      bool add_bos);

} // namespace clauselens::tokenizer
