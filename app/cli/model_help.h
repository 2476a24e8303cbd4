#pragma once
// What a user without a model is told, the same words for every command that
// runs one (extract, classify): what is missing, where to get it, and where
// the README says more.

#include <filesystem>
#include <string>

namespace clauselens::cli {

// For a command run without -m.
inline std::string no_model_message(const std::string& command) {
    return command +
           " needs a model: -m MODEL.gguf\n"
           "ClauseLens runs a GGUF language model on this machine. Download an instruction-\n"
           "tuned ~3B model at Q4_K_M once (for example Qwen2.5-3B-Instruct as\n"
           "qwen2.5-3b-instruct-q4_k_m.gguf, Llama-3.2-3B-Instruct or Phi-3.5-mini-instruct,\n"
           "from their publishers' pages) and give its path; a fine-tuned adapter goes with\n"
           "--lora. See README.md, 'Getting a model'.";
}

// For a -m that names no file.
inline std::string missing_model_message(const std::filesystem::path& model) {
    return model.string() +
           ": no such model file; README.md, 'Getting a model', says where to find one";
}

} // namespace clauselens::cli
