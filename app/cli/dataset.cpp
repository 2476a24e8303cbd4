// clauselens-cli dataset: fine-tuning data (chat-format JSON Lines) from the
// reviewed results of a run, with documents held out for evaluation.

#include "cli_args.h"
#include "commands.h"
#include "core/clause_library.h"
#include "core/fine_tuning_dataset.h"
#include "core/store.h"

#include <cstdint>
#include <cstdio>
#include <string>

namespace clauselens::cli {

namespace {

constexpr const char* k_usage =
    "usage: clauselens-cli dataset --db DB -o train.jsonl [--split 0.9] [--seed N] [--run R]\n"
    "\n"
    "Writes fine-tuning data from reviewed results: one chat-format example\n"
    "{\"messages\": [system, user, assistant]} per segment with at least one\n"
    "reviewed result, with exactly the prompts extraction uses (the clause library\n"
    "in the system message, the segment in the user message) and, as the answer,\n"
    "the JSON the model should write: accepted and edited results are in it (edited\n"
    "ones with the edited fields), rejected ones are left out (negatives), and the\n"
    "model's other answers in the segment stay unless --reviewed-only.\n"
    "\n"
    "  --db DB                 the ClauseLens database (opened read-only)\n"
    "  -o FILE                 the training examples (JSON Lines), written whole\n"
    "  --split S               keep a share S (0 < S < 1) of the documents for\n"
    "                          training and hold the others out: their examples go\n"
    "                          to NAME.eval.jsonl, their sha256, title and path to\n"
    "                          NAME.eval-documents.txt (NAME: FILE without .jsonl)\n"
    "  --seed N                which documents are held out (default 0)\n"
    "  --run R                 the run's results (default: the latest run with\n"
    "                          reviewed results); its clause library is used\n"
    "  --library FILE          write prompts and answers with this clause library\n"
    "                          instead of the run's\n"
    "  --reviewed-only         leave the model's unreviewed answers out of the answers\n"
    "  --help                  show this help\n";

std::string plural(qint64 n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string counts(const core::DatasetPart& part) {
    return plural(static_cast<qint64>(part.examples.size()), "example") + " (" +
           plural(part.positives(), "positive") + ", " + plural(part.negatives(), "negative") +
           ", " + std::to_string(part.empty_answers()) + " with no category) from " +
           plural(static_cast<qint64>(part.documents.size()), "document");
}

} // namespace

int run_dataset(const Args& args) {
    std::string db;
    std::string out;
    std::string library_file;
    bool split = false;
    core::DatasetOptions options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            std::fputs(k_usage, stdout);
            return 0;
        }
        if (a == "--db") {
            db = take_value(args, i);
        } else if (a == "-o" || a == "--output") {
            out = take_value(args, i);
        } else if (a == "--split") {
            const std::string value = take_value(args, i);
            options.train_share = parse_float(a, value);
            if (!(options.train_share > 0.0 && options.train_share < 1.0)) {
                throw UsageError("option --split: '" + value +
                                 "' is not a share between 0 and 1 (e.g. 0.9 trains on 90% "
                                 "of the documents)");
            }
            split = true;
        } else if (a == "--seed") {
            options.seed = parse_u64(a, take_value(args, i));
        } else if (a == "--run") {
            options.run_id = parse_int(a, take_value(args, i), 1, INT64_MAX);
        } else if (a == "--library") {
            library_file = take_value(args, i);
        } else if (a == "--reviewed-only") {
            options.reviewed_only = true;
        } else {
            throw UsageError("unknown argument '" + a + "'");
        }
    }
    if (db.empty()) {
        throw UsageError("missing --db DB");
    }
    if (out.empty()) {
        throw UsageError("missing -o train.jsonl");
    }
    if (out == "-") {
        throw UsageError("-o needs a file name: the held-out files are written beside it");
    }
    if (!library_file.empty()) {
        options.library = core::ClauseLibrary::load_file(QString::fromStdString(library_file));
    }

    const core::Store store = core::Store::open_read_only(QString::fromStdString(db));
    const core::FineTuningDataset data = core::build_fine_tuning_dataset(store, options);
    for (const std::string& why : data.skipped) {
        std::fprintf(stderr, "left out: %s\n", why.c_str());
    }
    const core::DatasetFiles files = core::dataset_files(QString::fromStdString(out));
    core::write_fine_tuning_dataset(data, files, split);

    std::printf("run %lld, clause library %s (%zu categories)\n",
                static_cast<long long>(data.run_id), data.library.name.toStdString().c_str(),
                data.library.categories.size());
    std::printf("%s: %s\n", files.train.toStdString().c_str(), counts(data.train).c_str());
    if (split) {
        std::printf("%s: %s\n", files.held_out.toStdString().c_str(),
                    counts(data.held_out).c_str());
        std::printf("%s: the held-out documents\n", files.held_out_documents.toStdString().c_str());
        if (data.held_out.documents.empty()) {
            std::fputs("only one document has reviewed results: nothing could be held out\n",
                       stderr);
        }
    }
    if (!data.skipped.empty()) {
        std::fprintf(stderr, "%zu reviewed result(s) or segment(s) left out (see above)\n",
                     data.skipped.size());
    }
    return 0;
}

} // namespace clauselens::cli
