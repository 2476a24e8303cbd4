// clauselens-cli eval: scores a stored extraction run against gold labels in
// CUAD's form, per category and overall (core/evaluation.h has the rules).

#include "cli_args.h"
#include "commands.h"
#include "core/clause_library.h"
#include "core/evaluation.h"
#include "core/run_predictions.h"
#include "core/store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage =
    "usage: clauselens-cli eval --db DB --gold LABELS.jsonl [--run R] [options]\n"
    "\n"
    "Scores an extraction run against gold labels, per category and overall:\n"
    "gold answers, predictions, true positives (gold answers found), precision,\n"
    "recall, F1, the area under the precision-recall curve (AUPR) and the\n"
    "precision at 80% and 90% recall. A prediction finds a gold answer of the\n"
    "same contract and category when their words overlap by a Jaccard index of\n"
    "at least 0.5, as in CUAD's evaluation. Figures that do not exist (no\n"
    "predictions, no gold answers, a recall never reached) show as n/a.\n"
    "\n"
    "Documents map to gold contracts by file name (<contract_id>.pdf) or title;\n"
    "documents without gold labels are skipped with a note, and gold contracts\n"
    "that the run did not cover are left out.\n"
    "\n"
    "  --db DB            the ClauseLens database (opened read-only)\n"
    "  --gold FILE        gold labels, JSON Lines: contract_id, category,\n"
    "                     answer_text, answer_start per line (CUAD's form)\n"
    "  --run R            the run to score (default: the latest)\n"
    "  --reviewed         use review decisions: rejected results are dropped,\n"
    "                     accepted and edited ones count as answers\n"
    "  --min-score S      ignore results scoring below S\n"
    "  --json             print the figures as JSON\n"
    "  --help             show this help\n";

QString figure(const std::optional<double>& v) {
    return v ? QString::number(*v, 'f', 3) : QStringLiteral("n/a");
}

QJsonValue json_figure(const std::optional<double>& v) {
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject to_json(const core::Metrics& m) {
    QJsonObject o;
    if (!m.category.isEmpty()) {
        o.insert(QStringLiteral("category"), m.category);
    }
    o.insert(QStringLiteral("gold"), m.gold);
    o.insert(QStringLiteral("predicted"), m.predicted);
    o.insert(QStringLiteral("true_positives"), m.true_positives);
    o.insert(QStringLiteral("false_positives"), m.false_positives);
    o.insert(QStringLiteral("false_negatives"), m.false_negatives);
    o.insert(QStringLiteral("precision"), json_figure(m.precision));
    o.insert(QStringLiteral("recall"), json_figure(m.recall));
    o.insert(QStringLiteral("f1"), json_figure(m.f1));
    o.insert(QStringLiteral("aupr"), json_figure(m.aupr));
    o.insert(QStringLiteral("precision_at_80_recall"), json_figure(m.precision_at_80_recall));
    o.insert(QStringLiteral("precision_at_90_recall"), json_figure(m.precision_at_90_recall));
    return o;
}

void print_table(const core::EvaluationReport& report) {
    int width = 8; // "category"
    for (const core::Metrics& m : report.categories) {
        width = std::max(width, static_cast<int>(m.category.size()));
    }
    const auto row = [&](const QString& name, const core::Metrics& m) {
        std::printf("%-*s %5d %5d %5d %6s %6s %6s %6s %6s %6s\n", width, name.toUtf8().constData(),
                    m.gold, m.predicted, m.true_positives, qPrintable(figure(m.precision)),
                    qPrintable(figure(m.recall)), qPrintable(figure(m.f1)),
                    qPrintable(figure(m.aupr)), qPrintable(figure(m.precision_at_80_recall)),
                    qPrintable(figure(m.precision_at_90_recall)));
    };
    std::printf("%-*s %5s %5s %5s %6s %6s %6s %6s %6s %6s\n", width, "category", "gold", "pred",
                "TP", "P", "R", "F1", "AUPR", "P@80R", "P@90R");
    for (const core::Metrics& m : report.categories) {
        row(m.category, m);
    }
    row(QStringLiteral("overall"), report.overall);
}

// The categories of the run's library, in its order; empty if the stored
// library cannot be read (then the table lists categories by name).
QStringList library_categories(const core::Store& store, qint64 run_id) {
    try {
        const core::ClauseLibrary library =
            core::ClauseLibrary::from_json(store.run_library(run_id));
        QStringList names;
        for (const core::ClauseCategory& c : library.categories) {
            names.append(c.name);
        }
        return names;
    } catch (const std::exception& e) {
        std::fprintf(stderr,
                     "note: the clause library of run %lld cannot be read (%s); categories are "
                     "listed by name\n",
                     static_cast<long long>(run_id), e.what());
        return {};
    }
}

} // namespace

int run_eval(const Args& args) {
    std::string db;
    std::string gold_path;
    std::optional<qint64> run;
    bool json = false;
    core::RunPredictionOptions options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(k_usage, stdout);
            return 0;
        }
        if (arg == "--db") {
            db = take_value(args, i);
        } else if (arg == "--gold") {
            gold_path = take_value(args, i);
        } else if (arg == "--run") {
            run = parse_int(arg, take_value(args, i), 1, INT64_MAX);
        } else if (arg == "--reviewed") {
            options.reviewed = true;
        } else if (arg == "--min-score") {
            options.min_score = parse_float(arg, take_value(args, i));
        } else if (arg == "--json") {
            json = true;
        } else {
            throw UsageError(std::string("unknown argument '") + arg + "'");
        }
    }
    if (db.empty()) {
        throw UsageError("missing --db DB");
    }
    if (gold_path.empty()) {
        throw UsageError("missing --gold LABELS.jsonl");
    }

    const QString gold_file = QString::fromStdString(gold_path);
    const std::vector<core::GoldLabel> gold = core::read_gold_labels(gold_file);
    if (gold.empty()) {
        throw std::runtime_error(gold_path + " holds no gold labels");
    }
    const core::Store store = core::Store::open_read_only(QString::fromStdString(db));
    const std::vector<core::RunInfo> runs = store.runs();
    if (runs.empty()) {
        throw std::runtime_error("database " + db +
                                 " has no extraction runs; run extraction first: clauselens-cli "
                                 "extract --db " +
                                 db + " -m MODEL.gguf");
    }
    const auto found = run ? std::find_if(runs.begin(), runs.end(),
                                          [&](const core::RunInfo& r) { return r.id == *run; })
                           : runs.end() - 1;
    if (found == runs.end()) {
        QStringList ids;
        for (const core::RunInfo& r : runs) {
            ids.append(QString::number(r.id));
        }
        throw std::runtime_error("database " + db + " has no run " + std::to_string(*run) +
                                 "; its runs are " + ids.join(QStringLiteral(", ")).toStdString() +
                                 " (leave out --run for the latest)");
    }
    const core::RunInfo& info = *found;

    const core::RunPredictions data = core::run_predictions(store, info.id, gold, options);
    if (!data.unlabelled_documents.isEmpty()) {
        std::fprintf(stderr,
                     "note: %lld document(s) of run %lld have no gold labels in %s and are "
                     "skipped: %s\n",
                     static_cast<long long>(data.unlabelled_documents.size()),
                     static_cast<long long>(info.id), gold_path.c_str(),
                     qPrintable(data.unlabelled_documents.join(QStringLiteral(", "))));
    }
    if (data.contracts.isEmpty() && data.unlabelled_documents.isEmpty()) {
        throw std::runtime_error("run " + std::to_string(info.id) +
                                 " has stored no results yet: nothing to score");
    }
    if (data.contracts.isEmpty()) {
        throw std::runtime_error(
            "none of the documents of run " + std::to_string(info.id) + " has gold labels in " +
            gold_path +
            " (a document matches a contract_id by its file name without .pdf, or by its title)");
    }
    QStringList categories = library_categories(store, info.id);
    // Every category of the gold file is listed, even where the evaluated
    // contracts have no answer for it.
    for (const core::GoldLabel& g : gold) {
        if (!categories.contains(g.category)) {
            categories.append(g.category);
        }
    }
    const core::EvaluationReport report = core::evaluate(data.gold, data.predictions, categories);

    if (json) {
        QJsonObject o;
        o.insert(QStringLiteral("run"), info.id);
        o.insert(QStringLiteral("model"), info.model);
        o.insert(QStringLiteral("adapter"), info.adapter);
        o.insert(QStringLiteral("gold"), QFileInfo(gold_file).absoluteFilePath());
        o.insert(QStringLiteral("reviewed"), options.reviewed);
        o.insert(QStringLiteral("min_score"),
                 options.min_score ? QJsonValue(*options.min_score) : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("match_threshold"), core::k_match_threshold);
        o.insert(QStringLiteral("contracts"), QJsonArray::fromStringList(data.contracts));
        o.insert(QStringLiteral("skipped_documents"),
                 QJsonArray::fromStringList(data.unlabelled_documents));
        QJsonArray rows;
        for (const core::Metrics& m : report.categories) {
            rows.append(to_json(m));
        }
        o.insert(QStringLiteral("categories"), rows);
        o.insert(QStringLiteral("overall"), to_json(report.overall));
        std::fputs(QJsonDocument(o).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    std::printf("run %lld (model %s%s%s), %lld contract(s), gold labels %s\n",
                static_cast<long long>(info.id), qPrintable(QFileInfo(info.model).fileName()),
                info.adapter.isEmpty() ? "" : ", adapter ",
                qPrintable(QFileInfo(info.adapter).fileName()),
                static_cast<long long>(data.contracts.size()), gold_path.c_str());
    print_table(report);
    return 0;
}

} // namespace clauselens::cli
