#include "tokenizer/tokenizer.h"

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
    return from_vocab(read_spm_vocab(file));
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
    for (std::size_t id = 0; id < vocab.pieces.size(); ++id) {
        if (vocab.types[id] == TokenType::control) {
            t.control_tokens_.emplace_back(vocab.pieces[id], static_cast<std::int32_t>(id));
        }
    }
    std::stable_sort(t.control_tokens_.begin(), t.control_tokens_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& [text, id] : t.control_tokens_) {
        t.control_first_bytes_[static_cast<unsigned char>(text[0])] = true;
    }
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
    if (!parse_special || control_tokens_.empty()) {
        encode_text(text, ids);
        return ids;
    }
    std::size_t start = 0; // of the text not yet encoded
    std::size_t i = 0;
    while (i < text.size()) {
        const std::int32_t control = control_at(text, i);
        if (control < 0) {
            ++i;
            continue;
        }
        encode_text(text.substr(start, i - start), ids);
        ids.push_back(control);
        i += pieces_[static_cast<std::size_t>(control)].size();
        start = i;
    }
    encode_text(text.substr(start), ids);
    return ids;
}

std::int32_t Tokenizer::control_at(std::string_view text, std::size_t pos) const {
    if (!control_first_bytes_[static_cast<unsigned char>(text[pos])]) {
        return -1;
    }
    const std::string_view rest = text.substr(pos);
    for (const auto& [piece, id] : control_tokens_) { // longest first
        if (rest.substr(0, piece.size()) == piece) {
            return id;
        }
    }
    return -1;
}

std::string Tokenizer::decode(std::span<const std::int32_t> ids) const {
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
