#include "hand_vocab.h"

#include <cstdio>

namespace clauselens::tokenizer::test {

SpmVocab hand_vocab() {
    SpmVocab v;
    const auto add = [&](std::string piece, TokenType type) {
        v.scores.push_back(-static_cast<float>(v.pieces.size()));
        v.pieces.push_back(std::move(piece));
        v.types.push_back(type);
    };
    add("<unk>", TokenType::unknown);
    add("<s>", TokenType::control);
    add("</s>", TokenType::control);
    for (int b = 0; b < 256; ++b) {
        char piece[8];
        std::snprintf(piece, sizeof piece, "<0x%02X>", b);
        add(piece, TokenType::byte);
    }
    for (const char* piece : {"\u2581", "a", "b", "c", "\u2581a", "ab", "\u2581ab"}) {
        add(piece, TokenType::normal);
    }
    add("<|user|>", TokenType::control);
    add("<|end|>", TokenType::control);
    add("<|end|>!", TokenType::control);
    add("[X]", TokenType::user_defined);
    add("<unused0>", TokenType::unused);
    v.bos_id = hand::bos;
    v.eos_id = hand::eos;
    v.unk_id = hand::unk;
    return v;
}

} // namespace clauselens::tokenizer::test
