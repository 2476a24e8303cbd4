// clauselens-cli search: full-text search over the segments of a store.

#include "cli_args.h"
#include "commands.h"
#include "core/store.h"

#include <cstdio>
#include <string>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage =
    "usage: clauselens-cli search --db DB [--limit N] QUERY\n"
    "\n"
    "Searches the text of every stored clause segment (SQLite FTS5) and prints\n"
    "the best matches with their document and page, matches in [brackets].\n"
    "QUERY: words (all must occur), \"exact phrases\", OR, NOT, prefix*, and\n"
    "parentheses; e.g. 'governing law', '\"shall terminate\" NOT renewal'.\n"
    "\n"
    "  --db DB      the ClauseLens database (opened read-only)\n"
    "  --limit N    at most N results (default 20)\n"
    "  --help       show this help\n";

} // namespace

int run_search(const Args& args) {
    std::string db;
    std::string query;
    int64_t limit = 20;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(k_usage, stdout);
            return 0;
        }
        if (arg == "--db") {
            db = take_value(args, i);
        } else if (arg == "--limit") {
            limit = parse_int(arg, take_value(args, i), 1, 100000);
        } else if (arg.size() > 1 && arg[0] == '-' && query.empty()) {
            throw UsageError(std::string("unknown option '") + arg + "'");
        } else {
            // Several words without quotes are one query, as a user would mean.
            query += query.empty() ? arg : std::string(" ") + arg;
        }
    }
    if (db.empty()) {
        throw UsageError("missing --db DB");
    }
    if (query.empty()) {
        throw UsageError("missing QUERY");
    }

    const core::Store store = core::Store::open_read_only(QString::fromStdString(db));
    const auto hits = store.search(QString::fromStdString(query), static_cast<int>(limit));
    for (const core::Store::SearchHit& h : hits) {
        const QString where =
            h.heading_path.isEmpty() ? QString() : QStringLiteral(" ") + h.heading_path;
        std::printf("%s  p.%d%s\n    %s\n", h.document_title.toUtf8().constData(), h.page + 1,
                    where.toUtf8().constData(), h.snippet.simplified().toUtf8().constData());
    }
    std::fprintf(stderr, "%zu result%s\n", hits.size(), hits.size() == 1 ? "" : "s");
    return 0;
}

} // namespace clauselens::cli
