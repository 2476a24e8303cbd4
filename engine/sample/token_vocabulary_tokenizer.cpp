// TokenVocabulary from a Tokenizer: kept apart so that the grammar code
// builds without the tokenizer (the fuzz target needs only byte strings).

#include "sample/token_vocabulary.h"
#include "tokenizer/tokenizer.h"

#include <algorithm>

namespace clauselens::sample {

TokenVocabulary TokenVocabulary::from_tokenizer(const tokenizer::Tokenizer& tok,
                                                std::span<const int32_t> extra_end_tokens) {
    std::vector<std::string> bytes(tok.vocab_size());
    for (size_t id = 0; id < bytes.size(); ++id) {
        bytes[id] = tok.token_bytes(static_cast<int32_t>(id));
    }
    std::vector<int32_t> end;
    if (tok.eos() >= 0) {
        end.push_back(tok.eos());
    }
    for (const int32_t e : extra_end_tokens) {
        if (std::find(end.begin(), end.end(), e) == end.end()) {
            end.push_back(e);
        }
    }
    return TokenVocabulary(std::move(bytes), std::move(end));
}

} // namespace clauselens::sample
