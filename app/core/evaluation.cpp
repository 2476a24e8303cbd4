#include "core/evaluation.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <tuple>
#include <utility>

namespace clauselens::core {

namespace {

[[noreturn]] void fail_line(const QString& source, int line, const QString& what) {
    throw EvaluationError(
        QStringLiteral("%1:%2: %3").arg(source).arg(line).arg(what).toStdString());
}

QString required_text(const QJsonObject& o, const char* key, const QString& source, int line) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) {
        fail_line(source, line, QStringLiteral("key '%1' is missing").arg(QLatin1String(key)));
    }
    if (!v.isString() || v.toString().trimmed().isEmpty()) {
        fail_line(source, line,
                  QStringLiteral("key '%1' must be a non-empty string").arg(QLatin1String(key)));
    }
    return v.toString();
}

GoldLabel parse_line(const QByteArray& bytes, const QString& source, int line) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        fail_line(source, line,
                  QStringLiteral("not valid JSON (%1 at character %2)")
                      .arg(error.errorString())
                      .arg(error.offset + 1));
    }
    if (!doc.isObject()) {
        fail_line(source, line, QStringLiteral("expected a JSON object, one label per line"));
    }
    const QJsonObject o = doc.object();
    GoldLabel label;
    label.contract_id = required_text(o, "contract_id", source, line);
    label.category = required_text(o, "category", source, line);
    label.answer_text = required_text(o, "answer_text", source, line);
    const QJsonValue title = o.value(QLatin1String("cuad_title"));
    if (title.isString()) {
        label.cuad_title = title.toString();
    }
    // The offset is informative (CUAD does not match by it either), so a
    // label file without offsets is accepted; a wrong one is not.
    const QJsonValue start = o.value(QLatin1String("answer_start"));
    if (!start.isUndefined() && !start.isNull()) {
        const double v = start.toDouble(-1);
        if (!start.isDouble() || v < 0 || v != std::floor(v) || v > 9e15) {
            fail_line(source, line,
                      QStringLiteral("key 'answer_start' must be a whole number from 0"));
        }
        label.answer_start = static_cast<qint64>(v);
    }
    return label;
}

// Predictions after dropping empty texts and repeats, keeping the best score
// of a repeated text.
std::vector<Prediction> distinct_predictions(const std::vector<Prediction>& predictions) {
    std::map<std::tuple<QString, QString, QString>, size_t> seen;
    std::vector<Prediction> out;
    for (const Prediction& p : predictions) {
        if (p.text.trimmed().isEmpty()) {
            continue;
        }
        const auto [it, inserted] =
            seen.try_emplace(std::make_tuple(p.contract_id, p.category, p.text), out.size());
        if (inserted) {
            out.push_back(p);
        } else {
            Prediction& kept = out[it->second];
            kept.score = std::max(kept.score, p.score);
            kept.chosen = kept.chosen || p.chosen;
        }
    }
    return out;
}

// A prediction and the gold answers (indices into the gold list) it matches.
struct Scored {
    double score = 0;
    bool chosen = true;
    std::vector<size_t> matches;
};

struct CurvePoint {
    int true_positives = 0;
    double precision = 0;
};

// TP and FP of a set of predictions: gold answers matched by at least one of
// them, and predictions matching none.
std::pair<int, int> count_matches(const std::vector<const Scored*>& preds, size_t gold_total) {
    std::vector<char> found(gold_total, 0);
    int tp = 0;
    int fp = 0;
    for (const Scored* p : preds) {
        if (p->matches.empty()) {
            ++fp;
        }
        for (const size_t g : p->matches) {
            if (found[g] == 0) {
                found[g] = 1;
                ++tp;
            }
        }
    }
    return {tp, fp};
}

// The figures of one scope (a category, or everything) from its predictions
// and its number of gold answers.
Metrics score_scope(std::vector<const Scored*> preds, int gold, size_t gold_total) {
    Metrics m;
    m.gold = gold;
    std::vector<const Scored*> answers;
    std::copy_if(preds.begin(), preds.end(), std::back_inserter(answers),
                 [](const Scored* p) { return p->chosen; });
    m.predicted = static_cast<int>(answers.size());
    const auto [tp, fp] = count_matches(answers, gold_total);
    m.true_positives = tp;
    m.false_positives = fp;
    m.false_negatives = gold - tp;
    if (tp + fp > 0) {
        m.precision = static_cast<double>(tp) / (tp + fp);
    }
    if (gold > 0) {
        m.recall = static_cast<double>(tp) / gold;
    }
    if (2 * tp + fp + m.false_negatives > 0) {
        m.f1 = 2.0 * tp / (2 * tp + fp + m.false_negatives);
    }
    if (gold == 0) {
        return m; // no recall, hence no curve
    }

    std::stable_sort(preds.begin(), preds.end(),
                     [](const Scored* a, const Scored* b) { return a->score > b->score; });

    // Lower the threshold one distinct score at a time. A gold answer becomes
    // a TP with the first prediction that matches it; a prediction matching
    // nothing is an FP whatever the threshold.
    std::vector<char> found(gold_total, 0);
    int curve_tp = 0;
    int curve_fp = 0;
    std::vector<CurvePoint> curve;
    for (size_t i = 0; i < preds.size(); ++i) {
        if (preds[i]->matches.empty()) {
            ++curve_fp;
        }
        for (const size_t g : preds[i]->matches) {
            if (found[g] == 0) {
                found[g] = 1;
                ++curve_tp;
            }
        }
        if (i + 1 == preds.size() || preds[i + 1]->score != preds[i]->score) {
            curve.push_back(
                CurvePoint{curve_tp, static_cast<double>(curve_tp) / (curve_tp + curve_fp)});
        }
    }

    // Envelope, from the last point back: the best precision at this recall or beyond.
    for (size_t i = curve.size(); i-- > 1;) {
        curve[i - 1].precision = std::max(curve[i - 1].precision, curve[i].precision);
    }
    // Area from CUAD's start point (recall 0, precision 1), whose enveloped
    // precision is 1 as well.
    double area = 0;
    double prev_recall = 0;
    double prev_precision = 1;
    for (const CurvePoint& p : curve) {
        const double recall = static_cast<double>(p.true_positives) / gold;
        area += (recall - prev_recall) * (p.precision + prev_precision) / 2;
        prev_recall = recall;
        prev_precision = p.precision;
    }
    m.aupr = area;
    // The enveloped precision of the first point at or past the recall is the
    // best of all points there. Integer comparison: tp / gold >= 8 / 10.
    for (const CurvePoint& p : curve) {
        if (!m.precision_at_80_recall && p.true_positives * 10 >= 8 * gold) {
            m.precision_at_80_recall = p.precision;
        }
        if (!m.precision_at_90_recall && p.true_positives * 10 >= 9 * gold) {
            m.precision_at_90_recall = p.precision;
        }
    }
    return m;
}

} // namespace

std::vector<GoldLabel> parse_gold_labels(QIODevice& in, const QString& source) {
    std::vector<GoldLabel> labels;
    int line = 0;
    while (!in.atEnd()) {
        QByteArray bytes = in.readLine();
        ++line;
        if (line == 1 && bytes.startsWith("\xEF\xBB\xBF")) {
            bytes.remove(0, 3); // a byte order mark from a Windows editor
        }
        if (bytes.trimmed().isEmpty()) {
            continue;
        }
        labels.push_back(parse_line(bytes, source, line));
    }
    return labels;
}

std::vector<GoldLabel> read_gold_labels(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw EvaluationError(QStringLiteral("cannot read gold labels %1: %2")
                                  .arg(QFileInfo(path).absoluteFilePath(), file.errorString())
                                  .toStdString());
    }
    return parse_gold_labels(file, path);
}

QStringList match_words(const QString& text) {
    QString t = text;
    for (const QChar c : {u'.', u',', u';', u':'}) {
        t.remove(c);
    }
    t = t.toLower();
    t.replace(u'/', u' ');
    QStringList words;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= t.size(); ++i) {
        const bool space = i == t.size() || t[i].isSpace();
        if (space && start >= 0) {
            words.append(t.mid(start, i - start));
            start = -1;
        } else if (!space && start < 0) {
            start = i;
        }
    }
    words.sort();
    words.removeDuplicates();
    return words;
}

namespace {

double jaccard_of(const QStringList& a, const QStringList& b) {
    // Both sorted and without repeats (match_words).
    qsizetype common = 0;
    for (qsizetype i = 0, j = 0; i < a.size() && j < b.size();) {
        const int c = a[i].compare(b[j]);
        if (c == 0) {
            ++common;
            ++i;
            ++j;
        } else if (c < 0) {
            ++i;
        } else {
            ++j;
        }
    }
    const qsizetype all = a.size() + b.size() - common;
    return all == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(all);
}

bool substring_counts(const QString& category) {
    return category == QLatin1String("Parties");
}

} // namespace

double jaccard(const QString& a, const QString& b) {
    return jaccard_of(match_words(a), match_words(b));
}

bool answers_match(const QString& category, const QString& gold_text,
                   const QString& predicted_text) {
    if (jaccard(gold_text, predicted_text) >= k_match_threshold) {
        return true;
    }
    return substring_counts(category) &&
           predicted_text.simplified().contains(gold_text.simplified());
}

EvaluationReport evaluate(const std::vector<GoldLabel>& gold,
                          const std::vector<Prediction>& predictions,
                          const QStringList& categories) {
    const std::vector<Prediction> preds = distinct_predictions(predictions);

    // Gold answers by (contract, category), with their word sets computed once.
    QHash<QString, std::vector<size_t>> gold_by_key;
    std::vector<QStringList> gold_words(gold.size());
    const auto key = [](const QString& contract, const QString& category) {
        return contract + QChar(0x1F) + category;
    };
    for (size_t g = 0; g < gold.size(); ++g) {
        gold_by_key[key(gold[g].contract_id, gold[g].category)].push_back(g);
        gold_words[g] = match_words(gold[g].answer_text);
    }

    std::vector<Scored> scored(preds.size());
    for (size_t p = 0; p < preds.size(); ++p) {
        scored[p].score = preds[p].score;
        scored[p].chosen = preds[p].chosen;
        const auto it = gold_by_key.constFind(key(preds[p].contract_id, preds[p].category));
        if (it == gold_by_key.constEnd()) {
            continue;
        }
        const QStringList words = match_words(preds[p].text);
        const QString collapsed = preds[p].text.simplified();
        for (const size_t g : *it) {
            if (jaccard_of(gold_words[g], words) >= k_match_threshold ||
                (substring_counts(preds[p].category) &&
                 collapsed.contains(gold[g].answer_text.simplified()))) {
                scored[p].matches.push_back(g);
            }
        }
    }

    // The categories to list: those asked for, then the others by name.
    QStringList order = categories;
    order.removeDuplicates();
    QStringList others;
    for (const GoldLabel& g : gold) {
        others.append(g.category);
    }
    for (const Prediction& p : preds) {
        others.append(p.category);
    }
    others.sort();
    others.removeDuplicates();
    for (const QString& c : others) {
        if (!order.contains(c)) {
            order.append(c);
        }
    }

    EvaluationReport report;
    std::vector<const Scored*> all;
    all.reserve(scored.size());
    for (const Scored& s : scored) {
        all.push_back(&s);
    }
    for (const QString& category : order) {
        std::vector<const Scored*> in_category;
        for (size_t p = 0; p < preds.size(); ++p) {
            if (preds[p].category == category) {
                in_category.push_back(&scored[p]);
            }
        }
        const auto gold_count = static_cast<int>(std::count_if(
            gold.begin(), gold.end(), [&](const GoldLabel& g) { return g.category == category; }));
        Metrics m = score_scope(std::move(in_category), gold_count, gold.size());
        m.category = category;
        report.categories.push_back(std::move(m));
    }
    report.overall = score_scope(std::move(all), static_cast<int>(gold.size()), gold.size());
    return report;
}

} // namespace clauselens::core
