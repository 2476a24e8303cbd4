#include "tokenizer/spm_model_file.h"

#include "tokenizer/tokenizer_error.h"

#include <algorithm>
#include <fstream>
#include <sentencepiece_processor.h>

namespace clauselens::tokenizer {

namespace {

SpmModelFile read_loaded(const sentencepiece::SentencePieceProcessor& sp,
                         std::string_view serialized) {
    SpmModelFile model;
    model.settings = parse_model_settings(serialized);
    const int n = sp.GetPieceSize();
    if (n <= 0 || model.settings.types.size() != static_cast<std::size_t>(n)) {
        throw TokenizerError("sentencepiece model: the piece count does not match its pieces");
    }
    SpmVocab& vocab = model.vocab;
    for (int id = 0; id < n; ++id) {
        vocab.pieces.push_back(sp.IdToPiece(id));
        vocab.scores.push_back(sp.GetScore(id));
        TokenType type = model.settings.types[static_cast<std::size_t>(id)];
        if (sp.IsUnknown(id)) {
            type = TokenType::unknown;
        } else if (sp.IsControl(id)) {
            type = TokenType::control;
        } else if (sp.IsUnused(id)) {
            type = TokenType::unused;
        } else if (sp.IsByte(id)) {
            type = TokenType::byte;
        }
        vocab.types.push_back(type);
    }
    vocab.bos_id = sp.bos_id();
    vocab.eos_id = sp.eos_id();
    vocab.unk_id = sp.unk_id();
    vocab.pad_id = sp.pad_id();
    vocab.add_space_prefix = model.settings.add_dummy_prefix;
    validate(vocab);
    return model;
}

} // namespace

SpmModelFile read_spm_model(std::string_view serialized) {
    sentencepiece::SentencePieceProcessor sp;
    const auto status = sp.LoadFromSerializedProto(serialized);
    if (!status.ok()) {
        std::string message = "sentencepiece model: ";
        message += status.ToString();
        throw TokenizerError(message);
    }
    return read_loaded(sp, serialized);
}

SpmModelFile read_spm_model_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    std::string bytes;
    if (in) {
        bytes.resize(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)));
        in.seekg(0);
        in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    if (!in) {
        std::string message = path.string();
        message += ": cannot read";
        throw TokenizerError(message);
    }
    try {
        return read_spm_model(bytes);
    } catch (const TokenizerError& e) {
        std::string message = path.string();
        message += ": ";
        message += e.what();
        throw TokenizerError(message);
    }
}

void check_gguf_compatible(const SpmModelSettings& settings) {
    const char* problem = nullptr;
    if (settings.model_type != SpmModelType::bpe) {
        problem = "it is not a BPE model (GGUF keeps no model type; llama vocabularies are BPE)";
    } else if (settings.has_normalization_rules) {
        problem = "it normalizes Unicode (GGUF keeps no normalization rules)";
    } else if (settings.remove_extra_whitespaces) {
        problem = "it removes extra whitespace";
    } else if (!settings.escape_whitespaces || settings.treat_whitespace_as_suffix) {
        problem = "it does not mark spaces as a prefix '\u2581'";
    }
    if (problem != nullptr) {
        std::string message = "a GGUF vocabulary would not tokenize like this sentencepiece "
                              "model: ";
        message += problem;
        throw TokenizerError(message);
    }
}

} // namespace clauselens::tokenizer
