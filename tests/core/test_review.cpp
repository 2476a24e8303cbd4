// Review of extraction results: accept, reject, edit and reset by id, in the
// store and through `clauselens-cli review`, on a real cuad-dev contract with
// results stored against its real segments.

#include "core/ingest_batch.h"
#include "core/store.h"

#include <QProcess>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace clauselens::core;

namespace {

const QString k_adams =
    QStringLiteral(CLAUSELENS_SHARED_DATA_DIR
                   "/cuad-dev/ADAMSGOLFINC_03_21_2005-EX-10.17-ENDORSEMENT_AGREEMENT.pdf");

// The contract ingested into a temporary store with one run of three results,
// as an extraction would leave them.
struct ReviewStore {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("review.db"));
    Store store = Store::open(path);
    qint64 parties = 0;
    qint64 law = 0;
    qint64 term = 0;

    ReviewStore() {
        REQUIRE(ingest_files(store, {k_adams}, {}).count(FileResult::ingested) == 1);
        const qint64 doc = store.documents().front().id;
        const std::vector<Segment> segments = store.segments(doc);
        const std::vector<Store::SegmentSpan> spans = store.segment_spans(doc);
        REQUIRE(segments.size() == spans.size());
        const auto segment_with = [&](const QString& words) {
            for (std::size_t i = 0; i < segments.size(); ++i) {
                if (segments[i].text.contains(words)) {
                    return spans[i].id;
                }
            }
            FAIL("no segment contains " << words.toStdString());
            return qint64(0);
        };
        const qint64 run = store.add_run("tiny-q4_k_m.gguf", "", "{}", "{}");
        parties =
            store.add_extraction(run, segment_with("This Agreement is entered into on"), "Parties",
                                 R"({"parties":["TOM WATSON","ADAMS GOLF, LTD."]})", 0.93);
        law =
            store.add_extraction(run, segment_with("governed and construed according to the laws"),
                                 "Governing Law", R"({"jurisdiction":"Kansas"})", 0.81);
        term = store.add_extraction(run, segment_with("The Term of this Agreement shall be"),
                                    "Expiration Date", R"({"date":"2004-09-01"})", 0.42);
    }

    Store::ExtractionReview review(qint64 id) const {
        const auto r = store.extraction_review(id);
        REQUIRE(r);
        return *r;
    }
};

} // namespace

TEST_CASE("review: accept, reject, edit and reset keep the model's answer", "[review]") {
    ReviewStore s;
    CHECK(s.review(s.law).status == QStringLiteral("auto"));
    CHECK(s.review(s.law).original_fields_json.isNull());

    s.store.review_extractions({s.parties, s.term}, QStringLiteral("accepted"), {},
                               QStringLiteral("checked against the signature page"));
    CHECK(s.review(s.parties).status == QStringLiteral("accepted"));
    CHECK(s.review(s.term).status == QStringLiteral("accepted"));
    CHECK(s.review(s.parties).reviewer_note ==
          QStringLiteral("checked against the signature page"));
    CHECK(s.review(s.law).status == QStringLiteral("auto"));

    // An edit replaces the fields and keeps the model's first answer, however
    // often the reviewer edits.
    s.store.review_extractions({s.law}, QStringLiteral("edited"),
                               QStringLiteral(R"({ "jurisdiction" : "Delaware" })"));
    Store::ExtractionReview law = s.review(s.law);
    CHECK(law.status == QStringLiteral("edited"));
    CHECK(law.fields_json == QStringLiteral(R"({"jurisdiction":"Delaware"})"));
    CHECK(law.original_fields_json == QStringLiteral(R"({"jurisdiction":"Kansas"})"));
    s.store.review_extractions({s.law}, QStringLiteral("edited"),
                               QStringLiteral(R"({"jurisdiction":"New York"})"),
                               QStringLiteral("see section 17"));
    law = s.review(s.law);
    CHECK(law.fields_json == QStringLiteral(R"({"jurisdiction":"New York"})"));
    CHECK(law.original_fields_json == QStringLiteral(R"({"jurisdiction":"Kansas"})"));
    CHECK(law.reviewer_note == QStringLiteral("see section 17"));

    // Accepting an edited result keeps the edit: it is an acceptance with changes.
    s.store.review_extractions({s.law}, QStringLiteral("accepted"));
    CHECK(s.review(s.law).status == QStringLiteral("edited"));
    CHECK(s.review(s.law).fields_json == QStringLiteral(R"({"jurisdiction":"New York"})"));

    // Reset: the model's answer back, as extraction left it.
    s.store.review_extractions({s.law, s.parties}, QStringLiteral("auto"));
    law = s.review(s.law);
    CHECK(law.status == QStringLiteral("auto"));
    CHECK(law.fields_json == QStringLiteral(R"({"jurisdiction":"Kansas"})"));
    CHECK(law.original_fields_json.isNull());
    CHECK(law.reviewer_note.isNull());
    CHECK(s.review(s.parties).status == QStringLiteral("auto"));

    // Rejecting an edited result rejects what the model said.
    s.store.review_extractions({s.law}, QStringLiteral("edited"),
                               QStringLiteral(R"({"jurisdiction":"Ohio"})"));
    s.store.review_extractions({s.law}, QStringLiteral("rejected"));
    law = s.review(s.law);
    CHECK(law.status == QStringLiteral("rejected"));
    CHECK(law.fields_json == QStringLiteral(R"({"jurisdiction":"Kansas"})"));
    CHECK(law.original_fields_json.isNull());

    // The export filter sees accepted and edited results as accepted.
    s.store.review_extractions({s.parties}, QStringLiteral("accepted"));
    ExtractionFilter accepted;
    accepted.accepted_only = true;
    std::vector<qint64> ids;
    s.store.for_each_extraction(
        accepted, [&](const ExtractionRow& row) { ids.push_back(row.extraction_id); });
    CHECK(ids == std::vector<qint64>{s.parties, s.term});
}

TEST_CASE("review: an unknown id or bad fields change nothing", "[review]") {
    ReviewStore s;
    const Store::ExtractionReview before = s.review(s.law);
    try {
        s.store.review_extractions({s.law, 9999, s.parties, 12345}, QStringLiteral("accepted"));
        FAIL("no StoreError");
    } catch (const StoreError& e) {
        CHECK_THAT(e.what(), Catch::StartsWith("no extraction with id 9999, 12345 in") &&
                                 Catch::EndsWith("; nothing was changed"));
    }
    CHECK(s.review(s.law).status == QStringLiteral("auto"));
    CHECK(s.review(s.law).updated_at == before.updated_at);
    CHECK(s.review(s.parties).status == QStringLiteral("auto"));

    CHECK_THROWS_WITH(
        s.store.review_extractions({s.law}, QStringLiteral("edited"), QStringLiteral("[1, 2]")),
        Catch::StartsWith("edited fields must be a JSON object"));
    CHECK_THROWS_WITH(
        s.store.review_extractions({s.law}, QStringLiteral("edited"), QStringLiteral("{oops")),
        Catch::Contains("at offset"));
    CHECK_THROWS_WITH(s.store.review_extractions({s.law}, QStringLiteral("approved")),
                      Catch::StartsWith("unknown extraction status 'approved'"));
    const Store::ExtractionReview after = s.review(s.law);
    CHECK(after.status == QStringLiteral("auto"));
    CHECK(after.fields_json == before.fields_json);
    CHECK(after.original_fields_json.isNull());
    CHECK_FALSE(s.store.extraction_review(9999));
}

namespace {

struct CliResult {
    int rc;
    QString out;
    QString err;
};

CliResult cli(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(CLAUSELENS_CLI), args);
    REQUIRE(p.waitForFinished(60000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

TEST_CASE("review: the command line lists and reviews results by id", "[review][cli]") {
    ReviewStore s;
    const QString law = QString::number(s.law);
    const QString parties = QString::number(s.parties);
    const QString term = QString::number(s.term);

    CliResult r = cli({"review", "--db", s.path, "--list"});
    INFO(r.out.toStdString() << r.err.toStdString());
    REQUIRE(r.rc == 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].simplified() == QStringLiteral("id document page category score status clause"));
    // The parties row: id, title, 1-based page, category, score, status, clause start.
    CHECK(lines[1].simplified().startsWith(parties + QStringLiteral(" ")));
    CHECK(lines[1].contains(QStringLiteral(" Parties ")));
    CHECK(lines[1].contains(QStringLiteral(" 0.930  auto ")));
    CHECK(lines.last() == QStringLiteral("3 results (3 auto)"));

    r = cli({"review", "--db", s.path, "--accept", parties + QStringLiteral(",") + term});
    CHECK(r.rc == 0);
    CHECK(r.out == QStringLiteral("accepted 2 results: %1, %2\n").arg(parties, term));
    r = cli({"review", "--db", s.path, "--edit", law, "--fields",
             QStringLiteral(R"({"jurisdiction": "Delaware"})"), "--note", "section 17"});
    CHECK(r.rc == 0);
    CHECK(r.out == QStringLiteral("edited result %1; the model's answer is kept\n").arg(law));
    CHECK(s.review(s.law).fields_json == QStringLiteral(R"({"jurisdiction":"Delaware"})"));
    CHECK(s.review(s.law).original_fields_json == QStringLiteral(R"({"jurisdiction":"Kansas"})"));
    CHECK(s.review(s.law).reviewer_note == QStringLiteral("section 17"));

    r = cli({"review", "--db", s.path, "--list", "--status", "accepted"});
    CHECK(r.rc == 0);
    CHECK(r.out.endsWith(QStringLiteral("2 results (2 accepted)\n")));
    r = cli({"review", "--db", s.path, "--list", "--category", "Governing Law"});
    CHECK(r.out.contains(QStringLiteral(" edited ")));
    CHECK(r.out.endsWith(QStringLiteral("1 result (1 edited)\n")));

    const QString title = s.store.documents().front().title;
    r = cli({"review", "--db", s.path, "--list", "--document", title, "--run", "1"});
    CHECK(r.out.endsWith(QStringLiteral("3 results (2 accepted, 1 edited)\n")));
    r = cli({"review", "--db", s.path, "--list", "--run", "2"});
    CHECK(r.out.endsWith(QStringLiteral("0 results\n")));
    r = cli({"review", "--db", s.path, "--list", "--document", "No such contract"});
    CHECK(r.rc == 1);
    CHECK(r.err.contains(QStringLiteral("has the id, sha256 or title 'No such contract'")));

    r = cli({"review", "--db", s.path, "--accept", law, parties});
    CHECK(r.out ==
          QStringLiteral("accepted 2 results: %1, %2 (%1 stays edited)\n").arg(law, parties));
    r = cli({"review", "--db", s.path, "--reject", term});
    CHECK(r.out == QStringLiteral("rejected result %1\n").arg(term));
    CHECK(s.review(s.term).status == QStringLiteral("rejected"));
    r = cli({"review", "--db", s.path, "--reset", law, term});
    CHECK(r.out ==
          QStringLiteral("reset 2 results: %1, %2 to the model's answer (auto)\n").arg(law, term));
    CHECK(s.review(s.law).fields_json == QStringLiteral(R"({"jurisdiction":"Kansas"})"));
    CHECK(s.review(s.term).status == QStringLiteral("auto"));

    // Unknown ids: exit 1, nothing changed.
    r = cli({"review", "--db", s.path, "--reject", parties, "777"});
    CHECK(r.rc == 1);
    CHECK(r.err.contains(QStringLiteral("no extraction with id 777")));
    CHECK(r.err.contains(QStringLiteral("nothing was changed")));
    CHECK(s.review(s.parties).status == QStringLiteral("accepted"));

    // Usage errors: exit 2.
    r = cli({"review", "--db", s.path, "--edit", law, "--fields", "[1]"});
    CHECK(r.rc == 2);
    CHECK(r.err.contains(QStringLiteral("is not a JSON object")));
    r = cli({"review", "--db", s.path, "--edit", law, "--fields", "{\"a\":"});
    CHECK(r.rc == 2);
    CHECK(r.err.contains(QStringLiteral("is not JSON")));
    r = cli({"review", "--db", s.path, "--accept"});
    CHECK(r.rc == 2);
    CHECK(r.err.contains(QStringLiteral("--accept needs one or more result ids")));
    r = cli({"review", "--db", s.path, "--accept", "x1"});
    CHECK(r.rc == 2);
    r = cli({"review", "--db", s.path, "--list", "--status", "approved"});
    CHECK(r.rc == 2);
    CHECK(r.err.contains(QStringLiteral("'approved' is not auto, accepted, rejected or edited")));
    r = cli({"review", "--db", s.path});
    CHECK(r.rc == 2);
    CHECK(s.review(s.law).status == QStringLiteral("auto"));
}
