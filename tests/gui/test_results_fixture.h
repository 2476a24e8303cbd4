#pragma once
// A results database for the results-table tests: the two small cuad-dev
// contracts ingested for real, and one extraction run whose results sit on
// chosen segments of them with known categories, fields and scores.

#include "core/store.h"

#include <QString>
#include <QTemporaryDir>
#include <optional>
#include <vector>

namespace clauselens::gui::test {

struct ExpectedResult {
    qint64 id = 0;
    qint64 document_id = 0;
    qint64 segment_id = 0;
    int page = 0; // 0-based
    QString category;
    QString fields_json;
    double score = 0;
};

class ResultsDb {
public:
    ResultsDb();

    QString path() const { return path_; }
    // The GUI's read connection.
    core::Store& reader() { return *reader_; }
    // A write connection of the test's own (the GUI never sees it).
    core::Store& writer() { return *writer_; }

    qint64 doc_a = 0; // SteelVault ... Marketing Affiliate Agreement
    qint64 doc_b = 0; // Aduro Biotech consulting agreement
    qint64 run = 0;
    // The six results the model chose, in table order (document, segment).
    std::vector<ExpectedResult> chosen;
    // A category the model passed over, stored for its score only.
    qint64 passed_over_id = 0;

    const ExpectedResult& result(const QString& category, qint64 document_id) const;
    // A second run on document A only, with one result.
    qint64 add_second_run();

private:
    QTemporaryDir dir_;
    QString path_;
    std::optional<core::Store> writer_;
    std::optional<core::Store> reader_;
};

} // namespace clauselens::gui::test
