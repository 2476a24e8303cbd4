// clauselens-cli classify: the categories of one passage (an area of a stored
// page, or text), with their fields and scores, by the path the GUI's
// point-and-click takes: the prompt prefix is evaluated once when the model
// loads, so a click costs only the passage and its answer.

#include "cli_args.h"
#include "commands.h"
#include "core/clause_library.h"
#include "core/extraction_setup.h"
#include "core/extractor.h"
#include "core/passage.h"
#include "core/store.h"
#include "model_help.h"
#include "passage_args.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage_head =
    "usage: clauselens-cli classify --db DB -m MODEL.gguf --doc ID --page N --rect x,y,w,h\n"
    "       clauselens-cli classify -m MODEL.gguf --text TEXT\n"
    "\n"
    "Asks the model which clause categories one passage contains: the words in an\n"
    "area of a stored page (as a drag on the page view selects them), or a text.\n"
    "Prints the categories chosen with their scores, their field values, the other\n"
    "categories that scored at least 1%, the passage and the stored segment it lies\n"
    "in, and how long loading and classifying took: the classification time is\n"
    "what a click costs once the model is loaded.\n"
    "\n"
    "  --db DB                 the ClauseLens database (opened read-only)\n"
    "  -m, --model FILE        GGUF model (see README: Getting a model)\n"
    "      --lora FILE[:S]     LoRA adapter at scale S (default 1); repeat for several\n"
    "      --library FILE      clause library (JSON; default: CUAD's 41 categories)\n"
    "      --device D          vk:N or a part of a device name (default: the best)\n"
    "      --chat-template T   the chat template instead of the model's own\n";
constexpr const char* k_usage_tail =
    "  --text TEXT             classify this text instead of an area of a page\n"
    "  --json                  print one JSON object instead of the report\n"
    "  --help                  show this help\n";

struct Options {
    std::string db;
    core::ExtractorOptions extractor;
    QString library;
    PassageArgs where;
    bool area = false; // --doc, --page or --rect given
    std::optional<std::string> text;
    bool json = false;
};

Options parse(const Args& args) {
    Options o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--db") {
            o.db = take_value(args, i);
        } else if (take_model_option(args, i, o.extractor, o.library)) {
        } else if (a == "--text") {
            o.text = take_value(args, i);
        } else if (a == "--json") {
            o.json = true;
        } else if (o.where.take(args, i)) {
            o.area = true;
        } else {
            throw UsageError("unknown argument '" + a + "'");
        }
    }
    if (o.text && o.area) {
        throw UsageError("give either --text or --doc/--page/--rect, not both");
    }
    if (!o.text) {
        if (o.db.empty()) {
            throw UsageError("missing --db DB (the passage is an area of a stored page)");
        }
        o.where.require_all();
    }
    require_model(o.extractor, "classify");
    // One passage: one sequence besides the shared prefix.
    o.extractor.batch = 1;
    return o;
}

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// A field's value as JSON (the extractor keeps the answer's JSON text).
QJsonValue json_value(const std::string& text) {
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString("[" + text + "]"));
    return doc.isArray() && !doc.array().isEmpty() ? doc.array().first() : QJsonValue(text.c_str());
}

std::string shortened(const QString& text, qsizetype max_chars) {
    if (text.size() <= max_chars) {
        return text.toStdString();
    }
    return text.left(max_chars - 3).trimmed().toStdString() + "...";
}

std::string percent(double score) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", score * 100.0);
    return buf;
}

struct Timings {
    double load_ms = 0;   // reading the model onto the device, prefix included
    double prefix_ms = 0; // of which: evaluating the shared prefix
    uint32_t prefix_tokens = 0;
    double classify_ms = 0;
};

void print_report(const core::Passage& passage, const std::optional<qint64>& segment,
                  const core::SegmentAnswer& a, const Timings& t) {
    std::string chosen;
    std::string others;
    for (const core::CategoryScore& s : a.scores) {
        std::string& list = s.chosen ? chosen : others;
        list += (list.empty() ? "" : ", ") + s.category + " " + percent(s.score);
    }
    std::printf("categories: %s\n", chosen.empty() ? "none" : chosen.c_str());
    for (const auto& [key, value] : a.fields) {
        std::printf("  %s: %s\n", key.c_str(), value.c_str());
    }
    std::printf("other categories: %s\n", others.empty() ? "none above 1%" : others.c_str());
    if (!a.complete) {
        std::printf("the answer was cut by the token budget (%u tokens): %s\n", a.answer_tokens,
                    shortened(QString::fromStdString(a.json).simplified(), 120).c_str());
    }
    std::printf("passage: %s\n", shortened(passage.text, 200).c_str());
    if (passage.document_id != 0) {
        std::printf("where: document %lld, page %d, %zu words, %s\n",
                    static_cast<long long>(passage.document_id), passage.page + 1,
                    passage.words.size(),
                    segment ? ("segment " + std::to_string(*segment)).c_str() : "in no segment");
    }
    if (a.truncated) {
        std::puts("(the passage was longer than the model is shown; its start was classified)");
    }
    std::printf("time: model load %.0f ms (prefix %.0f ms, %u tokens), classification %.1f ms "
                "(%u prompt + %u answer tokens)\n",
                t.load_ms, t.prefix_ms, t.prefix_tokens, t.classify_ms, a.prompt_tokens,
                a.answer_tokens);
}

void print_json(const core::Passage& passage, const std::optional<qint64>& segment,
                const core::SegmentAnswer& a, const Timings& t) {
    QJsonObject o;
    o[QStringLiteral("passage")] = passage.text;
    if (passage.document_id != 0) {
        o[QStringLiteral("document_id")] = static_cast<qint64>(passage.document_id);
        o[QStringLiteral("page")] = passage.page + 1;
    }
    o[QStringLiteral("segment_id")] =
        segment ? QJsonValue(static_cast<qint64>(*segment)) : QJsonValue(QJsonValue::Null);
    QJsonArray categories;
    for (const std::string& c : a.categories) {
        categories.append(QString::fromStdString(c));
    }
    o[QStringLiteral("categories")] = categories;
    QJsonObject fields;
    for (const auto& [key, value] : a.fields) {
        fields[QString::fromStdString(key)] = json_value(value);
    }
    o[QStringLiteral("fields")] = fields;
    QJsonArray scores;
    for (const core::CategoryScore& s : a.scores) {
        scores.append(QJsonObject{{QStringLiteral("category"), QString::fromStdString(s.category)},
                                  {QStringLiteral("score"), s.score},
                                  {QStringLiteral("chosen"), s.chosen}});
    }
    o[QStringLiteral("scores")] = scores;
    o[QStringLiteral("complete")] = a.complete;
    o[QStringLiteral("latency_ms")] = t.classify_ms;
    o[QStringLiteral("load_ms")] = t.load_ms;
    o[QStringLiteral("prefix_ms")] = t.prefix_ms;
    o[QStringLiteral("prefix_tokens")] = static_cast<qint64>(t.prefix_tokens);
    o[QStringLiteral("prompt_tokens")] = static_cast<qint64>(a.prompt_tokens);
    o[QStringLiteral("answer_tokens")] = static_cast<qint64>(a.answer_tokens);
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
}

} // namespace

int run_classify(const Args& args) {
    for (const std::string& a : args) {
        if (a == "--help" || a == "-h") {
            std::fputs(k_usage_head, stdout);
            std::fputs(PassageArgs::k_help, stdout);
            std::fputs(k_usage_tail, stdout);
            return 0;
        }
    }
    const Options o = parse(args);
    const core::ClauseLibrary library = o.library.isEmpty()
                                            ? core::ClauseLibrary::cuad_default()
                                            : core::ClauseLibrary::load_file(o.library);

    // The passage first: a wrong page or an empty area is reported before
    // the model takes its time to load.
    core::Passage passage;
    std::optional<qint64> segment;
    if (o.text) {
        passage = core::passage_from_text(QString::fromStdString(*o.text));
        if (passage.text.isEmpty()) {
            throw UsageError("--text is empty");
        }
    } else {
        const core::Store store = core::Store::open_read_only(QString::fromStdString(o.db));
        const PassageTarget target = o.where.resolve(store);
        passage = core::passage_in_rect(store, target.document_id, target.page0, target.rect);
        segment = core::segment_at(store, passage);
    }

    const auto load_start = std::chrono::steady_clock::now();
    core::Extractor extractor(o.extractor, core::extraction_prompt(library));
    Timings t;
    t.load_ms = ms_since(load_start);
    t.prefix_ms = extractor.prefix_seconds() * 1000.0;
    t.prefix_tokens = extractor.prefix_tokens();
    if (!o.json) {
        std::fprintf(stderr, "%s; clause library %s (%zu categories)\n",
                     extractor.description().c_str(), library.name.toStdString().c_str(),
                     library.categories.size());
    }

    const auto start = std::chrono::steady_clock::now();
    const core::SegmentAnswer answer = extractor.classify(passage.text.toStdString());
    t.classify_ms = ms_since(start);

    if (o.json) {
        print_json(passage, segment, answer, t);
    } else {
        print_report(passage, segment, answer, t);
    }
    return 0;
}

} // namespace clauselens::cli
