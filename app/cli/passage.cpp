// clauselens-cli passage: the text of an area of a page, resolved through the
// word boxes stored at ingestion (what a drag on the page view selects).

#include "core/passage.h"

#include "cli_args.h"
#include "commands.h"
#include "core/store.h"
#include "passage_args.h"

#include <cstdio>
#include <string>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage_head =
    "usage: clauselens-cli passage --db DB --doc ID|SHA|TITLE --page N --rect x,y,w,h\n"
    "\n"
    "Prints the words of a stored document that lie in an area of one page, in\n"
    "reading order and joined by single spaces: the passage that `classify` and\n"
    "a drag on the page view give to the model. A word is taken when at least\n"
    "half of its box is inside the area.\n"
    "\n"
    "  --db DB                 the ClauseLens database (opened read-only)\n";
constexpr const char* k_usage_tail =
    "  --segment               also print, on stderr, the stored segment that holds\n"
    "                          most of the passage\n"
    "  --help                  show this help\n";

} // namespace

int run_passage(const Args& args) {
    std::string db;
    PassageArgs where;
    bool show_segment = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(k_usage_head, stdout);
            std::fputs(PassageArgs::k_help, stdout);
            std::fputs(k_usage_tail, stdout);
            return 0;
        }
        if (arg == "--db") {
            db = take_value(args, i);
        } else if (arg == "--segment") {
            show_segment = true;
        } else if (!where.take(args, i)) {
            throw UsageError("unknown argument '" + arg + "'");
        }
    }
    if (db.empty()) {
        throw UsageError("missing --db DB");
    }
    where.require_all();
    const core::Store store = core::Store::open_read_only(QString::fromStdString(db));
    const PassageTarget target = where.resolve(store);
    const core::Passage passage =
        core::passage_in_rect(store, target.document_id, target.page0, target.rect);
    std::printf("%s\n", passage.text.toUtf8().constData());
    if (show_segment) {
        const std::optional<qint64> segment = core::segment_at(store, passage);
        if (segment) {
            std::fprintf(stderr, "%zu words, in segment %lld\n", passage.words.size(),
                         static_cast<long long>(*segment));
        } else {
            std::fprintf(stderr, "%zu words, in no stored segment\n", passage.words.size());
        }
    }
    return 0;
}

} // namespace clauselens::cli
