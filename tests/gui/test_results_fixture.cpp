#include "test_results_fixture.h"

#include "core/ingest_batch.h"
#include "gui_test_support.h"

#include <QFile>
#include <QFileInfo>
#include <stdexcept>

namespace clauselens::gui::test {

namespace {

QByteArray five_library_json() {
    QFile file(five_category_library());
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read the test clause library");
    return file.readAll();
}

} // namespace

ResultsDb::ResultsDb() : path_(dir_.filePath(QStringLiteral("results.db"))) {
    writer_.emplace(core::Store::open(path_));
    const core::BatchSummary summary =
        core::ingest_files(*writer_, {small_contract_a(), small_contract_b()}, {});
    if (summary.count(core::FileResult::ingested) != 2)
        throw std::runtime_error("the two test contracts did not ingest");
    for (const core::DocumentInfo& info : writer_->documents()) {
        const QString name = QFileInfo(info.path).fileName();
        if (name == QFileInfo(small_contract_a()).fileName())
            doc_a = info.id;
        else if (name == QFileInfo(small_contract_b()).fileName())
            doc_b = info.id;
    }
    if (doc_a == 0 || doc_b == 0)
        throw std::runtime_error("the test contracts are not in the store");

    run = writer_->add_run(QStringLiteral("/models/contracts-3b.gguf"), {},
                           QString::fromUtf8(five_library_json()), QStringLiteral("{}"));
    struct Planned {
        qint64 document;
        int segment_index;
        const char* category;
        const char* fields;
        double score;
    };
    // Segment indexes picked by reading the contracts: A's preamble names the
    // parties, its section 4 restricts soliciting clients, section 12 is the
    // miscellaneous one; B's section 10 names the governing law. Score 0.08
    // shows as "8%", which a text sort would place above "71%".
    const Planned planned[] = {
        {doc_a, 0, "Parties", R"({"parties":["Equidata, Inc.","Marketing Affiliate"]})", 0.92},
        {doc_a, 13, "Non-Compete", "{}", 0.55},
        {doc_a, 36, "Governing Law", R"({"governing_law":"Virginia"})", 0.71},
        {doc_b, 0, "Parties", R"({"parties":["Aduro Biotech, Inc."]})", 0.88},
        {doc_b, 15, "Non-Compete", "{}", 0.08},
        {doc_b, 22, "Governing Law", R"({"governing_law":"California"})", 0.81},
    };
    for (const qint64 document : {doc_a, doc_b}) {
        const std::vector<core::Store::SegmentSpan> spans = writer_->segment_spans(document);
        std::vector<core::ExtractionRecord> records;
        for (const Planned& p : planned) {
            if (p.document != document)
                continue;
            const core::Store::SegmentSpan& span = spans.at(static_cast<size_t>(p.segment_index));
            records.push_back({span.id, QString::fromUtf8(p.category), QString::fromUtf8(p.fields),
                               p.score, true});
            chosen.push_back({0, document, span.id, span.page_first, QString::fromUtf8(p.category),
                              QString::fromUtf8(p.fields), p.score});
        }
        if (document == doc_a) {
            // Insurance was not the model's answer: kept for its score only.
            records.push_back(
                {spans.at(33).id, QStringLiteral("Insurance"), QStringLiteral("{}"), 0.05, false});
        }
        writer_->store_run_document(run, document, records, static_cast<qint64>(spans.size()));
    }
    writer_->finish_run(run);

    // The ids the store gave, by segment and category.
    core::ExtractionFilter all;
    all.include_passed_over = true;
    writer_->for_each_extraction(all, [this](const core::ExtractionRow& row) {
        if (!row.chosen) {
            passed_over_id = row.extraction_id;
            return;
        }
        for (ExpectedResult& e : chosen) {
            if (e.segment_id == row.segment_id && e.category == row.category)
                e.id = row.extraction_id;
        }
    });
    for (const ExpectedResult& e : chosen) {
        if (e.id == 0)
            throw std::runtime_error("a planned result was not stored");
    }
    reader_.emplace(core::Store::open_read_only(path_));
}

const ExpectedResult& ResultsDb::result(const QString& category, qint64 document_id) const {
    for (const ExpectedResult& e : chosen) {
        if (e.category == category && e.document_id == document_id)
            return e;
    }
    throw std::runtime_error("no such planned result");
}

qint64 ResultsDb::add_second_run() {
    const qint64 second =
        writer_->add_run(QStringLiteral("/models/other-3b.gguf"), {},
                         QString::fromUtf8(five_library_json()), QStringLiteral("{}"));
    const std::vector<core::Store::SegmentSpan> spans = writer_->segment_spans(doc_a);
    writer_->store_run_document(second, doc_a,
                                {{spans.at(36).id, QStringLiteral("Governing Law"),
                                  QStringLiteral(R"({"governing_law":"Virginia"})"), 0.97, true}},
                                static_cast<qint64>(spans.size()));
    writer_->finish_run(second);
    return second;
}

} // namespace clauselens::gui::test
