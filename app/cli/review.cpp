// clauselens-cli review: list extraction results and set their review status
// (what the GUI's results table does by click).

#include "cli_args.h"
#include "commands.h"
#include "core/store.h"
#include "passage_args.h"

#include <QJsonDocument>
#include <QMap>
#include <QStringList>
#include <cstdio>
#include <string>
#include <vector>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage =
    "usage: clauselens-cli review --db DB --list [filters]\n"
    "       clauselens-cli review --db DB --accept ID... | --reject ID... | --reset ID...\n"
    "       clauselens-cli review --db DB --edit ID --fields JSON [--note TEXT]\n"
    "\n"
    "Lists extraction results with their review status, or records a review\n"
    "decision. Statuses: auto (as the model answered), accepted, rejected,\n"
    "edited (fields changed by a reviewer; the model's answer is kept and\n"
    "comes back with --reset). IDs are those --list prints; several may be\n"
    "given, separated by spaces or commas. All are checked before anything\n"
    "changes: one unknown id and nothing is changed.\n"
    "\n"
    "  --db DB                 the ClauseLens database\n"
    "  --list                  print id, document, page, category, score, status\n"
    "                          and the start of the clause\n"
    "    --status S            only results with status S (auto, accepted,\n"
    "                          rejected, edited)\n"
    "    --category C          only category C\n"
    "    --document D          only document D: its id, sha256 (or 8+ leading hex\n"
    "                          digits) or title\n"
    "    --run R               only results of run R\n"
    "    --all                 also the categories the model passed over, kept\n"
    "                          for their scores only\n"
    "  --accept ID...          the results are right (an edited one stays edited)\n"
    "  --reject ID...          the results are wrong (an edit is undone first)\n"
    "  --edit ID --fields JSON replace the fields with a JSON object, e.g.\n"
    "                          '{\"governing_law\": \"New York\"}'\n"
    "  --note TEXT             a reviewer's note, with --accept, --reject or --edit\n"
    "  --reset ID...           back to auto: the model's answer, no note\n"
    "  --help                  show this help\n";

// Decisions by option name, as the store spells the resulting status.
const QMap<QString, QString>& actions() {
    static const QMap<QString, QString> map = {{"--accept", "accepted"},
                                               {"--reject", "rejected"},
                                               {"--edit", "edited"},
                                               {"--reset", "auto"}};
    return map;
}

// The ids after an action option: following arguments up to the next option,
// each a number or a comma-separated list of numbers.
std::vector<qint64> take_ids(const Args& args, size_t& i) {
    const std::string option = args[i];
    std::vector<qint64> ids;
    while (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) {
        for (const QString& part :
             QString::fromStdString(args[++i]).split(u',', Qt::SkipEmptyParts)) {
            ids.push_back(parse_int(option, part.trimmed().toStdString(), 1, INT64_MAX));
        }
    }
    if (ids.empty()) {
        throw UsageError("option " + option + " needs one or more result ids (see --list)");
    }
    return ids;
}

// The clause as one line of at most `max` characters.
QString clause_start(const QString& text, int max) {
    QString line = text.simplified();
    if (line.size() > max) {
        line = line.left(max - 3) + QStringLiteral("...");
    }
    return line;
}

QString elide(const QString& text, int max) {
    return text.size() > max ? text.left(max - 3) + QStringLiteral("...") : text;
}

int list(const core::Store& store, const core::ExtractionFilter& filter, const QString& status,
         std::optional<qint64> run, bool all) {
    std::printf("%6s  %-32s %5s  %-28s %6s  %-8s  %s\n", "id", "document", "page", "category",
                "score", "status", "clause");
    QMap<QString, int> by_status;
    int rows = 0;
    store.for_each_extraction(filter, [&](const core::ExtractionRow& row) {
        if ((!status.isEmpty() && row.status != status) || (run && row.run_id != *run) ||
            (!all && !row.chosen)) {
            return;
        }
        ++rows;
        ++by_status[row.status];
        std::printf("%6lld  %-32s %5d  %-28s %6.3f  %-8s  %s\n",
                    static_cast<long long>(row.extraction_id),
                    elide(row.document_title, 32).toUtf8().constData(), row.page + 1,
                    elide(row.category, 28).toUtf8().constData(), row.score,
                    row.status.toUtf8().constData(),
                    clause_start(row.clause_text, 80).toUtf8().constData());
    });
    QStringList counts;
    for (auto it = by_status.cbegin(); it != by_status.cend(); ++it) {
        counts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
    }
    std::printf("%d result%s%s\n", rows, rows == 1 ? "" : "s",
                counts.isEmpty()
                    ? ""
                    : (" (" + counts.join(QStringLiteral(", ")) + ")").toUtf8().constData());
    return 0;
}

QString id_list(const std::vector<qint64>& ids) {
    QStringList out;
    for (const qint64 id : ids) {
        out << QString::number(id);
    }
    return out.join(QStringLiteral(", "));
}

} // namespace

int run_review(const Args& args) {
    std::string db;
    bool do_list = false;
    QString action; // an option of actions()
    std::vector<qint64> ids;
    std::optional<std::string> fields;
    std::optional<std::string> note;
    core::ExtractionFilter filter;
    std::string document;
    QString status;
    std::optional<qint64> run;
    bool all = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(k_usage, stdout);
            return 0;
        }
        if (arg == "--db") {
            db = take_value(args, i);
        } else if (arg == "--list") {
            do_list = true;
        } else if (arg == "--all") {
            all = true;
        } else if (actions().contains(QString::fromStdString(arg))) {
            if (!action.isEmpty()) {
                throw UsageError("give one of --accept, --reject, --edit and --reset at a time");
            }
            action = QString::fromStdString(arg);
            ids = take_ids(args, i);
        } else if (arg == "--fields") {
            fields = take_value(args, i);
        } else if (arg == "--note") {
            note = take_value(args, i);
        } else if (arg == "--status") {
            status = QString::fromStdString(take_value(args, i));
            if (!QStringList{"auto", "accepted", "rejected", "edited"}.contains(status)) {
                throw UsageError("option --status: '" + status.toStdString() +
                                 "' is not auto, accepted, rejected or edited");
            }
        } else if (arg == "--category") {
            filter.category = QString::fromStdString(take_value(args, i));
        } else if (arg == "--document") {
            document = take_value(args, i);
        } else if (arg == "--run") {
            run = parse_int(arg, take_value(args, i), 1, INT64_MAX);
        } else {
            throw UsageError("unknown argument '" + arg + "'");
        }
    }
    if (db.empty()) {
        throw UsageError("missing --db DB");
    }
    if (do_list == !action.isEmpty()) {
        throw UsageError("give either --list or one of --accept, --reject, --edit, --reset");
    }
    if (do_list) {
        if (fields || note) {
            throw UsageError("--fields and --note go with --edit, --accept or --reject");
        }
        const core::Store store = core::Store::open_read_only(QString::fromStdString(db));
        if (!document.empty()) {
            filter.document_id = resolve_document(store, document);
        }
        filter.include_passed_over = all;
        return list(store, filter, status, run, all);
    }
    if (!status.isEmpty() || !filter.category.isEmpty() || !document.empty() || run || all) {
        throw UsageError("--status, --category, --document, --run and --all go with --list");
    }
    if (action == QLatin1String("--edit")) {
        if (!fields) {
            throw UsageError("--edit needs --fields JSON, e.g. --fields '{\"governing_law\": "
                             "\"Delaware\"}'");
        }
        if (ids.size() != 1) {
            throw UsageError("--edit takes one result id at a time");
        }
        QJsonParseError error{};
        const QJsonDocument json =
            QJsonDocument::fromJson(QByteArray::fromStdString(*fields), &error);
        if (error.error != QJsonParseError::NoError) {
            throw UsageError("option --fields: '" + *fields + "' is not JSON (" +
                             error.errorString().toStdString() + " at offset " +
                             std::to_string(error.offset) + ")");
        }
        if (!json.isObject()) {
            throw UsageError("option --fields: '" + *fields +
                             "' is not a JSON object; give the fields as {\"name\": value, ...}");
        }
    } else if (fields) {
        throw UsageError("--fields goes with --edit");
    }
    if (action == QLatin1String("--reset") && note) {
        throw UsageError("--reset clears the note; --note goes with --accept, --reject or --edit");
    }

    core::Store store = core::Store::open(QString::fromStdString(db));
    const QString new_status = actions().value(action);
    // Which accepted results stay 'edited', to say so: before the change.
    std::vector<qint64> kept_edited;
    if (new_status == QLatin1String("accepted")) {
        for (const qint64 id : ids) {
            const auto review = store.extraction_review(id);
            if (review && review->status == QLatin1String("edited")) {
                kept_edited.push_back(id);
            }
        }
    }
    store.review_extractions(ids, new_status, fields ? QString::fromStdString(*fields) : QString(),
                             note ? QString::fromStdString(*note) : QString());

    const QString what = ids.size() == 1
                             ? QStringLiteral("result %1").arg(ids.front())
                             : QStringLiteral("%1 results: %2").arg(ids.size()).arg(id_list(ids));
    QString line;
    if (new_status == QLatin1String("accepted")) {
        line = QStringLiteral("accepted %1").arg(what);
        if (!kept_edited.empty()) {
            line += QStringLiteral(" (%1 stay%2 edited)")
                        .arg(id_list(kept_edited), kept_edited.size() == 1 ? "s" : "");
        }
    } else if (new_status == QLatin1String("rejected")) {
        line = QStringLiteral("rejected %1").arg(what);
    } else if (new_status == QLatin1String("edited")) {
        line = QStringLiteral("edited %1; the model's answer is kept").arg(what);
    } else {
        line = QStringLiteral("reset %1 to the model's answer (auto)").arg(what);
    }
    std::printf("%s\n", line.toUtf8().constData());
    return 0;
}

} // namespace clauselens::cli
