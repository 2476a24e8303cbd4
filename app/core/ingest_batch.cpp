#include "core/ingest_batch.h"

#include "core/clause_segmenter.h"
#include "core/document_id.h"
#include "core/ingest_error.h"
#include "core/pdf_reader.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <algorithm>
#include <stdexcept>

namespace clauselens::core {

QStringList collect_pdfs(const QStringList& files_or_folders) {
    QStringList files;
    for (const QString& item : files_or_folders) {
        const QFileInfo info(item);
        if (!info.exists()) {
            throw std::runtime_error(
                QStringLiteral("%1: no such file or folder").arg(item).toStdString());
        }
        if (info.isDir()) {
            QDirIterator it(
                item, {QStringLiteral("*.pdf"), QStringLiteral("*.PDF"), QStringLiteral("*.Pdf")},
                QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
            QStringList found;
            while (it.hasNext()) {
                found << QFileInfo(it.next()).absoluteFilePath();
            }
            found.sort();
            files << found;
        } else {
            files << info.absoluteFilePath();
        }
    }
    files.removeDuplicates();
    return files;
}

int BatchSummary::count(FileResult r) const {
    return static_cast<int>(std::count_if(
        files.begin(), files.end(), [r](const BatchFileOutcome& f) { return f.result == r; }));
}

QString file_result_name(FileResult r) {
    switch (r) {
    case FileResult::ingested:
        return QStringLiteral("ingested");
    case FileResult::duplicate:
        return QStringLiteral("duplicate");
    case FileResult::needs_ocr:
        return QStringLiteral("needs OCR");
    case FileResult::failed:
        return QStringLiteral("failed");
    }
    return {};
}

BatchSummary ingest_files(Store& store, const QStringList& files, const IngestOptions& options) {
    BatchSummary summary;
    summary.batch_id = store.begin_or_resume_batch(files);
    const QHash<QString, FileResult> earlier = store.batch_results(summary.batch_id);
    summary.resumed = !earlier.isEmpty();

    BatchProgress progress;
    progress.files_total = static_cast<int>(files.size());
    for (const QString& f : files) {
        progress.bytes_total += QFileInfo(f).size();
    }
    const ClauseSegmenter segmenter;

    for (const QString& path : files) {
        const qint64 size = QFileInfo(path).size();
        if (auto it = earlier.find(path); it != earlier.end()) {
            summary.files.push_back({path, *it, QStringLiteral("done in an earlier run"), 0, 0});
            ++progress.files_done;
            progress.bytes_done += size;
            continue;
        }
        if (options.cancel != nullptr && options.cancel->load()) {
            summary.cancelled = true;
            break;
        }
        progress.current = path;
        if (options.progress) {
            options.progress(progress);
            // A front end may wait in the callback (pause) and be cancelled there.
            if (options.cancel != nullptr && options.cancel->load()) {
                summary.cancelled = true;
                break;
            }
        }

        BatchFileOutcome outcome{path, FileResult::failed, {}, 0, 0};
        qint64 document_id = 0;
        QByteArray sha;
        try {
            sha = file_sha256(path);
            if (const auto existing = store.find_document(sha)) {
                document_id = *existing;
                outcome.result = FileResult::duplicate;
                outcome.message = QStringLiteral("the same file is already stored");
                store.record_file_result(summary.batch_id, path, sha, outcome.result,
                                         outcome.message);
            } else {
                ReadOptions read;
                read.password = options.password;
                Document doc = read_pdf(path, read);
                doc.path = path; // the batch knows the file by the name it was given

                const std::vector<Segment> segments = segmenter.segment(doc.content);
                document_id = store.add_document(doc, segments, summary.batch_id);
                outcome.result = doc.status == DocumentStatus::needs_ocr ? FileResult::needs_ocr
                                                                         : FileResult::ingested;
                outcome.pages = static_cast<int>(doc.content.pages.size());
                outcome.segments = static_cast<int>(segments.size());
                if (outcome.result == FileResult::needs_ocr) {
                    outcome.message = QStringLiteral("no text layer (scanned?): needs OCR");
                }
            }
        } catch (const StoreError&) {
            throw; // the database itself failed: stop the batch, nothing half-stored
        } catch (const std::exception& e) {
            outcome.result = FileResult::failed;
            outcome.message = QString::fromStdString(e.what());
            store.record_file_result(summary.batch_id, path, sha, outcome.result, outcome.message);
        }
        if (options.file_done) {
            options.file_done(outcome, document_id);
        }
        summary.files.push_back(outcome);
        ++progress.files_done;
        progress.bytes_done += size;
    }
    progress.current.clear();
    if (options.progress) {
        options.progress(progress);
    }
    if (!summary.cancelled) {
        store.finish_batch(summary.batch_id);
    }
    return summary;
}

} // namespace clauselens::core
