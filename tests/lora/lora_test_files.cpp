#include "lora_test_files.h"

#include "lora/test_adapter_maker.h"
#include "model/test_model_maker.h"

#include <map>
#include <unistd.h>

namespace clauselens::test {

namespace fs = std::filesystem;

namespace {

fs::path temp_file(const std::string& name) {
    return fs::temp_directory_path() /
           ("clauselens-lora-" + std::to_string(::getpid()) + "-" + name + ".gguf");
}

} // namespace

const fs::path& lora_base_model(const std::string& type, const std::string& arch) {
    static std::map<std::string, fs::path> made;
    const std::string key = arch + "-" + type;
    auto it = made.find(key);
    if (it == made.end()) {
        model::TestModelOptions o;
        o.arch = arch;
        o.preset = "tiny";
        o.type = type;
        o.seed = 21;
        o.output = temp_file("base-" + key);
        model::make_test_model(o);
        it = made.emplace(key, o.output).first;
    }
    return it->second;
}

const fs::path& lora_adapter(const std::string& type, uint32_t rank, uint64_t seed,
                             const std::string& arch) {
    static std::map<std::string, fs::path> made;
    const std::string key =
        arch + "-" + type + "-r" + std::to_string(rank) + "-s" + std::to_string(seed);
    auto it = made.find(key);
    if (it == made.end()) {
        lora::TestAdapterOptions o;
        o.base = lora_base_model(type, arch);
        o.rank = rank;
        o.seed = seed;
        o.output = temp_file("adapter-" + key);
        lora::make_test_adapter(o);
        it = made.emplace(key, o.output).first;
    }
    return it->second;
}

} // namespace clauselens::test
