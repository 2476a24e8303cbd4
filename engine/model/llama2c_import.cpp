#include "model/llama2c_import.h"

#include "gguf/gguf_writer.h"
#include "model/model_error.h"
#include "tokenizer/spm_gguf.h"
#include "tokenizer/spm_vocab.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <span>

namespace clauselens::model {

namespace {

std::vector<std::byte> read_file(const std::filesystem::path& path, uint64_t limit) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw ModelError(path.string() + ": cannot open: " + std::strerror(errno));
    }
    in.seekg(0, std::ios::end);
    const auto size = static_cast<uint64_t>(in.tellg());
    if (size > limit) {
        throw ModelError(path.string() + ": " + std::to_string(size) +
                         " bytes is larger than any llama2.c file this importer accepts");
    }
    in.seekg(0);
    std::vector<std::byte> bytes(size);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size));
    if (!in) {
        throw ModelError(path.string() + ": read failed");
    }
    return bytes;
}

// Sequential reader over a byte buffer; every read is bounds-checked.
class Reader {
public:
    Reader(std::span<const std::byte> bytes, std::string what)
        : bytes_(bytes), what_(std::move(what)) {}

    template <typename T>
    T read() {
        T v;
        std::memcpy(&v, take(sizeof(T), "a number").data(), sizeof(T));
        return v;
    }
    std::span<const std::byte> take(uint64_t n, const char* item) {
        if (n > bytes_.size() - pos_) {
            throw ModelError(what_ + ": truncated at byte " + std::to_string(pos_) + " (reading " +
                             item + ")");
        }
        const auto out = bytes_.subspan(pos_, n);
        pos_ += n;
        return out;
    }
    uint64_t position() const { return pos_; }
    uint64_t remaining() const { return bytes_.size() - pos_; }

private:
    std::span<const std::byte> bytes_;
    std::string what_;
    uint64_t pos_ = 0;
};

} // namespace

tokenizer::SpmVocab read_llama2c_tokenizer(const std::filesystem::path& path, uint32_t n_vocab) {
    const std::vector<std::byte> bytes = read_file(path, 1ull << 30);
    Reader r(bytes, path.string());
    const int32_t max_token_length = r.read<int32_t>();
    if (max_token_length <= 0 || max_token_length > 4096) {
        throw ModelError(path.string() + ": not a llama2.c tokenizer (max token length " +
                         std::to_string(max_token_length) + ")");
    }
    tokenizer::SpmVocab v;
    for (uint32_t id = 0; id < n_vocab; ++id) {
        const float score = r.read<float>();
        const int32_t len = r.read<int32_t>();
        if (len < 0 || len > max_token_length) {
            throw ModelError(path.string() + ": token " + std::to_string(id) + " has length " +
                             std::to_string(len) + " (at byte " + std::to_string(r.position()) +
                             ")");
        }
        const auto text = r.take(static_cast<uint64_t>(len), "a token");
        // llama2.c exports sentencepiece's U+2581 as a plain space; put it
        // back. Its BOS and EOS read "\n<s>\n" and "\n</s>\n"; GGUF
        // vocabularies spell them plainly.
        if (id == 1 || id == 2) {
            const std::string_view special = id == 1 ? "<s>" : "</s>";
            v.pieces.emplace_back(special);
            v.scores.push_back(score);
            continue;
        }
        std::string piece;
        for (const std::byte b : text) {
            if (static_cast<char>(b) == ' ') {
                piece += "\xe2\x96\x81";
            } else {
                piece += static_cast<char>(b);
            }
        }
        v.pieces.push_back(std::move(piece));
        v.scores.push_back(score);
    }
    if (r.remaining() != 0) {
        throw ModelError(path.string() + ": " + std::to_string(r.remaining()) +
                         " bytes left after " + std::to_string(n_vocab) +
                         " tokens: the tokenizer does not belong to this model");
    }
    v.unk_id = 0;
    v.bos_id = 1;
    v.eos_id = 2;
    v.types = tokenizer::infer_token_types(v.pieces, v.unk_id, v.bos_id, v.eos_id);
    tokenizer::validate(v);
    return v;
}

std::string convert_llama2c(const std::filesystem::path& checkpoint,
                            const std::filesystem::path& tokenizer,
                            const std::filesystem::path& out) {
    const std::vector<std::byte> bytes = read_file(checkpoint, 1ull << 36);
    Reader r(bytes, checkpoint.string());
    if (bytes.size() >= 4 && r.read<uint32_t>() == 0x616b3432u) {
        throw ModelError(checkpoint.string() +
                         ": a llama2.c version 1/2 checkpoint; export it in the legacy format "
                         "(export.py --version 0)");
    }
    r = Reader(bytes, checkpoint.string());
    const int32_t dim = r.read<int32_t>();
    const int32_t hidden_dim = r.read<int32_t>();
    const int32_t n_layers = r.read<int32_t>();
    const int32_t n_heads = r.read<int32_t>();
    const int32_t n_kv_heads = r.read<int32_t>();
    const int32_t signed_vocab = r.read<int32_t>();
    const int32_t seq_len = r.read<int32_t>();
    const bool shared_classifier = signed_vocab > 0;
    const int64_t vocab = signed_vocab > 0 ? signed_vocab : -static_cast<int64_t>(signed_vocab);
    auto bad = [&](const std::string& why) {
        return ModelError(checkpoint.string() + ": not a llama2.c checkpoint: " + why);
    };
    for (const int32_t v : {dim, hidden_dim, n_layers, n_heads, n_kv_heads, seq_len}) {
        if (v <= 0 || v > (1 << 20)) {
            throw bad("header value " + std::to_string(v) + " out of range");
        }
    }
    if (vocab <= 0 || vocab > (1 << 22) || dim % n_heads != 0 || n_heads % n_kv_heads != 0) {
        throw bad("inconsistent header");
    }
    const uint64_t head = static_cast<uint64_t>(dim / n_heads);
    const uint64_t d = static_cast<uint64_t>(dim);
    const uint64_t h = static_cast<uint64_t>(hidden_dim);
    const uint64_t L = static_cast<uint64_t>(n_layers);
    const uint64_t kv = static_cast<uint64_t>(n_kv_heads) * head;
    const uint64_t V = static_cast<uint64_t>(vocab);

    auto floats = [&](uint64_t n, const char* what) {
        return r.take(n * 4, what);
    };
    const auto embd = floats(V * d, "token embeddings");
    const auto att_norm = floats(L * d, "attention norms");
    const auto wq = floats(L * d * d, "wq");
    const auto wk = floats(L * kv * d, "wk");
    const auto wv = floats(L * kv * d, "wv");
    const auto wo = floats(L * d * d, "wo");
    const auto ffn_norm = floats(L * d, "feed-forward norms");
    const auto w1 = floats(L * h * d, "w1");
    const auto w2 = floats(L * d * h, "w2");
    const auto w3 = floats(L * h * d, "w3");
    const auto final_norm = floats(d, "final norm");
    floats(static_cast<uint64_t>(seq_len) * head, "RoPE tables"); // recomputed at run time
    std::span<const std::byte> wcls;
    if (!shared_classifier) {
        wcls = floats(V * d, "classifier");
    }
    if (r.remaining() != 0) {
        throw bad(std::to_string(r.remaining()) + " unexpected bytes after the weights");
    }

    const tokenizer::SpmVocab vocabulary =
        read_llama2c_tokenizer(tokenizer, static_cast<uint32_t>(V));

    gguf::GgufWriter w;
    w.add_string("general.architecture", "llama");
    w.add_string("general.name", checkpoint.stem().string());
    w.add_string("general.description",
                 "Converted from the llama2.c checkpoint " + checkpoint.filename().string());
    w.add_u32("general.file_type", 0); // all F32
    w.add_u32("llama.context_length", static_cast<uint32_t>(seq_len));
    w.add_u32("llama.embedding_length", static_cast<uint32_t>(dim));
    w.add_u32("llama.block_count", static_cast<uint32_t>(n_layers));
    w.add_u32("llama.feed_forward_length", static_cast<uint32_t>(hidden_dim));
    w.add_u32("llama.rope.dimension_count", static_cast<uint32_t>(head));
    w.add_u32("llama.attention.head_count", static_cast<uint32_t>(n_heads));
    w.add_u32("llama.attention.head_count_kv", static_cast<uint32_t>(n_kv_heads));
    w.add_f32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
    w.add_f32("llama.rope.freq_base", 10000.0f);

    tokenizer::write_spm_vocab(w, vocabulary);

    // llama2.c stores every matrix as (out, in) row-major: GGUF shape [in, out].
    auto add = [&w](const std::string& name, std::span<const std::byte> all, uint64_t index,
                    uint64_t n_cols, uint64_t n_rows) {
        const uint64_t n = n_cols * n_rows * 4;
        const std::vector<uint64_t> shape =
            n_rows == 1 ? std::vector<uint64_t>{n_cols} : std::vector<uint64_t>{n_cols, n_rows};
        w.add_tensor(name, gguf::TensorType::f32, shape, all.subspan(index * n, n));
    };
    add("token_embd.weight", embd, 0, d, V);
    for (uint64_t l = 0; l < L; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        add(p + "attn_norm.weight", att_norm, l, d, 1);
        add(p + "attn_q.weight", wq, l, d, d);
        add(p + "attn_k.weight", wk, l, d, kv);
        add(p + "attn_v.weight", wv, l, d, kv);
        add(p + "attn_output.weight", wo, l, d, d);
        add(p + "ffn_norm.weight", ffn_norm, l, d, 1);
        add(p + "ffn_gate.weight", w1, l, d, h);
        add(p + "ffn_down.weight", w2, l, h, d);
        add(p + "ffn_up.weight", w3, l, d, h);
    }
    add("output_norm.weight", final_norm, 0, d, 1);
    if (!shared_classifier) {
        add("output.weight", wcls, 0, d, V);
    }
    w.write_file(out);

    return "llama2.c model: " + std::to_string(n_layers) + " layers, width " + std::to_string(dim) +
           ", " + std::to_string(n_heads) + " heads (" + std::to_string(n_kv_heads) +
           " key/value), vocabulary " + std::to_string(vocab) + ", context " +
           std::to_string(seq_len) + (shared_classifier ? ", tied classifier" : "");
}

} // namespace clauselens::model
