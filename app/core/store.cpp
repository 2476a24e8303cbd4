#include "core/store.h"

#include "core/sqlite_handle.h"

#include <QDataStream>
#include <QDateTime>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>
#include <array>
#include <cstring>

namespace clauselens::core {

namespace {

using sqlite::Db;
using sqlite::Stmt;
using sqlite::Transaction;

// Forward migrations: k_migrations[v] takes a database from user_version v to
// v + 1, inside the transaction that also sets user_version. A new database
// runs them all, so the version-1 DDL below is exactly what version-1
// databases contain. Never edit a released step; append a new one.
constexpr std::array<const char*, Store::k_schema_version> k_migrations = {
    // 0 -> 1: the first schema.
    R"sql(
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    page_count INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'needs_ocr')),
    added_at TEXT NOT NULL
);
CREATE TABLE pages (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    width REAL NOT NULL,
    height REAL NOT NULL,
    rotation INTEGER NOT NULL,
    text_begin INTEGER NOT NULL,
    text_end INTEGER NOT NULL,
    words BLOB NOT NULL,
    PRIMARY KEY (document_id, number)
) WITHOUT ROWID;
CREATE TABLE segments (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    heading_path TEXT NOT NULL,
    text TEXT NOT NULL,
    begin INTEGER NOT NULL,
    end INTEGER NOT NULL CHECK (end >= begin),
    page_first INTEGER NOT NULL,
    page_last INTEGER NOT NULL CHECK (page_last >= page_first),
    boxes BLOB NOT NULL,
    UNIQUE (document_id, idx)
);
CREATE VIRTUAL TABLE segments_fts USING fts5(
    text, content='segments', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER segments_fts_insert AFTER INSERT ON segments BEGIN
    INSERT INTO segments_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER segments_fts_delete AFTER DELETE ON segments BEGIN
    INSERT INTO segments_fts(segments_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER segments_fts_update AFTER UPDATE OF text ON segments BEGIN
    INSERT INTO segments_fts(segments_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO segments_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    model TEXT NOT NULL,
    adapter TEXT NOT NULL,
    library_json TEXT NOT NULL,
    settings_json TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE TABLE extractions (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    fields_json TEXT NOT NULL,
    score REAL NOT NULL,
    status TEXT NOT NULL DEFAULT 'auto'
        CHECK (status IN ('auto', 'accepted', 'rejected', 'edited')),
    original_fields_json TEXT,
    reviewer_note TEXT
);
CREATE INDEX extractions_segment ON extractions(segment_id);
CREATE INDEX extractions_run ON extractions(run_id);
CREATE TABLE clause_library (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    json TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE batches (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    files_json TEXT NOT NULL
);
CREATE TABLE batch_files (
    batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    sha256 TEXT,
    result TEXT NOT NULL CHECK (result IN ('ingested', 'duplicate', 'needs_ocr', 'failed')),
    message TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (batch_id, path)
) WITHOUT ROWID;
)sql",
    // 1 -> 2: document titles (filled from the file name: everything after the
    // last '/'), review timestamps, and indexes for the export/review filters.
    R"sql(
ALTER TABLE documents ADD COLUMN title TEXT NOT NULL DEFAULT '';
UPDATE documents SET title = replace(path, rtrim(path, replace(path, '/', '')), '');
ALTER TABLE extractions ADD COLUMN updated_at TEXT;
CREATE INDEX extractions_status ON extractions(status, category);
CREATE INDEX extractions_category ON extractions(category);
)sql",
    // 2 -> 3: which documents each run has finished, so that a cancelled or
    // killed extraction resumes without lost or duplicated results.
    R"sql(
CREATE TABLE run_documents (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    segments INTEGER NOT NULL,
    finished_at TEXT NOT NULL,
    PRIMARY KEY (run_id, document_id)
) WITHOUT ROWID;
ALTER TABLE extractions ADD COLUMN chosen INTEGER NOT NULL DEFAULT 1;
)sql",
};

const char* const k_tables[] = {"documents",   "pages",        "segments",       "segments_fts",
                                "runs",        "extractions",  "clause_library", "batches",
                                "batch_files", "run_documents"};

QString now_utc() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Words of a page: format byte, count, then per word the box (float32 points:
// ample for a page), the text offset and the UTF-8 text. About 30 bytes a word
// against ~120 for JSON; pages are the bulk of a database.
QByteArray encode_words(const std::vector<Word>& words) {
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_0);
    s.setFloatingPointPrecision(QDataStream::SinglePrecision);
    s << quint8(1) << quint32(words.size());
    for (const Word& w : words) {
        s << float(w.box.x()) << float(w.box.y()) << float(w.box.width()) << float(w.box.height())
          << qint64(w.begin) << w.text.toUtf8();
    }
    return out;
}

std::vector<Word> decode_words(const QByteArray& bytes) {
    QDataStream s(bytes);
    s.setVersion(QDataStream::Qt_6_0);
    s.setFloatingPointPrecision(QDataStream::SinglePrecision);
    quint8 format = 0;
    quint32 n = 0;
    s >> format >> n;
    std::vector<Word> words;
    if (format != 1) {
        return words;
    }
    words.reserve(std::min<quint32>(n, static_cast<quint32>(bytes.size() / 24))); // n is untrusted
    for (quint32 i = 0; i < n && s.status() == QDataStream::Ok; ++i) {
        float x = 0, y = 0, w = 0, h = 0;
        qint64 begin = 0;
        QByteArray text;
        s >> x >> y >> w >> h >> begin >> text;
        words.push_back(Word{QString::fromUtf8(text), QRectF(x, y, w, h), begin});
    }
    return words;
}

QByteArray encode_boxes(const std::vector<Segment::Box>& boxes) {
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_0);
    s.setFloatingPointPrecision(QDataStream::SinglePrecision);
    s << quint8(1) << quint32(boxes.size());
    for (const Segment::Box& b : boxes) {
        s << qint32(b.page) << float(b.box.x()) << float(b.box.y()) << float(b.box.width())
          << float(b.box.height());
    }
    return out;
}

std::vector<Segment::Box> decode_boxes(const QByteArray& bytes) {
    QDataStream s(bytes);
    s.setVersion(QDataStream::Qt_6_0);
    s.setFloatingPointPrecision(QDataStream::SinglePrecision);
    quint8 format = 0;
    quint32 n = 0;
    s >> format >> n;
    std::vector<Segment::Box> boxes;
    if (format != 1) {
        return boxes;
    }
    boxes.reserve(std::min<quint32>(n, static_cast<quint32>(bytes.size() / 20))); // n is untrusted
    for (quint32 i = 0; i < n && s.status() == QDataStream::Ok; ++i) {
        qint32 page = 0;
        float x = 0, y = 0, w = 0, h = 0;
        s >> page >> x >> y >> w >> h;
        boxes.push_back(Segment::Box{page, QRectF(x, y, w, h)});
    }
    return boxes;
}

std::optional<FileResult> file_result_from(const QString& text) {
    if (text == QLatin1String("ingested")) {
        return FileResult::ingested;
    }
    if (text == QLatin1String("duplicate")) {
        return FileResult::duplicate;
    }
    if (text == QLatin1String("needs_ocr")) {
        return FileResult::needs_ocr;
    }
    if (text == QLatin1String("failed")) {
        return FileResult::failed;
    }
    return std::nullopt;
}

void upsert_batch_file(const Db& db, qint64 batch_id, const QString& path, const QByteArray& sha256,
                       FileResult result, const QString& message) {
    Stmt s(db, "INSERT INTO batch_files(batch_id, path, sha256, result, message) "
               "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(batch_id, path) DO UPDATE SET "
               "sha256 = excluded.sha256, result = excluded.result, message = excluded.message");
    s.bind(1, batch_id).bind(2, path);
    if (sha256.isEmpty()) {
        s.bind_null(3);
    } else {
        s.bind(3, QString::fromLatin1(sha256));
    }
    s.bind(4, to_string(result)).bind(5, message).run();
}

void migrate(const Db& db) {
    // The common case, a current database, takes no write lock.
    if (db.scalar("PRAGMA user_version") == Store::k_schema_version) {
        return;
    }
    // Read the version again inside the write transaction: two processes
    // opening an old database at once migrate it once.
    Transaction t(db);
    const auto version = static_cast<int>(db.scalar("PRAGMA user_version"));
    if (version > Store::k_schema_version) {
        throw StoreError(
            QStringLiteral("database %1 has schema version %2, written by a newer ClauseLens; this "
                           "version knows up to %3: update ClauseLens to open it")
                .arg(QFileInfo(db.path()).absoluteFilePath())
                .arg(version)
                .arg(Store::k_schema_version)
                .toStdString());
    }
    if (version == Store::k_schema_version) {
        return; // nothing to do; the transaction rolls back, which changes nothing
    }
    for (int v = version; v < Store::k_schema_version; ++v) {
        db.exec(k_migrations[static_cast<size_t>(v)]);
    }
    db.exec(QByteArray("PRAGMA user_version = " + QByteArray::number(Store::k_schema_version))
                .constData());
    t.commit();
}

} // namespace

QString sqlite_library_version() {
    return QString::fromLatin1(sqlite3_libversion());
}

QString to_string(FileResult result) {
    switch (result) {
    case FileResult::ingested:
        return QStringLiteral("ingested");
    case FileResult::duplicate:
        return QStringLiteral("duplicate");
    case FileResult::needs_ocr:
        return QStringLiteral("needs_ocr");
    case FileResult::failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

struct Store::Impl {
    Db db;
    bool read_only = false;
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const QString& path) {
    auto impl = std::make_unique<Impl>();
    impl->db = Db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const Db& db = impl->db;
    // Readers and a batch writer share the file; waits up to 5 s for a lock
    // before reporting the database as busy.
    sqlite3_busy_timeout(db.get(), 5000);
    // SQLite falls back to read-only when the file is not writable; say so now
    // rather than at the first write.
    if (sqlite3_db_readonly(db.get(), "main") == 1) {
        db.fail(SQLITE_READONLY, "open");
    }
    // Touch the file so that "not a database" shows here, not mid-batch.
    db.scalar("SELECT count(*) FROM sqlite_schema");
    db.exec("PRAGMA foreign_keys = ON");
    const QString mode = db.scalar_text("PRAGMA journal_mode = WAL");
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        throw StoreError(QStringLiteral("database %1 cannot use write-ahead logging (journal mode "
                                        "stays '%2'); put it on a local disk")
                             .arg(QFileInfo(path).absoluteFilePath(), mode)
                             .toStdString());
    }
    // In WAL mode NORMAL never corrupts the file and never loses a commit on
    // a process kill; a power cut may lose the last commits, and a batch then
    // redoes exactly those files, because each file's result commits with it.
    db.exec("PRAGMA synchronous = NORMAL");
    migrate(db);
    return Store(std::move(impl));
}

Store Store::open_read_only(const QString& path) {
    auto impl = std::make_unique<Impl>();
    impl->db = Db(path, SQLITE_OPEN_READONLY);
    impl->read_only = true;
    const Db& db = impl->db;
    sqlite3_busy_timeout(db.get(), 5000);
    db.exec("PRAGMA foreign_keys = ON");
    const auto version = static_cast<int>(db.scalar("PRAGMA user_version"));
    if (version != k_schema_version) {
        const QString where = QFileInfo(path).absoluteFilePath();
        if (version == 0 && db.scalar("SELECT count(*) FROM sqlite_schema") == 0) {
            throw StoreError(
                QStringLiteral("%1 is an empty database: ingest documents into it first")
                    .arg(where)
                    .toStdString());
        }
        throw StoreError(
            QStringLiteral(
                "database %1 has schema version %2 and this ClauseLens reads version %3: "
                "%4")
                .arg(where)
                .arg(version)
                .arg(k_schema_version)
                .arg(version < k_schema_version
                         ? QStringLiteral("open it once for writing (e.g. ingest) to upgrade it")
                         : QStringLiteral("update ClauseLens to read it"))
                .toStdString());
    }
    return Store(std::move(impl));
}

QString Store::path() const {
    return impl_->db.path();
}

int Store::schema_version() const {
    return static_cast<int>(impl_->db.scalar("PRAGMA user_version"));
}

bool Store::read_only() const {
    return impl_->read_only;
}

std::optional<qint64> Store::find_document(const QByteArray& sha256) const {
    Stmt s(impl_->db, "SELECT id FROM documents WHERE sha256 = ?1");
    s.bind(1, QString::fromLatin1(sha256.toLower()));
    if (s.step()) {
        return s.int64(0);
    }
    return std::nullopt;
}

std::vector<qint64> Store::find_documents(const QString& sha_or_title) const {
    // A sha256 prefix must be long enough not to match by accident.
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{8,64}$"));
    Stmt s(impl_->db, "SELECT id FROM documents WHERE title = ?1 OR (?2 AND substr(sha256, 1, "
                      "length(?3)) = ?3) ORDER BY id");
    const bool is_hex = hex.match(sha_or_title).hasMatch();
    s.bind(1, sha_or_title).bind(2, qint64(is_hex ? 1 : 0)).bind(3, sha_or_title.toLower());
    std::vector<qint64> ids;
    while (s.step()) {
        ids.push_back(s.int64(0));
    }
    return ids;
}

qint64 Store::add_document(const Document& doc, const std::vector<Segment>& segments,
                           std::optional<qint64> batch_id) {
    const Db& db = impl_->db;
    const QByteArray sha = doc.sha256.toLower();
    Transaction t(db);
    if (const std::optional<qint64> existing = find_document(sha)) {
        if (batch_id) {
            upsert_batch_file(db, *batch_id, doc.path, sha, FileResult::duplicate,
                              QStringLiteral("already stored as document %1").arg(*existing));
            t.commit();
        }
        return *existing;
    }

    Stmt d(db, "INSERT INTO documents(sha256, path, title, file_size, page_count, status, "
               "added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    d.bind(1, QString::fromLatin1(sha))
        .bind(2, doc.path)
        .bind(3, doc.title)
        .bind(4, doc.file_size)
        .bind(5, qint64(doc.content.pages.size()))
        .bind(6, doc.status == DocumentStatus::ok ? "ok" : "needs_ocr")
        .bind(7, now_utc())
        .run();
    const qint64 id = sqlite3_last_insert_rowid(db.get());

    Stmt p(db, "INSERT INTO pages(document_id, number, width, height, rotation, text_begin, "
               "text_end, words) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (const Page& page : doc.content.pages) {
        p.bind(1, id)
            .bind(2, page.number)
            .bind(3, page.size.width())
            .bind(4, page.size.height())
            .bind(5, page.rotation)
            .bind(6, qint64(page.text_begin))
            .bind(7, qint64(page.text_end))
            .bind_blob(8, encode_words(page.words));
        p.run();
        p.reset();
    }

    // The FTS rows are written by the segments_fts_insert trigger, inside this
    // same transaction.
    Stmt s(db, "INSERT INTO segments(document_id, idx, heading_path, text, begin, end, page_first, "
               "page_last, boxes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    for (const Segment& seg : segments) {
        s.bind(1, id)
            .bind(2, seg.index)
            .bind(3, seg.heading_path)
            .bind(4, seg.text)
            .bind(5, qint64(seg.begin))
            .bind(6, qint64(seg.end))
            .bind(7, seg.page_first)
            .bind(8, seg.page_last)
            .bind_blob(9, encode_boxes(seg.boxes));
        s.run();
        s.reset();
    }

    if (batch_id) {
        const bool ocr = doc.status == DocumentStatus::needs_ocr;
        upsert_batch_file(db, *batch_id, doc.path, sha,
                          ocr ? FileResult::needs_ocr : FileResult::ingested,
                          ocr ? QStringLiteral("no text layer: needs OCR") : QString());
    }
    t.commit();
    return id;
}

std::vector<DocumentInfo> Store::documents() const {
    Stmt s(impl_->db, "SELECT id, sha256, path, title, file_size, page_count, status, added_at "
                      "FROM documents ORDER BY id");
    std::vector<DocumentInfo> out;
    while (s.step()) {
        DocumentInfo info;
        info.id = s.int64(0);
        info.sha256 = s.text(1).toLatin1();
        info.path = s.text(2);
        info.title = s.text(3);
        info.file_size = s.int64(4);
        info.page_count = static_cast<int>(s.int64(5));
        info.status =
            s.text(6) == QLatin1String("ok") ? DocumentStatus::ok : DocumentStatus::needs_ocr;
        info.added_at = s.text(7);
        out.push_back(std::move(info));
    }
    return out;
}

std::optional<Document> Store::load_document(qint64 document_id) const {
    Stmt d(impl_->db, "SELECT sha256, path, title, file_size, status FROM documents WHERE id = ?1");
    d.bind(1, document_id);
    if (!d.step()) {
        return std::nullopt;
    }
    Document doc;
    doc.sha256 = d.text(0).toLatin1();
    doc.path = d.text(1);
    doc.title = d.text(2);
    doc.file_size = d.int64(3);
    doc.status = d.text(4) == QLatin1String("ok") ? DocumentStatus::ok : DocumentStatus::needs_ocr;
    Stmt p(impl_->db, "SELECT number, width, height, rotation, text_begin, text_end, words FROM "
                      "pages WHERE document_id = ?1 ORDER BY number");
    p.bind(1, document_id);
    while (p.step()) {
        Page page;
        page.number = static_cast<int>(p.int64(0));
        page.size = QSizeF(p.real(1), p.real(2));
        page.rotation = static_cast<int>(p.int64(3));
        page.text_begin = p.int64(4);
        page.text_end = p.int64(5);
        page.words = decode_words(p.blob(6));
        doc.content.pages.push_back(std::move(page));
    }
    return doc;
}

std::vector<Segment> Store::segments(qint64 document_id) const {
    Stmt s(impl_->db, "SELECT idx, heading_path, text, begin, end, page_first, page_last, boxes "
                      "FROM segments WHERE document_id = ?1 ORDER BY idx");
    s.bind(1, document_id);
    std::vector<Segment> out;
    while (s.step()) {
        Segment seg;
        seg.index = static_cast<int>(s.int64(0));
        seg.heading_path = s.text(1);
        seg.text = s.text(2);
        seg.begin = s.int64(3);
        seg.end = s.int64(4);
        seg.page_first = static_cast<int>(s.int64(5));
        seg.page_last = static_cast<int>(s.int64(6));
        seg.boxes = decode_boxes(s.blob(7));
        out.push_back(std::move(seg));
    }
    return out;
}

std::vector<Store::SegmentSpan> Store::segment_spans(qint64 document_id) const {
    Stmt s(impl_->db, "SELECT id, idx, begin, end, page_first, page_last FROM segments "
                      "WHERE document_id = ?1 ORDER BY idx");
    s.bind(1, document_id);
    std::vector<SegmentSpan> out;
    while (s.step()) {
        out.push_back(SegmentSpan{s.int64(0), static_cast<int>(s.int64(1)), s.int64(2), s.int64(3),
                                  static_cast<int>(s.int64(4)), static_cast<int>(s.int64(5))});
    }
    return out;
}

qint64 Store::begin_or_resume_batch(const QStringList& files) {
    const Db& db = impl_->db;
    const QString files_json = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(files)).toJson(QJsonDocument::Compact));
    Transaction t(db);
    Stmt find(db, "SELECT id FROM batches WHERE finished_at IS NULL AND files_json = ?1 "
                  "ORDER BY id DESC LIMIT 1");
    find.bind(1, files_json);
    if (find.step()) {
        return find.int64(0);
    }
    Stmt add(db, "INSERT INTO batches(started_at, files_json) VALUES (?1, ?2)");
    add.bind(1, now_utc()).bind(2, files_json).run();
    const qint64 id = sqlite3_last_insert_rowid(db.get());
    t.commit();
    return id;
}

QHash<QString, FileResult> Store::batch_results(qint64 batch_id) const {
    Stmt s(impl_->db, "SELECT path, result FROM batch_files WHERE batch_id = ?1");
    s.bind(1, batch_id);
    QHash<QString, FileResult> out;
    while (s.step()) {
        if (const auto r = file_result_from(s.text(1))) {
            out.insert(s.text(0), *r);
        }
    }
    return out;
}

void Store::record_file_result(qint64 batch_id, const QString& path, const QByteArray& sha256,
                               FileResult result, const QString& message) {
    Transaction t(impl_->db);
    upsert_batch_file(impl_->db, batch_id, path, sha256.toLower(), result, message);
    t.commit();
}

void Store::finish_batch(qint64 batch_id) {
    Stmt s(impl_->db, "UPDATE batches SET finished_at = ?1 WHERE id = ?2 AND finished_at IS NULL");
    s.bind(1, now_utc()).bind(2, batch_id).run();
}

std::vector<Store::SearchHit> Store::search(const QString& fts_query, int limit) const {
    const Db& db = impl_->db;
    Stmt s(db, "SELECT s.id, d.title, d.path, s.page_first, s.heading_path, "
               "snippet(segments_fts, 0, '[', ']', '...', 16), bm25(segments_fts) "
               "FROM segments_fts JOIN segments s ON s.id = segments_fts.rowid "
               "JOIN documents d ON d.id = s.document_id "
               "WHERE segments_fts MATCH ?1 ORDER BY bm25(segments_fts), s.id LIMIT ?2");
    s.bind(1, fts_query).bind(2, qint64(limit));
    std::vector<SearchHit> hits;
    try {
        while (s.step()) {
            hits.push_back(SearchHit{s.int64(0), s.text(1), s.text(2), static_cast<int>(s.int64(3)),
                                     s.text(4), s.text(5), s.real(6)});
        }
    } catch (const StoreError&) {
        // A syntax error in the query is reported by FTS5 as a plain SQLITE_ERROR
        // ("fts5: syntax error near ..."); say it is the query that is wrong.
        const QString detail = QString::fromUtf8(sqlite3_errmsg(db.get()));
        if ((sqlite3_errcode(db.get()) & 0xff) == SQLITE_ERROR) {
            throw StoreError(QStringLiteral("invalid search query '%1' (%2): use words, \"exact "
                                            "phrases\", AND, OR, NOT, prefix* and parentheses")
                                 .arg(fts_query, detail)
                                 .toStdString());
        }
        throw;
    }
    return hits;
}

qint64 Store::count(const char* table) const {
    for (const char* known : k_tables) {
        if (std::strcmp(known, table) == 0) {
            const QByteArray sql = QByteArray("SELECT count(*) FROM ") + table;
            return impl_->db.scalar(sql.constData());
        }
    }
    throw StoreError(std::string("no table named '") + table + "' in the store");
}

qint64 Store::add_run(const QString& model, const QString& adapter, const QString& library_json,
                      const QString& settings_json) {
    Stmt s(impl_->db, "INSERT INTO runs(model, adapter, library_json, settings_json, started_at) "
                      "VALUES (?1, ?2, ?3, ?4, ?5)");
    s.bind(1, model)
        .bind(2, adapter)
        .bind(3, library_json)
        .bind(4, settings_json)
        .bind(5, now_utc());
    s.run();
    return sqlite3_last_insert_rowid(impl_->db.get());
}

std::optional<qint64> Store::unfinished_run(const QString& model, const QString& adapter,
                                            const QString& library_json,
                                            const QString& settings_json) const {
    Stmt s(impl_->db, "SELECT id FROM runs WHERE finished_at IS NULL AND model = ?1 AND "
                      "adapter = ?2 AND library_json = ?3 AND settings_json = ?4 "
                      "ORDER BY id DESC LIMIT 1");
    s.bind(1, model).bind(2, adapter).bind(3, library_json).bind(4, settings_json);
    if (s.step()) {
        return s.int64(0);
    }
    return std::nullopt;
}

std::vector<RunInfo> Store::runs() const {
    Stmt s(impl_->db, "SELECT id, model, adapter, started_at, finished_at FROM runs ORDER BY id");
    std::vector<RunInfo> out;
    while (s.step()) {
        out.push_back(RunInfo{s.int64(0), s.text(1), s.text(2), s.text(3),
                              s.is_null(4) ? QString() : s.text(4)});
    }
    return out;
}

std::vector<qint64> Store::run_document_ids(qint64 run_id) const {
    Stmt s(impl_->db,
           "SELECT document_id FROM run_documents WHERE run_id = ?1 ORDER BY document_id");
    s.bind(1, run_id);
    std::vector<qint64> ids;
    while (s.step()) {
        ids.push_back(s.int64(0));
    }
    return ids;
}

bool Store::run_has_document(qint64 run_id, qint64 document_id) const {
    Stmt s(impl_->db, "SELECT 1 FROM run_documents WHERE run_id = ?1 AND document_id = ?2");
    s.bind(1, run_id).bind(2, document_id);
    return s.step();
}

void Store::store_run_document(qint64 run_id, qint64 document_id,
                               const std::vector<ExtractionRecord>& records, qint64 segments) {
    const Db& db = impl_->db;
    Transaction t(db);
    for (const ExtractionRecord& r : records) {
        const qint64 id = add_extraction(run_id, r.segment_id, r.category, r.fields_json, r.score);
        if (!r.chosen) {
            Stmt c(db, "UPDATE extractions SET chosen = 0 WHERE id = ?1");
            c.bind(1, id).run();
        }
    }
    Stmt s(db, "INSERT INTO run_documents(run_id, document_id, segments, finished_at) "
               "VALUES (?1, ?2, ?3, ?4)");
    s.bind(1, run_id).bind(2, document_id).bind(3, segments).bind(4, now_utc()).run();
    t.commit();
}

void Store::finish_run(qint64 run_id) {
    Stmt s(impl_->db, "UPDATE runs SET finished_at = ?1 WHERE id = ?2");
    s.bind(1, now_utc()).bind(2, run_id).run();
}

qint64 Store::add_extraction(qint64 run_id, qint64 segment_id, const QString& category,
                             const QString& fields_json, double score) {
    Stmt s(impl_->db, "INSERT INTO extractions(run_id, segment_id, category, fields_json, score, "
                      "status, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'auto', ?6)");
    s.bind(1, run_id)
        .bind(2, segment_id)
        .bind(3, category)
        .bind(4, fields_json.isEmpty() ? QStringLiteral("{}") : fields_json)
        .bind(5, score)
        .bind(6, now_utc());
    s.run();
    return sqlite3_last_insert_rowid(impl_->db.get());
}

void Store::set_extraction_status(qint64 extraction_id, const QString& status,
                                  const QString& edited_fields_json, const QString& reviewer_note) {
    static const QStringList statuses = {"auto", "accepted", "rejected", "edited"};
    if (!statuses.contains(status)) {
        throw StoreError(QStringLiteral("unknown extraction status '%1' (expected auto, accepted, "
                                        "rejected or edited)")
                             .arg(status)
                             .toStdString());
    }
    const Db& db = impl_->db;
    Transaction t(db);
    if (status == QLatin1String("edited")) {
        // Keep the model's first answer once, however often a reviewer edits.
        Stmt s(db, "UPDATE extractions SET original_fields_json = coalesce(original_fields_json, "
                   "fields_json), fields_json = ?1, status = 'edited', reviewer_note = "
                   "coalesce(?2, reviewer_note), updated_at = ?3 WHERE id = ?4");
        s.bind(1, edited_fields_json);
        reviewer_note.isNull() ? s.bind_null(2) : s.bind(2, reviewer_note);
        s.bind(3, now_utc()).bind(4, extraction_id).run();
    } else {
        Stmt s(db,
               "UPDATE extractions SET status = ?1, reviewer_note = coalesce(?2, reviewer_note), "
               "updated_at = ?3 WHERE id = ?4");
        s.bind(1, status);
        reviewer_note.isNull() ? s.bind_null(2) : s.bind(2, reviewer_note);
        s.bind(3, now_utc()).bind(4, extraction_id).run();
    }
    if (sqlite3_changes(db.get()) == 0) {
        throw StoreError(
            QStringLiteral("no extraction with id %1").arg(extraction_id).toStdString());
    }
    t.commit();
}

void Store::review_extractions(const std::vector<qint64>& extraction_ids, const QString& status,
                               const QString& edited_fields_json, const QString& reviewer_note) {
    static const QStringList statuses = {"auto", "accepted", "rejected", "edited"};
    if (!statuses.contains(status)) {
        throw StoreError(QStringLiteral("unknown extraction status '%1' (expected auto, accepted, "
                                        "rejected or edited)")
                             .arg(status)
                             .toStdString());
    }
    if (status == QLatin1String("edited")) {
        QJsonParseError error{};
        const QJsonDocument json = QJsonDocument::fromJson(edited_fields_json.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !json.isObject()) {
            throw StoreError(
                QStringLiteral("edited fields must be a JSON object such as {\"governing_law\": "
                               "\"Delaware\"}, not '%1'%2")
                    .arg(edited_fields_json, error.error != QJsonParseError::NoError
                                                 ? QStringLiteral(" (%1 at offset %2)")
                                                       .arg(error.errorString())
                                                       .arg(error.offset)
                                                 : QString())
                    .toStdString());
        }
    }
    const Db& db = impl_->db;
    Transaction t(db);
    // Every id first: a typo in one id must not leave the others half done.
    QStringList unknown;
    {
        Stmt exists(db, "SELECT 1 FROM extractions WHERE id = ?1");
        for (const qint64 id : extraction_ids) {
            exists.bind(1, id);
            if (!exists.step()) {
                unknown << QString::number(id);
            }
            exists.reset();
        }
    }
    if (!unknown.isEmpty()) {
        throw StoreError(
            QStringLiteral("no extraction with id %1 in %2; nothing was changed")
                .arg(unknown.join(QStringLiteral(", ")), QFileInfo(db.path()).absoluteFilePath())
                .toStdString());
    }
    const char* sql = nullptr;
    if (status == QLatin1String("accepted")) {
        sql = "UPDATE extractions SET status = CASE status WHEN 'edited' THEN 'edited' ELSE "
              "'accepted' END, reviewer_note = coalesce(?2, reviewer_note), updated_at = ?3 "
              "WHERE id = ?4";
    } else if (status == QLatin1String("rejected")) {
        sql = "UPDATE extractions SET fields_json = coalesce(original_fields_json, fields_json), "
              "original_fields_json = NULL, status = 'rejected', reviewer_note = coalesce(?2, "
              "reviewer_note), updated_at = ?3 WHERE id = ?4";
    } else if (status == QLatin1String("edited")) {
        sql = "UPDATE extractions SET original_fields_json = coalesce(original_fields_json, "
              "fields_json), fields_json = ?1, status = 'edited', reviewer_note = coalesce(?2, "
              "reviewer_note), updated_at = ?3 WHERE id = ?4";
    } else {
        sql = "UPDATE extractions SET fields_json = coalesce(original_fields_json, fields_json), "
              "original_fields_json = NULL, status = 'auto', reviewer_note = NULL, "
              "updated_at = ?3 WHERE id = ?4";
    }
    Stmt s(db, sql);
    const QString now = now_utc();
    for (const qint64 id : extraction_ids) {
        if (status == QLatin1String("edited")) {
            // Stored compact, as the extractor writes it.
            s.bind(1, QString::fromUtf8(QJsonDocument::fromJson(edited_fields_json.toUtf8())
                                            .toJson(QJsonDocument::Compact)));
        }
        if (status != QLatin1String("auto")) {
            reviewer_note.isNull() ? s.bind_null(2) : s.bind(2, reviewer_note);
        }
        s.bind(3, now).bind(4, id).run();
        s.reset();
    }
    t.commit();
}

std::optional<Store::ExtractionReview> Store::extraction_review(qint64 extraction_id) const {
    Stmt s(impl_->db, "SELECT id, status, fields_json, original_fields_json, reviewer_note, "
                      "updated_at FROM extractions WHERE id = ?1");
    s.bind(1, extraction_id);
    if (!s.step()) {
        return std::nullopt;
    }
    ExtractionReview r;
    r.id = s.int64(0);
    r.status = s.text(1);
    r.fields_json = s.text(2);
    r.original_fields_json = s.is_null(3) ? QString() : s.text(3);
    r.reviewer_note = s.is_null(4) ? QString() : s.text(4);
    r.updated_at = s.is_null(5) ? QString() : s.text(5);
    return r;
}

void Store::for_each_extraction(const ExtractionFilter& filter,
                                const std::function<void(const ExtractionRow&)>& fn) const {
    const Db& db = impl_->db;
    std::vector<qint64> doc_ids;
    if (!filter.document_sha_or_title.isEmpty()) {
        doc_ids = find_documents(filter.document_sha_or_title);
        if (doc_ids.empty()) {
            throw StoreError(
                QStringLiteral("no document in %1 has the sha256 or title '%2'")
                    .arg(QFileInfo(db.path()).absoluteFilePath(), filter.document_sha_or_title)
                    .toStdString());
        }
    }
    QJsonArray ids_json;
    for (const qint64 id : doc_ids) {
        ids_json.append(id);
    }
    // Filters are bound, never spliced into the SQL; an unset one is a no-op.
    Stmt s(db, "SELECT e.id, d.id, d.title, d.path, d.sha256, s.page_first, s.heading_path, "
               "e.category, s.text, e.fields_json, e.score, e.status, r.id, r.model, r.adapter, "
               "e.chosen, s.id "
               "FROM extractions e JOIN segments s ON s.id = e.segment_id "
               "JOIN documents d ON d.id = s.document_id JOIN runs r ON r.id = e.run_id "
               "WHERE (?1 = 0 OR e.status IN ('accepted', 'edited')) "
               "AND (?2 IS NULL OR e.category = ?2) "
               "AND (?3 IS NULL OR d.id = ?3) "
               "AND (?4 IS NULL OR d.id IN (SELECT value FROM json_each(?4))) "
               "AND (?5 IS NULL OR e.run_id = ?5) "
               "AND (?6 = 1 OR e.chosen = 1) "
               "ORDER BY d.id, s.idx, e.id");
    s.bind(1, qint64(filter.accepted_only ? 1 : 0));
    filter.category.isEmpty() ? s.bind_null(2) : s.bind(2, filter.category);
    filter.document_id ? s.bind(3, *filter.document_id) : s.bind_null(3);
    if (doc_ids.empty()) {
        s.bind_null(4);
    } else {
        s.bind(4, QString::fromUtf8(QJsonDocument(ids_json).toJson(QJsonDocument::Compact)));
    }
    filter.run_id ? s.bind(5, *filter.run_id) : s.bind_null(5);
    s.bind(6, qint64(filter.include_passed_over ? 1 : 0));
    while (s.step()) {
        ExtractionRow row;
        row.extraction_id = s.int64(0);
        row.document_id = s.int64(1);
        row.document_title = s.text(2);
        row.document_path = s.text(3);
        row.document_sha256 = s.text(4).toLatin1();
        row.page = static_cast<int>(s.int64(5));
        row.heading_path = s.text(6);
        row.category = s.text(7);
        row.clause_text = s.text(8);
        row.fields_json = s.text(9);
        row.score = s.real(10);
        row.status = s.text(11);
        row.run_id = s.int64(12);
        row.model = s.text(13);
        row.adapter = s.text(14);
        row.chosen = s.int64(15) != 0;
        row.segment_id = s.int64(16);
        fn(row);
    }
}

void Store::save_library(const QString& name, const QByteArray& json) {
    // Upsert keeps the row's id; created_at says when this version was saved.
    Stmt s(impl_->db, "INSERT INTO clause_library(name, json, created_at) VALUES (?1, ?2, ?3) "
                      "ON CONFLICT(name) DO UPDATE SET json = excluded.json, "
                      "created_at = excluded.created_at");
    s.bind(1, name).bind(2, QString::fromUtf8(json)).bind(3, now_utc()).run();
}

std::optional<QByteArray> Store::library(const QString& name) const {
    Stmt s(impl_->db, "SELECT json FROM clause_library WHERE name = ?1");
    s.bind(1, name);
    if (!s.step()) {
        return std::nullopt;
    }
    return s.text(0).toUtf8();
}

std::vector<QString> Store::library_names() const {
    Stmt s(impl_->db, "SELECT name FROM clause_library ORDER BY name");
    std::vector<QString> names;
    while (s.step()) {
        names.push_back(s.text(0));
    }
    return names;
}

QByteArray Store::run_library(qint64 run_id) const {
    Stmt s(impl_->db, "SELECT library_json FROM runs WHERE id = ?1");
    s.bind(1, run_id);
    if (!s.step()) {
        throw StoreError(QStringLiteral("no run with id %1 in %2")
                             .arg(run_id)
                             .arg(impl_->db.path())
                             .toStdString());
    }
    return s.text(0).toUtf8();
}

QString Store::pragma(const char* name) const {
    const QByteArray sql = QByteArray("PRAGMA ") + name;
    return impl_->db.scalar_text(sql.constData());
}

void Store::set_size_limit(qint64 max_bytes) {
    const qint64 page_size = impl_->db.scalar("PRAGMA page_size");
    const qint64 pages = std::max<qint64>(1, max_bytes / std::max<qint64>(1, page_size));
    const QByteArray sql = "PRAGMA max_page_count = " + QByteArray::number(pages);
    impl_->db.scalar(sql.constData());
}

} // namespace clauselens::core
