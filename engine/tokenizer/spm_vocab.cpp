#include "tokenizer/spm_vocab.h"

#include "gguf/gguf_error.h"
#include "tokenizer/tokenizer_error.h"

#include <string_view>
#include <unordered_map>

namespace clauselens::tokenizer {

namespace {

std::string token_name(std::size_t id, std::string_view piece) {
    std::string s = "token ";
    s += std::to_string(id);
    s += ' ';
    s += gguf::quote(piece);
    return s;
}

void check_special_id(const char* name, std::int32_t id, std::size_t n) {
    if (id < -1 || (id >= 0 && static_cast<std::size_t>(id) >= n)) {
        std::string message = name;
        message += " id ";
        message += std::to_string(id);
        message += " is outside the vocabulary of ";
        message += std::to_string(n);
        message += " tokens";
        throw TokenizerError(message);
    }
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    // Upper case only: sentencepiece writes and recognizes byte pieces as "<0x%02X>".
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace

int byte_piece_value(std::string_view piece) {
    if (piece.size() != 6 || piece.substr(0, 3) != "<0x" || piece[5] != '>') {
        return -1;
    }
    const int hi = hex_digit(piece[3]);
    const int lo = hex_digit(piece[4]);
    if (hi < 0 || lo < 0) {
        return -1;
    }
    return hi * 16 + lo;
}

void validate(const SpmVocab& vocab) {
    const std::size_t n = vocab.pieces.size();
    if (n == 0) {
        throw TokenizerError("the vocabulary is empty");
    }
    if (vocab.scores.size() != n || vocab.types.size() != n) {
        std::string message = "the vocabulary has ";
        message += std::to_string(n);
        message += " pieces but ";
        message += std::to_string(vocab.scores.size());
        message += " scores and ";
        message += std::to_string(vocab.types.size());
        message += " token types";
        throw TokenizerError(message);
    }
    // Ids travel as int32 through sentencepiece.
    if (n > static_cast<std::size_t>(INT32_MAX)) {
        throw TokenizerError("the vocabulary has more than 2^31-1 tokens");
    }
    check_special_id("BOS", vocab.bos_id, n);
    check_special_id("EOS", vocab.eos_id, n);
    check_special_id("unknown token", vocab.unk_id, n);
    check_special_id("padding token", vocab.pad_id, n);

    // sentencepiece rejects these too, but with a message that names neither
    // the token nor the file.
    std::int64_t unk = -1;
    std::size_t byte_tokens = 0; // distinct, since pieces are
    std::unordered_map<std::string_view, std::size_t> seen;
    seen.reserve(n);
    for (std::size_t id = 0; id < n; ++id) {
        const std::string& piece = vocab.pieces[id];
        if (piece.empty()) {
            throw TokenizerError(token_name(id, piece) + " is empty");
        }
        const auto [it, inserted] = seen.emplace(piece, id);
        if (!inserted) {
            std::string message = token_name(id, piece);
            message += " repeats token ";
            message += std::to_string(it->second);
            throw TokenizerError(message);
        }
        switch (vocab.types[id]) {
        case TokenType::normal:
        case TokenType::control:
        case TokenType::user_defined:
        case TokenType::unused:
            break;
        case TokenType::unknown:
            if (unk >= 0) {
                std::string message = token_name(id, piece);
                message += " is a second unknown token after token ";
                message += std::to_string(unk);
                throw TokenizerError(message);
            }
            unk = static_cast<std::int64_t>(id);
            break;
        case TokenType::byte:
            if (byte_piece_value(piece) < 0) {
                throw TokenizerError(token_name(id, piece) +
                                     " has type byte but is not of the form <0xNN>");
            }
            ++byte_tokens;
            break;
        default: {
            std::string message = token_name(id, piece);
            message += " has token type ";
            message += std::to_string(static_cast<std::int32_t>(vocab.types[id]));
            message += ", expected 1 to 6";
            throw TokenizerError(message);
        }
        }
    }
    // sentencepiece falls back to bytes only with every byte in the vocabulary.
    if (byte_tokens != 0 && byte_tokens != 256) {
        std::string message = "the vocabulary has ";
        message += std::to_string(byte_tokens);
        message += " byte tokens; byte fallback needs all 256, <0x00> to <0xFF>";
        throw TokenizerError(message);
    }
    if (unk < 0) {
        throw TokenizerError("the vocabulary has no unknown token (token type 2), which "
                             "sentencepiece requires");
    }
    if (vocab.unk_id >= 0 && vocab.unk_id != unk) {
        std::string message = "the unknown token id is ";
        message += std::to_string(vocab.unk_id);
        message += " but the token of type unknown is ";
        message += std::to_string(unk);
        throw TokenizerError(message);
    }
}

std::vector<TokenType> infer_token_types(std::span<const std::string> pieces, std::int32_t unk_id,
                                         std::int32_t bos_id, std::int32_t eos_id) {
    std::vector<TokenType> types(pieces.size(), TokenType::normal);
    for (std::size_t id = 0; id < pieces.size(); ++id) {
        const auto i = static_cast<std::int64_t>(id);
        if (i == unk_id) {
            types[id] = TokenType::unknown;
        } else if (i == bos_id || i == eos_id) {
            types[id] = TokenType::control;
        } else if (byte_piece_value(pieces[id]) >= 0) {
            types[id] = TokenType::byte;
        }
    }
    return types;
}

} // namespace clauselens::tokenizer
