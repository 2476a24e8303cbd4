#include "tokenizer/bpe_vocab.h"

#include "gguf/gguf_error.h"
#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/tokenizer_error.h"

#include <string_view>

namespace clauselens::tokenizer {

namespace {

void check_id(std::int32_t id, std::string_view what, std::size_t n) {
    if (id < -1 || (id >= 0 && static_cast<std::size_t>(id) >= n)) {
        std::string message(what);
        message += " is ";
        message += std::to_string(id);
        message += ", outside the vocabulary of ";
        message += std::to_string(n);
        message += " tokens";
        throw TokenizerError(message);
    }
}

} // namespace

void validate(const BpeVocab& vocab) {
    const std::size_t n = vocab.tokens.size();
    if (n == 0) {
        throw TokenizerError("the vocabulary is empty");
    }
    if (vocab.types.size() != n) {
        throw TokenizerError("the vocabulary has " + std::to_string(n) + " tokens but " +
                             std::to_string(vocab.types.size()) + " token types");
    }
    for (std::size_t id = 0; id < n; ++id) {
        if (vocab.tokens[id].empty()) {
            throw TokenizerError("token " + std::to_string(id) + " is empty");
        }
    }
    if (find_pre_tokenizer(vocab.pre) == nullptr) {
        throw TokenizerError("tokenizer.ggml.pre " + gguf::quote(vocab.pre) +
                             " names a pre-tokenizer ClauseLens does not have; supported: " +
                             supported_pre_tokenizers());
    }
    check_id(vocab.bos_id, "the BOS id", n);
    check_id(vocab.eos_id, "the EOS id", n);
    check_id(vocab.unk_id, "the unknown-token id", n);
    check_id(vocab.pad_id, "the padding id", n);
    for (std::size_t rank = 0; rank < vocab.merges.size(); ++rank) {
        const std::string& merge = vocab.merges[rank];
        const std::size_t space = merge.find(' ');
        if (space == 0 || space == std::string::npos || space + 1 == merge.size() ||
            merge.find(' ', space + 1) != std::string::npos) {
            throw TokenizerError("merge " + std::to_string(rank) + " " + gguf::quote(merge) +
                                 " is not two tokens separated by one space");
        }
    }
}

} // namespace clauselens::tokenizer
