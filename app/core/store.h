#pragma once
// The ClauseLens store: one SQLite database file holding documents, their
// pages and segments (with an FTS5 index over segment text), extraction runs
// and results, the clause library, and batches. SQLite sits behind this class
// only (C API, RAII owners in sqlite_handle.h); nothing else includes sqlite3.h.
//
// The database runs in WAL mode, so readers (the GUI, search, export) read a
// consistent snapshot while a batch writes, with foreign keys on and a busy
// timeout. Each document is stored in one transaction together with its batch
// result, which is what makes a killed batch resumable without lost or
// duplicated rows.
//
// Schema (version 2, PRAGMA user_version; forward migrations in store.cpp):
//   documents(id, sha256 UNIQUE, path, title, file_size, page_count,
//             status 'ok'|'needs_ocr', added_at)
//   pages(document_id FK CASCADE, number, width, height, rotation, text_begin,
//         text_end, words BLOB)                      PRIMARY KEY(document_id, number)
//   segments(id, document_id FK CASCADE, idx, heading_path, text, begin, end,
//            page_first, page_last, boxes BLOB)      UNIQUE(document_id, idx)
//   segments_fts FTS5(text), external content = segments, rowid = segments.id,
//            kept in sync by triggers on segments
//   runs(id, model, adapter, library_json, settings_json, started_at, finished_at)
//   extractions(id, run_id FK CASCADE, segment_id FK CASCADE, category,
//               fields_json, score, status 'auto'|'accepted'|'rejected'|'edited',
//               original_fields_json, reviewer_note, updated_at, chosen 0|1)
//   run_documents(run_id FK CASCADE, document_id FK CASCADE, segments,
//               finished_at) PRIMARY KEY(run_id, document_id)
//   clause_library(id, name UNIQUE, json, created_at)
//   batches(id, started_at, finished_at, files_json)
//   batch_files(batch_id FK CASCADE, path, sha256, result
//               'ingested'|'duplicate'|'needs_ocr'|'failed', message)
//               PRIMARY KEY(batch_id, path)
// Version 1 had no documents.title and no extractions.updated_at; version 2
// adds them (titles filled from the file names) and indexes extractions by
// status and category for the review and export filters.
//
// Page numbers in this API are 0-based like core::Page::number; exports show
// them 1-based.

#include "core/document.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace clauselens::core {

// Every store failure. The message names the database and says what happened
// in words a user can act on ("database /x.db is read-only ...", "the disk is
// full ..."); the database is left as it was before the failing call.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class FileResult { ingested, duplicate, needs_ocr, failed };

QString to_string(FileResult result);

// The version of the SQLite library the store runs on (About dialog).
QString sqlite_library_version();

// Which extractions to read (export, review lists). Empty/unset: no filter.
struct ExtractionFilter {
    bool accepted_only =
        false; // status 'accepted' or 'edited' (an edit is an acceptance with changes)
    QString category;
    std::optional<qint64> document_id;
    QString
        document_sha_or_title; // full sha256, a sha256 prefix of 8+ hex digits, or the exact title
    std::optional<qint64> run_id; // only the results of this run
    // Also the categories the model passed over, kept only for their scores
    // (precision/recall curves); results lists and exports leave them out.
    bool include_passed_over = false;
};

// One result of the model to store: a category found in a segment.
struct ExtractionRecord {
    qint64 segment_id = 0;
    QString category;
    QString fields_json; // the category's field values as a JSON object
    double score = 0;
    // Whether the model's answer names the category; otherwise the row keeps
    // the score of a category it passed over (for precision/recall curves).
    bool chosen = true;
};

// One extraction with what is needed to show or export it.
struct ExtractionRow {
    qint64 extraction_id = 0;
    qint64 document_id = 0;
    qint64 segment_id = 0; // where the clause lies (its boxes highlight it)
    QString document_title;
    QString document_path;
    QByteArray document_sha256;
    int page = 0; // 0-based, the segment's first page
    QString heading_path;
    QString category;
    QString clause_text;
    QString fields_json;
    double score = 0;
    QString status;
    qint64 run_id = 0;
    QString model;
    QString adapter;
    // False for a category the model passed over, stored for its score only
    // (precision/recall curves); true for the model's answers.
    bool chosen = true;
};

// One extraction run, as listed for evaluation and comparison.
struct RunInfo {
    qint64 id = 0;
    QString model;
    QString adapter;
    QString started_at;  // ISO 8601, UTC
    QString finished_at; // empty while the run is unfinished
};

struct DocumentInfo {
    qint64 id = 0;
    QByteArray sha256;
    QString path;
    QString title;
    qint64 file_size = 0;
    int page_count = 0;
    DocumentStatus status = DocumentStatus::ok;
    QString added_at; // ISO 8601, UTC
};

class Store {
public:
    // The schema version this build writes; older databases are migrated on open().
    static constexpr int k_schema_version = 3;

    // Creates the database (and its tables) or opens and migrates it. WAL mode,
    // foreign keys on, 5 s busy timeout. Throws StoreError (read-only file,
    // missing folder, not a database, newer schema, ...).
    static Store open(const QString& path);
    // For readers (GUI, search, export): never writes; writes through it fail
    // with StoreError. The database must exist and be at the current version.
    static Store open_read_only(const QString& path);

    Store(Store&&) noexcept;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;
    Store& operator=(Store&&) noexcept;
    ~Store();

    QString path() const;
    int schema_version() const;
    bool read_only() const;

    // --- documents ---
    std::optional<qint64> find_document(const QByteArray& sha256) const;
    // Documents whose sha256 equals or starts with (8+ hex digits) the text, or whose title equals
    // it.
    std::vector<qint64> find_documents(const QString& sha_or_title) const;
    // One transaction: the document, its pages (words), segments and FTS rows,
    // and -- when batch_id is given -- the batch_files row for it. Returns the
    // document id. If the sha256 is already stored, stores nothing but the
    // batch_files row ('duplicate') and returns the existing id.
    qint64 add_document(const Document& doc, const std::vector<Segment>& segments,
                        std::optional<qint64> batch_id = {});
    std::vector<DocumentInfo> documents() const;
    // The document with its pages and words (content.text is not stored and
    // stays empty; segments carry the text). nullopt if there is no such id.
    std::optional<Document> load_document(qint64 document_id) const;
    std::vector<Segment> segments(qint64 document_id) const;
    // Where each stored segment of a document lies, without its text or boxes:
    // cheap enough to call on every click on a page. In segment order.
    struct SegmentSpan {
        qint64 id = 0; // segments.id, what extractions refer to
        int index = 0;
        qsizetype begin = 0;
        qsizetype end = 0;
        int page_first = 0;
        int page_last = 0;
    };
    std::vector<SegmentSpan> segment_spans(qint64 document_id) const;

    // --- batches ---
    // A new batch for this file list, or the unfinished batch with exactly this
    // list (same files, same order): resuming after a kill.
    qint64 begin_or_resume_batch(const QStringList& files);
    // The files of the batch that already have a result, by path.
    QHash<QString, FileResult> batch_results(qint64 batch_id) const;
    // Records (or replaces, on a retry) one file's result.
    void record_file_result(qint64 batch_id, const QString& path, const QByteArray& sha256,
                            FileResult result, const QString& message);
    void finish_batch(qint64 batch_id);

    // --- search ---
    struct SearchHit {
        qint64 segment_id;
        QString document_title;
        QString document_path;
        int page; // 0-based, the segment's first page
        QString heading_path;
        QString snippet; // matches in [brackets]
        double rank;     // bm25, lower is better
    };
    // FTS5 query syntax (words, "phrases", AND/OR/NOT, prefix*). Invalid
    // syntax -> StoreError saying so.
    std::vector<SearchHit> search(const QString& fts_query, int limit = 50) const;

    // Rows in one of the store's tables (for tests and summaries). Throws
    // StoreError for a name that is not one of them.
    qint64 count(const char* table) const;

    // --- runs and extractions ---
    qint64 add_run(const QString& model, const QString& adapter, const QString& library_json,
                   const QString& settings_json);
    void finish_run(qint64 run_id);
    // The latest unfinished run with exactly these settings: where a
    // cancelled or killed extraction continues.
    std::optional<qint64> unfinished_run(const QString& model, const QString& adapter,
                                         const QString& library_json,
                                         const QString& settings_json) const;
    // Every run, oldest first.
    std::vector<RunInfo> runs() const;
    // The documents whose results the run has stored (run_documents), by id.
    std::vector<qint64> run_document_ids(qint64 run_id) const;
    // Whether the run has stored its results for the document.
    bool run_has_document(qint64 run_id, qint64 document_id) const;
    // A document's results for a run, stored and marked done in one
    // transaction: after a crash the document has all of them or none.
    void store_run_document(qint64 run_id, qint64 document_id,
                            const std::vector<ExtractionRecord>& records, qint64 segments);
    qint64 add_extraction(qint64 run_id, qint64 segment_id, const QString& category,
                          const QString& fields_json, double score);
    // status: auto, accepted, rejected or edited. For 'edited', edited_fields_json
    // replaces fields_json and the model's answer is kept in original_fields_json.
    void set_extraction_status(qint64 extraction_id, const QString& status,
                               const QString& edited_fields_json = {},
                               const QString& reviewer_note = {});
    // Review decisions on several extractions at once, in one transaction: all
    // ids are checked first, and an unknown one changes nothing (StoreError
    // naming every unknown id). The model's answer is kept in
    // original_fields_json exactly while the status is 'edited':
    //   accepted  the result is right as it stands (an edited one stays edited:
    //             an edit is an acceptance with changes);
    //   rejected  the model's answer is wrong; an earlier edit is undone, so
    //             that what is marked rejected is what the model said;
    //   edited    edited_fields_json (a JSON object, else StoreError) replaces
    //             the fields; the model's first answer is kept;
    //   auto      back to the model's answer as extraction left it, no note.
    // A non-null reviewer_note replaces the note (except for auto).
    void review_extractions(const std::vector<qint64>& extraction_ids, const QString& status,
                            const QString& edited_fields_json = {},
                            const QString& reviewer_note = {});
    // The review state of one extraction; nullopt if there is no such id.
    struct ExtractionReview {
        qint64 id = 0;
        QString status;
        QString fields_json;
        QString original_fields_json; // null unless status is 'edited'
        QString reviewer_note;        // null if none
        QString updated_at;
    };
    std::optional<ExtractionReview> extraction_review(qint64 extraction_id) const;

    // Calls fn for each matching extraction, by document, segment order, id.
    // Throws StoreError if document_sha_or_title is set and matches no document.
    void for_each_extraction(const ExtractionFilter& filter,
                             const std::function<void(const ExtractionRow&)>& fn) const;

    // --- clause libraries ---
    // Stores a library's JSON under a name, replacing what was stored under
    // it (the store does not parse it: validate with ClauseLibrary first).
    void save_library(const QString& name, const QByteArray& json);
    std::optional<QByteArray> library(const QString& name) const;
    // The names of the stored libraries, sorted.
    std::vector<QString> library_names() const;
    // The library JSON a run used. Throws StoreError if there is no such run.
    QByteArray run_library(qint64 run_id) const;

    // --- diagnostics and limits ---
    // The value of a PRAGMA on this connection, e.g. "journal_mode", "foreign_keys".
    QString pragma(const char* name) const;
    // Caps the database at about max_bytes: writes beyond fail as on a full
    // disk (tests use it to check disk-full handling).
    void set_size_limit(qint64 max_bytes);

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace clauselens::core
