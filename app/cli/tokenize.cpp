// clauselens-cli tokenize: the token ids a model's tokenizer makes of a text.

#include "cli_args.h"
#include "commands.h"
#include "gguf/gguf_reader.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/tokenizer_error.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage =
    "usage: clauselens-cli tokenize -m MODEL.gguf -p TEXT [options]\n"
    "\n"
    "Prints the token ids the model's tokenizer makes of TEXT, separated by\n"
    "spaces. The start-of-text token comes first when the model asks for it\n"
    "(tokenizer.ggml.add_bos_token).\n"
    "\n"
    "  -m, --model FILE   GGUF model (or vocabulary) file\n"
    "  -p, --prompt TEXT  text to tokenize\n"
    "      --no-bos       no start-of-text token\n"
    "      --special      read control tokens written in TEXT (e.g. <s>) as those tokens\n"
    "      --pieces       one token per line: its id, a tab, and its piece as stored\n"
    "      --help         show this help\n";

struct Options {
    std::string model;
    std::string text;
    bool has_text = false;
    bool bos = true;
    bool special = false;
    bool pieces = false;
};

Options parse(const Args& args) {
    Options o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-m" || a == "--model") {
            o.model = take_value(args, i);
        } else if (a == "-p" || a == "--prompt") {
            o.text = take_value(args, i);
            o.has_text = true;
        } else if (a == "--no-bos") {
            o.bos = false;
        } else if (a == "--special") {
            o.special = true;
        } else if (a == "--pieces") {
            o.pieces = true;
        } else {
            std::string message = "unknown option '";
            message += a;
            message += '\'';
            throw UsageError(message);
        }
    }
    if (o.model.empty()) {
        throw UsageError("a model is needed: -m MODEL.gguf");
    }
    if (!o.has_text) {
        throw UsageError("a text is needed: -p TEXT");
    }
    return o;
}

// A piece made safe for a terminal line: control bytes escaped, the rest
// (including UTF-8 such as "\u2581") as it is.
std::string printable(const std::string& piece) {
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    for (const char c : piece) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20 || u == 0x7f) {
            out += "\\x";
            out += k_hex[u >> 4];
            out += k_hex[u & 0xf];
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

int run_tokenize(const Args& args) {
    if (std::find(args.begin(), args.end(), "--help") != args.end()) {
        std::fputs(k_usage, stdout);
        return 0;
    }
    const Options o = parse(args);
    const gguf::GgufFile file = gguf::GgufFile::open(o.model);
    const tokenizer::Tokenizer tok = [&] {
        try {
            return tokenizer::Tokenizer::from_gguf(file);
        } catch (const tokenizer::TokenizerError& e) {
            std::string message = o.model;
            message += ": ";
            message += e.what();
            throw tokenizer::TokenizerError(message);
        }
    }();
    const std::vector<int32_t> ids = tok.encode(o.text, o.bos && tok.add_bos(), o.special);

    std::string out;
    for (size_t i = 0; i < ids.size(); ++i) {
        if (o.pieces) {
            out += std::to_string(ids[i]);
            out += '\t';
            out += printable(tok.raw_piece(ids[i]));
            out += '\n';
        } else {
            out += i == 0 ? "" : " ";
            out += std::to_string(ids[i]);
        }
    }
    if (!o.pieces) {
        out += '\n';
    }
    std::fputs(out.c_str(), stdout);
    return 0;
}

} // namespace clauselens::cli
