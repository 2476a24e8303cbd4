#pragma once
// Ingesting many files as one batch: each file is read, segmented and stored
// in its own transaction together with its result, so a batch killed at any
// point and started again with the same files skips what is done and ends with
// exactly the rows of an uninterrupted run.

#include "core/store.h"

#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <vector>

namespace clauselens::core {

// PDFs named directly, and every *.pdf (any case) below named folders,
// recursively; sorted, each once. Throws std::runtime_error for a path that
// does not exist.
QStringList collect_pdfs(const QStringList& files_or_folders);

struct BatchFileOutcome {
    QString path;
    FileResult result = FileResult::failed;
    QString message; // why it failed, or what the user should know
    int pages = 0;
    int segments = 0;
};

struct BatchProgress {
    int files_done = 0;
    int files_total = 0;
    qint64 bytes_done = 0;
    qint64 bytes_total = 0;
    QString current; // the file being read
};

struct IngestOptions {
    QString password; // for encrypted PDFs
    std::function<void(const BatchProgress&)> progress;
    const std::atomic<bool>* cancel = nullptr; // checked between files
    // Called after each file with its outcome and the id of its stored
    // document (0 when it failed), so that a front end can show results as
    // they come rather than at the end of the batch.
    std::function<void(const BatchFileOutcome&, qint64 document_id)> file_done;
};

struct BatchSummary {
    qint64 batch_id = 0;
    bool resumed = false; // files of an earlier, interrupted run were skipped
    bool cancelled = false;
    std::vector<BatchFileOutcome> files; // in processing order, including earlier results
    int count(FileResult r) const;
};

// Runs (or resumes) the batch of `files` against the store.
BatchSummary ingest_files(Store& store, const QStringList& files, const IngestOptions& options);

QString file_result_name(FileResult r); // "ingested", "duplicate", "needs OCR", "failed"

} // namespace clauselens::core
