#include "tokenizer/chat_template.h"

#include <algorithm>
#include <array>
#include <utility>

namespace clauselens::tokenizer {

namespace {

constexpr std::array<std::pair<std::string_view, ChatFamily>, 5> k_families = {{
    {"llama3", ChatFamily::llama3},
    {"chatml", ChatFamily::chatml},
    {"phi3", ChatFamily::phi3},
    {"llama2", ChatFamily::llama2},
    {"plain", ChatFamily::plain},
}};

constexpr std::string_view k_qwen_system =
    "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

// Length of the whitespace character at text[pos] (0 if none), by Python's
// str.isspace(), which Jinja's trim filter and str.strip() use: ASCII
// whitespace, U+001C..U+001F, U+0085, U+00A0, U+1680, U+2000..U+200A,
// U+2028, U+2029, U+202F, U+205F and U+3000.
size_t space_at(std::string_view text, size_t pos) {
    const auto byte = [&](size_t i) {
        return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
    };
    const unsigned c = byte(pos);
    if (c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f)) {
        return 1;
    }
    if (c == 0xc2 && (byte(pos + 1) == 0x85 || byte(pos + 1) == 0xa0)) {
        return 2;
    }
    if (c == 0xe1 && byte(pos + 1) == 0x9a && byte(pos + 2) == 0x80) {
        return 3; // U+1680
    }
    if (c == 0xe2 && byte(pos + 1) == 0x80) {
        const unsigned d = byte(pos + 2);
        if ((d >= 0x80 && d <= 0x8a) || d == 0xa8 || d == 0xa9 || d == 0xaf) {
            return 3; // U+2000..U+200A, U+2028, U+2029, U+202F
        }
    }
    if (c == 0xe2 && byte(pos + 1) == 0x81 && byte(pos + 2) == 0x9f) {
        return 3; // U+205F
    }
    if (c == 0xe3 && byte(pos + 1) == 0x80 && byte(pos + 2) == 0x80) {
        return 3; // U+3000
    }
    return 0;
}

// Length of the whitespace character that ends just before text[end], or 0.
size_t space_before(std::string_view text, size_t end) {
    for (size_t length = 1; length <= 3 && length <= end; ++length) {
        if (space_at(text, end - length) == length) {
            return length;
        }
    }
    return 0;
}

// What Jinja's `trim` and Python's str.strip() leave of `text`.
std::string trim(std::string_view text) {
    size_t begin = 0;
    while (size_t n = space_at(text, begin)) {
        begin += n;
    }
    size_t end = text.size();
    while (end > begin) {
        const size_t n = space_before(text, end);
        if (n == 0) {
            break;
        }
        end -= n;
    }
    return std::string(text.substr(begin, end - begin));
}

// The literal system prompt a ChatML template writes when the conversation
// has none, as in '<|im_start|>system\nYou are ...<|im_end|>\n'; empty when
// the system block only ever holds the conversation's own system message.
std::string chatml_default_system(std::string_view jinja) {
    constexpr std::string_view marker = "<|im_start|>system";
    for (size_t at = jinja.find(marker); at != std::string_view::npos;
         at = jinja.find(marker, at + 1)) {
        size_t pos = at + marker.size();
        // The newline after the role, written as the escape \n in a Jinja
        // string literal or as a real newline in raw template text.
        if (jinja.substr(pos, 2) == "\\n") {
            pos += 2;
        } else if (jinja.substr(pos, 1) == "\n") {
            pos += 1;
        } else {
            continue;
        }
        // A quote or an expression here means the text comes from elsewhere.
        if (pos >= jinja.size() || jinja[pos] == '\'' || jinja[pos] == '"' || jinja[pos] == '{') {
            continue;
        }
        const size_t end = jinja.find("<|im_end|>", pos);
        if (end == std::string_view::npos) {
            continue;
        }
        const std::string_view literal = jinja.substr(pos, end - pos);
        if (contains(literal, "{{") || contains(literal, "{%") || contains(literal, "'") ||
            contains(literal, "\"")) {
            continue; // an expression or a string ends inside: not one literal
        }
        std::string text;
        for (size_t i = 0; i < literal.size(); ++i) {
            if (literal[i] == '\\' && i + 1 < literal.size()) {
                const char e = literal[++i];
                text += e == 'n' ? '\n' : e == 't' ? '\t' : e;
            } else {
                text += literal[i];
            }
        }
        return text;
    }
    return {};
}

void check_roles(std::span<const ChatMessage> messages) {
    if (messages.empty()) {
        throw ChatTemplateError("a conversation needs at least one message");
    }
    for (const ChatMessage& m : messages) {
        if (m.role != "system" && m.role != "user" && m.role != "assistant") {
            throw ChatTemplateError("unknown chat role '" + m.role +
                                    "'; roles are system, user and assistant");
        }
    }
}

// The [INST] templates take an optional system message first, then turns
// that alternate user/assistant starting with the user.
void check_alternation(std::span<const ChatMessage> turns, std::string_view family) {
    for (size_t k = 0; k < turns.size(); ++k) {
        const std::string_view expected = k % 2 == 0 ? "user" : "assistant";
        if (turns[k].role != expected) {
            throw ChatTemplateError(
                std::string(family) +
                " chat needs one optional system message first, then turns "
                "that alternate user/assistant starting with the user; message " +
                std::to_string(k + 1) + " of the turns is '" + turns[k].role + "'");
        }
    }
}

// The text of token `id_key`'s id in the file's vocabulary, or empty.
std::string token_text(const gguf::GgufFile& file, std::string_view id_key) {
    const gguf::Value* id = file.find(id_key);
    const gguf::Value* tokens = file.find("tokenizer.ggml.tokens");
    if (id == nullptr || tokens == nullptr || tokens->type() != gguf::ValueType::array) {
        return {};
    }
    const gguf::ArrayView array = tokens->as_array();
    const int64_t index = id->to_int();
    if (array.element_type() != gguf::ValueType::string || index < 0 ||
        static_cast<uint64_t>(index) >= array.size()) {
        return {};
    }
    return std::string(array.at(static_cast<uint64_t>(index)).as_string());
}

} // namespace

ChatTemplate::ChatTemplate(ChatFamily family) : family_(family) {
    switch (family) {
    case ChatFamily::llama3:
        dated_system_header_ = true;
        bos_text_ = "<|begin_of_text|>";
        eos_text_ = "<|eot_id|>";
        break;
    case ChatFamily::chatml:
        default_system_ = k_qwen_system;
        eos_text_ = "<|im_end|>";
        break;
    case ChatFamily::phi3:
        bos_text_ = "<s>";
        eos_text_ = "<|endoftext|>";
        break;
    case ChatFamily::llama2:
        bos_text_ = "<s>";
        eos_text_ = "</s>";
        break;
    case ChatFamily::plain:
        break;
    }
}

std::optional<ChatTemplate> ChatTemplate::detect(std::string_view jinja) {
    // Most distinctive first: a Llama 3 template never writes ChatML and so on.
    if (contains(jinja, "<|start_header_id|>") && contains(jinja, "<|end_header_id|>")) {
        ChatTemplate t(ChatFamily::llama3);
        t.dated_system_header_ = contains(jinja, "Cutting Knowledge Date");
        return t;
    }
    if (contains(jinja, "<|im_start|>") && contains(jinja, "<|im_end|>")) {
        ChatTemplate t(ChatFamily::chatml);
        t.default_system_ = chatml_default_system(jinja);
        return t;
    }
    if (contains(jinja, "<|user|>") && contains(jinja, "<|end|>") &&
        contains(jinja, "<|assistant|>")) {
        return ChatTemplate(ChatFamily::phi3);
    }
    if (contains(jinja, "[INST]") && contains(jinja, "[/INST]")) {
        ChatTemplate t(ChatFamily::llama2);
        t.mistral_ = !contains(jinja, "<<SYS>>");
        return t;
    }
    return std::nullopt;
}

ChatTemplate ChatTemplate::from_gguf(const gguf::GgufFile& file, std::string_view override_name) {
    std::optional<ChatTemplate> detected;
    const gguf::Value* jinja = file.find("tokenizer.chat_template");
    if (jinja != nullptr && jinja->type() == gguf::ValueType::string) {
        detected = detect(jinja->as_string());
    } else {
        jinja = nullptr;
    }

    std::optional<ChatTemplate> chosen;
    if (!override_name.empty()) {
        const ChatFamily family = parse_family(override_name);
        // The file's own details (Llama 3.0 vs 3.1, a ChatML default system
        // prompt) still apply when it names the same family.
        chosen = detected && detected->family() == family ? *detected : ChatTemplate(family);
        chosen->origin_ = "chosen by name";
    } else if (detected) {
        chosen = *detected;
        chosen->origin_ = "detected from the model's chat template";
    } else {
        chosen = ChatTemplate(ChatFamily::plain);
        if (jinja != nullptr) {
            chosen->origin_ = "the model's chat template is not one we recognise";
            chosen->warning_ = "the model's chat template is none of the known ones (Llama 3, "
                               "ChatML, Phi-3, Llama 2): the prompt is written plainly, without "
                               "special tokens; choose a template by name (" +
                               family_names() + ") if the model expects one";
        } else {
            chosen->origin_ = "the model file has no chat template";
            chosen->warning_ = "the model file has no chat template: the prompt is written "
                               "plainly, without special tokens; choose a template by name (" +
                               family_names() + ") if the model expects one";
        }
    }
    std::string bos = token_text(file, "tokenizer.ggml.bos_token_id");
    std::string eos = token_text(file, "tokenizer.ggml.eos_token_id");
    chosen->set_special_texts(bos.empty() ? chosen->bos_text_ : std::move(bos),
                              eos.empty() ? chosen->eos_text_ : std::move(eos));
    return *chosen;
}

ChatFamily ChatTemplate::parse_family(std::string_view name) {
    for (const auto& [n, family] : k_families) {
        if (n == name) {
            return family;
        }
    }
    throw ChatTemplateError("unknown chat template '" + std::string(name) +
                            "'; choose one of: " + family_names());
}

std::string_view ChatTemplate::family_name(ChatFamily family) {
    for (const auto& [n, f] : k_families) {
        if (f == family) {
            return n;
        }
    }
    return "plain";
}

std::string ChatTemplate::family_names() {
    std::string names;
    for (const auto& [n, family] : k_families) {
        names += (names.empty() ? "" : ", ") + std::string(n);
    }
    return names;
}

void ChatTemplate::set_special_texts(std::string bos, std::string eos) {
    bos_text_ = std::move(bos);
    eos_text_ = std::move(eos);
}

std::string ChatTemplate::render(std::span<const ChatMessage> messages,
                                 bool add_generation_prompt) const {
    check_roles(messages);
    switch (family_) {
    case ChatFamily::llama3:
        return render_llama3(messages, add_generation_prompt);
    case ChatFamily::chatml:
        return render_chatml(messages, add_generation_prompt);
    case ChatFamily::phi3:
        return render_phi3(messages, add_generation_prompt);
    case ChatFamily::llama2:
        return mistral_ ? render_mistral(messages) : render_llama2(messages);
    case ChatFamily::plain:
        break;
    }
    return render_plain(messages);
}

// Llama 3.1/3.2: BOS, then a system header that is always there (knowledge
// cut-off, date, then the system message), then each message trimmed. Llama
// 3.0: BOS, then each message trimmed, the system message included.
std::string ChatTemplate::render_llama3(std::span<const ChatMessage> messages,
                                        bool add_generation_prompt) const {
    std::string out = bos_text_;
    if (dated_system_header_) {
        std::string system;
        if (messages.front().role == "system") {
            system = trim(messages.front().content);
            messages = messages.subspan(1);
        }
        out += "<|start_header_id|>system<|end_header_id|>\n\n"
               "Cutting Knowledge Date: December 2023\n"
               "Today Date: " +
               date_ + "\n\n" + system + "<|eot_id|>";
    }
    for (const ChatMessage& m : messages) {
        out += "<|start_header_id|>" + m.role + "<|end_header_id|>\n\n" + trim(m.content) +
               "<|eot_id|>";
    }
    if (add_generation_prompt) {
        out += "<|start_header_id|>assistant<|end_header_id|>\n\n";
    }
    return out;
}

// Qwen2.5 (and Qwen2, and plain ChatML without a default system prompt):
// texts as they are, each turn closed by <|im_end|> and a newline.
std::string ChatTemplate::render_chatml(std::span<const ChatMessage> messages,
                                        bool add_generation_prompt) const {
    std::string out;
    if (messages.front().role != "system" && !default_system_.empty()) {
        out += "<|im_start|>system\n" + default_system_ + "<|im_end|>\n";
    }
    for (const ChatMessage& m : messages) {
        out += "<|im_start|>" + m.role + "\n" + m.content + "<|im_end|>\n";
    }
    if (add_generation_prompt) {
        out += "<|im_start|>assistant\n";
    }
    return out;
}

// Phi-3/3.5: an empty system message is left out; a conversation that does
// not ask for a reply ends with EOS.
std::string ChatTemplate::render_phi3(std::span<const ChatMessage> messages,
                                      bool add_generation_prompt) const {
    std::string out;
    for (const ChatMessage& m : messages) {
        if (m.role == "system" && m.content.empty()) {
            continue;
        }
        out += "<|" + m.role + "|>\n" + m.content + "<|end|>\n";
    }
    out += add_generation_prompt ? "<|assistant|>\n" : eos_text_;
    return out;
}

// Llama 2 chat: every user turn opens with BOS; the system message goes into
// the first user turn inside <<SYS>>; texts are stripped; each assistant
// turn ends with EOS. The prompt ends after [/INST] whether or not a reply is
// asked for, as in the official template.
std::string ChatTemplate::render_llama2(std::span<const ChatMessage> messages) const {
    std::optional<std::string> system;
    if (messages.front().role == "system") {
        system = messages.front().content;
        messages = messages.subspan(1);
    }
    check_alternation(messages, "Llama 2");
    std::string out;
    for (size_t k = 0; k < messages.size(); ++k) {
        std::string content = messages[k].content;
        if (k == 0 && system) {
            content = "<<SYS>>\n" + *system + "\n<</SYS>>\n\n" + content;
        }
        if (messages[k].role == "user") {
            out += bos_text_ + "[INST] " + trim(content) + " [/INST]";
        } else {
            out += " " + trim(content) + " " + eos_text_;
        }
    }
    return out;
}

// Mistral Instruct (v0.1/v0.2): one BOS, texts as they are, each assistant
// turn closed by EOS. Its template has no system role; ours puts a system
// message before the first user text, separated by a blank line, as later
// Mistral templates do.
std::string ChatTemplate::render_mistral(std::span<const ChatMessage> messages) const {
    std::string system;
    if (messages.front().role == "system") {
        system = messages.front().content;
        messages = messages.subspan(1);
    }
    check_alternation(messages, "Mistral");
    std::string out = bos_text_;
    for (size_t k = 0; k < messages.size(); ++k) {
        if (messages[k].role == "user") {
            const std::string text = k == 0 && !system.empty()
                                         ? system + "\n\n" + messages[k].content
                                         : messages[k].content;
            out += "[INST] " + text + " [/INST]";
        } else {
            out += messages[k].content + eos_text_;
        }
    }
    return out;
}

// No special tokens: the texts one after another, separated by a blank line.
// The tokenizer adds BOS as the model wants.
std::string ChatTemplate::render_plain(std::span<const ChatMessage> messages) const {
    std::string out;
    for (const ChatMessage& m : messages) {
        if (m.content.empty()) {
            continue;
        }
        if (!out.empty()) {
            out += "\n\n";
        }
        out += m.content;
    }
    return out;
}

std::vector<std::string> ChatTemplate::end_of_turn() const {
    switch (family_) {
    case ChatFamily::llama3:
        return {"<|eot_id|>", "<|eom_id|>"};
    case ChatFamily::chatml:
        return {"<|im_end|>"};
    case ChatFamily::phi3:
        return {"<|end|>"};
    case ChatFamily::llama2:
        return {eos_text_};
    case ChatFamily::plain:
        break;
    }
    return {};
}

std::vector<std::int32_t> end_of_turn_ids(const ChatTemplate& chat, const Tokenizer& tok) {
    std::vector<std::int32_t> ids;
    const auto add = [&](std::int32_t id) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
            ids.push_back(id);
        }
    };
    for (const std::string& text : chat.end_of_turn()) {
        if (text.empty()) {
            continue;
        }
        // A vocabulary without the token reads its text as ordinary pieces:
        // those must not end generation.
        const std::vector<std::int32_t> pieces = tok.encode(text, false, true);
        if (pieces.size() == 1 && tok.is_control(pieces.front())) {
            add(pieces.front());
        }
    }
    if (tok.eos() >= 0) {
        add(tok.eos());
    }
    return ids;
}

std::vector<std::int32_t> encode_chat(const Tokenizer& tok, std::string_view rendered,
                                      bool add_bos) {
    // The text's own BOS is a control token that parse_special reads as BOS.
    const bool has_bos = tok.bos() >= 0 && rendered.starts_with(tok.raw_piece(tok.bos()));
    return tok.encode(rendered, add_bos && !has_bos, true);
}

} // namespace clauselens::tokenizer
