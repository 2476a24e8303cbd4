// Review through the controller: decisions reach the database through the
// writer thread, undo restores status and fields exactly, redo re-applies,
// and a failed write puts the table back and says why.
#include "gui/results_model.h"
#include "gui/review_controller.h"
#include "gui/review_writer.h"
#include "gui_test_support.h"
#include "test_results_fixture.h"

#include <QAction>
#include <QSignalSpy>
#include <QThread>
#include <catch2/catch.hpp>

using namespace clauselens;
using namespace clauselens::gui;
using clauselens::gui::test::ResultsDb;
using clauselens::gui::test::wait_until;

namespace {

using Review = core::Store::ExtractionReview;

// The review state as another program would read it from the file.
Review stored(const ResultsDb& db, qint64 id) {
    const core::Store other = core::Store::open_read_only(db.path());
    const std::optional<Review> r = other.extraction_review(id);
    REQUIRE(r);
    return *r;
}

void require_same(const Review& a, const Review& b) {
    CHECK(a.status == b.status);
    CHECK(a.fields_json == b.fields_json);
    CHECK(a.original_fields_json.isNull() == b.original_fields_json.isNull());
    CHECK(a.original_fields_json == b.original_fields_json);
    CHECK(a.reviewer_note.isNull() == b.reviewer_note.isNull());
    CHECK(a.reviewer_note == b.reviewer_note);
}

void wait_for_writes(const ReviewController& review) {
    REQUIRE(wait_until([&] { return review.pending_writes() == 0; }, std::chrono::seconds(20)));
}

QString status_in(const ResultsModel& model, qint64 id) {
    return model.row_at(model.row_of(id)).status;
}

QString fields_in(const ResultsModel& model, qint64 id) {
    return model.row_at(model.row_of(id)).fields_json;
}

} // namespace

TEST_CASE("review: accept and reject reach the database, with undo and redo") {
    ResultsDb db;
    ResultsModel model;
    model.reload(db.reader());
    ReviewController review(&model);
    review.set_store(&db.reader(), db.path());

    const qint64 parties_a = db.result("Parties", db.doc_a).id;
    const qint64 parties_b = db.result("Parties", db.doc_b).id;
    const qint64 compete = db.result("Non-Compete", db.doc_b).id;
    const Review before_a = stored(db, parties_a);
    const Review before_b = stored(db, parties_b);

    REQUIRE(review.accept({parties_a, parties_b}));
    // Shown at once, before the write is done.
    CHECK(status_in(model, parties_a) == "accepted");
    CHECK(status_in(model, parties_b) == "accepted");
    wait_for_writes(review);
    CHECK(stored(db, parties_a).status == "accepted");
    CHECK(stored(db, parties_b).status == "accepted");

    REQUIRE(review.reject({compete}));
    wait_for_writes(review);
    CHECK(stored(db, compete).status == "rejected");
    CHECK(model.row_at(model.row_of(compete)).status == "rejected");

    // Nothing would change: no write, no undo step.
    CHECK_FALSE(review.accept({parties_a}));
    CHECK_FALSE(review.accept({987654}));
    CHECK(review.undo_stack()->count() == 2);
    CHECK(review.undo_action()->text().contains("Reject"));

    review.undo_stack()->undo();
    CHECK(status_in(model, compete) == "auto");
    wait_for_writes(review);
    CHECK(stored(db, compete).status == "auto");

    review.undo_stack()->undo();
    CHECK(status_in(model, parties_a) == "auto");
    wait_for_writes(review);
    require_same(stored(db, parties_a), before_a);
    require_same(stored(db, parties_b), before_b);

    review.undo_stack()->redo();
    wait_for_writes(review);
    CHECK(stored(db, parties_a).status == "accepted");
    CHECK(stored(db, parties_b).status == "accepted");
    CHECK(status_in(model, parties_b) == "accepted");

    // The redo shortcut is Ctrl+Shift+Z.
    CHECK(review.redo_action()->shortcuts().contains(QKeySequence("Ctrl+Shift+Z")));
    CHECK(review.undo_action()->shortcuts().contains(QKeySequence(QKeySequence::Undo)));
}

TEST_CASE("review: edits keep the model's answer and undo restores fields exactly") {
    ResultsDb db;
    ResultsModel model;
    model.reload(db.reader());
    ReviewController review(&model);
    review.set_store(&db.reader(), db.path());

    const auto& law = db.result("Governing Law", db.doc_a);
    // A reviewer note from an earlier session (the command line), which undo must keep.
    db.writer().review_extractions({law.id}, "accepted", {}, "checked by counsel");
    const Review accepted = stored(db, law.id);
    REQUIRE(accepted.reviewer_note == "checked by counsel");

    REQUIRE(review.edit_fields(law.id, R"({"governing_law": "Commonwealth of Virginia"})"));
    CHECK(status_in(model, law.id) == "edited");
    CHECK(fields_in(model, law.id) == R"({"governing_law":"Commonwealth of Virginia"})");
    wait_for_writes(review);
    Review edited = stored(db, law.id);
    CHECK(edited.status == "edited");
    CHECK(edited.fields_json == R"({"governing_law":"Commonwealth of Virginia"})");
    CHECK(edited.original_fields_json == law.fields_json);

    // A second edit still keeps the model's first answer.
    REQUIRE(review.edit_fields(law.id, R"({"governing_law":"Virginia, USA"})"));
    wait_for_writes(review);
    CHECK(stored(db, law.id).original_fields_json == law.fields_json);

    // Rejecting undoes the edit: what is rejected is what the model said.
    REQUIRE(review.reject({law.id}));
    CHECK(fields_in(model, law.id) == law.fields_json);
    wait_for_writes(review);
    CHECK(stored(db, law.id).status == "rejected");
    CHECK(stored(db, law.id).fields_json == law.fields_json);
    CHECK(stored(db, law.id).original_fields_json.isNull());

    review.undo_stack()->undo(); // back to the second edit
    CHECK(fields_in(model, law.id) == R"({"governing_law":"Virginia, USA"})");
    wait_for_writes(review);
    const Review second_edit = stored(db, law.id);
    CHECK(second_edit.status == "edited");
    CHECK(second_edit.fields_json == R"({"governing_law":"Virginia, USA"})");
    CHECK(second_edit.original_fields_json == law.fields_json);
    CHECK(second_edit.reviewer_note == "checked by counsel");

    review.undo_stack()->undo(); // the first edit
    wait_for_writes(review);
    edited = stored(db, law.id);
    CHECK(edited.fields_json == R"({"governing_law":"Commonwealth of Virginia"})");
    CHECK(edited.original_fields_json == law.fields_json);

    review.undo_stack()->undo(); // accepted, with its note, as before any edit
    wait_for_writes(review);
    require_same(stored(db, law.id), accepted);
    CHECK(status_in(model, law.id) == "accepted");
    CHECK(fields_in(model, law.id) == law.fields_json);

    // Reset: back to the model's answer, unreviewed; undo brings the acceptance back.
    REQUIRE(review.reset({law.id}));
    wait_for_writes(review);
    CHECK(stored(db, law.id).status == "auto");
    CHECK(stored(db, law.id).reviewer_note.isNull());
    review.undo_stack()->undo();
    wait_for_writes(review);
    require_same(stored(db, law.id), accepted);
}

TEST_CASE("review: quick successive actions build on each other before the writes land") {
    ResultsDb db;
    ResultsModel model;
    model.reload(db.reader());
    ReviewController review(&model);
    review.set_store(&db.reader(), db.path());
    const auto& law = db.result("Governing Law", db.doc_b);

    // No waiting in between: each action must see the previous one's result.
    REQUIRE(review.edit_fields(law.id, R"({"governing_law":"Delaware"})"));
    REQUIRE(review.accept({law.id}) == false); // an edit is already an acceptance
    REQUIRE(review.reject({law.id}));
    review.undo_stack()->undo();
    review.undo_stack()->undo();
    wait_for_writes(review);
    const Review back = stored(db, law.id);
    CHECK(back.status == "auto");
    CHECK(back.fields_json == law.fields_json);
    CHECK(back.original_fields_json.isNull());
    CHECK(status_in(model, law.id) == "auto");
}

TEST_CASE("review: fields that are not a JSON object are refused with a message") {
    ResultsDb db;
    ResultsModel model;
    model.reload(db.reader());
    ReviewController review(&model);
    review.set_store(&db.reader(), db.path());
    QSignalSpy errors(&review, &ReviewController::error);
    const qint64 id = db.result("Governing Law", db.doc_b).id;
    CHECK_FALSE(review.edit_fields(id, "governing_law=Delaware"));
    CHECK_FALSE(review.edit_fields(id, R"(["Delaware"])"));
    CHECK(errors.count() == 2);
    CHECK(review.undo_stack()->count() == 0);
    CHECK(stored(db, id).status == "auto");
}

TEST_CASE("review: a write that fails puts the row back and reports the error") {
    ResultsDb db;
    ResultsModel model;
    model.reload(db.reader());
    ReviewController review(&model);
    // The writer cannot open this file (its folder does not exist).
    review.set_store(&db.reader(), db.path() + "-missing/results.db");
    QSignalSpy errors(&review, &ReviewController::error);
    const qint64 id = db.result("Parties", db.doc_a).id;

    REQUIRE(review.accept({id}));
    CHECK(status_in(model, id) == "accepted"); // optimistic
    REQUIRE(wait_until([&] { return errors.count() == 1; }, std::chrono::seconds(20)));
    wait_for_writes(review);
    CHECK(errors.at(0).at(0).toString().contains("could not be saved"));
    CHECK(status_in(model, id) == "auto"); // what the database holds
    CHECK(stored(db, id).status == "auto");
}

TEST_CASE("review writer: reports unknown ids and restores states in its own thread") {
    ResultsDb db;
    // Stops the thread however the test ends.
    struct Thread : QThread {
        ~Thread() override {
            quit();
            wait();
        }
    } thread;
    auto* writer = new ReviewWriter(db.path());
    writer->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, writer, &QObject::deleteLater);
    thread.start();
    QSignalSpy applied(writer, &ReviewWriter::applied);
    QSignalSpy failed(writer, &ReviewWriter::failed);

    const qint64 id = db.result("Parties", db.doc_b).id;
    const std::vector<qint64> ids{id, 424242};
    QMetaObject::invokeMethod(writer, "apply", Qt::QueuedConnection, Q_ARG(quint64, 7),
                              Q_ARG(std::vector<qint64>, ids), Q_ARG(QString, "accepted"),
                              Q_ARG(QString, QString()));
    REQUIRE(wait_until([&] { return failed.count() == 1; }, std::chrono::seconds(20)));
    CHECK(failed.at(0).at(0).toULongLong() == 7);
    CHECK(failed.at(0).at(1).toString().contains("424242"));
    CHECK(stored(db, id).status == "auto"); // one unknown id changes nothing

    Review edited;
    edited.id = id;
    edited.status = "edited";
    edited.fields_json = R"({"parties":["Aduro Biotech, Inc.","Consultant"]})";
    edited.reviewer_note = "two parties";
    const std::vector<core::Store::ExtractionReview> states{edited};
    QMetaObject::invokeMethod(
        writer, "restore", Qt::QueuedConnection, Q_ARG(quint64, 8),
        Q_ARG(std::vector<clauselens::core::Store::ExtractionReview>, states));
    REQUIRE(wait_until([&] { return applied.count() == 1; }, std::chrono::seconds(20)));
    CHECK(applied.at(0).at(0).toULongLong() == 8);
    const Review r = stored(db, id);
    CHECK(r.status == "edited");
    CHECK(r.fields_json == edited.fields_json);
    CHECK(r.original_fields_json == db.result("Parties", db.doc_b).fields_json);
    CHECK(r.reviewer_note == "two parties");
}

TEST_CASE("review: another database starts a fresh history and writes there") {
    ResultsDb first;
    ResultsDb second;
    ResultsModel model;
    model.reload(first.reader());
    ReviewController review(&model);
    review.set_store(&first.reader(), first.path());
    const qint64 id = first.result("Parties", first.doc_a).id;
    REQUIRE(review.accept({id}));
    CHECK(review.undo_stack()->count() == 1);

    // Switching does not wait for the first database's writes, and loses none.
    model.reload(second.reader());
    review.set_store(&second.reader(), second.path());
    CHECK(review.undo_stack()->count() == 0);
    const qint64 other = second.result("Governing Law", second.doc_b).id;
    REQUIRE(review.reject({other}));
    wait_for_writes(review);
    CHECK(stored(second, other).status == "rejected");
    REQUIRE(wait_until([&] { return stored(first, id).status == "accepted"; },
                       std::chrono::seconds(20)));
}
