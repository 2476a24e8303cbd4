#include "tokenizer/pre_tokenizer.h"

#include "gguf/gguf_error.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/tokenizer_error.h"

#include <array>
#include <vector>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

namespace clauselens::tokenizer {

namespace {

// The expressions are copied from the models' tokenizer.json files, where
// they are facts about those models.
constexpr std::string_view k_llama3_regex =
    "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| "
    "?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
constexpr std::string_view k_qwen2_regex =
    "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| "
    "?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
constexpr std::string_view k_gpt2_regex =
    "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

// llama.cpp's names; several name the same expression.
constexpr std::array<PreTokenizerSpec, 6> k_specs = {{
    {"llama-bpe", k_llama3_regex, true, false, true},
    {"llama3", k_llama3_regex, true, false, true},
    {"llama-v3", k_llama3_regex, true, false, true},
    {"qwen2", k_qwen2_regex, false, true, false},
    {"deepseek-r1-qwen", k_qwen2_regex, false, true, false},
    {"gpt-2", k_gpt2_regex, false, false, false},
}};

bool is_ascii(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

[[noreturn]] void fail_icu(const char* what, UErrorCode status) {
    std::string message = "Unicode normalization failed (";
    message += what;
    message += "): ";
    message += u_errorName(status);
    throw TokenizerError(message);
}

// NFC of valid UTF-8 text, through ICU's UTF-16 API.
std::string to_nfc(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) {
        fail_icu("loading NFC data", status);
    }
    std::vector<UChar> utf16(text.size() + 1);
    int32_t utf16_len = 0;
    u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &utf16_len, text.data(),
                  static_cast<int32_t>(text.size()), &status);
    if (U_FAILURE(status)) {
        fail_icu("reading UTF-8", status);
    }
    if (unorm2_isNormalized(nfc, utf16.data(), utf16_len, &status) && U_SUCCESS(status)) {
        return std::string(text);
    }
    status = U_ZERO_ERROR;
    // NFC never grows a text by more than 3 times (Unicode's stated bound).
    std::vector<UChar> normal(static_cast<std::size_t>(utf16_len) * 3 + 1);
    const int32_t normal_len = unorm2_normalize(nfc, utf16.data(), utf16_len, normal.data(),
                                                static_cast<int32_t>(normal.size()), &status);
    if (U_FAILURE(status)) {
        fail_icu("normalizing", status);
    }
    std::string out(static_cast<std::size_t>(normal_len) * 3, '\0');
    int32_t out_len = 0;
    u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &out_len, normal.data(), normal_len,
                &status);
    if (U_FAILURE(status)) {
        fail_icu("writing UTF-8", status);
    }
    out.resize(static_cast<std::size_t>(out_len));
    return out;
}

} // namespace

const PreTokenizerSpec* find_pre_tokenizer(std::string_view name) {
    for (const PreTokenizerSpec& spec : k_specs) {
        if (spec.name == name) {
            return &spec;
        }
    }
    return nullptr;
}

std::string supported_pre_tokenizers() {
    std::string names;
    for (const PreTokenizerSpec& spec : k_specs) {
        names += names.empty() ? "" : ", ";
        names += spec.name;
    }
    return names;
}

std::string_view pre_tokenizer_for_regex(std::string_view regex) {
    if (regex == k_llama3_regex) {
        return "llama-bpe";
    }
    if (regex == k_qwen2_regex) {
        return "qwen2";
    }
    if (regex == k_gpt2_regex) {
        return "gpt-2";
    }
    return {};
}

struct PreTokenizer::Regex {
    pcre2_code* code = nullptr;
    ~Regex() { pcre2_code_free(code); }
};

PreTokenizer::PreTokenizer(std::string_view name) : spec_(find_pre_tokenizer(name)) {
    if (spec_ == nullptr) {
        std::string message = "tokenizer.ggml.pre ";
        message += gguf::quote(name);
        message += " names a pre-tokenizer ClauseLens does not have; supported: ";
        message += supported_pre_tokenizers();
        throw TokenizerError(message);
    }
    regex_ = std::make_unique<Regex>();
    int error = 0;
    PCRE2_SIZE error_offset = 0;
    regex_->code =
        pcre2_compile(reinterpret_cast<PCRE2_SPTR>(spec_->regex.data()), spec_->regex.size(),
                      PCRE2_UTF | PCRE2_UCP, &error, &error_offset, nullptr);
    if (regex_->code == nullptr) {
        std::array<PCRE2_UCHAR, 256> text{};
        pcre2_get_error_message(error, text.data(), text.size());
        std::string message = "the expression of pre-tokenizer ";
        message += spec_->name;
        message += " does not compile at offset ";
        message += std::to_string(error_offset);
        message += ": ";
        message += reinterpret_cast<const char*>(text.data());
        throw TokenizerError(message);
    }
    // JIT is several times faster where PCRE2 has it; without it the
    // interpreter gives the same matches.
    pcre2_jit_compile(regex_->code, PCRE2_JIT_COMPLETE);
}

PreTokenizer::PreTokenizer(PreTokenizer&&) noexcept = default;
PreTokenizer& PreTokenizer::operator=(PreTokenizer&&) noexcept = default;
PreTokenizer::~PreTokenizer() = default;

void PreTokenizer::split(std::string_view text,
                         const std::function<void(std::string_view)>& word) const {
    std::size_t start = 0; // of the valid text not yet split
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t n = utf8_char_length(text, i);
        if (n > 0) {
            i += n;
            continue;
        }
        split_valid(text.substr(start, i - start), word);
        word(text.substr(i, 1));
        ++i;
        start = i;
    }
    split_valid(text.substr(start), word);
}

void PreTokenizer::split_valid(std::string_view text,
                               const std::function<void(std::string_view)>& word) const {
    if (text.empty()) {
        return;
    }
    std::string normalized;
    if (spec_->nfc && !is_ascii(text)) {
        normalized = to_nfc(text);
        text = normalized;
    }
    std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> match(
        pcre2_match_data_create_from_pattern(regex_->code, nullptr), &pcre2_match_data_free);
    if (!match) {
        throw TokenizerError("out of memory for the pre-tokenizer's match data");
    }
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const int rc = pcre2_match(regex_->code, subject, text.size(), pos, PCRE2_NO_UTF_CHECK,
                                   match.get(), nullptr);
        if (rc == PCRE2_ERROR_NOMATCH) {
            break;
        }
        if (rc < 0) {
            std::array<PCRE2_UCHAR, 256> message{};
            pcre2_get_error_message(rc, message.data(), message.size());
            throw TokenizerError(std::string("the pre-tokenizer failed on the text: ") +
                                 reinterpret_cast<const char*>(message.data()));
        }
        const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(match.get());
        const std::size_t begin = ovector[0];
        std::size_t end = ovector[1];
        if (begin > pos) {
            word(text.substr(pos, begin - pos)); // text no alternative matched
        }
        if (end == begin) {
            // None of the expressions matches empty text; this only guards
            // against looping on one.
            end = begin + std::max<std::size_t>(utf8_char_length(text, begin), 1);
        }
        word(text.substr(begin, end - begin));
        pos = end;
    }
    if (pos < text.size()) {
        word(text.substr(pos));
    }
}

} // namespace clauselens::tokenizer
