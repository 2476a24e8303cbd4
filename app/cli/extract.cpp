// clauselens-cli extract: every clause of every category in contracts, with
// its place on the page and a score, stored in the database.

#include "cli_args.h"
#include "commands.h"
#include "core/clause_library.h"
#include "core/extraction_run.h"
#include "core/extraction_setup.h"
#include "core/extractor.h"
#include "core/ingest_batch.h"
#include "core/store.h"
#include "interrupt.h"
#include "model_help.h"

#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage =
    "usage: clauselens-cli extract --db DB -m MODEL.gguf [options] [FILES_OR_FOLDERS...]\n"
    "\n"
    "Finds every clause of every category of the clause library in the contracts:\n"
    "the PDFs given are ingested first (when not stored yet), then each of their\n"
    "segments goes through the model, many at once, under a JSON schema that makes\n"
    "every answer valid. Without files, every stored document is processed.\n"
    "Results are stored per document in one transaction: after Ctrl-C or a crash,\n"
    "the same command continues the same run where it stopped.\n"
    "\n"
    "  --db FILE             the ClauseLens database (created if needed)\n"
    "  -m, --model FILE      GGUF model (see README: Getting a model)\n"
    "      --lora FILE[:S]   LoRA adapter at scale S (default 1); repeat for several\n"
    "      --library FILE    clause library (JSON; default: CUAD's 41 categories)\n"
    "      --device D        vk:N or a part of a device name (default: the best)\n"
    "      --batch N         segments decoded together (default 16)\n"
    "      --max-answer-tokens N\n"
    "                        longest answer per segment (default 192); an answer\n"
    "                        cut short keeps its scores but chooses no category\n"
    "      --max-segment-tokens N\n"
    "                        segments longer than N tokens are cut (default 1024)\n"
    "      --context N       positions per sequence on the device (prompt, segment,\n"
    "                        answer): less device memory, shorter segments\n"
    "                        (default: what the prompt and the limits above need)\n"
    "      --chat-template T the chat template instead of the model's own\n"
    "      --no-prefix-cache evaluate the system prompt for every segment (slower;\n"
    "                        for comparisons)\n"
    "      --password P      password of encrypted PDFs\n"
    "      --help            show this help\n";

struct Options {
    QString db;
    core::ExtractorOptions extractor;
    QString library;
    QString password;
    QStringList inputs;
};

Options parse(const Args& args) {
    Options o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--db") {
            o.db = QString::fromStdString(take_value(args, i));
        } else if (take_model_option(args, i, o.extractor, o.library)) {
        } else if (a == "--batch") {
            o.extractor.batch = static_cast<uint32_t>(parse_int(a, take_value(args, i), 1, 256));
        } else if (a == "--max-answer-tokens") {
            o.extractor.max_answer_tokens =
                static_cast<uint32_t>(parse_int(a, take_value(args, i), 1, 65536));
        } else if (a == "--max-segment-tokens") {
            o.extractor.max_segment_tokens =
                static_cast<uint32_t>(parse_int(a, take_value(args, i), 1, 1 << 20));
        } else if (a == "--context") {
            o.extractor.context =
                static_cast<uint32_t>(parse_int(a, take_value(args, i), 128, 1 << 20));
        } else if (a == "--no-prefix-cache") {
            o.extractor.share_prefix = false;
        } else if (a == "--password") {
            o.password = QString::fromStdString(take_value(args, i));
        } else if (!a.empty() && a[0] == '-') {
            throw UsageError("unknown option '" + a + "'");
        } else {
            o.inputs << QString::fromStdString(a);
        }
    }
    if (o.db.isEmpty()) {
        throw UsageError("a database is needed: --db DB");
    }
    require_model(o.extractor, "extract");
    return o;
}

} // namespace

int run_extract(const Args& args) {
    if (std::find(args.begin(), args.end(), "--help") != args.end() ||
        std::find(args.begin(), args.end(), "-h") != args.end()) {
        std::fputs(k_usage, stdout);
        return 0;
    }
    const Options o = parse(args);
    const core::ClauseLibrary library = o.library.isEmpty()
                                            ? core::ClauseLibrary::cuad_default()
                                            : core::ClauseLibrary::load_file(o.library);
    core::Store store = core::Store::open(o.db);
    const std::atomic<bool>& g_cancel = catch_interrupts();
    const bool tty = isatty(fileno(stderr)) != 0;

    // Ingest what is not stored yet.
    QStringList files;
    if (!o.inputs.isEmpty()) {
        files = core::collect_pdfs(o.inputs);
        if (files.isEmpty()) {
            std::fputs("no PDF files found\n", stderr);
            return 0;
        }
        core::IngestOptions ingest;
        ingest.password = o.password;
        ingest.cancel = &g_cancel;
        const core::BatchSummary batch = core::ingest_files(store, files, ingest);
        for (const core::BatchFileOutcome& f : batch.files) {
            if (f.result == core::FileResult::failed || f.result == core::FileResult::needs_ocr) {
                std::fprintf(stderr, "%s: %s: %s\n", f.path.toStdString().c_str(),
                             core::file_result_name(f.result).toStdString().c_str(),
                             f.message.toStdString().c_str());
            }
        }
        if (batch.cancelled) {
            std::fputs("interrupted: run the same command again to continue\n", stderr);
            return 130;
        }
    }
    const std::vector<qint64> documents = core::documents_with_text(store, files);
    if (documents.empty()) {
        std::fputs("no documents with text to extract from: ingest PDF contracts first\n", stderr);
        return 1;
    }

    std::fprintf(stderr, "loading %s\n", o.extractor.model.string().c_str());
    core::Extractor extractor(o.extractor, core::extraction_prompt(library));
    std::fprintf(stderr, "%s; clause library %s (%zu categories, prompt %u tokens)\n",
                 extractor.description().c_str(), library.name.toStdString().c_str(),
                 library.categories.size(), extractor.prefix_tokens());

    const core::ExtractionRunSettings settings =
        core::extraction_run_settings(library, o.extractor, extractor);

    const auto progress = [&](const core::ExtractionProgress& p) {
        const double share =
            p.segments_total > 0 ? double(p.segments_done) / double(p.segments_total) : 0.0;
        std::string eta = "--:--";
        if (share > 0.0 && p.seconds > 0.5) {
            eta = duration_text(p.seconds / share - p.seconds);
        }
        const double tps = p.seconds > 0 ? double(p.tokens) / p.seconds : 0.0;
        std::fprintf(stderr, "%sdocuments %d/%d  segments %lld/%lld  %.0f tokens/s  ETA %s  %s%s",
                     tty ? "\r\033[K" : "", p.documents_done, p.documents_total,
                     static_cast<long long>(p.segments_done),
                     static_cast<long long>(p.segments_total), tps, eta.c_str(),
                     p.current.left(40).toStdString().c_str(), tty ? "" : "\n");
        std::fflush(stderr);
    };
    const core::ExtractionSummary summary =
        core::run_extraction(store, extractor, settings, documents, progress, &g_cancel);
    if (tty) {
        std::fputs("\r\033[K", stderr);
    }
    std::printf(
        "run %lld%s: %d documents (%d done before), %lld segments, %lld clauses found, "
        "%llu tokens in %s (%.0f tokens/s, %.1f segments/s)\n",
        static_cast<long long>(summary.run_id), summary.resumed ? " (continued)" : "",
        summary.documents, summary.documents_skipped, static_cast<long long>(summary.segments),
        static_cast<long long>(summary.categories_found),
        static_cast<unsigned long long>(summary.tokens), duration_text(summary.seconds).c_str(),
        summary.seconds > 0 ? double(summary.tokens) / summary.seconds : 0.0,
        summary.seconds > 0 ? double(summary.segments) / summary.seconds : 0.0);
    if (summary.cancelled) {
        std::fputs("interrupted: run the same command again to continue this run\n", stderr);
        return 130;
    }
    return 0;
}

} // namespace clauselens::cli
