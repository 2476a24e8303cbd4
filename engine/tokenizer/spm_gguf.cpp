#include "tokenizer/spm_gguf.h"

#include "tokenizer/tokenizer_error.h"

#include <string>
#include <string_view>

namespace clauselens::tokenizer {

namespace {

constexpr std::string_view k_model = "tokenizer.ggml.model";
constexpr std::string_view k_tokens = "tokenizer.ggml.tokens";
constexpr std::string_view k_scores = "tokenizer.ggml.scores";
constexpr std::string_view k_token_type = "tokenizer.ggml.token_type";
constexpr std::string_view k_bos_id = "tokenizer.ggml.bos_token_id";
constexpr std::string_view k_eos_id = "tokenizer.ggml.eos_token_id";
constexpr std::string_view k_unk_id = "tokenizer.ggml.unknown_token_id";
constexpr std::string_view k_pad_id = "tokenizer.ggml.padding_token_id";
constexpr std::string_view k_add_bos = "tokenizer.ggml.add_bos_token";
constexpr std::string_view k_add_eos = "tokenizer.ggml.add_eos_token";
constexpr std::string_view k_add_space_prefix = "tokenizer.ggml.add_space_prefix";

// llama.cpp writes special ids as u32; -1 (absent) sometimes arrives as 2^32-1.
std::int64_t read_id(const gguf::GgufFile& file, std::string_view key) {
    const gguf::Value* value = file.find(key);
    if (value == nullptr) {
        return -1;
    }
    const std::int64_t id = value->to_int();
    return id == 0xffffffff ? -1 : id;
}

std::int32_t checked_id(std::int64_t id, std::string_view key, std::size_t n) {
    if (id < -1 || (id >= 0 && static_cast<std::uint64_t>(id) >= n)) {
        std::string message(key);
        message += " is ";
        message += std::to_string(id);
        message += ", outside the vocabulary of ";
        message += std::to_string(n);
        message += " tokens";
        throw TokenizerError(message);
    }
    return static_cast<std::int32_t>(id);
}

bool read_flag(const gguf::GgufFile& file, std::string_view key, bool fallback) {
    const gguf::Value* value = file.find(key);
    return value == nullptr ? fallback : value->as_bool();
}

void check_model(const gguf::GgufFile& file) {
    const gguf::Value* value = file.find(k_model);
    if (value == nullptr) {
        throw TokenizerError("the file has no tokenizer (tokenizer.ggml.model is missing)");
    }
    const std::string_view model = value->as_string();
    if (model == "llama") {
        return;
    }
    std::string message;
    if (model == "gpt2") {
        message = "gpt2 is a byte-level BPE vocabulary, not an SPM one";
    } else if (model == "bert") {
        message = "bert (WordPiece) tokenizers are not supported";
    } else if (model == "t5") {
        message = "t5 (sentencepiece unigram) tokenizers are not supported";
    } else if (model == "none" || model == "no_vocab") {
        message = "the file has no tokenizer (tokenizer.ggml.model is ";
        message += gguf::quote(model);
        message += ')';
    } else {
        message = "unknown tokenizer.ggml.model ";
        message += gguf::quote(model);
    }
    throw TokenizerError(message);
}

std::vector<TokenType> read_types(const gguf::Value& value, std::size_t n) {
    const std::vector<std::int64_t> raw = value.as_array().ints();
    std::vector<TokenType> types;
    types.reserve(raw.size());
    for (std::size_t id = 0; id < raw.size(); ++id) {
        const std::int64_t t = raw[id];
        if (t < 0 || t > 6) {
            std::string message(k_token_type);
            message += '[';
            message += std::to_string(id);
            message += "] is ";
            message += std::to_string(t);
            message += ", expected 1 to 6";
            throw TokenizerError(message);
        }
        // 0 is llama.cpp's "undefined", which it tokenizes as normal text.
        types.push_back(t == 0 ? TokenType::normal : static_cast<TokenType>(t));
    }
    if (types.size() != n) {
        std::string message(k_tokens);
        message += " has ";
        message += std::to_string(n);
        message += " entries but ";
        message += k_token_type;
        message += " has ";
        message += std::to_string(types.size());
        throw TokenizerError(message);
    }
    return types;
}

} // namespace

SpmVocab read_spm_vocab(const gguf::GgufFile& file) {
    check_model(file);
    SpmVocab vocab;

    const std::vector<std::string_view> tokens = file.get_array(k_tokens).strings();
    vocab.pieces.assign(tokens.begin(), tokens.end());
    const std::size_t n = vocab.pieces.size();

    const gguf::Value* scores = file.find(k_scores);
    if (scores == nullptr) {
        std::string message(k_scores);
        message += " is missing: an SPM vocabulary needs a score per token";
        throw TokenizerError(message);
    }
    vocab.scores = scores->as_array().floats();
    if (vocab.scores.size() != n) {
        std::string message(k_tokens);
        message += " has ";
        message += std::to_string(n);
        message += " entries but ";
        message += k_scores;
        message += " has ";
        message += std::to_string(vocab.scores.size());
        throw TokenizerError(message);
    }

    vocab.bos_id = checked_id(read_id(file, k_bos_id), k_bos_id, n);
    vocab.eos_id = checked_id(read_id(file, k_eos_id), k_eos_id, n);
    vocab.unk_id = checked_id(read_id(file, k_unk_id), k_unk_id, n);
    const std::int64_t pad = read_id(file, k_pad_id);
    vocab.pad_id =
        pad >= 0 && static_cast<std::uint64_t>(pad) < n ? static_cast<std::int32_t>(pad) : -1;

    if (const gguf::Value* types = file.find(k_token_type); types != nullptr) {
        vocab.types = read_types(*types, n);
    } else {
        vocab.types = infer_token_types(vocab.pieces, vocab.unk_id, vocab.bos_id, vocab.eos_id);
    }
    if (vocab.unk_id < 0) {
        for (std::size_t id = 0; id < n; ++id) {
            if (vocab.types[id] == TokenType::unknown) {
                vocab.unk_id = static_cast<std::int32_t>(id);
                break;
            }
        }
    }

    vocab.add_bos = read_flag(file, k_add_bos, true);
    vocab.add_eos = read_flag(file, k_add_eos, false);
    vocab.add_space_prefix = read_flag(file, k_add_space_prefix, true);
    validate(vocab);
    return vocab;
}

void write_spm_vocab(gguf::GgufWriter& writer, const SpmVocab& vocab) {
    validate(vocab);
    writer.add_string(k_model, "llama");
    writer.add_array(k_tokens, gguf::ArrayBuilder::of_strings(vocab.pieces));
    writer.add_array(k_scores, gguf::ArrayBuilder::of_f32(vocab.scores));
    std::vector<std::int32_t> types;
    types.reserve(vocab.types.size());
    for (const TokenType t : vocab.types) {
        types.push_back(static_cast<std::int32_t>(t));
    }
    writer.add_array(k_token_type, gguf::ArrayBuilder::of_i32(types));
    const auto add_id = [&](std::string_view key, std::int32_t id) {
        if (id >= 0) {
            writer.add_u32(key, static_cast<std::uint32_t>(id));
        }
    };
    add_id(k_bos_id, vocab.bos_id);
    add_id(k_eos_id, vocab.eos_id);
    add_id(k_unk_id, vocab.unk_id);
    add_id(k_pad_id, vocab.pad_id);
    writer.add_bool(k_add_bos, vocab.add_bos);
    writer.add_bool(k_add_eos, vocab.add_eos);
    writer.add_bool(k_add_space_prefix, vocab.add_space_prefix);
}

} // namespace clauselens::tokenizer
