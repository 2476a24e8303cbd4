#pragma once
// Scoring extraction results against gold labels the way CUAD scores them
// (Hendrycks et al., "CUAD", NeurIPS 2021; TheAtticusProject/cuad evaluate.py),
// so that figures from ClauseLens runs can be set beside published ones.
//
// Matching. Texts are compared as sets of words after this normalisation
// (CUAD's get_jaccard): remove every '.', ',', ';' and ':'; lowercase; turn
// '/' into a space; split on whitespace. Nothing else is removed: no other
// punctuation, no articles. A prediction matches a gold answer of the same
// contract and category when the Jaccard overlap of the two word sets is at
// least 0.5, or -- for the category "Parties" only, as in CUAD -- when the
// gold text occurs in the predicted text (both with whitespace runs collapsed
// to one space, since PDF text breaks lines where CUAD's text does not).
//
// Counting (CUAD's compute_precision_recall). A gold answer matched by at
// least one prediction is a true positive (TP), one matched by none a false
// negative (FN); a prediction that matches no gold answer is a false positive
// (FP). A second prediction of an already found answer is neither: it is not
// counted twice, and it is not held against the model. Identical predicted
// texts of one contract and category count once (the highest score is kept),
// and empty ones not at all. Hence
//   precision = TP / (TP + FP), recall = TP / (TP + FN),
//   F1 = 2PR / (P + R) = 2 TP / (2 TP + FP + FN).
// These are the figures of the model's answers (predictions marked chosen).
// Extraction also stores the scores of categories the model passed over; those
// predictions count only on the curve below, where a lower threshold admits
// them.
//
// The precision-recall curve. All predictions, chosen or not, are sorted by
// score, highest first; lowering the threshold to each distinct score gives
// one point (recall, precision) of the predictions scoring at least that
// much, after the point (0, 1) that CUAD starts from. CUAD samples 101 fixed
// thresholds of a probability; taking every distinct score gives every point
// that any threshold can give, so the curve is the same one, without
// sampling. Then, as CUAD does, each precision is replaced by the highest
// precision at that recall or beyond (the "precision envelope"), and AUPR is
// the area under the enveloped points joined by straight lines (trapezoids).
// Precision at 80% (90%) recall is the highest precision among the points
// whose recall is at least 0.8 (0.9); where the recall never gets there it is
// undefined ("n/a"; CUAD's script writes 0).
//
// Overall figures are micro averages: the TP, FP and FN of all categories are
// summed, and the overall curve is that of all predictions together. A
// category with neither gold answers nor predictions adds nothing to any sum,
// so it is listed (with n/a figures) but has no weight in the overall line.

#include <QString>
#include <QStringList>
#include <optional>
#include <stdexcept>
#include <vector>

class QIODevice;

namespace clauselens::core {

// A gold file that cannot be read or parsed. The message names the file and,
// for a bad line, its number and the key at fault.
class EvaluationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One labelled answer: a span of a contract that belongs to a category.
struct GoldLabel {
    QString contract_id;      // e.g. the PDF's file name without ".pdf"
    QString cuad_title;       // CUAD's own title of the contract; may be empty
    QString category;         // e.g. "Governing Law"
    QString answer_text;      // the labelled span
    qint64 answer_start = -1; // offset of the span in CUAD's text; not used for matching
};

// Gold labels in the JSON Lines form of CUAD's labels: one object per line
// with "contract_id", "category", "answer_text" (non-empty strings) and
// "answer_start" (a whole number), and optionally "cuad_title" and others,
// which are ignored. Blank lines are skipped. `source` names the input in
// messages ("labels.jsonl:12: key 'category' is missing").
std::vector<GoldLabel> parse_gold_labels(QIODevice& in, const QString& source);
// Reads the file at `path`; EvaluationError if it cannot be opened or parsed.
std::vector<GoldLabel> read_gold_labels(const QString& path);

// One answer of the model: a passage of a contract assigned to a category,
// with the model's confidence (higher is surer).
struct Prediction {
    QString contract_id;
    QString category;
    QString text;
    double score = 0;
    // The model's answer (true), or a category it passed over whose score is
    // kept for the precision-recall curve (false).
    bool chosen = true;
};

// The words of a text after CUAD's normalisation (see above), sorted and
// without repeats.
QStringList match_words(const QString& text);
// |A intersect B| / |A union B| of the two texts' word sets; 0 when both are empty.
double jaccard(const QString& a, const QString& b);
// Whether a prediction of `category` matches a gold answer (see above).
bool answers_match(const QString& category, const QString& gold_text,
                   const QString& predicted_text);

inline constexpr double k_match_threshold = 0.5;

// Figures of one category, or of all together. Undefined figures are empty
// (shown as "n/a"): precision without predictions, recall without gold
// answers, F1 without either, AUPR without gold answers, precision at a recall
// that is never reached.
struct Metrics {
    QString category;  // empty for the overall line
    int gold = 0;      // gold answers
    int predicted = 0; // chosen predictions (after dropping repeats and empty texts)
    int true_positives = 0;
    int false_positives = 0;
    int false_negatives = 0;
    std::optional<double> precision;
    std::optional<double> recall;
    std::optional<double> f1;
    std::optional<double> aupr;
    std::optional<double> precision_at_80_recall;
    std::optional<double> precision_at_90_recall;
};

struct EvaluationReport {
    std::vector<Metrics> categories; // in the order asked for, then any others by name
    Metrics overall;
};

// Scores `predictions` against `gold`. Every contract of either side is
// evaluated: leave out the contracts that are not meant to count before
// calling. `categories` are listed first, in this order, even without gold
// answers or predictions; categories found only in the data follow by name.
EvaluationReport evaluate(const std::vector<GoldLabel>& gold,
                          const std::vector<Prediction>& predictions,
                          const QStringList& categories = {});

} // namespace clauselens::core
