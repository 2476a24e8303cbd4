#include "tokenizer/bpe_gguf.h"

#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/tokenizer_error.h"

#include <string>
#include <string_view>

namespace clauselens::tokenizer {

namespace {

constexpr std::string_view k_model = "tokenizer.ggml.model";
constexpr std::string_view k_pre = "tokenizer.ggml.pre";
constexpr std::string_view k_tokens = "tokenizer.ggml.tokens";
constexpr std::string_view k_token_type = "tokenizer.ggml.token_type";
constexpr std::string_view k_merges = "tokenizer.ggml.merges";
constexpr std::string_view k_bos_id = "tokenizer.ggml.bos_token_id";
constexpr std::string_view k_eos_id = "tokenizer.ggml.eos_token_id";
constexpr std::string_view k_unk_id = "tokenizer.ggml.unknown_token_id";
constexpr std::string_view k_pad_id = "tokenizer.ggml.padding_token_id";
constexpr std::string_view k_add_bos = "tokenizer.ggml.add_bos_token";
constexpr std::string_view k_add_eos = "tokenizer.ggml.add_eos_token";

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

std::vector<TokenType> read_types(const gguf::GgufFile& file, std::size_t n) {
    const gguf::Value* value = file.find(k_token_type);
    if (value == nullptr) {
        return std::vector<TokenType>(n, TokenType::normal);
    }
    const std::vector<std::int64_t> raw = value->as_array().ints();
    if (raw.size() != n) {
        throw TokenizerError(std::string(k_tokens) + " has " + std::to_string(n) + " entries but " +
                             std::string(k_token_type) + " has " + std::to_string(raw.size()));
    }
    std::vector<TokenType> types;
    types.reserve(n);
    for (std::size_t id = 0; id < n; ++id) {
        const std::int64_t t = raw[id];
        if (t < 0 || t > 6) {
            throw TokenizerError(std::string(k_token_type) + '[' + std::to_string(id) + "] is " +
                                 std::to_string(t) + ", expected 1 to 6");
        }
        // 0 is llama.cpp's "undefined", which it tokenizes as normal text.
        types.push_back(t == 0 ? TokenType::normal : static_cast<TokenType>(t));
    }
    return types;
}

} // namespace

BpeVocab read_bpe_vocab(const gguf::GgufFile& file) {
    const std::string_view model = file.get_string(k_model);
    if (model != "gpt2") {
        throw TokenizerError(std::string(k_model) + " is " + gguf::quote(model) +
                             ", not gpt2 (byte-level BPE)");
    }
    BpeVocab vocab;
    const gguf::Value* pre = file.find(k_pre);
    if (pre == nullptr) {
        throw TokenizerError(std::string(k_pre) +
                             " is missing: the file does not say how to split text into words "
                             "(supported: " +
                             supported_pre_tokenizers() + ")");
    }
    vocab.pre = std::string(pre->as_string());

    const std::vector<std::string_view> tokens = file.get_array(k_tokens).strings();
    vocab.tokens.assign(tokens.begin(), tokens.end());
    const std::size_t n = vocab.tokens.size();
    vocab.types = read_types(file, n);
    if (const gguf::Value* merges = file.find(k_merges); merges != nullptr) {
        const std::vector<std::string_view> strings = merges->as_array().strings();
        vocab.merges.assign(strings.begin(), strings.end());
    }

    vocab.bos_id = checked_id(read_id(file, k_bos_id), k_bos_id, n);
    vocab.eos_id = checked_id(read_id(file, k_eos_id), k_eos_id, n);
    vocab.unk_id = checked_id(read_id(file, k_unk_id), k_unk_id, n);
    const std::int64_t pad = read_id(file, k_pad_id);
    vocab.pad_id =
        pad >= 0 && static_cast<std::uint64_t>(pad) < n ? static_cast<std::int32_t>(pad) : -1;

    const PreTokenizerSpec* spec = find_pre_tokenizer(vocab.pre);
    vocab.add_bos = read_flag(file, k_add_bos, spec != nullptr && spec->add_bos);
    vocab.add_eos = read_flag(file, k_add_eos, false);
    validate(vocab);
    return vocab;
}

void write_bpe_vocab(gguf::GgufWriter& writer, const BpeVocab& vocab) {
    validate(vocab);
    writer.add_string(k_model, "gpt2");
    writer.add_string(k_pre, vocab.pre);
    writer.add_array(k_tokens, gguf::ArrayBuilder::of_strings(vocab.tokens));
    std::vector<std::int32_t> types;
    types.reserve(vocab.types.size());
    for (const TokenType t : vocab.types) {
        types.push_back(static_cast<std::int32_t>(t));
    }
    writer.add_array(k_token_type, gguf::ArrayBuilder::of_i32(types));
    writer.add_array(k_merges, gguf::ArrayBuilder::of_strings(vocab.merges));
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
}

} // namespace clauselens::tokenizer
