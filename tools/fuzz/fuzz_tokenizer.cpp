// libFuzzer target for byte-level BPE encoding: arbitrary bytes through the
// Tokenizer (special-token matching, pre-tokenizer, merges, decoding) on a
// small vocabulary built in memory. The first input byte picks the
// pre-tokenizer (Llama 3's or Qwen2's, which normalizes to NFC) and whether
// control tokens are parsed; the rest is the text.
//
// Besides crashes and sanitizer reports it checks what callers rely on: ids
// are in the vocabulary, the tokens' bytes joined give the text back (Llama 3;
// Qwen2 gives the NFC form of valid UTF-8, so only its length is bounded),
// and decode() returns valid UTF-8.

#include "tokenizer/bpe_vocab.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/tokenizer.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using clauselens::tokenizer::BpeVocab;
using clauselens::tokenizer::Tokenizer;
using clauselens::tokenizer::TokenType;

BpeVocab make_vocab(const char* pre) {
    BpeVocab v;
    for (int b = 0; b < 256; ++b) {
        v.tokens.push_back(
            clauselens::tokenizer::byte_level_encode(std::string(1, static_cast<char>(b))));
        v.types.push_back(TokenType::normal);
    }
    // Merges whose results are tokens, in rank order, some of them chained.
    const char* merges[][2] = {{"Ġ", "t"},   {"h", "e"}, {"Ġt", "he"}, {"i", "n"},
                               {"Ġ", "a"},   {"a", "n"}, {"an", "d"},  {"Ġa", "n"},
                               {"Ġan", "d"}, {"Ġ", "Ġ"}, {"ĠĠ", "ĠĠ"}, {"Ċ", "Ċ"},
                               {"1", "2"},   {"Ã", "©"}, {"e", "r"},   {"in", "g"}};
    for (const auto& m : merges) {
        const std::string result = std::string(m[0]) + m[1];
        bool known = false;
        for (const std::string& t : v.tokens) {
            known = known || t == result;
        }
        if (!known) {
            v.tokens.push_back(result);
            v.types.push_back(TokenType::normal);
        }
        v.merges.push_back(std::string(m[0]) + ' ' + m[1]);
    }
    const auto add = [&](const char* text, TokenType type) {
        v.tokens.emplace_back(text);
        v.types.push_back(type);
    };
    add("<|bos|>", TokenType::control);
    add("<|eos|>", TokenType::control);
    add("<tool>", TokenType::user_defined);
    add("<tool>x", TokenType::control);
    add("[PAD9]", TokenType::unused);
    v.bos_id = static_cast<std::int32_t>(v.tokens.size()) - 5;
    v.eos_id = v.bos_id + 1;
    v.pre = pre;
    v.add_bos = true;
    return v;
}

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_tokenizer: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Tokenizer llama = Tokenizer::from_vocab(make_vocab("llama-bpe"));
    static const Tokenizer qwen = Tokenizer::from_vocab(make_vocab("qwen2"));
    if (size == 0) {
        return 0;
    }
    const bool use_qwen = (data[0] & 1) != 0;
    const bool special = (data[0] & 2) != 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const Tokenizer& tok = use_qwen ? qwen : llama;

    const bool add_bos = (data[0] & 4) != 0;
    const std::vector<std::int32_t> ids = tok.encode(text, add_bos, special);
    if (add_bos && (ids.empty() || ids[0] != tok.bos())) {
        fail("BOS is not first");
    }
    std::string joined; // the text again: control tokens come from it only when parsed
    for (std::size_t i = add_bos ? 1 : 0; i < ids.size(); ++i) {
        const std::int32_t id = ids[i];
        if (id < 0 || static_cast<std::size_t>(id) >= tok.vocab_size()) {
            fail("an id outside the vocabulary");
        }
        if (tok.is_control(id) && !special) {
            fail("a control token without parse_special");
        }
        joined += tok.is_control(id) ? tok.raw_piece(id) : tok.token_bytes(id);
    }
    if (!use_qwen && joined != text) {
        fail("the tokens' bytes do not give the text back");
    }
    // NFC grows a text by at most three times.
    if (use_qwen && joined.size() > 3 * text.size() + 16) {
        fail("the normalized text is out of proportion");
    }
    const std::string decoded = tok.decode(ids);
    if (clauselens::tokenizer::valid_utf8(decoded) != decoded) {
        fail("decode() returned ill-formed UTF-8");
    }
    return 0;
}
