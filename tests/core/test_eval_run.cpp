// Scoring a stored run: two real cuad-dev contracts ingested from their PDFs,
// a run whose results are put on chosen segments by hand, and a document
// without gold labels; then core::run_predictions + evaluate, and the real
// `clauselens-cli eval` on the same database. Figures worked out by hand below.

#include "core/clause_library.h"
#include "core/evaluation.h"
#include "core/ingest_batch.h"
#include "core/run_predictions.h"
#include "core/store.h"
#include "store_test_data.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace clauselens::core;

namespace {

const QString k_data = QStringLiteral(CLAUSELENS_SHARED_DATA_DIR "/cuad-dev/");
const QString k_labels = k_data + QStringLiteral("cuad-dev-labels.jsonl");
const QString k_hydron =
    QStringLiteral("HYDRONTECHNOLOGIESINC_03_31_1997-EX-10.47-SPONSORSHIP_AGREEMENT");
const QString k_steel =
    QStringLiteral("SteelVaultCorp_20081224_10-K_EX-10.16_3074935_EX-10.16_Affiliate_Agreement");

struct Result {
    QString contract;
    QString segment_prefix; // the stored segment whose text starts so
    QString category;
    double score;
    int finds; // gold answers of the category it matches (checked before scoring)
};

// The run. Gold of the two contracts: 30 answers (Hydron 14, SteelVault 16).
//   Governing Law (gold 2): Hydron's opening paragraph .95 is wrong; Hydron's
//     9.5 .9 finds Hydron's answer with a Jaccard of exactly 0.5; SteelVault's
//     section 7 .5 overlaps its answer by 0.24 only: wrong.
//     TP 1, FP 2, FN 1: P 1/3, R 1/2, F1 2 / (2 + 2 + 1) = 0.4.
//     Curve (0, 0) (0.5, 0.5) (0.5, 1/3); envelope (0, 0.5) (0.5, 0.5) (0.5, 1/3):
//     AUPR 0.5 * 0.5 = 0.25; recall never 0.8: n/a.
//   Anti-Assignment, Insurance, Non-Compete (gold 1 each): found: all figures 1.
//   Covenant Not to Sue, Audit Rights (gold 2 each): one found: P 1, R 0.5,
//     F1 2/3, AUPR 0.5, P@80R n/a.
// Overall: predicted 8, TP 6, FP 2, FN 24: P 0.75, R 0.2, F1 12/38 = 0.316.
//   Curve by score: .95 (0, 0); .9 (1/30, 1/2); .85 (2/30, 2/3); .8 (3/30, 3/4);
//   .7 (4/30, 4/5); .6 (5/30, 5/6); .5 (5/30, 5/7); .4 (6/30, 3/4).
//   Envelope: 5/6 up to recall 5/30, then 3/4.
//   AUPR = 5/30 * 5/6 + 1/30 * 3/4 = 0.13889 + 0.025 = 0.16389.
const Result k_results[] = {
    {k_hydron, QStringLiteral("SPONSORSHIP AGREEMENT"), QStringLiteral("Governing Law"), 0.95, 0},
    {k_hydron, QStringLiteral("9.5 This Agreement shall be governed"),
     QStringLiteral("Governing Law"), 0.9, 1},
    {k_steel, QStringLiteral("6. Audit."), QStringLiteral("Audit Rights"), 0.85, 1},
    {k_hydron, QStringLiteral("9.6 No party may assign"), QStringLiteral("Anti-Assignment"), 0.8,
     1},
    {k_hydron, QStringLiteral("7.2 Insurance."), QStringLiteral("Insurance"), 0.7, 1},
    {k_hydron, QStringLiteral("4.4 For purposes of this Agreement"),
     QStringLiteral("Covenant Not to Sue"), 0.6, 1},
    {k_steel, QStringLiteral("7. Term and Termination."), QStringLiteral("Governing Law"), 0.5, 0},
    {k_steel, QStringLiteral("4. Non-solicitation of Clients."), QStringLiteral("Non-Compete"), 0.4,
     1},
};

void check(const std::optional<double>& actual, std::optional<double> expected) {
    if (!expected) {
        CHECK_FALSE(actual.has_value());
        return;
    }
    REQUIRE(actual.has_value());
    CHECK(*actual == Approx(*expected).margin(1e-9));
}

struct RunDb {
    QTemporaryDir dir;
    QString path;
    qint64 run = 0;
    qint64 wrong_governing_law = 0; // the extraction of Hydron's opening paragraph
};

// Ingests the two PDFs and a hand-made document, and stores the run.
void build(RunDb& db) {
    REQUIRE(db.dir.isValid());
    db.path = db.dir.filePath(QStringLiteral("eval.db"));
    Store store = Store::open(db.path);
    const BatchSummary batch =
        ingest_files(store, {k_data + k_hydron + ".pdf", k_data + k_steel + ".pdf"}, {});
    REQUIRE(batch.count(FileResult::ingested) == 2);
    const clauselens::test::TestDocument side = clauselens::test::make_document(
        QStringLiteral("Side letter"),
        {QStringLiteral("This side letter is governed by Texas law.")});
    const qint64 side_id = store.add_document(side.doc, side.segments);

    db.run = store.add_run(QStringLiteral("/models/tiny.gguf"), QString(),
                           QString::fromUtf8(ClauseLibrary::cuad_default().to_json()),
                           QStringLiteral("{}"));
    const std::vector<GoldLabel> gold = read_gold_labels(k_labels);
    for (const DocumentInfo& d : store.documents()) {
        const QString contract = gold_contract_of(d, gold);
        if (d.id == side_id) {
            CHECK(contract.isEmpty());
            store.add_extraction(db.run, store.segment_spans(d.id).front().id,
                                 QStringLiteral("Governing Law"), {}, 0.99);
            continue;
        }
        REQUIRE((contract == k_hydron || contract == k_steel));
        const std::vector<Segment> segments = store.segments(d.id);
        const std::vector<Store::SegmentSpan> spans = store.segment_spans(d.id);
        REQUIRE(spans.size() == segments.size());
        for (const Result& r : k_results) {
            if (r.contract != contract) {
                continue;
            }
            const auto seg = std::find_if(segments.begin(), segments.end(), [&](const Segment& s) {
                return s.text.startsWith(r.segment_prefix);
            });
            INFO("segment '" << r.segment_prefix.toStdString() << "' of "
                             << contract.toStdString());
            REQUIRE(seg != segments.end());
            // The hand-worked figures rest on these matches of the real text.
            int finds = 0;
            for (const GoldLabel& g : gold) {
                if (g.contract_id == contract && g.category == r.category &&
                    answers_match(r.category, g.answer_text, seg->text)) {
                    ++finds;
                }
            }
            REQUIRE(finds == r.finds);
            const qint64 segment_id = spans[static_cast<size_t>(seg - segments.begin())].id;
            const qint64 id = store.add_extraction(db.run, segment_id, r.category, {}, r.score);
            if (r.score == 0.95) {
                db.wrong_governing_law = id;
            }
        }
    }
    REQUIRE(db.wrong_governing_law != 0);
    store.finish_run(db.run);
}

struct Cli {
    int rc = -1;
    QString out;
    QString err;
};

Cli run_cli(const QStringList& args) {
    // QProcess wants an application object.
    static int argc = 1;
    static char name[] = "test_eval_run";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    QProcess p;
    p.start(QStringLiteral(CLAUSELENS_CLI), QStringList{QStringLiteral("eval")} + args);
    REQUIRE(p.waitForFinished(60000));
    Cli r;
    r.rc = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool has_line(const QString& text, const QString& pattern) {
    return QRegularExpression(QStringLiteral("^") + pattern + QStringLiteral("$"),
                              QRegularExpression::MultilineOption)
        .match(text)
        .hasMatch();
}

} // namespace

TEST_CASE("a run over two labelled contracts and one unlabelled document", "[evaluation]") {
    RunDb db;
    build(db);
    const Store store = Store::open_read_only(db.path);
    const std::vector<GoldLabel> gold = read_gold_labels(k_labels);

    const RunPredictions data = run_predictions(store, db.run, gold);
    CHECK(data.contracts == QStringList{k_hydron, k_steel});
    CHECK(data.unlabelled_documents == QStringList{QStringLiteral("Side letter")});
    CHECK(data.gold.size() == 30); // the other ten contracts are left out
    CHECK(data.predictions.size() == 8);

    const EvaluationReport r = evaluate(data.gold, data.predictions);
    const auto row = [&](const QString& c) {
        const auto it = std::find_if(r.categories.begin(), r.categories.end(),
                                     [&](const Metrics& m) { return m.category == c; });
        REQUIRE(it != r.categories.end());
        return *it;
    };
    const Metrics law = row(QStringLiteral("Governing Law"));
    CHECK(law.gold == 2);
    CHECK(law.predicted == 3);
    CHECK(law.true_positives == 1);
    check(law.precision, 1.0 / 3);
    check(law.recall, 0.5);
    check(law.f1, 0.4);
    check(law.aupr, 0.25);
    check(law.precision_at_80_recall, std::nullopt);
    check(row(QStringLiteral("Anti-Assignment")).aupr, 1.0);
    check(row(QStringLiteral("Audit Rights")).f1, 2.0 / 3);
    check(row(QStringLiteral("Covenant Not to Sue")).aupr, 0.5);
    check(row(QStringLiteral("Parties")).recall, 0.0);

    CHECK(r.overall.gold == 30);
    CHECK(r.overall.predicted == 8);
    CHECK(r.overall.true_positives == 6);
    check(r.overall.precision, 0.75);
    check(r.overall.recall, 0.2);
    check(r.overall.f1, 12.0 / 38);
    check(r.overall.aupr, 5.0 / 30 * 5.0 / 6 + 1.0 / 30 * 0.75);
    check(r.overall.precision_at_80_recall, std::nullopt);

    SECTION("--min-score drops what scores below") {
        RunPredictionOptions o;
        o.min_score = 0.55; // SteelVault's section 7 (.5) and 4 (.4) go
        CHECK(run_predictions(store, db.run, gold, o).predictions.size() == 6);
    }
}

TEST_CASE("clauselens-cli eval prints the table and JSON of a run", "[evaluation][cli]") {
    RunDb db;
    build(db);

    const Cli table = run_cli({"--db", db.path, "--gold", k_labels});
    INFO(table.err.toStdString());
    INFO(table.out.toStdString());
    REQUIRE(table.rc == 0);
    CHECK(table.err.contains(QStringLiteral("1 document(s) of run 1 have no gold labels")));
    CHECK(table.err.contains(QStringLiteral("skipped: Side letter")));
    CHECK(table.out.startsWith(
        QStringLiteral("run 1 (model tiny.gguf), 2 contract(s), gold labels ")));
    CHECK(has_line(table.out,
                   QStringLiteral("category +gold +pred +TP +P +R +F1 +AUPR +P@80R +P@90R")));
    // All 41 categories of the run's library, in its order, then the overall line.
    const QStringList lines = table.out.trimmed().split(u'\n');
    REQUIRE(lines.size() == 1 + 1 + 41 + 1);
    CHECK(lines[2].startsWith(QStringLiteral("Document Name ")));
    CHECK(has_line(table.out,
                   QStringLiteral("Governing Law +2 +3 +1 +0.333 +0.500 +0.400 +0.250 +n/a +n/a")));
    CHECK(has_line(table.out,
                   QStringLiteral("Insurance +1 +1 +1 +1.000 +1.000 +1.000 +1.000 +1.000 +1.000")));
    CHECK(has_line(table.out,
                   QStringLiteral("Parties +8 +0 +0 +n/a +0.000 +0.000 +0.000 +n/a +n/a")));
    CHECK(has_line(table.out,
                   QStringLiteral("Price Restrictions +0 +0 +0 +n/a +n/a +n/a +n/a +n/a +n/a")));
    CHECK(has_line(table.out,
                   QStringLiteral("overall +30 +8 +6 +0.750 +0.200 +0.316 +0.164 +n/a +n/a")));

    // A reviewer rejects the opening paragraph: --reviewed drops it.
    //   Governing Law: TP 1, FP 1: P 0.5, R 0.5, F1 0.5; curve (0.5, 1) (0.5, 0.5): AUPR 0.5.
    //   Overall: predicted 7, TP 6, FP 1: P 6/7, F1 12/37; curve 1 up to recall
    //   5/30, then (5/30, 5/6) (6/30, 6/7): AUPR 5/30 + 1/30 * 6/7.
    {
        Store store = Store::open(db.path);
        store.set_extraction_status(db.wrong_governing_law, QStringLiteral("rejected"));
    }
    const Cli json =
        run_cli({"--db", db.path, "--gold", k_labels, "--run", "1", "--reviewed", "--json"});
    INFO(json.err.toStdString());
    REQUIRE(json.rc == 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("run")).toInt() == 1);
    CHECK(o.value(QStringLiteral("reviewed")).toBool());
    CHECK(o.value(QStringLiteral("contracts")).toArray().size() == 2);
    CHECK(o.value(QStringLiteral("skipped_documents")).toArray() == QJsonArray{"Side letter"});
    QJsonObject law;
    for (const QJsonValue& c : o.value(QStringLiteral("categories")).toArray()) {
        if (c.toObject().value(QStringLiteral("category")).toString() ==
            QStringLiteral("Governing Law")) {
            law = c.toObject();
        }
    }
    CHECK(law.value(QStringLiteral("predicted")).toInt() == 2);
    CHECK(law.value(QStringLiteral("precision")).toDouble() == Approx(0.5));
    CHECK(law.value(QStringLiteral("f1")).toDouble() == Approx(0.5));
    CHECK(law.value(QStringLiteral("aupr")).toDouble() == Approx(0.5));
    CHECK(law.value(QStringLiteral("precision_at_80_recall")).isNull());
    const QJsonObject all = o.value(QStringLiteral("overall")).toObject();
    CHECK(all.value(QStringLiteral("predicted")).toInt() == 7);
    CHECK(all.value(QStringLiteral("true_positives")).toInt() == 6);
    CHECK(all.value(QStringLiteral("false_positives")).toInt() == 1);
    CHECK(all.value(QStringLiteral("precision")).toDouble() == Approx(6.0 / 7));
    CHECK(all.value(QStringLiteral("f1")).toDouble() == Approx(12.0 / 37));
    CHECK(all.value(QStringLiteral("aupr")).toDouble() == Approx(5.0 / 30 + 1.0 / 30 * 6.0 / 7));
}

TEST_CASE("clauselens-cli eval says what is wrong", "[evaluation][cli]") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString empty = dir.filePath(QStringLiteral("empty.db"));
    {
        Store store = Store::open(empty);
        const clauselens::test::TestDocument t = clauselens::test::make_document(
            QStringLiteral("Lease"), {QStringLiteral("Rent is due.")});
        store.add_document(t.doc, t.segments);
    }
    const Cli no_runs = run_cli({"--db", empty, "--gold", k_labels});
    CHECK(no_runs.rc == 1);
    CHECK(no_runs.err.contains(QStringLiteral(
        "has no extraction runs; run extraction first: clauselens-cli extract --db ")));

    {
        Store store = Store::open(empty);
        store.add_run(QStringLiteral("m.gguf"), QString(), QStringLiteral("{}"),
                      QStringLiteral("{}"));
    }
    const Cli unknown = run_cli({"--db", empty, "--gold", k_labels, "--run", "9"});
    CHECK(unknown.rc == 1);
    CHECK(unknown.err.contains(
        QStringLiteral("has no run 9; its runs are 1 (leave out --run for the latest)")));

    const Cli nothing = run_cli({"--db", empty, "--gold", k_labels});
    CHECK(nothing.rc == 1);
    CHECK(nothing.err.contains(QStringLiteral("run 1 has stored no results yet")));

    // The run covers no labelled contract.
    {
        Store store = Store::open(empty);
        store.add_extraction(1, store.segment_spans(1).front().id, QStringLiteral("Insurance"), {},
                             0.5);
    }
    const Cli unlabelled = run_cli({"--db", empty, "--gold", k_labels});
    CHECK(unlabelled.rc == 1);
    CHECK(unlabelled.err.contains(QStringLiteral("skipped: Lease")));
    CHECK(
        unlabelled.err.contains(QStringLiteral("none of the documents of run 1 has gold labels")));

    const Cli missing =
        run_cli({"--db", empty, "--gold", dir.filePath(QStringLiteral("no.jsonl"))});
    CHECK(missing.rc == 1);
    CHECK(missing.err.contains(QStringLiteral("cannot read gold labels")));
}
