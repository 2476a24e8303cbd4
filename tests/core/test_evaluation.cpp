// Scoring against gold labels (core/evaluation.h): the matching rule, the
// counting, and every figure on hand-made predictions whose values are worked
// out by hand in the comments; the gold-label reader on the real cuad-dev
// labels and on broken files.

#include "core/evaluation.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <optional>

using namespace clauselens::core;

namespace {

const QString k_labels =
    QStringLiteral(CLAUSELENS_SHARED_DATA_DIR "/cuad-dev/cuad-dev-labels.jsonl");

GoldLabel gold(const QString& category, const QString& text,
               const QString& contract = QStringLiteral("K")) {
    return GoldLabel{contract, QString(), category, text, 0};
}

Prediction pred(const QString& category, const QString& text, double score, bool chosen = true,
                const QString& contract = QStringLiteral("K")) {
    return Prediction{contract, category, text, score, chosen};
}

// A copy: callers pass reports that are temporaries.
Metrics row(const EvaluationReport& r, const QString& category) {
    for (const Metrics& m : r.categories) {
        if (m.category == category) {
            return m;
        }
    }
    FAIL("no row for " << category.toStdString());
    return r.overall;
}

// An optional figure equals a value to 1e-9, or is empty when expected empty.
void check(const std::optional<double>& actual, std::optional<double> expected) {
    if (!expected) {
        CHECK_FALSE(actual.has_value());
        return;
    }
    REQUIRE(actual.has_value());
    CHECK(*actual == Approx(*expected).margin(1e-9));
}

void check_counts(const Metrics& m, int gold_count, int predicted, int tp, int fp, int fn) {
    CHECK(m.gold == gold_count);
    CHECK(m.predicted == predicted);
    CHECK(m.true_positives == tp);
    CHECK(m.false_positives == fp);
    CHECK(m.false_negatives == fn);
}

// Two gold answers of "Audit Rights" in contract K, and five predictions:
//   g1 "Licensor may audit the books annually"              6 words
//   g2 "Licensee shall keep accurate records for three years" 8 words
//   a  g1 with a final '.'                 J(g1) = 6/6 = 1           -> finds g1
//   b  "Licensor may audit the records quarterly itself"
//                                          J(g1) = 4/9 = 0.444 < 0.5 -> no match (FP)
//   c  g2 + "and five months"              J(g2) = 8/11 = 0.727      -> finds g2
//   d  g1 + "at its cost"                  J(g1) = 6/9 = 0.667       -> g1 again: neither TP nor FP
//   e  "This Agreement is governed by Delaware law"  matches nothing -> FP
const QString g1 = QStringLiteral("Licensor may audit the books annually");
const QString g2 = QStringLiteral("Licensee shall keep accurate records for three years");
const QString a = QStringLiteral("Licensor may audit the books annually.");
const QString b = QStringLiteral("Licensor may audit the records quarterly itself");
const QString c =
    QStringLiteral("Licensee shall keep accurate records for three years and five months");
const QString d = QStringLiteral("Licensor may audit the books annually at its cost");
const QString e = QStringLiteral("This Agreement is governed by Delaware law");
const QString audit = QStringLiteral("Audit Rights");

std::vector<GoldLabel> audit_gold() {
    return {gold(audit, g1), gold(audit, g2)};
}

} // namespace

TEST_CASE("words are compared after CUAD's normalisation, and nothing more", "[evaluation]") {
    // '.', ',', ';' and ':' vanish (also inside words), case is ignored, '/' splits.
    CHECK(match_words(QStringLiteral("Governing Law: Delaware.")) ==
          QStringList{"delaware", "governing", "law"});
    CHECK(jaccard(QStringLiteral("Governing Law: Delaware."),
                  QStringLiteral("governing LAW delaware")) == 1.0);
    CHECK(jaccard(QStringLiteral("and/or"), QStringLiteral("and or")) == 1.0);
    CHECK(jaccard(QStringLiteral("Section 1.1"), QStringLiteral("section 11")) == 1.0);
    // Other punctuation stays part of its word: {a, (b)} vs {a, b} share 1 of 3.
    CHECK(jaccard(QStringLiteral("a (b)"), QStringLiteral("a b")) == Approx(1.0 / 3));
    // Articles are words like any other: {the, term} vs {term} share 1 of 2.
    CHECK(jaccard(QStringLiteral("the term"), QStringLiteral("term")) == 0.5);
    // Repeats count once; line breaks and tabs are spaces.
    CHECK(jaccard(QStringLiteral("term term\n\tterm"), QStringLiteral("TERM")) == 1.0);
    CHECK(jaccard(QString(), QStringLiteral("...")) == 0.0);
}

TEST_CASE("a match needs a Jaccard overlap of at least 0.5", "[evaluation]") {
    // g1 has 6 words. 4 shared + 2 new words: 4/8 = 0.5 exactly -> a match.
    const QString at = QStringLiteral("Licensor may audit the records quarterly");
    CHECK(jaccard(g1, at) == 0.5);
    CHECK(answers_match(audit, g1, at));
    // 4 shared + 3 new: 4/9 = 0.444 -> none.
    CHECK(jaccard(g1, b) == Approx(4.0 / 9));
    CHECK_FALSE(answers_match(audit, g1, b));
    // 5 shared + 3 new: 5/9 = 0.556 -> a match.
    const QString above = QStringLiteral("Licensor may audit the books yearly, quarterly, monthly");
    CHECK(jaccard(g1, above) == Approx(5.0 / 9));
    CHECK(answers_match(audit, g1, above));
}

TEST_CASE("for Parties a gold answer inside the prediction is a match, as in CUAD",
          "[evaluation]") {
    const QString party = QStringLiteral("Acme Corp");
    const QString preamble =
        QStringLiteral("This Agreement is made between Acme   Corp\nand Beta LLC, each a Party");
    CHECK(jaccard(party, preamble) < 0.5);
    CHECK(answers_match(QStringLiteral("Parties"), party, preamble)); // whitespace runs collapsed
    CHECK_FALSE(answers_match(QStringLiteral("Document Name"), party, preamble));
    CHECK_FALSE(answers_match(QStringLiteral("Parties"), QStringLiteral("acme corp"), preamble));
}

TEST_CASE("perfect predictions score 1 everywhere", "[evaluation]") {
    const EvaluationReport r = evaluate(audit_gold(), {pred(audit, a, 0.9), pred(audit, c, 0.4)});
    // TP 2, FP 0, FN 0: P = R = F1 = 1; curve (0,1) (0.5,1) (1,1): AUPR 1.
    REQUIRE(r.categories.size() == 1);
    const Metrics& m = row(r, audit);
    check_counts(m, 2, 2, 2, 0, 0);
    check(m.precision, 1.0);
    check(m.recall, 1.0);
    check(m.f1, 1.0);
    check(m.aupr, 1.0);
    check(m.precision_at_80_recall, 1.0);
    check(m.precision_at_90_recall, 1.0);
    check_counts(r.overall, 2, 2, 2, 0, 0);
    check(r.overall.aupr, 1.0);
}

TEST_CASE("no predictions, and only wrong ones", "[evaluation]") {
    SECTION("none: precision undefined, recall and F1 0, nothing under the curve") {
        const EvaluationReport r = evaluate(audit_gold(), {});
        const Metrics& m = row(r, audit);
        check_counts(m, 2, 0, 0, 0, 2);
        check(m.precision, std::nullopt);
        check(m.recall, 0.0);
        check(m.f1, 0.0); // 2*0 / (0 + 0 + 2)
        check(m.aupr, 0.0);
        check(m.precision_at_80_recall, std::nullopt);
        check(m.precision_at_90_recall, std::nullopt);
    }
    SECTION("only wrong ones: precision 0; the curve drops straight to (0, 0)") {
        const EvaluationReport r =
            evaluate(audit_gold(), {pred(audit, b, 0.9), pred(audit, e, 0.8)});
        const Metrics& m = row(r, audit);
        check_counts(m, 2, 2, 0, 2, 2);
        check(m.precision, 0.0);
        check(m.recall, 0.0);
        check(m.f1, 0.0);
        check(m.aupr, 0.0);
        check(m.precision_at_80_recall, std::nullopt);
    }
}

TEST_CASE("partial matches, a repeated find, and the precision envelope", "[evaluation]") {
    // Scores a .9, b .8, c .7, d .6, e .5 (see the top of the file).
    // Counts: TP 2 (g1 by a, g2 by c), FP 2 (b, e), FN 0; d finds g1 again.
    //   P = 2/4 = 0.5, R = 2/2 = 1, F1 = 2*2 / (2*2 + 2 + 0) = 2/3.
    // Curve, threshold lowered score by score (recall, precision):
    //   start (0, 1); a (0.5, 1); b (0.5, 0.5); c (1, 2/3); d (1, 2/3); e (1, 0.5)
    // Envelope (best precision at this recall or beyond):
    //   (0, 1) (0.5, 1) (0.5, 2/3) (1, 2/3) (1, 2/3) (1, 0.5)
    // Area: 0.5 * 1 + 0 + 0.5 * 2/3 = 5/6. First point with recall >= 0.8
    // (and >= 0.9): (1, 2/3).
    const std::vector<Prediction> preds = {pred(audit, a, 0.9), pred(audit, b, 0.8),
                                           pred(audit, c, 0.7), pred(audit, d, 0.6),
                                           pred(audit, e, 0.5)};
    const EvaluationReport r = evaluate(audit_gold(), preds);
    const Metrics& m = row(r, audit);
    check_counts(m, 2, 5, 2, 2, 0);
    check(m.precision, 0.5);
    check(m.recall, 1.0);
    check(m.f1, 2.0 / 3);
    check(m.aupr, 5.0 / 6);
    check(m.precision_at_80_recall, 2.0 / 3);
    check(m.precision_at_90_recall, 2.0 / 3);
}

TEST_CASE("the order of the scores moves AUPR but not P, R and F1", "[evaluation]") {
    SECTION("the wrong b first: AUPR 2/3") {
        // b .95, a .9, c .7, d .6, e .5:
        //   start (0, 1); b (0, 0); a (0.5, 0.5); c (1, 2/3); d (1, 2/3); e (1, 0.5)
        // Envelope: (0, 1) (0, 2/3) (0.5, 2/3) (1, 2/3) (1, 2/3) (1, 0.5)
        // Area: 0 + 0.5 * 2/3 + 0.5 * 2/3 = 2/3.
        const EvaluationReport r =
            evaluate(audit_gold(), {pred(audit, b, 0.95), pred(audit, a, 0.9), pred(audit, c, 0.7),
                                    pred(audit, d, 0.6), pred(audit, e, 0.5)});
        const Metrics& m = row(r, audit);
        check(m.precision, 0.5);
        check(m.recall, 1.0);
        check(m.f1, 2.0 / 3);
        check(m.aupr, 2.0 / 3);
        check(m.precision_at_80_recall, 2.0 / 3);
    }
    SECTION("both wrong ones last: AUPR 1") {
        // a .9, c .8, d .7, b .6, e .5: (0.5, 1) (1, 1) (1, 1) (1, 2/3) (1, 0.5);
        // envelope 1 up to recall 1: area 1; P@80R = P@90R = 1.
        const EvaluationReport r =
            evaluate(audit_gold(), {pred(audit, a, 0.9), pred(audit, c, 0.8), pred(audit, d, 0.7),
                                    pred(audit, b, 0.6), pred(audit, e, 0.5)});
        const Metrics& m = row(r, audit);
        check(m.precision, 0.5);
        check(m.aupr, 1.0);
        check(m.precision_at_80_recall, 1.0);
        check(m.precision_at_90_recall, 1.0);
    }
    SECTION("equal scores are one step of the threshold, whatever their input order") {
        // b and a both .5, c .4: (0.5, 1/2) then (1, 2/3).
        // Envelope: (0, 1) (0.5, 2/3) (1, 2/3). Area: 0.5 * (1 + 2/3) / 2 + 0.5 * 2/3 = 3/4.
        for (const bool b_first : {true, false}) {
            std::vector<Prediction> preds = {pred(audit, b, 0.5), pred(audit, a, 0.5)};
            if (!b_first) {
                std::swap(preds[0], preds[1]);
            }
            preds.push_back(pred(audit, c, 0.4));
            check(row(evaluate(audit_gold(), preds), audit).aupr, 0.75);
        }
    }
}

TEST_CASE("identical predicted texts count once, with their best score", "[evaluation]") {
    // The base case of the envelope test (AUPR 5/6) with a twice more at a low
    // score: nothing changes. With b repeated at .99, b is first: the
    // "wrong b first" case, AUPR 2/3. Empty texts are no predictions.
    std::vector<Prediction> preds = {pred(audit, a, 0.9), pred(audit, b, 0.8), pred(audit, c, 0.7),
                                     pred(audit, d, 0.6), pred(audit, e, 0.5)};
    preds.push_back(pred(audit, a, 0.1));
    preds.push_back(pred(audit, a, 0.2));
    preds.push_back(pred(audit, QStringLiteral("  \n"), 0.99));
    const Metrics& once = row(evaluate(audit_gold(), preds), audit);
    check_counts(once, 2, 5, 2, 2, 0);
    check(once.aupr, 5.0 / 6);

    preds.push_back(pred(audit, b, 0.99));
    const Metrics& higher = row(evaluate(audit_gold(), preds), audit);
    check_counts(higher, 2, 5, 2, 2, 0);
    check(higher.aupr, 2.0 / 3);
}

TEST_CASE("passed-over categories count on the curve only", "[evaluation]") {
    // The model chose a (finds g1). It passed over c (.3, would find g2) and
    // e (.2, wrong), whose scores are kept for the curve.
    //   Answers: TP 1, FP 0, FN 1: P 1, R 0.5, F1 2 / (2 + 0 + 1) = 2/3.
    //   Curve: a (0.5, 1); c (1, 1); e (1, 2/3). Envelope: 1 up to recall 1.
    //   Area 0.5 * 1 + 0.5 * 1 = 1; P@80R = P@90R = 1 (at c).
    const EvaluationReport r =
        evaluate(audit_gold(),
                 {pred(audit, a, 0.9), pred(audit, c, 0.3, false), pred(audit, e, 0.2, false)});
    const Metrics& m = row(r, audit);
    check_counts(m, 2, 1, 1, 0, 1);
    check(m.precision, 1.0);
    check(m.recall, 0.5);
    check(m.f1, 2.0 / 3);
    check(m.aupr, 1.0);
    check(m.precision_at_80_recall, 1.0);
    check(m.precision_at_90_recall, 1.0);
}

TEST_CASE("precision at 80% recall takes a recall of exactly 0.8", "[evaluation]") {
    // Five gold answers, found by five exact predictions .9 .8 .7 .6 and .4;
    // one wrong prediction at .5.
    //   Curve: (.2, 1) (.4, 1) (.6, 1) (.8, 1) (.8, 4/5) (1, 5/6)
    //   Envelope: 1 up to the first (.8, ...), then 5/6.
    //   Area: 0.8 * 1 + 0.2 * 5/6 = 29/30. P@80R = 1 (at recall 0.8), P@90R = 5/6.
    const QString cat = QStringLiteral("License Grant");
    const QStringList texts = {"alpha bravo charlie", "delta echo foxtrot", "golf hotel india",
                               "juliet kilo lima", "mike november oscar"};
    std::vector<GoldLabel> g;
    for (const QString& t : texts) {
        g.push_back(gold(cat, t));
    }
    const std::vector<Prediction> preds = {pred(cat, texts[0], 0.9),
                                           pred(cat, texts[1], 0.8),
                                           pred(cat, texts[2], 0.7),
                                           pred(cat, texts[3], 0.6),
                                           pred(cat, QStringLiteral("papa quebec romeo"), 0.5),
                                           pred(cat, texts[4], 0.4)};
    const Metrics& m = row(evaluate(g, preds), cat);
    check_counts(m, 5, 6, 5, 1, 0);
    check(m.precision, 5.0 / 6);
    check(m.aupr, 29.0 / 30);
    check(m.precision_at_80_recall, 1.0);
    check(m.precision_at_90_recall, 5.0 / 6);
}

TEST_CASE("categories without gold, without predictions, and the overall line", "[evaluation]") {
    // The envelope test's Audit Rights (a..e), plus:
    //   Insurance: one gold answer, no prediction;
    //   Non-Compete: one prediction (.4), no gold answer;
    //   Covenant Not to Sue: asked for, neither gold nor prediction.
    // Overall (micro): gold 3, TP 2, FP 3 (b, e, Non-Compete), FN 1:
    //   P = 2/5, R = 2/3, F1 = 2*2 / (4 + 3 + 1) = 1/2.
    //   Curve: a (1/3, 1); b (1/3, 1/2); c (2/3, 2/3); d (2/3, 2/3); e (2/3, 1/2);
    //          non-compete (2/3, 2/5).
    //   Envelope: (0, 1) (1/3, 1) (1/3, 2/3) (2/3, 2/3) (2/3, 2/3) (2/3, 1/2) (2/3, 2/5)
    //   Area: 1/3 * 1 + 1/3 * 2/3 = 5/9. Recall never reaches 0.8: P@80R, P@90R n/a.
    std::vector<GoldLabel> g = audit_gold();
    g.push_back(
        gold(QStringLiteral("Insurance"), QStringLiteral("Licensee shall maintain insurance")));
    const std::vector<Prediction> preds = {
        pred(audit, a, 0.9),
        pred(audit, b, 0.8),
        pred(audit, c, 0.7),
        pred(audit, d, 0.6),
        pred(audit, e, 0.5),
        pred(QStringLiteral("Non-Compete"), QStringLiteral("Licensee shall not compete"), 0.4)};
    const EvaluationReport r =
        evaluate(g, preds, {QStringLiteral("Covenant Not to Sue"), QStringLiteral("Insurance")});

    // Asked-for categories first, in that order, then the others by name.
    REQUIRE(r.categories.size() == 4);
    CHECK(r.categories[0].category == QStringLiteral("Covenant Not to Sue"));
    CHECK(r.categories[1].category == QStringLiteral("Insurance"));
    CHECK(r.categories[2].category == audit);
    CHECK(r.categories[3].category == QStringLiteral("Non-Compete"));

    const Metrics& none = r.categories[0];
    check_counts(none, 0, 0, 0, 0, 0);
    for (const auto& f : {none.precision, none.recall, none.f1, none.aupr,
                          none.precision_at_80_recall, none.precision_at_90_recall}) {
        check(f, std::nullopt);
    }
    const Metrics& insurance = r.categories[1];
    check_counts(insurance, 1, 0, 0, 0, 1);
    check(insurance.precision, std::nullopt);
    check(insurance.recall, 0.0);
    check(insurance.f1, 0.0);
    check(insurance.aupr, 0.0);
    check(insurance.precision_at_80_recall, std::nullopt);

    const Metrics& non_compete = r.categories[3];
    check_counts(non_compete, 0, 1, 0, 1, 0);
    check(non_compete.precision, 0.0);
    check(non_compete.recall, std::nullopt);
    check(non_compete.f1, 0.0); // 0 / (0 + 1 + 0)
    check(non_compete.aupr, std::nullopt);

    check(row(r, audit).aupr, 5.0 / 6); // unchanged by the other categories

    const Metrics& all = r.overall;
    CHECK(all.category.isEmpty());
    check_counts(all, 3, 6, 2, 3, 1);
    check(all.precision, 0.4);
    check(all.recall, 2.0 / 3);
    check(all.f1, 0.5);
    check(all.aupr, 5.0 / 9);
    check(all.precision_at_80_recall, std::nullopt);
    check(all.precision_at_90_recall, std::nullopt);
}

TEST_CASE("answers match within their own contract only", "[evaluation]") {
    // The same text predicted for contract L finds nothing of K's: FP.
    const EvaluationReport r =
        evaluate({gold(audit, g1)}, {pred(audit, g1, 0.9, true, QStringLiteral("L"))});
    check_counts(row(r, audit), 1, 1, 0, 1, 1);
}

TEST_CASE("the real cuad-dev gold labels read", "[evaluation]") {
    const std::vector<GoldLabel> labels = read_gold_labels(k_labels);
    REQUIRE(labels.size() == 263);
    const GoldLabel& first = labels.front();
    CHECK(first.contract_id == QStringLiteral("RangeResourcesLouisianaInc_20150417_8-K_EX-10.5_"
                                              "9045501_EX-10.5_Transportation_Agreement"));
    CHECK(first.cuad_title == QStringLiteral("RangeResourcesLouisianaInc_20150417_8-K_EX-10.5_"
                                             "9045501_EX-10.5_Transportation Agreement"));
    CHECK(first.category == QStringLiteral("Document Name"));
    CHECK(first.answer_text == QStringLiteral("TRANSPORTATION SERVICES AGREEMENT"));
    CHECK(first.answer_start == 33);

    QSet<QString> contracts;
    QSet<QString> categories;
    for (const GoldLabel& g : labels) {
        contracts.insert(g.contract_id);
        categories.insert(g.category);
    }
    CHECK(contracts.size() == 12);
    CHECK(categories.size() == 37); // of CUAD's 41; the README of the data says so too

    // Every answer_start points at its answer in the contract's CUAD text.
    QHash<QString, QString> texts;
    for (const GoldLabel& g : labels) {
        if (!texts.contains(g.contract_id)) {
            QFile f(QStringLiteral(CLAUSELENS_SHARED_DATA_DIR "/cuad-dev/") + g.contract_id +
                    QStringLiteral(".txt"));
            REQUIRE(f.open(QIODevice::ReadOnly));
            texts.insert(g.contract_id, QString::fromUtf8(f.readAll()));
        }
        INFO(g.contract_id.toStdString() << " / " << g.category.toStdString());
        CHECK(texts[g.contract_id].mid(g.answer_start, g.answer_text.size()) == g.answer_text);
    }

    // Scored against themselves, the labels are perfect in every category.
    std::vector<Prediction> preds;
    for (const GoldLabel& g : labels) {
        preds.push_back(Prediction{g.contract_id, g.category, g.answer_text, 1.0, true});
    }
    const EvaluationReport r = evaluate(labels, preds);
    CHECK(r.categories.size() == 37);
    for (const Metrics& m : r.categories) {
        INFO(m.category.toStdString());
        CHECK(m.true_positives == m.gold);
        CHECK(m.false_positives == 0);
    }
    check(r.overall.precision, 1.0);
    check(r.overall.recall, 1.0);
    check(r.overall.aupr, 1.0);
}

TEST_CASE("broken gold files are refused with the line and the key", "[evaluation]") {
    const auto parse = [](const QByteArray& text) {
        QBuffer buffer;
        buffer.setData(text);
        REQUIRE(buffer.open(QIODevice::ReadOnly));
        return parse_gold_labels(buffer, QStringLiteral("labels.jsonl"));
    };
    const QByteArray good =
        R"({"contract_id": "K", "category": "Parties", "answer_text": "Acme", "answer_start": 5})"
        "\n";
    SECTION("blank lines, a byte order mark and extra keys are fine; the offset may be left out") {
        const std::vector<GoldLabel> labels = parse(
            "\xEF\xBB\xBF" + good + "\n  \n" +
            R"({"contract_id": "L", "category": "Insurance", "answer_text": "x", "extra": 1})");
        REQUIRE(labels.size() == 2);
        CHECK(labels[0].answer_start == 5);
        CHECK(labels[1].contract_id == QStringLiteral("L"));
        CHECK(labels[1].answer_start == -1);
    }
    SECTION("a missing key") {
        CHECK_THROWS_WITH(parse(good + R"({"contract_id": "K", "answer_text": "x"})"),
                          "labels.jsonl:2: key 'category' is missing");
    }
    SECTION("an empty answer") {
        CHECK_THROWS_WITH(
            parse(R"({"contract_id": "K", "category": "Parties", "answer_text": " "})"),
            "labels.jsonl:1: key 'answer_text' must be a non-empty string");
    }
    SECTION("an offset that is not a whole number") {
        CHECK_THROWS_WITH(
            parse(
                good + good +
                R"({"contract_id": "K", "category": "P", "answer_text": "x", "answer_start": "7"})"),
            "labels.jsonl:3: key 'answer_start' must be a whole number from 0");
        CHECK_THROWS_WITH(
            parse(
                R"({"contract_id": "K", "category": "P", "answer_text": "x", "answer_start": 1.5})"),
            "labels.jsonl:1: key 'answer_start' must be a whole number from 0");
    }
    SECTION("not JSON, not an object") {
        CHECK_THROWS_WITH(parse(good + "{\"contract_id\": "),
                          Catch::StartsWith("labels.jsonl:2: not valid JSON ("));
        CHECK_THROWS_WITH(parse("[1, 2]\n"),
                          "labels.jsonl:1: expected a JSON object, one label per line");
    }
    SECTION("a file that cannot be read") {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("none.jsonl"));
        CHECK_THROWS_WITH(read_gold_labels(missing),
                          Catch::StartsWith("cannot read gold labels " + missing.toStdString()));
    }
}
