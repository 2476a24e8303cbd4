#pragma once
// The pre-tokenizers of byte-level BPE vocabularies: the step that splits a
// text into words (letters with one leading non-letter, digits, punctuation
// runs, whitespace) before merges run inside each word. GGUF files name
// theirs in tokenizer.ggml.pre; each name stands for the regular expression
// of a model family's tokenizer.json, run by PCRE2 with Unicode properties
// (\p{L}, \p{N}, \s), and for that family's normalizer.

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace clauselens::tokenizer {

struct PreTokenizerSpec {
    std::string_view name;  // as in tokenizer.ggml.pre
    std::string_view regex; // as in tokenizer.json
    // Whether a word that is a token of its own becomes that token without
    // merges (Hugging Face's BPE ignore_merges; Llama 3 sets it).
    bool ignore_merges;
    // Whether text is put in Unicode normalization form C first (Qwen2's
    // tokenizer.json has an NFC normalizer).
    bool nfc;
    // llama.cpp's add_bos_token default for files that do not say.
    bool add_bos;
};

// nullptr when `name` is not one we have.
const PreTokenizerSpec* find_pre_tokenizer(std::string_view name);
// The supported names, comma-separated, for error messages.
std::string supported_pre_tokenizers();
// The name tokenizer.ggml.pre gets for a tokenizer.json Split regex, as
// llama.cpp's converter writes it; empty when the regex is not one we know.
std::string_view pre_tokenizer_for_regex(std::string_view regex);

class PreTokenizer {
public:
    // Throws TokenizerError naming `name` and the supported names when it is
    // not one of them.
    explicit PreTokenizer(std::string_view name);
    PreTokenizer(PreTokenizer&&) noexcept;
    PreTokenizer& operator=(PreTokenizer&&) noexcept;
    PreTokenizer(const PreTokenizer&) = delete;
    PreTokenizer& operator=(const PreTokenizer&) = delete;
    ~PreTokenizer();

    const PreTokenizerSpec& spec() const { return *spec_; }

    // Calls `word` with each word of `text`, in order; their concatenation is
    // the (normalized) text. Bytes that are not valid UTF-8, which the
    // expressions are not defined on, are words of one byte each. Safe to
    // call from several threads at once.
    void split(std::string_view text, const std::function<void(std::string_view)>& word) const;

private:
    struct Regex;
    void split_valid(std::string_view text,
                     const std::function<void(std::string_view)>& word) const;

    const PreTokenizerSpec* spec_;
    std::unique_ptr<Regex> regex_;
};

} // namespace clauselens::tokenizer
