#pragma once
// The one exception type of the tokenizer code: a vocabulary that cannot be
// used, a token id outside the vocabulary, or an error reported by
// sentencepiece. The message says which key, token or id was wrong.

#include <stdexcept>
#include <string>

namespace clauselens::tokenizer {

class TokenizerError : public std::runtime_error {
public:
    explicit TokenizerError(const std::string& message) : std::runtime_error(message) {}
};

} // namespace clauselens::tokenizer
