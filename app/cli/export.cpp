// clauselens-cli export: extraction results as CSV or JSON.

#include "cli_args.h"
#include "commands.h"
#include "core/exporter.h"
#include "core/store.h"

#include <QFile>
#include <QSaveFile>
#include <cstdio>
#include <string>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage =
    "usage: clauselens-cli export --db DB --format csv|json -o OUT [filters]\n"
    "\n"
    "Writes extraction results with their document, page, heading path,\n"
    "category, clause text, fields, score, status and run. CSV is RFC 4180\n"
    "UTF-8; cells starting with = + - @ TAB or CR get a leading ' so that\n"
    "spreadsheets do not run them as formulas.\n"
    "\n"
    "  --db DB                 the ClauseLens database (opened read-only)\n"
    "  --format csv|json       output format\n"
    "  -o OUT                  output file ('-' for stdout); written whole or not at all\n"
    "  --accepted-only         only accepted and edited results\n"
    "  --category C            only category C\n"
    "  --document SHA|TITLE    only one document: its sha256 (or 8+ leading hex digits) or title\n"
    "  --excel                 CSV: start with a UTF-8 byte order mark, for Excel\n"
    "  --columns a,b,c         only these columns, in this order: document, page,\n"
    "                          heading_path, category, clause_text, fields, score, status, run\n"
    "  --help                  show this help\n";

} // namespace

int run_export(const Args& args) {
    std::string db;
    std::string format;
    std::string out_path;
    core::ExportFilter filter;
    core::ExportOptions options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(k_usage, stdout);
            return 0;
        }
        if (arg == "--db") {
            db = take_value(args, i);
        } else if (arg == "--format") {
            format = take_value(args, i);
            if (format != "csv" && format != "json") {
                throw UsageError(std::string("option --format: '") + format +
                                 "' is not csv or json");
            }
        } else if (arg == "-o" || arg == "--output") {
            out_path = take_value(args, i);
        } else if (arg == "--accepted-only") {
            filter.accepted_only = true;
        } else if (arg == "--category") {
            filter.category = QString::fromStdString(take_value(args, i));
        } else if (arg == "--document") {
            filter.document_sha_or_title = QString::fromStdString(take_value(args, i));
        } else if (arg == "--excel") {
            options.excel_bom = true;
        } else if (arg == "--columns") {
            const QString list = QString::fromStdString(take_value(args, i));
            const QStringList known = core::export_columns();
            for (const QString& c : list.split(u',', Qt::SkipEmptyParts)) {
                const QString name = c.trimmed();
                if (!known.contains(name)) {
                    throw UsageError(
                        std::string("option --columns: unknown column '") + name.toStdString() +
                        "' (known: " + known.join(QStringLiteral(", ")).toStdString() + ")");
                }
                options.columns.append(name);
            }
        } else {
            throw UsageError(std::string("unknown argument '") + arg + "'");
        }
    }
    if (db.empty()) {
        throw UsageError("missing --db DB");
    }
    if (format.empty()) {
        throw UsageError("missing --format csv|json");
    }
    if (out_path.empty()) {
        throw UsageError("missing -o OUT (use '-o -' for stdout)");
    }

    const core::Store store = core::Store::open_read_only(QString::fromStdString(db));
    const auto write = [&](QIODevice& out) {
        if (format == "csv") {
            core::export_csv(store, filter, options, out);
        } else {
            core::export_json(store, filter, options, out);
        }
    };
    if (out_path == "-") {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly)) {
            throw std::runtime_error("cannot write to stdout");
        }
        write(out);
        return 0;
    }
    // QSaveFile writes a temporary file and renames it on commit: a failed
    // export (full disk, bad filter) never leaves a truncated OUT behind.
    QSaveFile out(QString::fromStdString(out_path));
    if (!out.open(QIODevice::WriteOnly)) {
        throw std::runtime_error(std::string("cannot write ") + out_path + ": " +
                                 out.errorString().toStdString());
    }
    write(out);
    if (!out.commit()) {
        throw std::runtime_error(std::string("cannot write ") + out_path + ": " +
                                 out.errorString().toStdString() + " (is the disk full?)");
    }
    return 0;
}

} // namespace clauselens::cli
