// Chat templates: the text each family's official template renders, detection
// of the real templates in tests/data/chat, choosing a template by name, and
// the token ids that end a turn.
//
// The expected strings were rendered from the fixture templates with Jinja2
// as Hugging Face's apply_chat_template runs them (trim_blocks, lstrip_blocks,
// date_string "26 Jul 2024", the models' own BOS/EOS texts).

#include "gguf/gguf_writer.h"
#include "hand_vocab.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/chat_template.h"
#include "tokenizer/spm_gguf.h"
#include "tokenizer/tokenizer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace clauselens;
using namespace clauselens::tokenizer;
using namespace clauselens::tokenizer::test;

using Ids = std::vector<std::int32_t>;
using Messages = std::vector<ChatMessage>;

namespace {

std::int32_t b(char c) {
    return static_cast<unsigned char>(c);
}

std::string fixture(const std::string& name) {
    const std::string path = std::string(CLAUSELENS_TEST_DATA_DIR) + "/chat/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The template a fixture is detected as, with the BOS/EOS texts of the model
// it comes from.
ChatTemplate detected(const std::string& name, std::string bos, std::string eos) {
    std::optional<ChatTemplate> t = ChatTemplate::detect(fixture(name));
    REQUIRE(t);
    t->set_special_texts(std::move(bos), std::move(eos));
    return *t;
}

const ChatMessage k_system{"system", "You extract contract clauses."};
const ChatMessage k_user{"user", "What is the governing law?"};
const ChatMessage k_assistant{"assistant", "  Delaware law.  "}; // trimmed by some templates
const ChatMessage k_user2{"user", "And the notice period?"};

const Messages k_single{k_user};
const Messages k_with_system{k_system, k_user};
const Messages k_multi{k_system, k_user, k_assistant, k_user2};
const Messages k_multi_no_system{k_user, k_assistant, k_user2};

// hand_vocab() plus end-of-turn control tokens of the families; or, with
// im_end_is_control false, "<|im_end|>" as an ordinary user-defined piece
// that its text (with sentencepiece's space prefix) encodes to whole.
struct ChatVocab {
    SpmVocab vocab = hand_vocab();
    std::int32_t eot = -1, eom = -1, im_end = -1;

    explicit ChatVocab(bool im_end_is_control = true) {
        eot = add("<|eot_id|>", TokenType::control);
        eom = add("<|eom_id|>", TokenType::control);
        im_end = im_end_is_control ? add("<|im_end|>", TokenType::control)
                                   : add("\u2581<|im_end|>", TokenType::user_defined);
    }
    std::int32_t add(const std::string& piece, TokenType type) {
        vocab.pieces.push_back(piece);
        vocab.scores.push_back(0.0f);
        vocab.types.push_back(type);
        return static_cast<std::int32_t>(vocab.pieces.size() - 1);
    }
};

// A GGUF file with hand_vocab() and, unless empty, a chat template.
struct ModelFile {
    std::vector<std::byte> bytes;
    gguf::GgufFile file;

    static std::vector<std::byte> write(const std::string& chat_template) {
        gguf::GgufWriter writer;
        writer.add_string("general.architecture", "llama");
        write_spm_vocab(writer, hand_vocab());
        if (!chat_template.empty()) {
            writer.add_string("tokenizer.chat_template", chat_template);
        }
        return writer.write_to_memory();
    }
    explicit ModelFile(const std::string& chat_template)
        : bytes(write(chat_template)), file(gguf::GgufFile::from_memory(bytes)) {}
};

const std::string k_llama32_header =
    "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n"
    "Cutting Knowledge Date: December 2023\n"
    "Today Date: 26 Jul 2024\n\n";
const std::string k_qwen_default = "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. "
                                   "You are a helpful assistant.<|im_end|>\n";

} // namespace

TEST_CASE("chat: Llama 3.2 Instruct renders as its template", "[chat]") {
    const ChatTemplate t =
        detected("llama-3.2-3b-instruct.jinja", "<|begin_of_text|>", "<|eot_id|>");
    CHECK(t.family() == ChatFamily::llama3);
    CHECK(t.render(k_single, true) ==
          k_llama32_header +
              "<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWhat is the governing "
              "law?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
    CHECK(t.render(k_single, false) ==
          k_llama32_header +
              "<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWhat is the governing "
              "law?<|eot_id|>");
    CHECK(t.render(k_with_system, true) ==
          k_llama32_header +
              "You extract contract clauses.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n"
              "What is the governing "
              "law?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
    CHECK(
        t.render(k_multi, true) ==
        k_llama32_header +
            "You extract contract clauses.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n"
            "What is the governing law?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n"
            "Delaware law.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nAnd the notice "
            "period?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
    CHECK(
        t.render(k_multi, false) ==
        k_llama32_header +
            "You extract contract clauses.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n"
            "What is the governing law?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n"
            "Delaware law.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nAnd the notice "
            "period?<|eot_id|>");
    // The template trims with Python's str.strip(), Unicode spaces included.
    CHECK(t.render(Messages{{"user", "\u3000\t Hi\u00a0\n"}}, false) ==
          k_llama32_header + "<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>");

    ChatTemplate dated = t;
    dated.set_date("03 Mar 2025");
    CHECK(dated.render(k_single, true).find("Today Date: 03 Mar 2025\n\n<|eot_id|>") !=
          std::string::npos);
    CHECK(t.end_of_turn() == std::vector<std::string>{"<|eot_id|>", "<|eom_id|>"});
}

TEST_CASE("chat: Llama 3.0 Instruct has no dated system header", "[chat]") {
    // Meta-Llama-3-8B-Instruct's tokenizer.chat_template.
    const std::string llama30 =
        "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = "
        "'<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n'+ message['content'] | "
        "trim + '<|eot_id|>' %}{% if loop.index0 == 0 %}{% set content = bos_token + content %}{% "
        "endif %}{{ content }}{% endfor %}{% if add_generation_prompt %}{{ "
        "'<|start_header_id|>assistant<|end_header_id|>\n\n' }}{% endif %}";
    std::optional<ChatTemplate> t = ChatTemplate::detect(llama30);
    REQUIRE(t);
    CHECK(t->family() == ChatFamily::llama3);
    CHECK(t->render(k_multi, true) ==
          "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nYou extract contract "
          "clauses.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWhat is the governing "
          "law?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nDelaware "
          "law.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nAnd the notice "
          "period?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
}

TEST_CASE("chat: Qwen2.5 Instruct renders as its template", "[chat]") {
    const ChatTemplate t = detected("qwen2.5-3b-instruct.jinja", "", "<|im_end|>");
    CHECK(t.family() == ChatFamily::chatml);
    CHECK(t.default_system() ==
          "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.");
    CHECK(t.render(k_single, true) == k_qwen_default +
                                          "<|im_start|>user\nWhat is the governing law?<|im_end|>\n"
                                          "<|im_start|>assistant\n");
    CHECK(t.render(k_single, false) ==
          k_qwen_default + "<|im_start|>user\nWhat is the governing law?<|im_end|>\n");
    CHECK(t.render(k_with_system, true) ==
          "<|im_start|>system\nYou extract contract clauses.<|im_end|>\n<|im_start|>user\nWhat is "
          "the governing law?<|im_end|>\n<|im_start|>assistant\n");
    CHECK(t.render(k_multi, false) ==
          "<|im_start|>system\nYou extract contract clauses.<|im_end|>\n<|im_start|>user\nWhat is "
          "the governing law?<|im_end|>\n<|im_start|>assistant\n  Delaware law.  "
          "<|im_end|>\n<|im_start|>user\nAnd the notice period?<|im_end|>\n");
    CHECK(t.render(k_multi_no_system, true) ==
          k_qwen_default +
              "<|im_start|>user\nWhat is the governing law?<|im_end|>\n<|im_start|>assistant\n  "
              "Delaware law.  <|im_end|>\n<|im_start|>user\nAnd the notice "
              "period?<|im_end|>\n<|im_start|>assistant\n");
    CHECK(t.end_of_turn() == std::vector<std::string>{"<|im_end|>"});
}

TEST_CASE("chat: ChatML without a default system prompt", "[chat]") {
    // teknium/OpenHermes-2.5-Mistral-7B, as in llama.cpp's chat template tests.
    const std::string hermes =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + "
        "message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ "
        "'<|im_start|>assistant\\n' }}{% endif %}";
    std::optional<ChatTemplate> t = ChatTemplate::detect(hermes);
    REQUIRE(t);
    CHECK(t->family() == ChatFamily::chatml);
    CHECK(t->default_system().empty());
    CHECK(t->render(k_single, true) ==
          "<|im_start|>user\nWhat is the governing law?<|im_end|>\n<|im_start|>assistant\n");

    // Qwen2's template: a different default, written in raw template text.
    const std::string qwen2 =
        "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' "
        "%}{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif "
        "%}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + "
        "'\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% "
        "endif %}";
    t = ChatTemplate::detect(qwen2);
    REQUIRE(t);
    CHECK(t->default_system() == "You are a helpful assistant.");
}

TEST_CASE("chat: Phi-3.5 mini instruct renders as its template", "[chat]") {
    const ChatTemplate t = detected("phi-3.5-mini-instruct.jinja", "<s>", "<|endoftext|>");
    CHECK(t.family() == ChatFamily::phi3);
    CHECK(t.render(k_single, true) ==
          "<|user|>\nWhat is the governing law?<|end|>\n<|assistant|>\n");
    CHECK(t.render(k_single, false) ==
          "<|user|>\nWhat is the governing law?<|end|>\n<|endoftext|>");
    CHECK(t.render(k_with_system, true) ==
          "<|system|>\nYou extract contract clauses.<|end|>\n<|user|>\nWhat is the governing "
          "law?<|end|>\n<|assistant|>\n");
    CHECK(t.render(k_multi, false) ==
          "<|system|>\nYou extract contract clauses.<|end|>\n<|user|>\nWhat is the governing "
          "law?<|end|>\n<|assistant|>\n  Delaware law.  <|end|>\n<|user|>\nAnd the notice "
          "period?<|end|>\n<|endoftext|>");
    // An empty system message is left out.
    CHECK(t.render(Messages{{"system", ""}, k_user}, true) ==
          "<|user|>\nWhat is the governing law?<|end|>\n<|assistant|>\n");
    CHECK(t.end_of_turn() == std::vector<std::string>{"<|end|>"});
}

TEST_CASE("chat: Llama 2 chat renders as its template", "[chat]") {
    const ChatTemplate t = detected("llama-2-7b-chat.jinja", "<s>", "</s>");
    CHECK(t.family() == ChatFamily::llama2);
    // The template ends after [/INST] with or without a generation prompt.
    CHECK(t.render(k_single, true) == "<s>[INST] What is the governing law? [/INST]");
    CHECK(t.render(k_single, false) == "<s>[INST] What is the governing law? [/INST]");
    CHECK(t.render(k_with_system, true) ==
          "<s>[INST] <<SYS>>\nYou extract contract clauses.\n<</SYS>>\n\nWhat is the governing "
          "law? [/INST]");
    CHECK(t.render(k_multi, true) ==
          "<s>[INST] <<SYS>>\nYou extract contract clauses.\n<</SYS>>\n\nWhat is the governing "
          "law? [/INST] Delaware law. </s><s>[INST] And the notice period? [/INST]");
    CHECK(t.render(k_multi_no_system, false) ==
          "<s>[INST] What is the governing law? [/INST] Delaware law. </s><s>[INST] And the "
          "notice period? [/INST]");
    CHECK_THROWS_WITH(t.render(Messages{k_user, k_user2}, true),
                      Catch::Contains("alternate user/assistant") &&
                          Catch::Contains("message 2 of the turns is 'user'"));
    CHECK(t.end_of_turn() == std::vector<std::string>{"</s>"});
}

TEST_CASE("chat: Mistral Instruct renders as its template", "[chat]") {
    const ChatTemplate t = detected("mistral-7b-instruct-v0.2.jinja", "<s>", "</s>");
    CHECK(t.family() == ChatFamily::llama2);
    CHECK(t.render(k_single, true) == "<s>[INST] What is the governing law? [/INST]");
    CHECK(t.render(k_multi_no_system, true) ==
          "<s>[INST] What is the governing law? [/INST]  Delaware law.  </s>[INST] And the "
          "notice period? [/INST]");
    // Its template refuses system messages; ours puts one before the first
    // user text.
    CHECK(t.render(k_with_system, true) ==
          "<s>[INST] You extract contract clauses.\n\nWhat is the governing law? [/INST]");
    CHECK_THROWS_WITH(t.render(Messages{k_assistant}, true),
                      Catch::Contains("message 1 of the turns is 'assistant'"));
}

TEST_CASE("chat: the plain format joins the texts without special tokens", "[chat]") {
    const ChatTemplate t(ChatFamily::plain);
    CHECK(t.render(k_single, true) == "What is the governing law?");
    CHECK(t.render(k_with_system, true) ==
          "You extract contract clauses.\n\nWhat is the governing law?");
    CHECK(t.render(Messages{{"system", ""}, k_user}, false) == "What is the governing law?");
    CHECK(t.end_of_turn().empty());
}

TEST_CASE("chat: render refuses unknown roles and empty conversations", "[chat]") {
    for (const ChatFamily family : {ChatFamily::llama3, ChatFamily::chatml, ChatFamily::phi3,
                                    ChatFamily::llama2, ChatFamily::plain}) {
        const ChatTemplate t(family);
        CHECK_THROWS_WITH(t.render(Messages{{"tool", "x"}}, true),
                          "unknown chat role 'tool'; roles are system, user and assistant");
        CHECK_THROWS_WITH(t.render(Messages{}, true), "a conversation needs at least one message");
    }
}

TEST_CASE("chat: detection of the real templates and of unknown ones", "[chat]") {
    const auto family_of = [](const std::string& jinja) -> std::optional<ChatFamily> {
        const std::optional<ChatTemplate> t = ChatTemplate::detect(jinja);
        return t ? std::optional(t->family()) : std::nullopt;
    };
    CHECK(family_of(fixture("llama-3.2-3b-instruct.jinja")) == ChatFamily::llama3);
    CHECK(family_of(fixture("qwen2.5-3b-instruct.jinja")) == ChatFamily::chatml);
    CHECK(family_of(fixture("phi-3.5-mini-instruct.jinja")) == ChatFamily::phi3);
    CHECK(family_of(fixture("llama-2-7b-chat.jinja")) == ChatFamily::llama2);
    CHECK(family_of(fixture("mistral-7b-instruct-v0.2.jinja")) == ChatFamily::llama2);

    // Gemma's template (google/gemma-7b-it) is none of ours.
    CHECK_FALSE(family_of("{% for message in messages %}{{ '<start_of_turn>' + message['role'] + "
                          "'\\n' + message['content'] | trim + '<end_of_turn>\\n' }}{% endfor "
                          "%}{% if add_generation_prompt %}{{'<start_of_turn>model\\n'}}{% endif "
                          "%}"));
    CHECK_FALSE(family_of(""));
    // Zephyr writes <|user|> but ends turns with EOS, not <|end|>.
    CHECK_FALSE(family_of("{% for message in messages %}{% if message['role'] == 'user' %}{{ "
                          "'<|user|>\\n' + message['content'] + eos_token }}{% endif %}{% endfor "
                          "%}"));
}

TEST_CASE("chat: choosing a template by name", "[chat]") {
    CHECK(ChatTemplate::parse_family("llama3") == ChatFamily::llama3);
    CHECK(ChatTemplate::parse_family("chatml") == ChatFamily::chatml);
    CHECK(ChatTemplate::parse_family("phi3") == ChatFamily::phi3);
    CHECK(ChatTemplate::parse_family("llama2") == ChatFamily::llama2);
    CHECK(ChatTemplate::parse_family("plain") == ChatFamily::plain);
    CHECK_THROWS_AS(ChatTemplate::parse_family("Llama3"), ChatTemplateError);
    CHECK_THROWS_WITH(ChatTemplate::parse_family("bogus"),
                      "unknown chat template 'bogus'; choose one of: llama3, chatml, phi3, llama2, "
                      "plain");

    // By name on a Qwen file: its default system prompt is kept for chatml...
    const ModelFile qwen(fixture("qwen2.5-3b-instruct.jinja"));
    ChatTemplate t = ChatTemplate::from_gguf(qwen.file, "chatml");
    CHECK(t.family() == ChatFamily::chatml);
    CHECK(t.origin() == "chosen by name");
    CHECK(t.warning().empty());
    CHECK(t.render(k_single, true).starts_with(k_qwen_default));
    // ...and another family gets that family's reference format, with the
    // file's own BOS text.
    t = ChatTemplate::from_gguf(qwen.file, "llama3");
    CHECK(t.family() == ChatFamily::llama3);
    CHECK(t.bos_text() == "<s>");
    CHECK(t.render(k_single, true)
              .starts_with(
                  "<s><|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge Date"));
    CHECK_THROWS_WITH(ChatTemplate::from_gguf(qwen.file, "bogus"),
                      Catch::Contains("choose one of: llama3, chatml, phi3, llama2, plain"));
}

TEST_CASE("chat: the template of a model file", "[chat]") {
    const ModelFile phi(fixture("phi-3.5-mini-instruct.jinja"));
    ChatTemplate t = ChatTemplate::from_gguf(phi.file);
    CHECK(t.family() == ChatFamily::phi3);
    CHECK(t.origin() == "detected from the model's chat template");
    CHECK(t.warning().empty());
    // BOS and EOS texts come from the file's vocabulary (hand_vocab: <s>, </s>).
    CHECK(t.bos_text() == "<s>");
    CHECK(t.eos_text() == "</s>");
    CHECK(t.render(k_single, false) == "<|user|>\nWhat is the governing law?<|end|>\n</s>");

    const ModelFile llama2(fixture("llama-2-7b-chat.jinja"));
    CHECK(ChatTemplate::from_gguf(llama2.file).render(k_multi_no_system, true) ==
          "<s>[INST] What is the governing law? [/INST] Delaware law. </s><s>[INST] And the "
          "notice period? [/INST]");

    const ModelFile none("");
    t = ChatTemplate::from_gguf(none.file);
    CHECK(t.family() == ChatFamily::plain);
    CHECK(t.origin() == "the model file has no chat template");
    CHECK_THAT(t.warning(), Catch::StartsWith("the model file has no chat template") &&
                                Catch::Contains("llama3, chatml, phi3, llama2, plain"));

    const ModelFile gemma("{{ '<start_of_turn>' + message['role'] }}");
    t = ChatTemplate::from_gguf(gemma.file);
    CHECK(t.family() == ChatFamily::plain);
    CHECK_THAT(t.warning(), Catch::StartsWith("the model's chat template is none of the known "
                                              "ones (Llama 3, ChatML, Phi-3, Llama 2)"));
    // Choosing by name silences the warning.
    CHECK(ChatTemplate::from_gguf(gemma.file, "plain").warning().empty());
}

TEST_CASE("chat: end-of-turn tokens resolve to control token ids", "[chat]") {
    const ChatVocab v;
    const Tokenizer tok = Tokenizer::from_vocab(v.vocab);
    CHECK(end_of_turn_ids(ChatTemplate(ChatFamily::llama3), tok) == Ids{v.eot, v.eom, hand::eos});
    CHECK(end_of_turn_ids(ChatTemplate(ChatFamily::chatml), tok) == Ids{v.im_end, hand::eos});
    CHECK(end_of_turn_ids(ChatTemplate(ChatFamily::phi3), tok) == Ids{hand::end, hand::eos});
    // Llama 2's end of turn is EOS itself: listed once.
    CHECK(end_of_turn_ids(ChatTemplate(ChatFamily::llama2), tok) == Ids{hand::eos});
    CHECK(end_of_turn_ids(ChatTemplate(ChatFamily::plain), tok) == Ids{hand::eos});
}

TEST_CASE("chat: end-of-turn texts the vocabulary lacks are ignored", "[chat]") {
    // hand_vocab has none of Llama 3's or ChatML's tokens: their texts encode
    // as several ordinary pieces, which must not stop generation.
    const Tokenizer plain_tok = Tokenizer::from_vocab(hand_vocab());
    CHECK(plain_tok.encode("<|eot_id|>", false, true).size() > 1);
    CHECK(end_of_turn_ids(ChatTemplate(ChatFamily::llama3), plain_tok) == Ids{hand::eos});
    CHECK(end_of_turn_ids(ChatTemplate(ChatFamily::chatml), plain_tok) == Ids{hand::eos});

    // A single token that is not a control token does not count either.
    const ChatVocab v(false);
    const Tokenizer tok = Tokenizer::from_vocab(v.vocab);
    CHECK(tok.encode("<|im_end|>", false, true) == Ids{v.im_end});
    CHECK(end_of_turn_ids(ChatTemplate(ChatFamily::chatml), tok) == Ids{hand::eos});

    // Without EOS, only the template's own tokens remain.
    SpmVocab no_eos = ChatVocab().vocab;
    no_eos.eos_id = -1;
    const Tokenizer no_eos_tok = Tokenizer::from_vocab(no_eos);
    CHECK(end_of_turn_ids(ChatTemplate(ChatFamily::llama3), no_eos_tok) == Ids{v.eot, v.eom});
}

TEST_CASE("chat: a rendered prompt starts with exactly one BOS", "[chat]") {
    const Tokenizer tok = Tokenizer::from_vocab(hand_vocab());
    // Llama 2's template writes BOS itself: the tokenizer adds none.
    const ChatTemplate llama2(ChatFamily::llama2);
    const std::string text = llama2.render(Messages{{"user", "ab"}}, true);
    REQUIRE(text == "<s>[INST] ab [/INST]");
    const Ids ids = encode_chat(tok, text, true);
    REQUIRE(ids.size() > 2);
    CHECK(ids[0] == hand::bos);
    CHECK(ids[1] != hand::bos);
    CHECK(ids == tok.encode(text, false, true));

    // The plain format writes none: the tokenizer adds it when asked.
    const ChatTemplate plain(ChatFamily::plain);
    CHECK(encode_chat(tok, plain.render(Messages{{"user", "ab"}}, true), true) ==
          Ids{hand::bos, hand::space_ab});
    CHECK(encode_chat(tok, plain.render(Messages{{"user", "ab"}}, true), false) ==
          Ids{hand::space_ab});

    // Control tokens in the rendered text become their ids.
    const ChatTemplate phi3(ChatFamily::phi3);
    const Ids phi_ids = encode_chat(tok, phi3.render(Messages{{"user", "ab"}}, true), true);
    CHECK(phi_ids.front() == hand::bos);
    CHECK(phi_ids[1] == hand::user);
    CHECK(std::count(phi_ids.begin(), phi_ids.end(), hand::end) == 1);
}

TEST_CASE("chat: Llama 3 on a byte-level BPE vocabulary: one BOS, its end tokens", "[chat]") {
    // Byte tokens (id = byte value), then Llama 3's special tokens, as a
    // Llama 3.2 Instruct GGUF has them: BOS written by the template, EOS
    // <|eot_id|>, and add_bos set.
    BpeVocab v;
    for (int byte = 0; byte < 256; ++byte) {
        v.tokens.push_back(byte_level_encode(std::string(1, static_cast<char>(byte))));
        v.types.push_back(TokenType::normal);
    }
    const auto special = [&](const std::string& text) {
        v.tokens.push_back(text);
        v.types.push_back(TokenType::control);
        return static_cast<std::int32_t>(v.tokens.size() - 1);
    };
    const std::int32_t begin = special("<|begin_of_text|>");
    const std::int32_t start_header = special("<|start_header_id|>");
    const std::int32_t end_header = special("<|end_header_id|>");
    const std::int32_t eot = special("<|eot_id|>");
    const std::int32_t eom = special("<|eom_id|>");
    const std::int32_t end_of_text = special("<|end_of_text|>");
    v.pre = "llama-bpe";
    v.bos_id = begin;
    v.eos_id = eot;
    v.add_bos = true;
    const Tokenizer tok = Tokenizer::from_vocab(v);

    const ChatTemplate t =
        detected("llama-3.2-3b-instruct.jinja", "<|begin_of_text|>", "<|eot_id|>");
    const Ids ids = encode_chat(tok, t.render(Messages{{"user", "Hi"}}, true), tok.add_bos());
    REQUIRE(ids.size() > 2);
    CHECK(ids[0] == begin);
    CHECK(std::count(ids.begin(), ids.end(), begin) == 1);
    CHECK(ids[1] == start_header);
    CHECK(std::count(ids.begin(), ids.end(), start_header) == 3); // system, user, assistant
    CHECK(std::count(ids.begin(), ids.end(), end_header) == 3);
    CHECK(std::count(ids.begin(), ids.end(), eot) == 2);
    // The text between the control tokens is ordinary bytes: "Hi" is there.
    const Ids hi{b('H'), b('i'), eot};
    CHECK(std::search(ids.begin(), ids.end(), hi.begin(), hi.end()) != ids.end());

    // EOS is <|eot_id|> itself here: listed once; <|end_of_text|> is neither.
    CHECK(end_of_turn_ids(t, tok) == Ids{eot, eom});
    CHECK(std::find(ids.begin(), ids.end(), end_of_text) == ids.end());
}
