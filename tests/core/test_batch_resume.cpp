// A batch killed with SIGKILL at any point and started again ends with exactly
// the rows of an uninterrupted run: no lost, no duplicated documents or
// segments. Runs the real command line on the cuad-dev contracts.

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <sqlite3.h>
#include <string>
#include <sys/types.h>
#include <thread>

namespace {

// Everything a batch stores, without ids and times, in a stable order.
std::string dump(const QString& db_path, bool with_batches = true) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(db_path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    std::string out;
    const char* queries[] = {
        "SELECT sha256, page_count, status FROM documents ORDER BY sha256",
        "SELECT d.sha256, p.number, p.width, p.height, p.rotation, p.text_begin, p.text_end, "
        "length(p.words) FROM pages p JOIN documents d ON d.id = p.document_id "
        "ORDER BY d.sha256, p.number",
        "SELECT d.sha256, s.idx, s.heading_path, s.text, s.begin, s.end, s.page_first, "
        "s.page_last, length(s.boxes) FROM segments s JOIN documents d ON d.id = s.document_id "
        "ORDER BY d.sha256, s.idx",
        "SELECT count(*) FROM segments_fts",
        "SELECT path, sha256, result FROM batch_files ORDER BY path",
    };
    for (const char* q : queries) {
        if (!with_batches && std::string(q).find("batch_files") != std::string::npos) {
            continue;
        }
        sqlite3_stmt* st = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, q, -1, &st, nullptr) == SQLITE_OK);
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                const unsigned char* text = sqlite3_column_text(st, c);
                out += text != nullptr ? reinterpret_cast<const char*>(text) : "NULL";
                out += '\t';
            }
            out += '\n';
        }
        sqlite3_finalize(st);
        out += "--\n";
    }
    sqlite3_close(db);
    return out;
}

QStringList contracts(const QString& copy_to) {
    const QDir shared(QStringLiteral(CLAUSELENS_SHARED_DATA_DIR "/cuad-dev"));
    QStringList files;
    for (const QString& name :
         shared.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name)) {
        const QString target = copy_to + QLatin1Char('/') + name;
        REQUIRE(QFile::copy(shared.filePath(name), target));
        files << target;
    }
    // A file that fails, and a duplicate under another name: results too.
    QFile broken(copy_to + QStringLiteral("/broken.pdf"));
    REQUIRE(broken.open(QIODevice::WriteOnly));
    broken.write("%PDF-1.4\nnot really a pdf");
    broken.close();
    REQUIRE(QFile::copy(files.first(), copy_to + QStringLiteral("/zz-copy-of-first.pdf")));
    return files;
}

int run_ingest(const QString& db, const QString& folder, int kill_after_ms) {
    QProcess p;
    p.setProgram(QStringLiteral(CLAUSELENS_CLI));
    p.setArguments({QStringLiteral("ingest"), QStringLiteral("--db"), db, folder});
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start();
    REQUIRE(p.waitForStarted());
    if (kill_after_ms > 0) {
        if (p.waitForFinished(kill_after_ms)) {
            return p.exitCode(); // finished before the kill
        }
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        p.waitForFinished();
        return -9;
    }
    REQUIRE(p.waitForFinished(300000));
    return p.exitCode();
}

} // namespace

TEST_CASE("a batch killed with SIGKILL and run again stores exactly what one run stores",
          "[core][batch]") {
    // QProcess wants an application object.
    static int argc = 1;
    static char name[] = "test_batch_resume";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("contracts"));
    REQUIRE(QDir().mkpath(folder));
    contracts(folder);

    const QString whole_db = dir.filePath(QStringLiteral("whole.db"));
    QElapsedTimer timer;
    timer.start();
    CHECK(run_ingest(whole_db, folder, 0) == 1); // broken.pdf fails: exit code 1
    const int whole_ms = static_cast<int>(timer.elapsed());
    const std::string expected = dump(whole_db);
    CHECK(expected.find("broken.pdf") != std::string::npos);
    CHECK(expected.find("duplicate") != std::string::npos);

    // Kill each run after a growing share of the time a whole run takes,
    // until one finishes by itself; each run continues the last one's batch.
    const QString killed_db = dir.filePath(QStringLiteral("killed.db"));
    int kills = 0;
    for (int step = 1;; ++step) {
        const int delay = std::max(20, whole_ms * step / 8);
        const int rc = run_ingest(killed_db, folder, delay);
        if (rc != -9) {
            CHECK(rc == 1);
            break;
        }
        ++kills;
        REQUIRE(step < 100);
    }
    INFO("killed " << kills << " times; a whole run takes " << whole_ms << " ms");
    CHECK(kills >= 1);
    CHECK(dump(killed_db) == expected);

    // Once more, after the batch has finished: nothing new is stored.
    CHECK(run_ingest(killed_db, folder, 0) == 1); // broken.pdf fails again
    CHECK(dump(killed_db, false) == dump(whole_db, false));
}
