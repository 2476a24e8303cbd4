// The results table's model and its filter/sort proxy, on a database of the
// two small cuad-dev contracts with known results.
#include "gui/category_colors.h"
#include "gui/results_filter.h"
#include "gui/results_model.h"
#include "test_results_fixture.h"

#include <QColor>
#include <QSignalSpy>
#include <QTextDocument>
#include <catch2/catch.hpp>

using namespace clauselens;
using namespace clauselens::gui;
using clauselens::gui::test::ResultsDb;

namespace {

QModelIndex cell(const QAbstractItemModel& model, int row, int column) {
    return model.index(row, column);
}

QList<qint64> ids_of(const QAbstractItemModel& model) {
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(ResultsModel::ExtractionIdRole).toLongLong();
    return ids;
}

} // namespace

TEST_CASE("results model: one row per chosen result with its columns and roles") {
    ResultsDb db;
    ResultsModel model;
    model.reload(db.reader());

    REQUIRE(model.rowCount() == 6); // the passed-over Insurance row is not listed
    REQUIRE(model.columnCount() == ResultsModel::ColumnCount);
    CHECK(model.row_of(db.passed_over_id) == -1);
    CHECK(model.headerData(ResultsModel::ScoreColumn, Qt::Horizontal).toString() == "Score");

    // Table order is document, then segment order.
    QList<qint64> expected_ids;
    for (const auto& e : db.chosen)
        expected_ids << e.id;
    CHECK(ids_of(model) == expected_ids);

    const auto& law = db.result("Governing Law", db.doc_a);
    const int row = model.row_of(law.id);
    REQUIRE(row >= 0);
    const core::ExtractionRow& r = model.row_at(row);
    CHECK(r.category == "Governing Law");
    CHECK(cell(model, row, ResultsModel::DocumentColumn).data().toString() == r.document_title);
    CHECK(cell(model, row, ResultsModel::PageColumn).data().toInt() == law.page + 1);
    CHECK(cell(model, row, ResultsModel::PageColumn).data(ResultsModel::PageRole).toInt() ==
          law.page);
    CHECK(cell(model, row, ResultsModel::HeadingColumn).data().toString() == "12");
    CHECK(cell(model, row, ResultsModel::CategoryColumn).data().toString() == "Governing Law");
    CHECK(cell(model, row, ResultsModel::FieldsColumn).data().toString() ==
          "governing_law: Virginia");
    CHECK(cell(model, row, ResultsModel::ScoreColumn).data().toString() == "71%");
    CHECK(cell(model, row, ResultsModel::ScoreColumn).data(ResultsModel::ScoreRole).toDouble() ==
          Approx(0.71));
    CHECK(cell(model, row, ResultsModel::StatusColumn).data().toString() == "Unreviewed");
    CHECK(cell(model, row, 0).data(ResultsModel::StatusRole).toString() == "auto");
    CHECK(cell(model, row, 0).data(ResultsModel::DocumentIdRole).toLongLong() == db.doc_a);
    CHECK(cell(model, row, 0).data(ResultsModel::SegmentIdRole).toLongLong() == law.segment_id);
    CHECK(cell(model, row, 0).data(ResultsModel::FieldsJsonRole).toString() == law.fields_json);
    CHECK(cell(model, row, 0).data(ResultsModel::CategoryRole).toString() == "Governing Law");

    // The clause: one line in the table, the whole text in the tooltip.
    const QString shown = cell(model, row, ResultsModel::ClauseColumn).data().toString();
    CHECK_FALSE(shown.contains('\n'));
    CHECK(shown.size() <= 161);
    CHECK(r.clause_text.size() > 161);
    CHECK(shown.endsWith(QChar(0x2026)));
    CHECK(shown.startsWith("12. Miscellaneous."));
    QTextDocument tooltip;
    tooltip.setHtml(cell(model, row, ResultsModel::ClauseColumn).data(Qt::ToolTipRole).toString());
    CHECK(tooltip.toPlainText().simplified() == r.clause_text.simplified());

    // Party lists read as a list; the category colour is the page view's.
    const int parties = model.row_of(db.result("Parties", db.doc_a).id);
    CHECK(cell(model, parties, ResultsModel::FieldsColumn).data().toString() ==
          "parties: Equidata, Inc., Marketing Affiliate");
    CHECK(cell(model, row, ResultsModel::CategoryColumn).data(Qt::DecorationRole).value<QColor>() ==
          category_color("Governing Law"));

    CHECK(model.categories() == QStringList{"Governing Law", "Non-Compete", "Parties"});
    REQUIRE(model.documents().size() == 2);
}

TEST_CASE("results model: review updates change one row in place") {
    ResultsDb db;
    ResultsModel model;
    model.reload(db.reader());
    const auto& law = db.result("Governing Law", db.doc_b);
    const int row = model.row_of(law.id);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.update_review(law.id, "edited", R"({"governing_law":"New York"})");
    REQUIRE(changed.count() == 1);
    CHECK(changed.at(0).at(0).toModelIndex().row() == row);
    CHECK(cell(model, row, ResultsModel::StatusColumn).data().toString() == "Edited");
    CHECK(cell(model, row, ResultsModel::FieldsColumn).data().toString() ==
          "governing_law: New York");
    // Unknown ids and no-op updates signal nothing.
    model.update_review(999999, "accepted", "{}");
    model.update_review(law.id, "edited", R"({"governing_law":"New York"})");
    CHECK(changed.count() == 1);

    // A batch: one signal over the rows it touched.
    const qint64 first = db.chosen[1].id;
    const qint64 last = db.chosen[4].id;
    model.update_reviews({{first, "accepted", db.chosen[1].fields_json},
                          {last, "rejected", db.chosen[4].fields_json},
                          {999999, "accepted", "{}"}});
    REQUIRE(changed.count() == 2);
    CHECK(changed.at(1).at(0).toModelIndex().row() == model.row_of(first));
    CHECK(changed.at(1).at(1).toModelIndex().row() == model.row_of(last));
    CHECK(model.row_at(model.row_of(first)).status == "accepted");
    CHECK(model.row_at(model.row_of(last)).status == "rejected");
    CHECK(model.row_at(model.row_of(db.chosen[2].id)).status == "auto");
}

TEST_CASE("results model: one run or every run") {
    ResultsDb db;
    const qint64 second = db.add_second_run();
    ResultsModel model;
    model.reload(db.reader());
    CHECK(model.rowCount() == 7);
    model.reload(db.reader(), second);
    REQUIRE(model.rowCount() == 1);
    CHECK(model.row_at(0).score == Approx(0.97));
    CHECK(model.run_id() == second);
    model.reload(db.reader(), db.run);
    CHECK(model.rowCount() == 6);
}

TEST_CASE("results filter: sorting by score and page is numeric") {
    ResultsDb db;
    ResultsModel model;
    model.reload(db.reader());
    ResultsFilter filter;
    filter.setSourceModel(&model);

    filter.sort(ResultsModel::ScoreColumn, Qt::DescendingOrder);
    std::vector<double> scores;
    for (int row = 0; row < filter.rowCount(); ++row)
        scores.push_back(filter.index(row, 0).data(ResultsModel::ScoreRole).toDouble());
    CHECK(scores == std::vector<double>{0.92, 0.88, 0.81, 0.71, 0.55, 0.08});

    filter.sort(ResultsModel::PageColumn, Qt::AscendingOrder);
    int last_page = -1;
    for (int row = 0; row < filter.rowCount(); ++row) {
        const int page = filter.index(row, 0).data(ResultsModel::PageRole).toInt();
        CHECK(page >= last_page);
        last_page = page;
    }
    CHECK(last_page == 3);
}

TEST_CASE("results filter: category, document, status and minimum score") {
    ResultsDb db;
    ResultsModel model;
    model.reload(db.reader());
    ResultsFilter filter;
    filter.setSourceModel(&model);
    QSignalSpy changed(&filter, &ResultsFilter::filter_changed);

    filter.set_category("Governing Law");
    CHECK(ids_of(filter) == QList<qint64>{db.result("Governing Law", db.doc_a).id,
                                          db.result("Governing Law", db.doc_b).id});
    filter.set_document(db.doc_b);
    CHECK(ids_of(filter) == QList<qint64>{db.result("Governing Law", db.doc_b).id});
    filter.set_category({});
    CHECK(filter.rowCount() == 3);
    filter.set_document(std::nullopt);
    CHECK(filter.rowCount() == 6);

    filter.set_min_score(0.8);
    CHECK(filter.rowCount() == 3); // 92%, 88%, 81%
    filter.set_min_score(0.0);

    // A status filter follows review changes at once.
    filter.set_statuses({"accepted", "edited"});
    CHECK(filter.rowCount() == 0);
    const qint64 parties_b = db.result("Parties", db.doc_b).id;
    model.update_review(parties_b, "accepted", model.row_at(model.row_of(parties_b)).fields_json);
    CHECK(ids_of(filter) == QList<qint64>{parties_b});
    filter.set_statuses({"auto"});
    CHECK(filter.rowCount() == 5);
    filter.set_statuses({});
    CHECK(filter.rowCount() == 6);
    CHECK(changed.count() == 9);
}

TEST_CASE("results filter: full-text search narrows to the matching clauses") {
    ResultsDb db;
    ResultsModel model;
    model.reload(db.reader());
    ResultsFilter filter;
    filter.setSourceModel(&model);

    // "Equidata" is the other party of contract A; contract B never names it.
    const ResultsFilter::SearchOutcome found = filter.set_search(db.reader(), "Equidata");
    CHECK_FALSE(found.as_phrase);
    CHECK(found.message.isEmpty());
    CHECK(found.segments > 0);
    QList<qint64> expected;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.row_at(row).clause_text.contains("Equidata", Qt::CaseInsensitive))
            expected << model.row_at(row).extraction_id;
    }
    REQUIRE_FALSE(expected.isEmpty());
    CHECK(expected.size() < model.rowCount());
    CHECK(ids_of(filter) == expected);
    for (int row = 0; row < filter.rowCount(); ++row)
        CHECK(filter.index(row, 0).data(ResultsModel::DocumentIdRole).toLongLong() == db.doc_a);
    CHECK(filter.search_active());

    // FTS5 syntax: B's governing-law clause names California.
    filter.set_search(db.reader(), "californ* OR Equidata");
    CHECK(filter.rowCount() == expected.size() + 1);

    // Not valid FTS5 syntax: searched as a phrase instead of failing.
    const ResultsFilter::SearchOutcome phrase = filter.set_search(db.reader(), "Affiliate's");
    CHECK(phrase.as_phrase);
    CHECK(phrase.message.isEmpty());
    CHECK(phrase.segments > 0);
    const ResultsFilter::SearchOutcome quote = filter.set_search(db.reader(), "\"Aduro");
    CHECK(quote.as_phrase);
    CHECK(filter.rowCount() >= 1);

    // Words found nowhere: nothing shown; an empty query shows everything again.
    filter.set_search(db.reader(), "zeppelin");
    CHECK(filter.rowCount() == 0);
    filter.set_search(db.reader(), "   ");
    CHECK_FALSE(filter.search_active());
    CHECK(filter.rowCount() == 6);
}
