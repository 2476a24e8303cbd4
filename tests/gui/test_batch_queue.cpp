// The batch queue without a model: ingestion in the worker thread with
// per-file states, encrypted files asking for a password, pause and resume,
// the panel that shows it, and a GUI thread that keeps running meanwhile.

#include "core/store.h"
#include "gui/batch_panel.h"
#include "gui/batch_queue.h"
#include "gui_test_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <catch2/catch.hpp>

using namespace clauselens;
using namespace clauselens::gui;
using namespace clauselens::gui::test;

namespace {

// The last state text each file reached, by path.
struct StateLog {
    QHash<QString, QString> last;
    QHash<QString, QStringList> all;
    explicit StateLog(BatchQueue& q) {
        QObject::connect(&q, &BatchQueue::document_state_changed, &q,
                         [this](qint64, const QString& path, const QString& state) {
                             last[path] = state;
                             all[path] << state;
                         });
    }
};

qint64 stored_documents(const QString& db) {
    return static_cast<qint64>(core::Store::open_read_only(db).documents().size());
}

QString encrypted_copy(const QTemporaryDir& dir) {
    const QString locked = dir.filePath(QStringLiteral("locked.pdf"));
    const int rc = QProcess::execute(QStringLiteral("qpdf"),
                                     {QStringLiteral("--encrypt"), QStringLiteral("user-pw"),
                                      QStringLiteral("owner-pw"), QStringLiteral("256"),
                                      QStringLiteral("--"), small_contract_a(), locked});
    REQUIRE((rc == 0 || rc == 3)); // 3: qpdf warnings, the file is written
    return locked;
}

} // namespace

TEST_CASE("batch queue ingests two contracts in the worker and reports each file", "[gui][batch]") {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("clauses.db"));
    BatchQueue q;
    StateLog states(q);
    QSignalSpy finished(&q, &BatchQueue::batch_finished);
    QSignalSpy changed(&q, &BatchQueue::documents_changed);
    QSignalSpy errors(&q, &BatchQueue::error);
    q.open_database(db);
    const QString a = small_contract_a();
    const QString b = small_contract_b();
    q.add({a, b});
    CHECK(q.busy());
    REQUIRE(wait_until([&] { return finished.count() == 1; }));
    CHECK_FALSE(q.busy());

    CHECK(states.last.value(a) == QStringLiteral("ingested"));
    CHECK(states.last.value(b) == QStringLiteral("ingested"));
    CHECK(states.all.value(a).contains(QStringLiteral("ingesting")));
    CHECK(changed.count() >= 2);
    CHECK(errors.count() == 0);
    CHECK(stored_documents(db) == 2);
    REQUIRE(q.documents().size() == 2);
    for (const BatchDocument& d : q.documents()) {
        CHECK(d.id > 0);
        CHECK(d.state == DocumentState::ingested);
    }
    CHECK(q.progress() == Approx(1.0));
    CHECK(finished.front().front().toString().contains(QStringLiteral("2 ingested")));

    // The same files again: stored once, reported as already stored.
    q.add({a});
    REQUIRE(wait_until([&] { return finished.count() == 2; }));
    CHECK(states.last.value(a) == QStringLiteral("already stored"));
    CHECK(stored_documents(db) == 2);
    q.shutdown();
}

TEST_CASE("a folder is ingested recursively and a missing path is an error", "[gui][batch]") {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("clauses.db"));
    const QString folder = dir.filePath(QStringLiteral("in/nested"));
    REQUIRE(QDir().mkpath(folder));
    REQUIRE(QFile::copy(small_contract_b(), folder + QStringLiteral("/b.pdf")));
    BatchQueue q;
    QSignalSpy finished(&q, &BatchQueue::batch_finished);
    QSignalSpy errors(&q, &BatchQueue::error);
    q.open_database(db);
    q.add({dir.filePath(QStringLiteral("in")), dir.filePath(QStringLiteral("missing.pdf"))});
    REQUIRE(wait_until([&] { return finished.count() == 1; }));
    CHECK(stored_documents(db) == 1);
    REQUIRE(errors.count() == 1);
    CHECK(errors.front().at(1).toString().contains(QStringLiteral("no such file")));
    REQUIRE(q.document(folder + QStringLiteral("/b.pdf")));
    CHECK(q.document(folder + QStringLiteral("/b.pdf"))->state == DocumentState::ingested);
}

TEST_CASE("an encrypted PDF asks for its password and ingests with the right one", "[gui][batch]") {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("clauses.db"));
    const QString locked = encrypted_copy(dir);
    BatchQueue q;
    StateLog states(q);
    QSignalSpy finished(&q, &BatchQueue::batch_finished);
    QSignalSpy asked(&q, &BatchQueue::password_needed);
    q.open_database(db);
    q.add({locked, small_contract_b()});
    REQUIRE(wait_until([&] { return finished.count() == 1; }));
    REQUIRE(asked.count() == 1);
    CHECK(asked.front().front().toString() == locked);
    CHECK(states.last.value(locked) == QStringLiteral("password needed"));
    CHECK(stored_documents(db) == 1); // the other file went on

    // A wrong password asks again.
    q.retry_with_password(locked, QStringLiteral("guess"));
    REQUIRE(wait_until([&] { return finished.count() == 2; }));
    CHECK(asked.count() == 2);
    CHECK(stored_documents(db) == 1);

    q.retry_with_password(locked, QStringLiteral("user-pw"));
    REQUIRE(wait_until([&] { return finished.count() == 3; }));
    CHECK(asked.count() == 2);
    CHECK(states.last.value(locked) == QStringLiteral("ingested"));
    CHECK(stored_documents(db) == 2);
}

TEST_CASE("pause holds the batch before the next file and resume finishes it", "[gui][batch]") {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("clauses.db"));
    BatchQueue q;
    QSignalSpy finished(&q, &BatchQueue::batch_finished);
    QSignalSpy paused(&q, &BatchQueue::paused_changed);
    q.open_database(db);
    q.pause();
    CHECK(q.paused());
    q.add({small_contract_a(), small_contract_b()});
    // Nothing is read while paused.
    wait_until([] { return false; }, std::chrono::milliseconds(1500));
    CHECK(finished.count() == 0);
    CHECK(q.busy());
    CHECK(stored_documents(db) == 0);
    q.resume();
    REQUIRE(wait_until([&] { return finished.count() == 1; }));
    CHECK(stored_documents(db) == 2);
    CHECK(paused.count() == 2);
}

TEST_CASE("cancel stops a paused batch and keeps what is stored", "[gui][batch]") {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("clauses.db"));
    BatchQueue q;
    StateLog states(q);
    QSignalSpy finished(&q, &BatchQueue::batch_finished);
    q.open_database(db);
    q.pause();
    q.add({small_contract_a(), small_contract_b()});
    REQUIRE(wait_until(
        [&] { return states.last.value(small_contract_a()) == QStringLiteral("queued"); }));
    wait_until([] { return false; }, std::chrono::milliseconds(300));
    q.cancel();
    REQUIRE(wait_until([&] { return finished.count() == 1; }));
    CHECK_FALSE(q.paused());
    CHECK(stored_documents(db) == 0);
    CHECK(states.last.value(small_contract_a()) == QStringLiteral("cancelled"));
    CHECK(states.last.value(small_contract_b()) == QStringLiteral("cancelled"));
    CHECK(finished.front().front().toString().contains(QStringLiteral("2 cancelled")));

    // A new batch after the cancel runs normally.
    q.add({small_contract_b()});
    REQUIRE(wait_until([&] { return finished.count() == 2; }));
    CHECK(stored_documents(db) == 1);
}

TEST_CASE("the batch panel shows each file, the overall progress and the buttons", "[gui][batch]") {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("clauses.db"));
    const QString locked = encrypted_copy(dir);
    BatchQueue q;
    BatchPanel panel(&q);
    panel.resize(700, 300);
    panel.show();
    QSignalSpy finished(&q, &BatchQueue::batch_finished);
    q.open_database(db);
    REQUIRE(wait_until([&] { return !q.busy(); }));
    CHECK_FALSE(panel.cancel_button()->isEnabled());
    q.add({small_contract_a(), locked});
    CHECK(panel.cancel_button()->isEnabled());
    REQUIRE(wait_until([&] { return finished.count() == 1; }));

    QTreeWidget* list = panel.file_list();
    REQUIRE(list->topLevelItemCount() == 2);
    QStringList rows;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        rows << list->topLevelItem(i)->text(0) + QStringLiteral(": ") +
                    list->topLevelItem(i)->text(1);
        CHECK_FALSE(list->topLevelItem(i)->icon(0).isNull());
    }
    CHECK(rows.contains(QFileInfo(small_contract_a()).fileName() + QStringLiteral(": ingested")));
    CHECK(rows.contains(QStringLiteral("locked.pdf: password needed")));
    CHECK(panel.progress_bar()->value() == 1000);
    CHECK(panel.progress_bar()->format().startsWith(QStringLiteral("2 of 2 documents")));
    CHECK_FALSE(panel.cancel_button()->isEnabled());

    CHECK(BatchPanel::progress_text(1, 3, 83, 249.6) ==
          QStringLiteral("1 of 3 documents \u00b7 ETA 1:23 \u00b7 250 tokens/s"));
    CHECK(BatchPanel::progress_text(0, 1, -1, 0) == QStringLiteral("0 of 1 document"));

    // Pause from the panel's button; the button then offers Resume.
    q.add({small_contract_b()});
    QTest::mouseClick(panel.pause_button(), Qt::LeftButton);
    CHECK(q.paused());
    CHECK(panel.pause_button()->text() == QStringLiteral("&Resume"));
    QTest::mouseClick(panel.pause_button(), Qt::LeftButton);
    CHECK_FALSE(q.paused());
    REQUIRE(wait_until([&] { return finished.count() == 2; }));
    CHECK(list->topLevelItemCount() == 1);
}
