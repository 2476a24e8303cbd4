// The export dialog on a real database: two cuad-dev contracts ingested,
// extraction results stored on their real segments, some of them accepted;
// the dialog is driven through its controls and the written files are read
// back.

#include "core/exporter.h"
#include "core/ingest_batch.h"
#include "core/store.h"
#include "gui/export_dialog.h"
#include "gui/settings_store.h"
#include "gui_test_support.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace clauselens;
using namespace clauselens::gui;

namespace {

// A database with 2 documents and 5 results the model chose (3 in the first
// contract, 2 in the second), 1 it passed over, and 2 accepted results.
struct ExportFixture {
    QTemporaryDir dir;
    QString db_path;
    qint64 document_a = 0;
    std::vector<qint64> result_ids;
    std::unique_ptr<AppSettings> settings;

    ExportFixture() {
        REQUIRE(dir.isValid());
        db_path = dir.filePath(QStringLiteral("contracts.db"));
        settings = std::make_unique<AppSettings>(dir.filePath(QStringLiteral("settings.ini")));
        core::Store store = core::Store::open(db_path);
        const core::BatchSummary summary =
            core::ingest_files(store, {test::small_contract_a(), test::small_contract_b()}, {});
        REQUIRE(summary.count(core::FileResult::ingested) == 2);
        const std::vector<core::DocumentInfo> docs = store.documents();
        REQUIRE(docs.size() == 2);
        const qint64 run = store.add_run(QStringLiteral("tiny.gguf"), {}, QStringLiteral("{}"),
                                         QStringLiteral("{}"));
        for (size_t d = 0; d < docs.size(); ++d) {
            const std::vector<core::Store::SegmentSpan> spans = store.segment_spans(docs[d].id);
            REQUIRE(spans.size() >= 3);
            std::vector<core::ExtractionRecord> records;
            if (d == 0) {
                document_a = docs[d].id;
                for (int i = 0; i < 3; ++i) {
                    records.push_back(
                        {spans[static_cast<size_t>(i)].id, QStringLiteral("Governing Law"),
                         QStringLiteral(R"({"governing_law":"Delaware"})"), 0.9 - 0.1 * i, true});
                }
            } else {
                records.push_back({spans[0].id, QStringLiteral("Parties"),
                                   QStringLiteral(R"({"parties":["Aduro Biotech"]})"), 0.8, true});
                records.push_back(
                    {spans[1].id, QStringLiteral("Parties"), QStringLiteral("{}"), 0.4, true});
                // Passed over: kept for its score, never exported.
                records.push_back({spans[2].id, QStringLiteral("Non-Compete"), QStringLiteral("{}"),
                                   0.05, false});
            }
            store.store_run_document(run, docs[d].id, records, static_cast<qint64>(spans.size()));
        }
        store.for_each_extraction({}, [this](const core::ExtractionRow& row) {
            result_ids.push_back(row.extraction_id);
        });
        REQUIRE(result_ids.size() == 5);
        store.review_extractions({result_ids[0], result_ids[3]}, QStringLiteral("accepted"));
        store.review_extractions({result_ids[1]}, QStringLiteral("rejected"));
    }
};

QByteArray read_all(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

// Rows of RFC 4180 text (quoted cells may hold commas, quotes and line ends).
std::vector<QStringList> parse_csv(const QString& text) {
    std::vector<QStringList> rows;
    QStringList row;
    QString cell;
    bool in_quotes = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (in_quotes) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                cell += c;
                ++i;
            } else if (c == u'"') {
                in_quotes = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            in_quotes = true;
        } else if (c == u',') {
            row << std::exchange(cell, {});
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            row << std::exchange(cell, {});
            rows.push_back(std::exchange(row, {}));
            ++i;
        } else {
            cell += c;
        }
    }
    REQUIRE_FALSE(in_quotes);
    REQUIRE(row.isEmpty());
    return rows;
}

// Runs the dialog's export and waits for its worker.
void export_and_wait(ExportDialog& dialog, bool expect_ok) {
    QSignalSpy finished(&dialog, &ExportDialog::export_finished);
    REQUIRE(dialog.start_export());
    CHECK(dialog.export_running());
    REQUIRE(test::wait_until([&] { return finished.count() == 1; }, std::chrono::seconds(60)));
    CHECK_FALSE(dialog.export_running());
    INFO(dialog.status_text().toStdString());
    CHECK(finished.first().at(0).toBool() == expect_ok);
}

} // namespace

TEST_CASE("Export dialog writes a CSV with chosen columns, Excel BOM and all rows") {
    ExportFixture fx;
    ExportDialog dialog(fx.db_path, {}, *fx.settings);
    dialog.set_close_on_success(false);
    // All columns are checked by default, in the exporter's order.
    CHECK(dialog.columns() == core::export_columns());

    dialog.findChild<QRadioButton*>(QStringLiteral("format_csv"))->click();
    dialog.findChild<QCheckBox*>(QStringLiteral("excel_bom"))->setChecked(true);
    dialog.findChild<QRadioButton*>(QStringLiteral("scope_all"))->click();
    // Chosen in another order than the export's: the export's order is kept.
    auto* list = dialog.findChild<QListWidget*>(QStringLiteral("columns"));
    REQUIRE(list != nullptr);
    for (int i = 0; i < list->count(); ++i) {
        const QString column = list->item(i)->data(Qt::UserRole).toString();
        const bool wanted =
            column == QLatin1String("score") || column == QLatin1String("document") ||
            column == QLatin1String("category") || column == QLatin1String("fields");
        list->item(i)->setCheckState(wanted ? Qt::Checked : Qt::Unchecked);
    }
    const QString out = fx.dir.filePath(QStringLiteral("results.csv"));
    dialog.set_output_path(out);
    QSignalSpy finished(&dialog, &ExportDialog::export_finished);
    dialog.findChild<QPushButton*>(QStringLiteral("export_button"))->click();
    REQUIRE(test::wait_until([&] { return finished.count() == 1; }, std::chrono::seconds(60)));
    INFO(dialog.status_text().toStdString());
    REQUIRE(finished.first().at(0).toBool());
    CHECK(finished.first().at(1).toLongLong() == 5);
    CHECK(dialog.status_text().contains(QLatin1String("5")));

    const QByteArray bytes = read_all(out);
    REQUIRE(bytes.startsWith("\xEF\xBB\xBF"));
    const std::vector<QStringList> rows = parse_csv(QString::fromUtf8(bytes.mid(3)));
    REQUIRE(rows.size() == 6);
    CHECK(rows[0] == QStringList{QStringLiteral("document"), QStringLiteral("category"),
                                 QStringLiteral("fields"), QStringLiteral("score")});
    CHECK(rows[1][1] == QLatin1String("Governing Law"));
    CHECK(rows[1][2] == QLatin1String(R"({"governing_law":"Delaware"})"));
    CHECK(rows[1][3].toDouble() == Approx(0.9));
    CHECK(rows[5][1] == QLatin1String("Parties"));
    for (const QStringList& row : rows) {
        CHECK(row.size() == 4);
        CHECK(row[1] != QLatin1String("Non-Compete"));
    }

    // The choices and the folder are remembered for the next export.
    CHECK(fx.settings->last_export_folder() == fx.dir.path());
    CHECK(fx.settings->export_columns() ==
          QStringList{QStringLiteral("document"), QStringLiteral("category"),
                      QStringLiteral("fields"), QStringLiteral("score")});
    ExportDialog next(fx.db_path, {}, *fx.settings);
    CHECK(next.columns() == fx.settings->export_columns());
    CHECK(next.excel_bom());
    CHECK(next.output_path() == fx.dir.filePath(QStringLiteral("clauselens-results.csv")));
}

TEST_CASE("Export dialog exports accepted results only, as JSON that parses") {
    ExportFixture fx;
    ExportDialog dialog(fx.db_path, {}, *fx.settings);
    dialog.set_close_on_success(false);
    dialog.findChild<QRadioButton*>(QStringLiteral("format_json"))->click();
    CHECK_FALSE(dialog.findChild<QCheckBox*>(QStringLiteral("excel_bom"))->isEnabled());
    dialog.findChild<QRadioButton*>(QStringLiteral("scope_accepted"))->click();
    const QString out = fx.dir.filePath(QStringLiteral("accepted.json"));
    dialog.set_output_path(out);
    export_and_wait(dialog, true);

    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(read_all(out), &error);
    INFO(error.errorString().toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(doc.isArray());
    const QJsonArray rows = doc.array();
    REQUIRE(rows.size() == 2);
    QStringList categories;
    for (const QJsonValue& v : rows) {
        const QJsonObject row = v.toObject();
        CHECK(row.value(QStringLiteral("status")).toString() == QLatin1String("accepted"));
        CHECK(row.contains(QStringLiteral("clause_text")));
        categories << row.value(QStringLiteral("category")).toString();
    }
    CHECK(categories == QStringList{QStringLiteral("Governing Law"), QStringLiteral("Parties")});
    CHECK(fx.settings->export_format() == QLatin1String("json"));
    CHECK(fx.settings->export_scope() == QLatin1String("accepted"));
}

TEST_CASE("Export dialog exports the current filter of the results table") {
    ExportFixture fx;
    core::ExtractionFilter filter;
    filter.category = QStringLiteral("Governing Law");
    filter.document_id = fx.document_a;
    ExportDialog dialog(fx.db_path, filter, *fx.settings);
    dialog.set_close_on_success(false);
    dialog.set_scope(ExportDialog::Scope::current_filter);
    dialog.set_format(ExportDialog::Format::csv);
    dialog.set_excel_bom(false);
    dialog.set_columns({QStringLiteral("category"), QStringLiteral("status")});
    const QString out = fx.dir.filePath(QStringLiteral("filtered.csv"));
    dialog.set_output_path(out);
    export_and_wait(dialog, true);
    const QByteArray bytes = read_all(out);
    CHECK_FALSE(bytes.startsWith("\xEF\xBB\xBF"));
    const std::vector<QStringList> rows = parse_csv(QString::fromUtf8(bytes));
    REQUIRE(rows.size() == 4);
    CHECK(rows[1] == QStringList{QStringLiteral("Governing Law"), QStringLiteral("accepted")});
    CHECK(rows[2] == QStringList{QStringLiteral("Governing Law"), QStringLiteral("rejected")});
    CHECK(rows[3] == QStringList{QStringLiteral("Governing Law"), QStringLiteral("auto")});
}

TEST_CASE("Export dialog reports what cannot be exported and writes nothing") {
    ExportFixture fx;
    ExportDialog dialog(fx.db_path, {}, *fx.settings);
    dialog.set_close_on_success(false);

    SECTION("no column") {
        dialog.set_columns({});
        dialog.set_output_path(fx.dir.filePath(QStringLiteral("none.csv")));
        CHECK_FALSE(dialog.start_export());
        CHECK(dialog.status_text().contains(QLatin1String("column")));
    }
    SECTION("a folder that does not exist") {
        const QString out = fx.dir.filePath(QStringLiteral("missing/folder/results.csv"));
        dialog.set_output_path(out);
        export_and_wait(dialog, false);
        CHECK(dialog.status_text().contains(QLatin1String("missing/folder/results.csv")));
        CHECK_FALSE(QFile::exists(out));
        CHECK(fx.settings->last_export_folder().isEmpty());
    }
    SECTION("a database that is not there") {
        ExportDialog broken(fx.dir.filePath(QStringLiteral("gone.db")), {}, *fx.settings);
        broken.set_close_on_success(false);
        const QString out = fx.dir.filePath(QStringLiteral("results.csv"));
        broken.set_output_path(out);
        export_and_wait(broken, false);
        CHECK(broken.status_text().contains(QLatin1String("gone.db")));
        CHECK_FALSE(QFile::exists(out));
    }
}

TEST_CASE("Export dialog closes itself after a successful export") {
    ExportFixture fx;
    ExportDialog dialog(fx.db_path, {}, *fx.settings);
    dialog.set_output_path(fx.dir.filePath(QStringLiteral("closing.csv")));
    dialog.show();
    export_and_wait(dialog, true);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK_FALSE(dialog.isVisible());
}
