#include "spm_test_util.h"

#include "gguf/gguf_reader.h"
#include "gguf/gguf_writer.h"
#include "tokenizer/spm_gguf.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sentencepiece_trainer.h>
#include <sstream>
#include <stdexcept>

namespace clauselens::tokenizer::test {

namespace fs = std::filesystem;

namespace {

const fs::path k_data = CLAUSELENS_SHARED_DATA_DIR;

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        lines.push_back(line);
    }
    return lines;
}

// Feeds lines to the trainer without a file.
class LineIterator : public sentencepiece::SentenceIterator {
public:
    explicit LineIterator(const std::vector<std::string>& lines) : lines_(lines) {}
    bool done() const override { return next_ >= lines_.size(); }
    void Next() override { ++next_; }
    const std::string& value() const override { return lines_[next_]; }
    sentencepiece::util::Status status() const override { return {}; }

private:
    const std::vector<std::string>& lines_;
    std::size_t next_ = 0;
};

} // namespace

const std::vector<Contract>& contracts() {
    static const std::vector<Contract> all = [] {
        std::vector<Contract> found;
        for (const auto& entry : fs::directory_iterator(k_data / "cuad-dev")) {
            const fs::path& p = entry.path();
            if (p.extension() == ".txt" && p.filename() != "README.txt") {
                found.push_back({p.filename().string(), read_text(p)});
            }
        }
        std::sort(found.begin(), found.end(),
                  [](const Contract& a, const Contract& b) { return a.name < b.name; });
        if (found.empty()) {
            throw std::runtime_error("no contract texts in " + (k_data / "cuad-dev").string());
        }
        return found;
    }();
    return all;
}

const std::vector<std::string>& contract_lines() {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> lines;
        for (const Contract& c : contracts()) {
            for (std::string& line : split_lines(c.text)) {
                lines.push_back(std::move(line));
            }
        }
        return lines;
    }();
    return all;
}

std::vector<std::string> llama_test_strings() {
    const std::string text = read_text(k_data / "models" / "ggml-vocab-llama-spm.gguf.inp");
    // Each string is followed by a line "__ggml_vocab_test__".
    const std::string separator = "\n__ggml_vocab_test__\n";
    std::vector<std::string> strings;
    std::size_t start = 0;
    for (std::size_t end = text.find(separator); end != std::string::npos;
         end = text.find(separator, start)) {
        strings.push_back(text.substr(start, end - start));
        start = end + separator.size();
    }
    return strings;
}

std::vector<std::string> edge_case_strings() {
    return {
        "",
        " ",
        "  ",
        "\t",
        "\n",
        " \t\n \r\n",
        std::string(37, ' '),
        "a  b   c    d     e",
        "trailing spaces   ",
        "   leading spaces",
        "0",
        "1234567890",
        "$1,250,000.00 on 2024-01-31 per Section 3.2(a)(iv)",
        "Договор поставки № 17",
        "本合同自双方签字之日起生效",
        "契約書の第三条",
        "emoji 🚀😶‍🌫️ ✅ 🦙 and a flag 🇩🇪",
        "Ünïcödé àccénts, ß, æøå",
        "\xef\xbb\xbf"
        "byte order mark",
        "<s> </s> <unk> in the text are not special",
        "\u2581 an escaped space already",
        "control \x01\x02\x7f bytes",
        "THE PARTIES AGREE THAT THIS AGREEMENT SHALL BE GOVERNED BY THE LAWS OF DELAWARE.",
    };
}

std::string train_model(const std::string& options) {
    // A few thousand lines train a 2000-piece BPE model in a fraction of a second.
    constexpr std::size_t k_training_lines = 3000;
    const std::vector<std::string>& all = contract_lines();
    const std::vector<std::string> lines(all.begin(),
                                         all.begin() + std::min(all.size(), k_training_lines));
    LineIterator it(lines);
    std::string serialized;
    const std::string args = options + " --num_threads=2 --minloglevel=2";
    const auto status = sentencepiece::SentencePieceTrainer::Train(args, &it, &serialized);
    if (!status.ok()) {
        throw std::runtime_error("sentencepiece training failed: " + status.ToString());
    }
    return serialized;
}

Tokenizer tokenizer_through_gguf(const SpmVocab& vocab) {
    gguf::GgufWriter writer;
    writer.add_string("general.architecture", "llama");
    write_spm_vocab(writer, vocab);
    const std::vector<std::byte> bytes = writer.write_to_memory();
    const gguf::GgufFile file = gguf::GgufFile::from_memory(bytes);
    return Tokenizer::from_gguf(file);
}

Reference::Reference(const std::string& serialized) {
    const auto status = sp_.LoadFromSerializedProto(serialized);
    if (!status.ok()) {
        throw std::runtime_error("sentencepiece cannot load the model: " + status.ToString());
    }
}

std::vector<std::int32_t> Reference::encode(std::string_view text) const {
    std::vector<int> ids;
    const auto status = sp_.Encode(text, &ids);
    if (!status.ok()) {
        throw std::runtime_error("sentencepiece Encode failed: " + status.ToString());
    }
    return {ids.begin(), ids.end()};
}

std::string Reference::decode(const std::vector<std::int32_t>& ids) const {
    std::string text;
    const auto status = sp_.Decode(std::vector<int>(ids.begin(), ids.end()), &text);
    if (!status.ok()) {
        throw std::runtime_error("sentencepiece Decode failed: " + status.ToString());
    }
    return text;
}

} // namespace clauselens::tokenizer::test
