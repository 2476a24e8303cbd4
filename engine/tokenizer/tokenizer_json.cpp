#include "tokenizer/tokenizer_json.h"

#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/tokenizer_error.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace clauselens::tokenizer {

namespace {

using nlohmann::json;

// Far above any real vocabulary (Gemma's 256k), low enough that a hostile id
// cannot make us allocate gigabytes.
constexpr std::int64_t k_max_vocab = 1 << 22;

[[noreturn]] void fail(const std::string& message) {
    throw TokenizerError(message);
}

const json& member(const json& object, const char* key, const char* where) {
    if (!object.is_object() || !object.contains(key)) {
        fail(std::string(where) + " has no \"" + key + "\"");
    }
    return object.at(key);
}

std::int32_t checked_id(const json& value, const std::string& where) {
    if (!value.is_number_integer()) {
        fail(where + " is not an integer id");
    }
    const auto id = value.get<std::int64_t>();
    if (id < 0 || id >= k_max_vocab) {
        fail(where + " is " + std::to_string(id) + ", outside 0.." +
             std::to_string(k_max_vocab - 1));
    }
    return static_cast<std::int32_t>(id);
}

// The converter's rule: added tokens that are not marked special but look
// like control tokens are stored as control tokens.
bool looks_special(const std::string& text) {
    return text == "<pad>" || text == "<mask>" || text == "<2mass>" || text == "[@BOS@]" ||
           (text.starts_with("<|") && text.ends_with("|>")) ||
           (text.starts_with("<unused") && text.ends_with(">"));
}

// The Split expression and whether a ByteLevel step (and its own GPT-2
// expression) is there, from a pre_tokenizer or one of a Sequence's steps.
void walk_pre_tokenizer(const json& node, std::vector<std::string>& regexes, bool& byte_level,
                        bool& byte_level_regex) {
    if (!node.is_object()) {
        return;
    }
    const std::string type = node.value("type", "");
    if (type == "Sequence") {
        for (const json& step : node.value("pretokenizers", json::array())) {
            walk_pre_tokenizer(step, regexes, byte_level, byte_level_regex);
        }
    } else if (type == "Split") {
        const json pattern = node.value("pattern", json::object());
        if (pattern.contains("Regex") && pattern["Regex"].is_string()) {
            regexes.push_back(pattern["Regex"].get<std::string>());
        } else {
            fail("the pre-tokenizer splits on a fixed string, which no supported model does");
        }
    } else if (type == "ByteLevel") {
        byte_level = true;
        byte_level_regex = byte_level_regex || node.value("use_regex", true);
    } else {
        fail("the pre-tokenizer has a " + type + " step, which no supported model has");
    }
}

std::string pre_tokenizer_name(const json& root) {
    std::vector<std::string> regexes;
    bool byte_level = false;
    bool byte_level_regex = false;
    walk_pre_tokenizer(root.value("pre_tokenizer", json()), regexes, byte_level, byte_level_regex);
    if (!byte_level) {
        fail("the pre-tokenizer has no ByteLevel step: this is not a byte-level BPE tokenizer");
    }
    if (regexes.empty() && byte_level_regex) {
        return "gpt-2";
    }
    if (regexes.size() == 1 && !byte_level_regex) {
        const std::string_view name = pre_tokenizer_for_regex(regexes[0]);
        if (!name.empty()) {
            return std::string(name);
        }
        fail("the pre-tokenizer's expression " + regexes[0] +
             " is not one ClauseLens knows (supported: those of " + supported_pre_tokenizers() +
             ")");
    }
    fail("the pre-tokenizer combines " + std::to_string(regexes.size()) +
         " expressions in a way no supported model does");
}

// A token named in tokenizer_config.json: a string, an object with
// "content", or null.
std::string token_text(const json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_object() && value.contains("content") && value["content"].is_string()) {
        return value["content"].get<std::string>();
    }
    return {};
}

std::int32_t id_of(const BpeVocab& vocab, const std::string& text, const char* what) {
    if (text.empty()) {
        return -1;
    }
    for (std::size_t id = 0; id < vocab.tokens.size(); ++id) {
        if (vocab.tokens[id] == text) {
            return static_cast<std::int32_t>(id);
        }
    }
    fail(std::string("tokenizer_config.json names ") + what + " \"" + text +
         "\", which is not in the vocabulary");
}

json parse(std::string_view text, const char* what) {
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        fail(std::string(what) + " is not valid JSON: " + e.what());
    }
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail("cannot open the file");
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (!in.good() && !in.eof()) {
        fail("cannot read the file");
    }
    return text.str();
}

} // namespace

BpeVocab parse_tokenizer_json(std::string_view text, std::string_view config_text) {
    const json root = parse(text, "tokenizer.json");
    if (!root.is_object()) {
        fail("tokenizer.json is not a JSON object");
    }
    const json& model = member(root, "model", "tokenizer.json");
    const std::string type = model.is_object() ? model.value("type", "") : "";
    if (type != "BPE") {
        fail("the model is of type \"" + type + "\"; only BPE models are supported");
    }
    if (model.value("byte_fallback", false)) {
        fail("the BPE model has byte_fallback, which byte-level BPE models do not");
    }

    BpeVocab vocab;
    vocab.pre = pre_tokenizer_name(root);

    const json& entries = member(model, "vocab", "the model");
    if (!entries.is_object()) {
        fail("the model's vocab is not an object of token: id");
    }
    std::vector<std::pair<std::int32_t, std::string>> all;
    std::vector<std::pair<std::int32_t, TokenType>> added_types;
    for (const auto& [token, id] : entries.items()) {
        all.emplace_back(checked_id(id, "the id of vocab token \"" + token + "\""), token);
    }
    for (const json& added : root.value("added_tokens", json::array())) {
        const std::string content = added.value("content", "");
        if (content.empty()) {
            fail("an added token has no content");
        }
        const std::int32_t id =
            checked_id(member(added, "id", "an added token"), "the id of added token " + content);
        const bool control = added.value("special", false) || looks_special(content);
        all.emplace_back(id, content);
        added_types.emplace_back(id, control ? TokenType::control : TokenType::user_defined);
    }
    std::int32_t n = 0;
    for (const auto& entry : all) {
        n = std::max(n, entry.first + 1);
    }
    vocab.tokens.assign(static_cast<std::size_t>(n), {});
    vocab.types.assign(static_cast<std::size_t>(n), TokenType::normal);
    for (const auto& [id, token] : all) {
        std::string& slot = vocab.tokens[static_cast<std::size_t>(id)];
        // An added token may repeat a vocab entry of the same id.
        if (!slot.empty() && slot != token) {
            fail("id " + std::to_string(id) + " is given to both \"" + slot + "\" and \"" + token +
                 "\"");
        }
        slot = token;
    }
    for (const auto& [id, t] : added_types) {
        vocab.types[static_cast<std::size_t>(id)] = t;
    }
    for (std::int32_t id = 0; id < n; ++id) {
        if (vocab.tokens[static_cast<std::size_t>(id)].empty()) {
            vocab.tokens[static_cast<std::size_t>(id)] = "[PAD" + std::to_string(id) + "]";
            vocab.types[static_cast<std::size_t>(id)] = TokenType::unused;
        }
    }

    const json& merges = member(model, "merges", "the model");
    if (!merges.is_array()) {
        fail("the model's merges are not an array");
    }
    vocab.merges.reserve(merges.size());
    for (std::size_t rank = 0; rank < merges.size(); ++rank) {
        const json& m = merges[rank];
        // Older files write "a b", newer ones ["a", "b"].
        if (m.is_string()) {
            vocab.merges.push_back(m.get<std::string>());
        } else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
            vocab.merges.push_back(m[0].get<std::string>() + ' ' + m[1].get<std::string>());
        } else {
            fail("merge " + std::to_string(rank) + " is neither \"a b\" nor [\"a\", \"b\"]");
        }
    }

    const PreTokenizerSpec* spec = find_pre_tokenizer(vocab.pre);
    vocab.add_bos = spec->add_bos;
    // A post-processor that puts a special token first adds BOS.
    const json post = root.value("post_processor", json());
    if (post.is_object() && post.value("type", "") == "TemplateProcessing") {
        const json single = post.value("single", json::array());
        vocab.add_bos = false;
        if (single.is_array() && !single.empty() && single[0].contains("SpecialToken")) {
            const std::string name = single[0]["SpecialToken"].value("id", "");
            vocab.bos_id = id_of(vocab, name, "the post-processor's first token");
            vocab.add_bos = true;
        }
    }
    if (!config_text.empty()) {
        const json config = parse(config_text, "tokenizer_config.json");
        if (!config.is_object()) {
            fail("tokenizer_config.json is not a JSON object");
        }
        if (config.contains("bos_token")) {
            vocab.bos_id = id_of(vocab, token_text(config["bos_token"]), "the BOS token");
        }
        vocab.eos_id = id_of(vocab, token_text(config.value("eos_token", json())), "the EOS token");
        vocab.pad_id =
            id_of(vocab, token_text(config.value("pad_token", json())), "the padding token");
        if (config.contains("add_bos_token") && config["add_bos_token"].is_boolean()) {
            vocab.add_bos = config["add_bos_token"].get<bool>();
        }
        if (config.contains("add_eos_token") && config["add_eos_token"].is_boolean()) {
            vocab.add_eos = config["add_eos_token"].get<bool>();
        }
    }
    if (vocab.bos_id < 0) {
        vocab.add_bos = false; // nothing to add
    }
    validate(vocab);
    return vocab;
}

BpeVocab read_tokenizer_json(const std::filesystem::path& path) {
    try {
        const std::string text = read_text(path);
        const std::filesystem::path config_path = path.parent_path() / "tokenizer_config.json";
        std::string config;
        if (std::filesystem::exists(config_path)) {
            config = read_text(config_path);
        }
        return parse_tokenizer_json(text, config);
    } catch (const TokenizerError& e) {
        throw TokenizerError(path.string() + ": " + e.what());
    }
}

} // namespace clauselens::tokenizer
