#pragma once
// sentencepiece's model format, a serialized sentencepiece.ModelProto
// (protobuf wire format), written and read by hand: Debian's libsentencepiece
// ships without sentencepiece_model.pb.h, and only a few fields matter here.
// Field numbers are those of sentencepiece_model.proto.

#include "tokenizer/spm_vocab.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace clauselens::tokenizer {

// TrainerSpec.ModelType.
enum class SpmModelType : std::int32_t { unigram = 1, bpe = 2, word = 3, character = 4 };

// A model that makes SentencePieceProcessor tokenize `vocab` the way the
// original tokenizer of a GGUF "llama" vocabulary does (Llama 1/2, Mistral,
// TinyLlama, Phi-3): `type` merges (BPE unless a test asks otherwise), byte
// fallback when the vocabulary has byte tokens, identity normalization,
// whitespace kept as it is, and a dummy prefix space when
// vocab.add_space_prefix. `vocab` must be valid (see validate()).
std::string serialize_model_proto(const SpmVocab& vocab, SpmModelType type = SpmModelType::bpe);

// The settings of a model file that decide whether a GGUF vocabulary, which
// keeps only pieces, scores, types and add_space_prefix, encodes the same.
struct SpmModelSettings {
    SpmModelType model_type = SpmModelType::unigram;
    bool byte_fallback = false;
    std::string normalizer_name;
    bool has_normalization_rules = false; // a precompiled character map
    bool add_dummy_prefix = true;
    bool remove_extra_whitespaces = true;
    bool escape_whitespaces = true;
    bool treat_whitespace_as_suffix = false;
    std::vector<TokenType> types; // per piece, in id order
};

// Reads the settings (and piece types, which sentencepiece 0.1.97's API
// cannot tell apart for normal and user-defined pieces) from a serialized
// ModelProto. Throws TokenizerError on malformed bytes.
SpmModelSettings parse_model_settings(std::string_view serialized);

} // namespace clauselens::tokenizer
