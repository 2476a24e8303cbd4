// The results panel as a user drives it: keys on the table, the detail form,
// the filter bar, and the signals the main window listens to.
#include "gui/results_detail.h"
#include "gui/results_filter.h"
#include "gui/results_filter_bar.h"
#include "gui/results_model.h"
#include "gui/results_panel.h"
#include "gui/review_controller.h"
#include "gui_test_support.h"
#include "test_results_fixture.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

using namespace clauselens;
using namespace clauselens::gui;
using clauselens::gui::test::ResultsDb;
using clauselens::gui::test::wait_until;

namespace {

QString stored_status(const ResultsDb& db, qint64 id) {
    const core::Store other = core::Store::open_read_only(db.path());
    return other.extraction_review(id)->status;
}

void wait_for_writes(ResultsPanel& panel) {
    REQUIRE(wait_until([&] { return panel.review()->pending_writes() == 0; },
                       std::chrono::seconds(20)));
}

} // namespace

TEST_CASE("results panel: A and R on the table review the current result and move on") {
    ResultsDb db;
    ResultsPanel panel;
    panel.resize(1200, 600);
    panel.set_store(&db.reader(), db.path());
    panel.show();
    QTableView* table = panel.table();
    REQUIRE(table->model()->rowCount() == 6);

    const qint64 first = db.chosen[0].id;
    const qint64 second = db.chosen[1].id;
    REQUIRE(panel.select_extraction(first));
    QTest::keyClick(table, Qt::Key_A);
    CHECK(panel.model()->row_at(panel.model()->row_of(first)).status == "accepted");
    // On to the next result, as in a mail client.
    CHECK(table->currentIndex().data(ResultsModel::ExtractionIdRole).toLongLong() == second);
    QTest::keyClick(table, Qt::Key_R);
    wait_for_writes(panel);
    CHECK(stored_status(db, first) == "accepted");
    CHECK(stored_status(db, second) == "rejected");

    // Several selected rows at once: a rejected one can be accepted after all.
    table->selectAll();
    QTest::keyClick(table, Qt::Key_A);
    wait_for_writes(panel);
    for (const auto& e : db.chosen)
        CHECK(stored_status(db, e.id) == "accepted");

    // Undo from the panel's action takes back the whole multi-row step, and
    // only what that step changed.
    panel.review()->undo_action()->trigger();
    wait_for_writes(panel);
    CHECK(stored_status(db, db.chosen[5].id) == "auto");
    CHECK(stored_status(db, second) == "rejected");
    CHECK(stored_status(db, first) == "accepted");

    // Ctrl+A is still "select all", not accept.
    table->clearSelection();
    QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
    CHECK(table->selectionModel()->selectedRows().size() == 6);
    CHECK(panel.review()->pending_writes() == 0);
}

TEST_CASE("results panel: Enter and double-click ask to show the clause on its page") {
    ResultsDb db;
    ResultsPanel panel;
    panel.resize(1200, 600);
    panel.set_store(&db.reader(), db.path());
    panel.show();
    QSignalSpy jumps(&panel, &ResultsPanel::jump_requested);
    QSignalSpy current(&panel, &ResultsPanel::current_changed);

    const auto& law = db.result("Governing Law", db.doc_a);
    REQUIRE(law.page == 3);
    REQUIRE(panel.select_extraction(law.id));
    CHECK(current.count() >= 1);
    CHECK(current.last().at(0).toLongLong() == law.id);

    QTest::keyClick(panel.table(), Qt::Key_Return);
    REQUIRE(jumps.count() == 1);
    CHECK(jumps.at(0).at(0).toLongLong() == law.id);
    CHECK(jumps.at(0).at(1).toLongLong() == db.doc_a);
    CHECK(jumps.at(0).at(2).toInt() == 3);
    CHECK(jumps.at(0).at(3).toLongLong() == law.segment_id);

    const auto& compete = db.result("Non-Compete", db.doc_b);
    REQUIRE(panel.select_extraction(compete.id));
    const QRect rect = panel.table()->visualRect(panel.table()->currentIndex());
    // A double-click is a click followed by a second press reported as a double-click.
    QTest::mouseClick(panel.table()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(panel.table()->viewport(), Qt::LeftButton, {}, rect.center());
    REQUIRE(jumps.count() == 2);
    CHECK(jumps.at(1).at(2).toInt() == compete.page);
    CHECK(jumps.at(1).at(1).toLongLong() == db.doc_b);
}

TEST_CASE("results panel: the detail form edits fields (F2) and saves them") {
    ResultsDb db;
    ResultsPanel panel;
    panel.resize(1200, 600);
    panel.set_store(&db.reader(), db.path());
    panel.show();
    panel.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&panel));

    const auto& parties = db.result("Parties", db.doc_b);
    REQUIRE(panel.select_extraction(parties.id));
    ResultsDetail* detail = panel.detail();
    CHECK(detail->extraction_id() == parties.id);
    QLineEdit* edit = detail->field_edit("parties");
    REQUIRE(edit);
    CHECK(edit->text() == "Aduro Biotech, Inc.");
    CHECK_FALSE(detail->save_button()->isEnabled());

    panel.table()->setFocus();
    QTest::keyClick(panel.table(), Qt::Key_F2);
    CHECK(QApplication::focusWidget() == edit);

    // A party list: entries separated by ';'.
    edit->setText("Aduro Biotech, Inc.; Andrea van Elsas");
    CHECK(detail->save_button()->isEnabled());
    QTest::mouseClick(detail->save_button(), Qt::LeftButton);
    wait_for_writes(panel);
    const core::Store other = core::Store::open_read_only(db.path());
    const auto review = other.extraction_review(parties.id);
    CHECK(review->status == "edited");
    CHECK(review->fields_json == R"({"parties":["Aduro Biotech, Inc.","Andrea van Elsas"]})");
    CHECK(review->original_fields_json == parties.fields_json);
    // The form now shows what is stored, with nothing left to save.
    CHECK_FALSE(detail->save_button()->isEnabled());
    CHECK(panel.model()
              ->index(panel.model()->row_of(parties.id), ResultsModel::StatusColumn)
              .data()
              .toString() == "Edited");

    // A category without fields in the library and the answer: no form lines.
    REQUIRE(panel.select_extraction(db.result("Non-Compete", db.doc_b).id));
    CHECK(detail->field_edit("parties") == nullptr);
}

TEST_CASE("results panel: filter bar, search, export filter and visible ids") {
    ResultsDb db;
    ResultsPanel panel;
    panel.resize(1200, 600);
    panel.set_store(&db.reader(), db.path());
    panel.show();
    ResultsFilterBar* bar = panel.filter_bar();

    QComboBox* category = bar->category_box();
    REQUIRE(category->count() == 4); // all + three categories
    category->setCurrentIndex(category->findData("Governing Law"));
    CHECK(panel.visible_extraction_ids() == QList<qint64>{db.result("Governing Law", db.doc_a).id,
                                                          db.result("Governing Law", db.doc_b).id});
    QComboBox* document = bar->document_box();
    document->setCurrentIndex(document->findData(db.doc_b));
    CHECK(panel.visible_extraction_ids() == QList<qint64>{db.result("Governing Law", db.doc_b).id});
    core::ExtractionFilter f = panel.current_export_filter();
    CHECK(f.category == "Governing Law");
    CHECK(f.document_id == db.doc_b);
    CHECK_FALSE(f.accepted_only);
    // The export filter selects the same rows from the store.
    QList<qint64> exported;
    db.reader().for_each_extraction(
        f, [&](const core::ExtractionRow& r) { exported << r.extraction_id; });
    CHECK(exported == panel.visible_extraction_ids());

    category->setCurrentIndex(0);
    document->setCurrentIndex(0);
    bar->status_action("accepted")->setChecked(true);
    bar->status_action("edited")->setChecked(true);
    CHECK(panel.current_export_filter().accepted_only);
    CHECK(panel.visible_extraction_ids().isEmpty());
    bar->status_action("accepted")->setChecked(false);
    bar->status_action("edited")->setChecked(false);

    bar->min_score_box()->setValue(85);
    CHECK(panel.visible_extraction_ids().size() == 2); // 92% and 88%
    bar->min_score_box()->setValue(0);

    // Ctrl+F's target, then typing a search.
    panel.focus_search();
    bar->search_box()->setText("Equidata");
    bar->search_now();
    const QList<qint64> found = panel.visible_extraction_ids();
    REQUIRE_FALSE(found.isEmpty());
    for (const qint64 id : found) {
        const auto& row = panel.model()->row_at(panel.model()->row_of(id));
        CHECK(row.document_id == db.doc_a);
    }
    // The typing pause alone runs the search too.
    bar->search_box()->setText("");
    REQUIRE(wait_until([&] { return panel.visible_extraction_ids().size() == 6; },
                       std::chrono::seconds(5)));
}

TEST_CASE("results panel: reload keeps the current result and follows new runs") {
    ResultsDb db;
    ResultsPanel panel;
    panel.set_store(&db.reader(), db.path());
    const qint64 law = db.result("Governing Law", db.doc_b).id;
    REQUIRE(panel.select_extraction(law));
    CHECK_FALSE(panel.filter_bar()->run_box()->isVisibleTo(&panel));

    // A reload right after a decision, before its write lands, still shows it.
    REQUIRE(panel.review()->accept({law}));
    panel.reload();
    CHECK(panel.model()->row_at(panel.model()->row_of(law)).status == "accepted");
    wait_for_writes(panel);

    db.add_second_run();
    panel.reload();
    CHECK(panel.model()->rowCount() == 7);
    CHECK(panel.filter_bar()->run_box()->isVisibleTo(&panel));
    CHECK(panel.filter_bar()->run_box()->count() == 3); // every run, and each
    CHECK(panel.table()->currentIndex().data(ResultsModel::ExtractionIdRole).toLongLong() == law);

    panel.set_store(nullptr, {});
    CHECK(panel.model()->rowCount() == 0);
    CHECK(panel.detail()->extraction_id() == 0);
}
