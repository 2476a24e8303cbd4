#include "tokenizer/tokenizer.h"

#include "tokenizer/bpe_gguf.h"
#include "tokenizer/bpe_model.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/spm_gguf.h"
#include "tokenizer/spm_proto.h"
#include "tokenizer/tokenizer_error.h"

#include <algorithm>
#include <sentencepiece_processor.h>

namespace clauselens::tokenizer {

namespace {

constexpr std::string_view k_space_symbol = "\u2581"; // "▁", sentencepiece's escaped space
// What sentencepiece decodes the unknown token to (TrainerSpec.unk_surface's default).
constexpr std::string_view k_unknown_surface = " \u2047 ";

[[noreturn]] void fail_status(const char* what, const sentencepiece::util::Status& status) {
    std::string message = what;
    message += ": ";
    message += status.ToString();
    throw TokenizerError(message);
}

std::string unescape_spaces(std::string_view piece) {
    std::string out;
    out.reserve(piece.size());
    std::size_t i = 0;
    while (i < piece.size()) {
        if (piece.substr(i, k_space_symbol.size()) == k_space_symbol) {
            out += ' ';
            i += k_space_symbol.size();
        } else {
            out += piece[i];
            ++i;
        }
    }
    return out;
}

} // namespace

Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

Tokenizer Tokenizer::from_gguf(const gguf::GgufFile& file) {
    const gguf::Value* model = file.find("tokenizer.ggml.model");
    if (model != nullptr && model->type() == gguf::ValueType::string &&
        model->as_string() == "gpt2") {
        return from_vocab(read_bpe_vocab(file));
    }
    return from_vocab(read_spm_vocab(file));
}

Tokenizer Tokenizer::from_vocab(const BpeVocab& vocab) {
    Tokenizer t;
    t.bpe_ = std::make_unique<BpeModel>(vocab);
    t.pieces_ = vocab.tokens;
    t.types_ = vocab.types;
    t.index_special_tokens(true);
    t.bos_ = vocab.bos_id;
    t.eos_ = vocab.eos_id;
    t.unk_ = vocab.unk_id;
    t.add_bos_ = vocab.add_bos;
    t.add_space_prefix_ = false;
    return t;
}

void Tokenizer::index_special_tokens(bool user_defined_always) {
    for (std::size_t id = 0; id < pieces_.size(); ++id) {
        const bool control = types_[id] == TokenType::control;
        const bool always = user_defined_always && types_[id] == TokenType::user_defined;
        if ((control || always) && !pieces_[id].empty()) {
            special_tokens_.push_back({pieces_[id], static_cast<std::int32_t>(id), always});
            any_always_ = any_always_ || always;
        }
    }
    std::stable_sort(special_tokens_.begin(), special_tokens_.end(),
                     [](const auto& a, const auto& b) { return a.text.size() > b.text.size(); });
    for (const SpecialToken& token : special_tokens_) {
        special_first_bytes_[static_cast<unsigned char>(token.text[0])] = true;
    }
}

Tokenizer Tokenizer::from_vocab(const SpmVocab& vocab) {
    validate(vocab);
    Tokenizer t;
    t.processor_ = std::make_unique<sentencepiece::SentencePieceProcessor>();
    const auto status = t.processor_->LoadFromSerializedProto(serialize_model_proto(vocab));
    if (!status.ok()) {
        fail_status("sentencepiece rejected the vocabulary", status);
    }
    if (t.processor_->GetPieceSize() != static_cast<int>(vocab.pieces.size())) {
        throw TokenizerError("sentencepiece loaded a different number of pieces");
    }
    t.pieces_ = vocab.pieces;
    t.types_ = vocab.types;
    // sentencepiece matches user-defined pieces itself.
    t.index_special_tokens(false);
    t.bos_ = vocab.bos_id;
    t.eos_ = vocab.eos_id;
    t.unk_ = vocab.unk_id;
    t.add_bos_ = vocab.add_bos;
    t.add_space_prefix_ = vocab.add_space_prefix;
    return t;
}

std::size_t Tokenizer::index(std::int32_t id) const {
    if (id < 0 || static_cast<std::size_t>(id) >= pieces_.size()) {
        std::string message = "token id ";
        message += std::to_string(id);
        message += " is outside the vocabulary of ";
        message += std::to_string(pieces_.size());
        message += " tokens";
        throw TokenizerError(message);
    }
    return static_cast<std::size_t>(id);
}

void Tokenizer::encode_text(std::string_view text, std::vector<std::int32_t>& ids) const {
    if (text.empty()) {
        return;
    }
    if (bpe_) {
        bpe_->encode(text, ids);
        return;
    }
    std::vector<int> out;
    const auto status = processor_->Encode(text, &out);
    if (!status.ok()) {
        fail_status("sentencepiece could not encode the text", status);
    }
    ids.insert(ids.end(), out.begin(), out.end());
}

std::vector<std::int32_t> Tokenizer::encode(std::string_view text, bool add_bos,
                                            bool parse_special) const {
    std::vector<std::int32_t> ids;
    if (add_bos && bos_ >= 0) {
        ids.push_back(bos_);
    }
    if (special_tokens_.empty() || (!parse_special && !any_always_)) {
        encode_text(text, ids);
        return ids;
    }
    std::size_t start = 0; // of the text not yet encoded
    std::size_t i = 0;
    while (i < text.size()) {
        const std::int32_t special = special_at(text, i, parse_special);
        if (special < 0) {
            ++i;
            continue;
        }
        encode_text(text.substr(start, i - start), ids);
        ids.push_back(special);
        i += pieces_[static_cast<std::size_t>(special)].size();
        start = i;
    }
    encode_text(text.substr(start), ids);
    return ids;
}

std::int32_t Tokenizer::special_at(std::string_view text, std::size_t pos,
                                   bool parse_special) const {
    if (!special_first_bytes_[static_cast<unsigned char>(text[pos])]) {
        return -1;
    }
    const std::string_view rest = text.substr(pos);
    for (const SpecialToken& token : special_tokens_) { // longest first
        if ((parse_special || token.always) && rest.starts_with(token.text)) {
            return token.id;
        }
    }
    return -1;
}

std::string Tokenizer::decode(std::span<const std::int32_t> ids) const {
    if (bpe_) {
        std::string bytes;
        for (const std::int32_t id : ids) {
            bytes += bpe_->token_bytes(static_cast<std::int32_t>(index(id)));
        }
        return valid_utf8(bytes);
    }
    std::vector<int> in;
    in.reserve(ids.size());
    for (const std::int32_t id : ids) {
        index(id); // sentencepiece does not check
        in.push_back(id);
    }
    std::string text;
    const auto status = processor_->Decode(in, &text);
    if (!status.ok()) {
        fail_status("sentencepiece could not decode the ids", status);
    }
    return text;
}

std::string Tokenizer::piece(std::int32_t id, std::int32_t previous) const {
    const std::size_t i = index(id);
    if (previous != -1) {
        index(previous);
    }
    if (bpe_) {
        return bpe_->token_bytes(id);
    }
    switch (types_[i]) {
    case TokenType::control:
        return {};
    case TokenType::unknown:
        return std::string(k_unknown_surface);
    case TokenType::byte:
        return std::string(1, static_cast<char>(byte_piece_value(pieces_[i])));
    default:
        break;
    }
    std::string text = unescape_spaces(pieces_[i]);
    const bool at_start = previous == -1 || previous == bos_;
    if (add_space_prefix_ && at_start && !text.empty() && text[0] == ' ') {
        text.erase(0, 1);
    }
    return text;
}

std::string Tokenizer::token_bytes(std::int32_t id) const {
    const std::size_t i = index(id);
    if (bpe_) {
        return bpe_->token_bytes(id);
    }
    switch (types_[i]) {
    case TokenType::control:
        return {};
    case TokenType::unknown:
        return std::string(k_unknown_surface);
    case TokenType::byte:
        return std::string(1, static_cast<char>(byte_piece_value(pieces_[i])));
    default:
        return unescape_spaces(pieces_[i]);
    }
}

const std::string& Tokenizer::raw_piece(std::int32_t id) const {
    return pieces_[index(id)];
}

TokenType Tokenizer::type(std::int32_t id) const {
    return types_[index(id)];
}

} // namespace clauselens::tokenizer
