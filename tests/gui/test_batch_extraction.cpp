// The batch queue with a model (the tiny random-weight test model): ingestion
// followed by extraction, progress, cancel and continue, and point-and-click
// classification served while a batch runs. Random weights make the answers
// meaningless; what is tested is the plumbing and that the GUI thread keeps
// running. The tiny model on lavapipe decodes slowly (a 4-page cuad-dev
// contract has 46 segments: minutes on a busy 2-core machine), so these tests
// extract from one-page contracts written here, with three numbered clauses
// each; the cuad-dev contracts go through ingestion in test_batch_queue.cpp.

#include "core/store.h"
#include "gui/batch_queue.h"
#include "gui_test_support.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QPdfWriter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <catch2/catch.hpp>
#include <set>
#include <tuple>

using namespace clauselens;
using namespace clauselens::gui;
using namespace clauselens::gui::test;

namespace {

EngineSettings tiny_engine(int batch) {
    EngineSettings e;
    e.model_path = tiny_model();
    e.library_path = five_category_library();
    e.batch = batch;
    // Random weights ramble; a short answer still reaches the category list
    // (where the scores come from) and keeps the test fast.
    e.max_answer_tokens = 96;
    return e;
}

// A one-page contract: a title and three numbered clauses naming `party`.
QString short_contract(const QTemporaryDir& dir, const QString& party) {
    const QString path = dir.filePath(party + QStringLiteral(".pdf"));
    const QStringList lines{
        QStringLiteral("SERVICES AGREEMENT"),
        QStringLiteral("1. Parties. This Agreement is made between %1 LLC and Contoso").arg(party),
        QStringLiteral("Holdings Inc., a Delaware corporation."),
        QStringLiteral("2. Governing Law. This Agreement shall be governed by and construed"),
        QStringLiteral("in accordance with the laws of the State of New York."),
        QStringLiteral("3. Term. This Agreement commences on January 1, 2024 and continues"),
        QStringLiteral("for a period of three years unless terminated earlier."),
    };
    QPdfWriter writer(path);
    writer.setResolution(72); // painter units are points
    writer.setPageSize(QPageSize(QPageSize::A4));
    QPainter painter(&writer);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(11);
    painter.setFont(font);
    int y = 60;
    for (const QString& line : lines) {
        y += line.front().isDigit() ? 24 : 16; // a gap before each clause
        painter.drawText(60, y, line);
    }
    painter.end();
    return path;
}

// Loads the engine and waits for the model.
void load(BatchQueue& q, const EngineSettings& e) {
    QSignalSpy state(&q, &BatchQueue::model_state_changed);
    q.set_engine(e);
    REQUIRE(
        wait_until([&] { return !state.isEmpty() && (state.back().at(1).toBool() || !q.busy()); }));
    INFO(state.back().at(0).toString().toStdString());
    REQUIRE(q.model_loaded());
}

// The longest time the GUI thread's event loop went without running a 5 ms
// timer, while it is alive.
class StallMeter {
public:
    StallMeter() {
        timer_.setInterval(5);
        QObject::connect(&timer_, &QTimer::timeout, &timer_, [this] {
            const qint64 now = clock_.nsecsElapsed();
            longest_ = std::max(longest_, now - last_);
            last_ = now;
        });
        clock_.start();
        timer_.start();
    }
    double longest_ms() const { return static_cast<double>(longest_) / 1e6; }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0;
    qint64 longest_ = 0;
};

// A rectangle (page points) around the first `n` words of a stored page.
QRectF words_rect(const QString& db, qint64 document_id, int page, int n) {
    const core::Store store = core::Store::open_read_only(db);
    const std::optional<core::Document> doc = store.load_document(document_id);
    REQUIRE(doc);
    REQUIRE(doc->content.pages.size() > static_cast<size_t>(page));
    const auto& words = doc->content.pages[static_cast<size_t>(page)].words;
    REQUIRE(words.size() >= static_cast<size_t>(n));
    QRectF r;
    for (int i = 0; i < n; ++i) {
        r = r.united(words[static_cast<size_t>(i)].box);
    }
    return r.adjusted(-1, -1, 1, 1);
}

qint64 count(const QString& db, const char* table) {
    return core::Store::open_read_only(db).count(table);
}

} // namespace

TEST_CASE("adding a contract with a model ingests and extracts it, the GUI thread never stalls",
          "[gui][batch][model]") {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("clauses.db"));
    BatchQueue q;
    q.open_database(db);
    load(q, tiny_engine(2));
    CHECK_FALSE(q.model_description().isEmpty());

    std::vector<double> fractions;
    QObject::connect(&q, &BatchQueue::overall_progress, &q,
                     [&](double f, double, double, const QString&) { fractions.push_back(f); });
    double tokens_per_second = 0;
    QObject::connect(&q, &BatchQueue::overall_progress, &q,
                     [&](double, double, double tps, const QString&) {
                         tokens_per_second = std::max(tokens_per_second, tps);
                     });
    QSignalSpy finished(&q, &BatchQueue::batch_finished);
    QSignalSpy results(&q, &BatchQueue::results_changed);
    QElapsedTimer clock;
    clock.start();
    std::optional<StallMeter> stall;
    stall.emplace();
    q.add({short_contract(dir, QStringLiteral("Northwind"))});
    REQUIRE(wait_until([&] { return finished.count() == 1; }, std::chrono::seconds(400)));
    const double longest = stall->longest_ms();
    stall.reset();
    WARN("GUI thread: longest event-loop stall " << longest << " ms during ingestion and "
                                                 << "extraction of a one-page contract ("
                                                 << clock.elapsed() << " ms, up to "
                                                 << tokens_per_second << " tokens/s)");
    CHECK(longest < 500.0);

    REQUIRE(q.documents().size() == 1);
    const BatchDocument d = q.documents().front();
    CHECK(d.state == DocumentState::done);
    CHECK(BatchQueue::state_text(d) == QStringLiteral("done"));
    REQUIRE(results.count() >= 1);
    CHECK(results.front().front().toLongLong() == d.id);
    CHECK(count(db, "extractions") > 0);
    CHECK(count(db, "run_documents") == 1);
    CHECK(finished.front().front().toString().contains(QStringLiteral("1 extracted")));

    REQUIRE(fractions.size() >= 4); // queued, ingested, during and after extraction
    for (size_t i = 1; i < fractions.size(); ++i) {
        INFO("step " << i);
        CHECK(fractions[i] >= fractions[i - 1]);
    }
    CHECK(fractions.back() == Approx(1.0));
    CHECK(std::any_of(fractions.begin(), fractions.end(),
                      [](double f) { return f > 0.21 && f < 0.99; })); // inside extraction

    // A click on the page: the words of a rectangle, classified.
    QSignalSpy classified(&q, &BatchQueue::classified);
    QSignalSpy failed(&q, &BatchQueue::classify_failed);
    const QRectF rect = words_rect(db, d.id, 0, 12);
    const quint64 ticket = q.classify(d.id, 0, rect);
    REQUIRE(wait_until([&] { return classified.count() + failed.count() > 0; }));
    REQUIRE(failed.count() == 0);
    CHECK(classified.front().at(0).toULongLong() == ticket);
    const auto r = classified.front().at(1).value<ClassifyResult>();
    CHECK(r.document_id == d.id);
    CHECK(r.page == 0);
    CHECK(r.text.split(QLatin1Char(' ')).size() >= 10);
    CHECK(r.text.contains(QStringLiteral("Parties")));
    CHECK(r.segment_id.has_value());
    CHECK(!r.json.isEmpty());
    CHECK((r.complete || !r.scores.isEmpty()));
    CHECK(r.seconds > 0);
    WARN("classify with the batch idle: " << r.seconds * 1000 << " ms; answer "
                                          << r.json.toStdString());

    // Accepting it stores an accepted result of an interactive run.
    QSignalSpy stored(&q, &BatchQueue::classification_stored);
    q.store_classification(r, QStringLiteral("Parties"));
    REQUIRE(wait_until([&] { return stored.count() == 1; }));
    const qint64 id = stored.front().front().toLongLong();
    const core::Store read = core::Store::open_read_only(db);
    const auto review = read.extraction_review(id);
    REQUIRE(review);
    CHECK(review->status == QStringLiteral("accepted"));
    CHECK(read.runs().size() == 2);
}

TEST_CASE("a click is answered during a batch, cancel keeps results, extracting again "
          "continues without duplicates",
          "[gui][batch][model]") {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("clauses.db"));
    BatchQueue q;
    QSignalSpy finished(&q, &BatchQueue::batch_finished);
    q.open_database(db);
    // No model yet: ingestion only.
    q.add({short_contract(dir, QStringLiteral("Fabrikam")),
           short_contract(dir, QStringLiteral("Litware"))});
    REQUIRE(wait_until([&] { return finished.count() == 1; }));
    std::vector<qint64> ids;
    for (const BatchDocument& d : q.documents()) {
        CHECK(d.state == DocumentState::ingested);
        ids.push_back(d.id);
    }
    REQUIRE(ids.size() == 2);
    CHECK(count(db, "extractions") == 0);

    load(q, tiny_engine(2)); // two segments a batch: a click waits for at most one batch
    QSignalSpy results(&q, &BatchQueue::results_changed);
    QSignalSpy classified(&q, &BatchQueue::classified);
    QSignalSpy failed(&q, &BatchQueue::classify_failed);
    bool extracting = false;
    QObject::connect(&q, &BatchQueue::document_state_changed, &q,
                     [&](qint64, const QString&, const QString& state) {
                         extracting = extracting || state.startsWith(QStringLiteral("extracting"));
                     });
    q.extract_documents(ids);
    REQUIRE(wait_until([&] { return extracting; }));

    // The click is served between two batches of segments, long before the
    // batch ends.
    QElapsedTimer clock;
    clock.start();
    q.classify(ids[1], 0, words_rect(db, ids[1], 0, 6));
    REQUIRE(wait_until([&] { return classified.count() + failed.count() > 0; }));
    const qint64 latency = clock.elapsed();
    REQUIRE(failed.count() == 0);
    CHECK(q.busy());
    CHECK(results.count() == 0);
    WARN("classify during a batch (batches of 2 segments): answered in " << latency << " ms");

    // Cancel once the first document is stored.
    REQUIRE(wait_until([&] { return results.count() >= 1; }, std::chrono::seconds(400)));
    q.cancel();
    REQUIRE(wait_until([&] { return finished.count() == 2; }));
    CHECK(count(db, "run_documents") == 1);
    const qint64 rows_after_cancel = count(db, "extractions");
    CHECK(rows_after_cancel > 0);
    CHECK(finished.back().front().toString().contains(QStringLiteral("1 cancelled")));

    // Extracting again continues the same run with the second document only.
    q.extract_documents(ids);
    REQUIRE(wait_until([&] { return finished.count() == 3; }, std::chrono::seconds(400)));
    CHECK(count(db, "run_documents") == 2);
    CHECK(count(db, "runs") == 1);
    CHECK(count(db, "extractions") > rows_after_cancel);
    std::set<std::tuple<qint64, qint64, QString>> seen;
    bool duplicate = false;
    core::ExtractionFilter all;
    all.include_passed_over = true;
    core::Store::open_read_only(db).for_each_extraction(all, [&](const core::ExtractionRow& row) {
        duplicate = duplicate || !seen.insert({row.run_id, row.segment_id, row.category}).second;
    });
    CHECK_FALSE(duplicate);
    CHECK(static_cast<qint64>(seen.size()) == count(db, "extractions"));
    for (const BatchDocument& d : q.documents()) {
        CHECK(d.state == DocumentState::done);
    }
}

TEST_CASE("without a model, a click says how to add one", "[gui][batch]") {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("clauses.db"));
    BatchQueue q;
    QSignalSpy finished(&q, &BatchQueue::batch_finished);
    q.open_database(db);
    q.add({small_contract_b()});
    REQUIRE(wait_until([&] { return finished.count() == 1; }));
    QSignalSpy failed(&q, &BatchQueue::classify_failed);
    const quint64 ticket =
        q.classify(q.documents().front().id, 0, words_rect(db, q.documents().front().id, 0, 5));
    REQUIRE(wait_until([&] { return failed.count() == 1; }));
    CHECK(failed.front().at(0).toULongLong() == ticket);
    CHECK(failed.front().at(1).toString().contains(QStringLiteral("Settings")));

    // A model file that does not exist: a clear message, and no extraction.
    QSignalSpy state(&q, &BatchQueue::model_state_changed);
    EngineSettings e;
    e.model_path = dir.filePath(QStringLiteral("missing.gguf"));
    q.set_engine(e);
    REQUIRE(wait_until([&] { return !q.busy(); }));
    REQUIRE_FALSE(state.isEmpty());
    CHECK_FALSE(state.back().at(1).toBool());
    CHECK(state.back().at(0).toString().contains(QStringLiteral("missing.gguf")));
    CHECK_FALSE(q.model_loaded());
}
