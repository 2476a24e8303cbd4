// clauselens-cli ingest: add PDF contracts to a database.

#include "cli_args.h"
#include "commands.h"
#include "core/ingest_batch.h"
#include "core/store.h"
#include "interrupt.h"

#include <QFileInfo>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage =
    "usage: clauselens-cli ingest --db DB [--password P] FILES_OR_FOLDERS...\n"
    "\n"
    "Reads PDF contracts (folders: every *.pdf inside, recursively), finds their\n"
    "clauses' places on the page and stores them in the database DB (created if\n"
    "needed). A file already stored (same bytes) is not stored again. Each file is\n"
    "stored in one transaction: after an interruption (Ctrl-C, a crash), running\n"
    "the same command again continues where it stopped.\n"
    "\n"
    "  --db FILE        the ClauseLens database\n"
    "  --password P     password of encrypted PDFs\n"
    "  --help           show this help\n"
    "\n"
    "Exit code 0 when every file was stored (or already was), 1 when some failed.\n";

} // namespace

int run_ingest(const Args& args) {
    QString db;
    core::IngestOptions options;
    QStringList inputs;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            std::fputs(k_usage, stdout);
            return 0;
        }
        if (a == "--db") {
            db = QString::fromStdString(take_value(args, i));
        } else if (a == "--password") {
            options.password = QString::fromStdString(take_value(args, i));
        } else if (!a.empty() && a[0] == '-') {
            throw UsageError("unknown option '" + a + "'");
        } else {
            inputs << QString::fromStdString(a);
        }
    }
    if (db.isEmpty()) {
        throw UsageError("a database is needed: --db DB");
    }
    if (inputs.isEmpty()) {
        throw UsageError("no files or folders to ingest");
    }
    const QStringList files = core::collect_pdfs(inputs);
    if (files.isEmpty()) {
        std::fputs("no PDF files found\n", stderr);
        return 0;
    }

    core::Store store = core::Store::open(db);
    const std::atomic<bool>& g_cancel = catch_interrupts();
    options.cancel = &g_cancel;
    const bool tty = isatty(fileno(stderr)) != 0;
    const auto start = std::chrono::steady_clock::now();
    options.progress = [&](const core::BatchProgress& p) {
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double share = p.bytes_total > 0 ? double(p.bytes_done) / double(p.bytes_total) : 1.0;
        std::string eta = "--:--";
        if (share > 0.0 && elapsed > 0.5) {
            eta = duration_text(elapsed / share - elapsed);
        }
        const std::string name = QFileInfo(p.current).fileName().left(40).toStdString();
        std::fprintf(stderr, "%s[%*d/%d] %3d%%  ETA %s  %s%s", tty ? "\r\033[K" : "",
                     static_cast<int>(std::to_string(p.files_total).size()), p.files_done,
                     p.files_total, static_cast<int>(share * 100.0), eta.c_str(), name.c_str(),
                     tty ? "" : "\n");
        std::fflush(stderr);
    };
    const core::BatchSummary summary = core::ingest_files(store, files, options);
    if (tty) {
        std::fputs("\r\033[K", stderr);
    }

    // Summary: one line per file that needs attention, then the counts.
    for (const core::BatchFileOutcome& f : summary.files) {
        if (f.result == core::FileResult::failed || f.result == core::FileResult::needs_ocr) {
            std::printf("%-10s %s\n           %s\n",
                        core::file_result_name(f.result).toStdString().c_str(),
                        f.path.toStdString().c_str(), f.message.toStdString().c_str());
        }
    }
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("\n%-10s %5s\n", "result", "files");
    for (const core::FileResult r : {core::FileResult::ingested, core::FileResult::duplicate,
                                     core::FileResult::needs_ocr, core::FileResult::failed}) {
        std::printf("%-10s %5d\n", core::file_result_name(r).toStdString().c_str(),
                    summary.count(r));
    }
    std::printf("%-10s %5zu  in %s%s\n", "total", summary.files.size(),
                duration_text(elapsed).c_str(),
                summary.resumed ? " (continued an interrupted run)" : "");
    if (summary.cancelled) {
        std::fputs("interrupted: run the same command again to continue\n", stderr);
        return 130;
    }
    return summary.count(core::FileResult::failed) > 0 ? 1 : 0;
}

} // namespace clauselens::cli
