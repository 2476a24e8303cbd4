#include "tokenizer/spm_proto.h"

#include "tokenizer/tokenizer_error.h"

#include <cstring>

namespace clauselens::tokenizer {

namespace {

// Protobuf wire types.
constexpr std::uint32_t k_varint = 0;
constexpr std::uint32_t k_fixed64 = 1;
constexpr std::uint32_t k_length_delimited = 2;
constexpr std::uint32_t k_fixed32 = 5;

// Field numbers of sentencepiece_model.proto.
namespace model_proto {
constexpr std::uint32_t pieces = 1;
constexpr std::uint32_t trainer_spec = 2;
constexpr std::uint32_t normalizer_spec = 3;
} // namespace model_proto
namespace piece_field {
constexpr std::uint32_t piece = 1;
constexpr std::uint32_t score = 2;
constexpr std::uint32_t type = 3;
} // namespace piece_field
namespace trainer_spec {
constexpr std::uint32_t model_type = 3;
constexpr std::uint32_t vocab_size = 4;
constexpr std::uint32_t treat_whitespace_as_suffix = 24;
constexpr std::uint32_t byte_fallback = 35;
constexpr std::uint32_t unk_id = 40;
constexpr std::uint32_t bos_id = 41;
constexpr std::uint32_t eos_id = 42;
constexpr std::uint32_t pad_id = 43;
} // namespace trainer_spec
namespace normalizer_spec {
constexpr std::uint32_t name = 1;
constexpr std::uint32_t precompiled_charsmap = 2;
constexpr std::uint32_t add_dummy_prefix = 3;
constexpr std::uint32_t remove_extra_whitespaces = 4;
constexpr std::uint32_t escape_whitespaces = 5;
} // namespace normalizer_spec

class ProtoWriter {
public:
    void varint_field(std::uint32_t field, std::uint64_t value) {
        tag(field, k_varint);
        varint(value);
    }
    // proto2 int32: negative values are sign-extended to ten bytes.
    void int32_field(std::uint32_t field, std::int32_t value) {
        varint_field(field, static_cast<std::uint64_t>(static_cast<std::int64_t>(value)));
    }
    void bool_field(std::uint32_t field, bool value) { varint_field(field, value ? 1 : 0); }
    void float_field(std::uint32_t field, float value) {
        tag(field, k_fixed32);
        std::uint32_t bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        for (int i = 0; i < 4; ++i) {
            out_ += static_cast<char>((bits >> (8 * i)) & 0xff); // little-endian
        }
    }
    void bytes_field(std::uint32_t field, std::string_view bytes) {
        tag(field, k_length_delimited);
        varint(bytes.size());
        out_ += bytes;
    }
    const std::string& bytes() const { return out_; }

private:
    void tag(std::uint32_t field, std::uint32_t wire_type) { varint((field << 3) | wire_type); }
    void varint(std::uint64_t value) {
        while (value >= 0x80) {
            out_ += static_cast<char>((value & 0x7f) | 0x80);
            value >>= 7;
        }
        out_ += static_cast<char>(value);
    }

    std::string out_;
};

struct Field {
    std::uint32_t number = 0;
    std::uint32_t wire_type = 0;
    std::uint64_t varint = 0;  // k_varint
    std::uint32_t fixed32 = 0; // k_fixed32
    std::string_view bytes;    // k_length_delimited
};

class ProtoReader {
public:
    explicit ProtoReader(std::string_view bytes) : rest_(bytes) {}

    // False at the end of the message.
    bool next(Field& field) {
        if (rest_.empty()) {
            return false;
        }
        const std::uint64_t tag = varint();
        field = Field{};
        field.number = static_cast<std::uint32_t>(tag >> 3);
        field.wire_type = static_cast<std::uint32_t>(tag & 7);
        switch (field.wire_type) {
        case k_varint:
            field.varint = varint();
            break;
        case k_fixed64:
            take(8);
            break;
        case k_length_delimited: {
            const std::uint64_t size = varint();
            if (size > rest_.size()) {
                fail("a field is longer than its message");
            }
            field.bytes = take(static_cast<std::size_t>(size));
            break;
        }
        case k_fixed32: {
            const std::string_view b = take(4);
            for (int i = 3; i >= 0; --i) {
                field.fixed32 = (field.fixed32 << 8) | static_cast<unsigned char>(b[i]);
            }
            break;
        }
        default:
            fail("unsupported protobuf wire type");
        }
        return true;
    }

private:
    [[noreturn]] static void fail(const std::string& problem) {
        std::string message = "malformed sentencepiece model: ";
        message += problem;
        throw TokenizerError(message);
    }
    std::uint64_t varint() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (rest_.empty()) {
                fail("truncated varint");
            }
            const auto byte = static_cast<unsigned char>(rest_[0]);
            rest_.remove_prefix(1);
            value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) {
                return value;
            }
        }
        fail("varint longer than ten bytes");
    }
    std::string_view take(std::size_t n) {
        if (n > rest_.size()) {
            fail("truncated field");
        }
        const std::string_view out = rest_.substr(0, n);
        rest_.remove_prefix(n);
        return out;
    }

    std::string_view rest_;
};

std::int32_t unknown_token(const SpmVocab& vocab) {
    for (std::size_t id = 0; id < vocab.types.size(); ++id) {
        if (vocab.types[id] == TokenType::unknown) {
            return static_cast<std::int32_t>(id);
        }
    }
    return -1;
}

bool has_byte_tokens(const SpmVocab& vocab) {
    for (const TokenType t : vocab.types) {
        if (t == TokenType::byte) {
            return true;
        }
    }
    return false;
}

void read_trainer_spec(std::string_view bytes, SpmModelSettings& settings) {
    ProtoReader reader(bytes);
    Field f;
    while (reader.next(f)) {
        if (f.wire_type != k_varint) {
            continue;
        }
        if (f.number == trainer_spec::model_type) {
            settings.model_type = static_cast<SpmModelType>(f.varint);
        } else if (f.number == trainer_spec::byte_fallback) {
            settings.byte_fallback = f.varint != 0;
        } else if (f.number == trainer_spec::treat_whitespace_as_suffix) {
            settings.treat_whitespace_as_suffix = f.varint != 0;
        }
    }
}

void read_normalizer_spec(std::string_view bytes, SpmModelSettings& settings) {
    ProtoReader reader(bytes);
    Field f;
    while (reader.next(f)) {
        if (f.number == normalizer_spec::name && f.wire_type == k_length_delimited) {
            settings.normalizer_name = f.bytes;
        } else if (f.number == normalizer_spec::precompiled_charsmap &&
                   f.wire_type == k_length_delimited) {
            settings.has_normalization_rules = !f.bytes.empty();
        } else if (f.wire_type == k_varint) {
            if (f.number == normalizer_spec::add_dummy_prefix) {
                settings.add_dummy_prefix = f.varint != 0;
            } else if (f.number == normalizer_spec::remove_extra_whitespaces) {
                settings.remove_extra_whitespaces = f.varint != 0;
            } else if (f.number == normalizer_spec::escape_whitespaces) {
                settings.escape_whitespaces = f.varint != 0;
            }
        }
    }
}

TokenType read_piece_type(std::string_view bytes) {
    TokenType type = TokenType::normal; // the proto's default
    ProtoReader reader(bytes);
    Field f;
    while (reader.next(f)) {
        if (f.number == piece_field::type && f.wire_type == k_varint) {
            type = static_cast<TokenType>(f.varint);
        }
    }
    return type;
}

} // namespace

std::string serialize_model_proto(const SpmVocab& vocab, SpmModelType type) {
    ProtoWriter model;
    for (std::size_t id = 0; id < vocab.pieces.size(); ++id) {
        ProtoWriter piece;
        piece.bytes_field(piece_field::piece, vocab.pieces[id]);
        piece.float_field(piece_field::score, vocab.scores[id]);
        piece.varint_field(piece_field::type, static_cast<std::uint32_t>(vocab.types[id]));
        model.bytes_field(model_proto::pieces, piece.bytes());
    }

    ProtoWriter trainer;
    trainer.varint_field(trainer_spec::model_type, static_cast<std::uint32_t>(type));
    trainer.int32_field(trainer_spec::vocab_size, static_cast<std::int32_t>(vocab.pieces.size()));
    trainer.bool_field(trainer_spec::byte_fallback, has_byte_tokens(vocab));
    trainer.int32_field(trainer_spec::unk_id, unknown_token(vocab));
    trainer.int32_field(trainer_spec::bos_id, vocab.bos_id);
    trainer.int32_field(trainer_spec::eos_id, vocab.eos_id);
    trainer.int32_field(trainer_spec::pad_id, vocab.pad_id);
    model.bytes_field(model_proto::trainer_spec, trainer.bytes());

    // Llama's own tokenizer.model has exactly these settings: no Unicode
    // normalization and no removal of repeated whitespace.
    ProtoWriter normalizer;
    normalizer.bytes_field(normalizer_spec::name, "identity");
    normalizer.bool_field(normalizer_spec::add_dummy_prefix, vocab.add_space_prefix);
    normalizer.bool_field(normalizer_spec::remove_extra_whitespaces, false);
    normalizer.bool_field(normalizer_spec::escape_whitespaces, true);
    model.bytes_field(model_proto::normalizer_spec, normalizer.bytes());

    return model.bytes();
}

SpmModelSettings parse_model_settings(std::string_view serialized) {
    SpmModelSettings settings;
    ProtoReader reader(serialized);
    Field f;
    while (reader.next(f)) {
        if (f.wire_type != k_length_delimited) {
            continue;
        }
        if (f.number == model_proto::pieces) {
            settings.types.push_back(read_piece_type(f.bytes));
        } else if (f.number == model_proto::trainer_spec) {
            read_trainer_spec(f.bytes, settings);
        } else if (f.number == model_proto::normalizer_spec) {
            read_normalizer_spec(f.bytes, settings);
        }
    }
    return settings;
}

} // namespace clauselens::tokenizer
