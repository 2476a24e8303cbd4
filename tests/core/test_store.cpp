// The SQLite store: schema and settings, documents with their FTS index, one
// transaction per document, migrations from every earlier schema version,
// read-only and full-disk errors, concurrent readers, batches and resuming a
// batch killed with SIGKILL.

#include "core/store.h"
#include "store_test_data.h"

#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <csignal>
#include <sqlite3.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using clauselens::core::Document;
using clauselens::core::DocumentStatus;
using clauselens::core::FileResult;
using clauselens::core::Store;
using clauselens::core::StoreError;
using clauselens::test::make_document;
using clauselens::test::TestDocument;

namespace {

// A raw connection, for what the Store deliberately does not offer: writing an
// old schema, holding a write transaction open.
struct RawDb {
    sqlite3* db = nullptr;
    explicit RawDb(const QString& path) {
        REQUIRE(sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK);
        sqlite3_busy_timeout(db, 5000);
    }
    ~RawDb() { sqlite3_close(db); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;
    void exec(const char* sql) const {
        char* error = nullptr;
        const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
        INFO((error != nullptr ? error : ""));
        sqlite3_free(error);
        REQUIRE(rc == SQLITE_OK);
    }
    QString text(const char* sql) const {
        sqlite3_stmt* s = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK);
        QString out;
        if (sqlite3_step(s) == SQLITE_ROW) {
            out = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
        }
        sqlite3_finalize(s);
        return out;
    }
};

TestDocument contract(int n) {
    return make_document(
        QStringLiteral("Contract %1").arg(n),
        {QStringLiteral("This Agreement is entered into by Acme Corp number %1").arg(n),
         QStringLiteral("This Agreement shall be governed by the laws of Delaware"),
         QStringLiteral("Either party may terminate on ninety days notice")});
}

void require_counts(const Store& s, qint64 documents, qint64 pages, qint64 segments) {
    CHECK(s.count("documents") == documents);
    CHECK(s.count("pages") == pages);
    CHECK(s.count("segments") == segments);
    CHECK(s.count("segments_fts") == segments);
}

// Exactly what version-1 databases contain (store.cpp's first migration,
// frozen here so that a change to the migration shows as a test failure).
constexpr const char* k_schema_v1 = R"sql(
CREATE TABLE documents (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, path TEXT NOT NULL,
    file_size INTEGER NOT NULL, page_count INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'needs_ocr')), added_at TEXT NOT NULL);
CREATE TABLE pages (document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number INTEGER NOT NULL, width REAL NOT NULL, height REAL NOT NULL, rotation INTEGER NOT NULL,
    text_begin INTEGER NOT NULL, text_end INTEGER NOT NULL, words BLOB NOT NULL,
    PRIMARY KEY (document_id, number)) WITHOUT ROWID;
CREATE TABLE segments (id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, heading_path TEXT NOT NULL, text TEXT NOT NULL, begin INTEGER NOT NULL,
    end INTEGER NOT NULL CHECK (end >= begin), page_first INTEGER NOT NULL,
    page_last INTEGER NOT NULL CHECK (page_last >= page_first), boxes BLOB NOT NULL,
    UNIQUE (document_id, idx));
CREATE VIRTUAL TABLE segments_fts USING fts5(
    text, content='segments', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER segments_fts_insert AFTER INSERT ON segments BEGIN
    INSERT INTO segments_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER segments_fts_delete AFTER DELETE ON segments BEGIN
    INSERT INTO segments_fts(segments_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
CREATE TRIGGER segments_fts_update AFTER UPDATE OF text ON segments BEGIN
    INSERT INTO segments_fts(segments_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO segments_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE TABLE runs (id INTEGER PRIMARY KEY, model TEXT NOT NULL, adapter TEXT NOT NULL,
    library_json TEXT NOT NULL, settings_json TEXT NOT NULL, started_at TEXT NOT NULL,
    finished_at TEXT);
CREATE TABLE extractions (id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    category TEXT NOT NULL, fields_json TEXT NOT NULL, score REAL NOT NULL,
    status TEXT NOT NULL DEFAULT 'auto' CHECK (status IN ('auto', 'accepted', 'rejected', 'edited')),
    original_fields_json TEXT, reviewer_note TEXT);
CREATE INDEX extractions_segment ON extractions(segment_id);
CREATE INDEX extractions_run ON extractions(run_id);
CREATE TABLE clause_library (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, json TEXT NOT NULL,
    created_at TEXT NOT NULL);
CREATE TABLE batches (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT,
    files_json TEXT NOT NULL);
CREATE TABLE batch_files (batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
    path TEXT NOT NULL, sha256 TEXT,
    result TEXT NOT NULL CHECK (result IN ('ingested', 'duplicate', 'needs_ocr', 'failed')),
    message TEXT NOT NULL DEFAULT '', PRIMARY KEY (batch_id, path)) WITHOUT ROWID;
INSERT INTO documents VALUES (1, 'aaaa', '/old/contracts/Lease 2019.pdf', 100, 1, 'ok', '2024-01-01');
INSERT INTO pages VALUES (1, 0, 612, 792, 0, 0, 30, x'00');
INSERT INTO segments VALUES (7, 1, 0, '1', 'The tenant shall pay rent monthly', 0, 33, 0, 0, x'00');
INSERT INTO runs VALUES (1, 'm', '', '{}', '{}', '2024-01-01', NULL);
INSERT INTO extractions(id, run_id, segment_id, category, fields_json, score)
    VALUES (1, 1, 7, 'Rent', '{"period":"monthly"}', 0.9);
PRAGMA user_version = 1;
)sql";

} // namespace

TEST_CASE("a new store uses WAL, foreign keys and the current schema", "[store]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("s.db");
    const Store s = Store::open(path);
    CHECK(s.schema_version() == Store::k_schema_version);
    CHECK(s.pragma("journal_mode") == "wal");
    CHECK(s.pragma("foreign_keys") == "1");
    CHECK(s.pragma("busy_timeout") == "5000");
    // WAL is a property of the file: any other connection sees it too.
    const RawDb raw(path);
    CHECK(raw.text("PRAGMA journal_mode") == "wal");
    CHECK(s.count("documents") == 0);
    CHECK_THROWS_WITH(s.count("sqlite_schema; DROP TABLE x"), Catch::Contains("no table"));
}

TEST_CASE("a document is stored with pages, words, segments and a search index", "[store]") {
    QTemporaryDir dir;
    Store s = Store::open(dir.filePath("s.db"));
    const TestDocument t = contract(1);
    const qint64 id = s.add_document(t.doc, t.segments);
    require_counts(s, 1, 3, 3);
    CHECK(s.find_document(t.doc.sha256) == id);
    CHECK(s.find_document(t.doc.sha256.toUpper()) == id);
    CHECK_FALSE(s.find_document("0000").has_value());

    const auto hits = s.search("governed delaware");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].document_title == "Contract 1");
    CHECK(hits[0].document_path == "/contracts/Contract 1.pdf");
    CHECK(hits[0].page == 1);
    CHECK(hits[0].heading_path == "1 > 2");
    CHECK(hits[0].snippet.contains("[governed]"));
    CHECK(s.search("\"ninety days\"").size() == 1);
    CHECK(s.search("agreement").size() == 2);
    CHECK(s.search("termin*").size() == 1);
    CHECK(s.search("nonexistentword").empty());
    CHECK_THROWS_WITH(s.search("\"unbalanced"), Catch::Contains("invalid search query"));
    CHECK_THROWS_WITH(s.search("AND OR"), Catch::Contains("invalid search query"));

    // What comes back is what went in.
    const auto loaded = s.load_document(id);
    REQUIRE(loaded.has_value());
    CHECK(loaded->title == t.doc.title);
    CHECK(loaded->sha256 == t.doc.sha256);
    REQUIRE(loaded->content.pages.size() == 3);
    const auto& words = loaded->content.pages[2].words;
    REQUIRE(words.size() == t.doc.content.pages[2].words.size());
    CHECK(words[1].text == "party");
    CHECK(words[1].begin == t.doc.content.pages[2].words[1].begin);
    CHECK(words[1].box == t.doc.content.pages[2].words[1].box);
    CHECK(loaded->content.pages[2].text_end == t.doc.content.pages[2].text_end);
    const auto segs = s.segments(id);
    REQUIRE(segs.size() == 3);
    CHECK(segs[2].text == t.segments[2].text);
    CHECK(segs[2].begin == t.segments[2].begin);
    REQUIRE(segs[2].boxes.size() == t.segments[2].boxes.size());
    CHECK(segs[2].boxes[0].page == 2);
    CHECK(segs[2].boxes[0].box == t.segments[2].boxes[0].box);
    CHECK_FALSE(s.load_document(id + 100).has_value());
    REQUIRE(s.documents().size() == 1);
    CHECK(s.documents()[0].page_count == 3);
}

TEST_CASE("a document stored twice is one document", "[store]") {
    QTemporaryDir dir;
    Store s = Store::open(dir.filePath("s.db"));
    const TestDocument t = contract(1);
    const qint64 batch = s.begin_or_resume_batch({"a.pdf", "b.pdf"});
    const qint64 id = s.add_document(t.doc, t.segments, batch);
    TestDocument copy = t;
    copy.doc.path = "b.pdf";
    CHECK(s.add_document(copy.doc, copy.segments, batch) == id);
    CHECK(s.add_document(copy.doc, copy.segments) == id);
    require_counts(s, 1, 3, 3);
    CHECK(s.batch_results(batch).value("b.pdf") == FileResult::duplicate);
}

TEST_CASE("a document is stored in one transaction: a failure stores nothing", "[store]") {
    QTemporaryDir dir;
    Store s = Store::open(dir.filePath("s.db"));
    const qint64 batch = s.begin_or_resume_batch({"/contracts/Contract 1.pdf"});
    TestDocument t = contract(1);
    t.segments[2].index = 1; // the last segment collides with the second: UNIQUE fails
    CHECK_THROWS_AS(s.add_document(t.doc, t.segments, batch), StoreError);
    require_counts(s, 0, 0, 0);
    CHECK(s.batch_results(batch).isEmpty());
    CHECK(s.search("delaware").empty());
    // The store is usable afterwards.
    const TestDocument ok = contract(2);
    s.add_document(ok.doc, ok.segments);
    require_counts(s, 1, 3, 3);
}

TEST_CASE("needs-OCR documents are stored and reported", "[store]") {
    QTemporaryDir dir;
    Store s = Store::open(dir.filePath("s.db"));
    TestDocument t = make_document("Scan", {});
    t.doc.status = DocumentStatus::needs_ocr;
    const qint64 batch = s.begin_or_resume_batch({t.doc.path});
    s.add_document(t.doc, t.segments, batch);
    CHECK(s.batch_results(batch).value(t.doc.path) == FileResult::needs_ocr);
    CHECK(s.documents().at(0).status == DocumentStatus::needs_ocr);
}

TEST_CASE("databases of every earlier schema version are migrated forward", "[store]") {
    QTemporaryDir dir;
    SECTION("version 0: an empty file") {
        const QString path = dir.filePath("v0.db");
        {
            QFile f(path);
            REQUIRE(f.open(QIODevice::WriteOnly));
        }
        const Store s = Store::open(path);
        CHECK(s.schema_version() == Store::k_schema_version);
        CHECK(s.count("documents") == 0);
    }
    SECTION("version 1") {
        const QString path = dir.filePath("v1.db");
        {
            const RawDb raw(path);
            raw.exec(k_schema_v1);
        }
        Store s = Store::open(path);
        CHECK(s.schema_version() == Store::k_schema_version);
        // The data survived, titles were filled from file names, search still works.
        REQUIRE(s.documents().size() == 1);
        CHECK(s.documents()[0].title == "Lease 2019.pdf");
        CHECK(s.documents()[0].path == "/old/contracts/Lease 2019.pdf");
        CHECK(s.search("rent").size() == 1);
        CHECK(s.count("extractions") == 1);
        s.set_extraction_status(1, "accepted");
        int seen = 0;
        s.for_each_extraction({}, [&](const clauselens::core::ExtractionRow& row) {
            CHECK(row.status == "accepted");
            CHECK(row.fields_json == "{\"period\":\"monthly\"}");
            ++seen;
        });
        CHECK(seen == 1);
        // New documents go in next to the old ones.
        const TestDocument t = contract(1);
        s.add_document(t.doc, t.segments);
        CHECK(s.count("documents") == 2);
        CHECK(s.search("rent OR delaware").size() == 2);
        // Opening again does not migrate again.
        const Store again = Store::open(path);
        CHECK(again.schema_version() == Store::k_schema_version);
    }
    SECTION("a newer version is refused, not damaged") {
        const QString path = dir.filePath("v99.db");
        {
            const RawDb raw(path);
            raw.exec("CREATE TABLE future(x); PRAGMA user_version = 99;");
        }
        CHECK_THROWS_WITH(Store::open(path), Catch::Contains("newer ClauseLens"));
        CHECK_THROWS_WITH(Store::open_read_only(path), Catch::Contains("update ClauseLens"));
        const RawDb raw(path);
        CHECK(raw.text("PRAGMA user_version") == "99");
    }
}

TEST_CASE("a read-only store refuses writes clearly and keeps its data", "[store]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("s.db");
    {
        Store s = Store::open(path);
        const TestDocument t = contract(1);
        s.add_document(t.doc, t.segments);
    }
    Store r = Store::open_read_only(path);
    CHECK(r.read_only());
    const TestDocument t = contract(2);
    CHECK_THROWS_WITH(r.add_document(t.doc, t.segments), Catch::Contains("is read-only"));
    CHECK_THROWS_WITH(r.begin_or_resume_batch({"x.pdf"}), Catch::Contains("is read-only"));
    CHECK(r.count("documents") == 1);
    CHECK(r.search("delaware").size() == 1);

    if (::geteuid() != 0) { // root writes to any file: the permission check needs a user
        REQUIRE(QFile::setPermissions(path, QFile::ReadOwner));
        CHECK_THROWS_WITH(Store::open(path), Catch::Contains("is read-only"));
        REQUIRE(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    }
    CHECK(Store::open(path).count("documents") == 1);
}

TEST_CASE("files that cannot be opened as a store give clear errors", "[store]") {
    QTemporaryDir dir;
    CHECK_THROWS_WITH(Store::open(dir.filePath("no/such/folder/s.db")),
                      Catch::Contains("cannot open database"));
    CHECK_THROWS_WITH(Store::open_read_only(dir.filePath("missing.db")),
                      Catch::Contains("cannot open database"));
    const QString junk = dir.filePath("junk.db");
    {
        QFile f(junk);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
    }
    CHECK_THROWS_WITH(Store::open(junk), Catch::Contains("not a ClauseLens database"));
    CHECK(QFile(junk).size() == 8192);
}

TEST_CASE("a full disk stops a document cleanly and keeps the database intact", "[store]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("s.db");
    Store s = Store::open(path);
    const TestDocument first = contract(1);
    s.add_document(first.doc, first.segments);
    const qint64 batch = s.begin_or_resume_batch({"big.pdf"});
    // Room for a few more pages only; this document needs hundreds.
    s.set_size_limit((s.pragma("page_count").toLongLong() + 3) *
                     s.pragma("page_size").toLongLong());
    QStringList paragraphs;
    for (int i = 0; i < 200; ++i) {
        paragraphs << QStringLiteral("clause %1 ").arg(i).repeated(100);
    }
    TestDocument big = make_document("Big", paragraphs);
    big.doc.path = "big.pdf";
    CHECK_THROWS_WITH(s.add_document(big.doc, big.segments, batch),
                      Catch::Contains("disk is full"));
    require_counts(s, 1, 3, 3);
    CHECK(s.batch_results(batch).isEmpty());
    CHECK(s.pragma("integrity_check") == "ok");

    const Store reopened = Store::open(path);
    require_counts(reopened, 1, 3, 3);
    CHECK(reopened.search("delaware").size() == 1);
    CHECK(reopened.pragma("integrity_check") == "ok");
}

TEST_CASE("readers read while a writer writes", "[store]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("s.db");
    Store writer = Store::open(path);
    const TestDocument one = contract(1);
    const qint64 doc = writer.add_document(one.doc, one.segments);
    const qint64 run = writer.add_run("m", "", "{}", "{}");
    writer.add_extraction(run, writer.search("delaware").at(0).segment_id, "Governing Law", "{}",
                          0.9);
    const Store reader = Store::open_read_only(path);

    SECTION("a writer inside a transaction does not block readers, who see the last commit") {
        const RawDb raw(path);
        raw.exec("BEGIN IMMEDIATE; DELETE FROM segments;");
        CHECK(reader.count("segments") == 3);
        CHECK(reader.search("delaware").size() == 1);
        raw.exec("COMMIT");
        CHECK(reader.count("segments") == 0);
    }
    SECTION("a reader in the middle of a query does not block the writer") {
        int rows = 0;
        reader.for_each_extraction({}, [&](const clauselens::core::ExtractionRow&) {
            const TestDocument two = contract(2);
            writer.add_document(two.doc, two.segments); // commits while the read is open
            ++rows;
        });
        CHECK(rows == 1);
        CHECK(reader.count("documents") == 2);
        CHECK(doc == 1);
    }
    SECTION("a reader on another thread") {
        qint64 seen = -1;
        std::thread t([&] {
            const Store r = Store::open_read_only(path);
            seen = r.count("documents");
        });
        t.join();
        CHECK(seen == 1);
    }
}

TEST_CASE("batches resume for the same file list", "[store]") {
    QTemporaryDir dir;
    Store s = Store::open(dir.filePath("s.db"));
    const QStringList files = {"a.pdf", "b.pdf", "c.pdf"};
    const qint64 b = s.begin_or_resume_batch(files);
    CHECK(s.begin_or_resume_batch(files) == b);
    CHECK(s.begin_or_resume_batch({"a.pdf", "b.pdf"}) != b);

    const TestDocument t = contract(1);
    TestDocument a = t;
    a.doc.path = "a.pdf";
    s.add_document(a.doc, a.segments, b);
    s.record_file_result(b, "b.pdf", "BEEF", FileResult::failed, "damaged PDF");
    s.record_file_result(b, "b.pdf", "beef", FileResult::failed, "damaged PDF, again");
    auto results = s.batch_results(b);
    CHECK(results.size() == 2);
    CHECK(results.value("a.pdf") == FileResult::ingested);
    CHECK(results.value("b.pdf") == FileResult::failed);
    CHECK(s.count("batch_files") == 2);

    s.finish_batch(b);
    const qint64 next = s.begin_or_resume_batch(files);
    CHECK(next != b);
    CHECK(s.batch_results(next).isEmpty());
}

namespace {

// The batch loop an ingest command runs, over prepared documents.
void run_batch(Store& s, const std::vector<TestDocument>& docs) {
    QStringList files;
    for (const TestDocument& d : docs) {
        files << d.doc.path;
    }
    const qint64 batch = s.begin_or_resume_batch(files);
    const auto done = s.batch_results(batch);
    for (const TestDocument& d : docs) {
        if (!done.contains(d.doc.path)) {
            s.add_document(d.doc, d.segments, batch);
        }
    }
    s.finish_batch(batch);
}

QStringList all_rows(const Store& s) {
    QStringList rows;
    for (const auto& d : s.documents()) {
        rows << QString::fromLatin1(d.sha256) + d.path;
        for (const auto& seg : s.segments(d.id)) {
            rows << QString::number(seg.index) + seg.text;
        }
    }
    return rows;
}

} // namespace

TEST_CASE("a batch killed with SIGKILL resumes to exactly the rows of an uninterrupted run",
          "[store]") {
    QTemporaryDir dir;
    std::vector<TestDocument> docs;
    for (int i = 0; i < 40; ++i) {
        TestDocument d = contract(i);
        d.doc.path = QStringLiteral("/in/%1.pdf").arg(i);
        docs.push_back(std::move(d));
    }
    docs.push_back(docs[3]); // a duplicate file in the list
    docs.back().doc.path = "/in/copy-of-3.pdf";

    const QString reference_path = dir.filePath("reference.db");
    {
        Store reference = Store::open(reference_path);
        run_batch(reference, docs);
    }

    const QString path = dir.filePath("killed.db");
    Store::open(path); // created before the child so the parent can watch it
    for (const int kill_after : {1, 7, 23}) {
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            try {
                Store s = Store::open(path);
                QStringList files;
                for (const TestDocument& d : docs) {
                    files << d.doc.path;
                }
                const qint64 batch = s.begin_or_resume_batch(files);
                for (int round = 0;; ++round) { // slowly, so that the parent kills it mid-way
                    const auto done = s.batch_results(batch);
                    for (const TestDocument& d : docs) {
                        if (!done.contains(d.doc.path)) {
                            s.add_document(d.doc, d.segments, batch);
                            ::usleep(2000);
                            break;
                        }
                    }
                }
            } catch (...) {
                ::_exit(1);
            }
        }
        {
            const Store watcher = Store::open_read_only(path);
            while (watcher.count("batch_files") < kill_after) {
                ::usleep(500);
            }
        }
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        CHECK(WIFSIGNALED(status));
    }
    Store resumed = Store::open(path);
    CHECK(resumed.count("batches") == 1);
    run_batch(resumed, docs);
    const Store reference = Store::open_read_only(reference_path);
    CHECK(all_rows(resumed) == all_rows(reference));
    for (const char* table : {"documents", "pages", "segments", "segments_fts", "batch_files"}) {
        INFO(table);
        CHECK(resumed.count(table) == reference.count(table));
    }
    CHECK(resumed.count("batch_files") == 41);
    CHECK(resumed.pragma("integrity_check") == "ok");
}
