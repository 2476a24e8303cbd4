#pragma once
// What a user without a model is told, the same words for every command that
// runs one (extract, classify): what is missing, where to get it, and where
// the README says more.

#include "cli_args.h"
#include "core/extractor.h"

#include <QString>
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

// The options every command that runs the extractor takes: -m/--model,
// --lora, --library, --device, --chat-template. Consumes args[i] (and its
// value) and returns true when it is one of them.
inline bool take_model_option(const Args& args, size_t& i, core::ExtractorOptions& options,
                              QString& library) {
    const std::string& a = args[i];
    if (a == "-m" || a == "--model") {
        options.model = take_value(args, i);
    } else if (a == "--lora") {
        options.adapters.push_back(take_value(args, i));
    } else if (a == "--library") {
        library = QString::fromStdString(take_value(args, i));
    } else if (a == "--device") {
        options.device = take_value(args, i);
    } else if (a == "--chat-template") {
        options.chat_template = take_value(args, i);
    } else {
        return false;
    }
    return true;
}

// After parsing: a model is named and exists, or the user is told how to get one.
inline void require_model(const core::ExtractorOptions& options, const std::string& command) {
    if (options.model.empty()) {
        throw UsageError(no_model_message(command));
    }
    if (!std::filesystem::exists(options.model)) {
        throw std::runtime_error(missing_model_message(options.model));
    }
}

} // namespace clauselens::cli
