// Segmentation into clause candidates: heading kinds and paths, sentence
// splitting, spans/pages/boxes on a hand-built document, and, on the CUAD dev
// contracts, how many gold answers sit whole inside a single segment.

#include "core/clause_segmenter.h"
#include "core/pdf_reader.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <catch2/catch.hpp>
#include <cstdio>
#include <map>

using namespace clauselens::core;

namespace {

std::vector<Segment> segment_text(const QString& text, SegmenterOptions options = {}) {
    return ClauseSegmenter(options).segment(text_only_document(text));
}

// Paths and texts of all segments in one string, so a failure shows the whole
// segmentation.
using Expected = std::vector<std::pair<std::string, std::string>>;

std::string summary(const std::vector<Segment>& segments) {
    std::string out;
    for (const Segment& s : segments) {
        out += '[';
        out += s.heading_path.toStdString();
        out += "] ";
        out += s.text.toStdString();
        out += '\n';
    }
    return out;
}

std::string summary(const Expected& expected) {
    std::string out;
    for (const auto& [text, path] : expected) {
        out += '[';
        out += path;
        out += "] ";
        out += text;
        out += '\n';
    }
    return out;
}

// Invariants every segmentation keeps: in order, not overlapping, trimmed,
// text equal to its span, and every non-blank character covered.
void check_spans(const DocumentText& doc, const std::vector<Segment>& segments,
                 qsizetype max_chars) {
    qsizetype covered_to = 0;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment& s = segments[i];
        REQUIRE(s.index == int(i));
        REQUIRE(s.begin >= covered_to);
        REQUIRE(s.end > s.begin);
        REQUIRE(s.end - s.begin <= max_chars);
        REQUIRE(s.text == doc.text.mid(s.begin, s.end - s.begin));
        REQUIRE(!s.text.front().isSpace());
        REQUIRE(!s.text.back().isSpace());
        for (qsizetype k = covered_to; k < s.begin; ++k)
            REQUIRE(doc.text[k].isSpace());
        covered_to = s.end;
    }
    for (qsizetype k = covered_to; k < doc.text.size(); ++k)
        REQUIRE(doc.text[k].isSpace());
}

QString read_text(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

// For finding answers in PDF text: whitespace dropped, case folded, and curly
// quotes and dashes made plain, as the PDFs and CUAD's text differ in those.
QChar folded(QChar c) {
    if (c.isSpace())
        return QChar();
    switch (c.unicode()) {
    case u'\u2018':
    case u'\u2019':
        return QLatin1Char('\'');
    case u'\u201c':
    case u'\u201d':
        return QLatin1Char('"');
    case u'\u2013':
    case u'\u2014':
        return QLatin1Char('-');
    default:
        return c.toLower();
    }
}

} // namespace

TEST_CASE("decimal numbering and parenthesised items build the heading path") {
    const QString text = QStringLiteral("1. Definitions.\n\n"
                                        "The terms below apply.\n\n"
                                        "1.1 Affiliate means any entity.\n\n"
                                        "1.2 Products means:\n"
                                        "(a) the widgets; and\n"
                                        "(b) the gadgets, including:\n"
                                        "(i) blue ones;\n"
                                        "(ii) red ones.\n\n"
                                        "2. Term.\n\n"
                                        "This Agreement lasts two years.\n\n"
                                        "12.3(b) Notices go by mail.");
    const auto segments = segment_text(text);
    const Expected expected = {
        {"1. Definitions.\n\nThe terms below apply.", "1"},
        {"1.1 Affiliate means any entity.", "1 > 1.1"},
        {"1.2 Products means:", "1 > 1.2"},
        {"(a) the widgets; and", "1 > 1.2 > (a)"},
        {"(b) the gadgets, including:", "1 > 1.2 > (b)"},
        {"(i) blue ones;", "1 > 1.2 > (b) > (i)"},
        {"(ii) red ones.", "1 > 1.2 > (b) > (ii)"},
        {"2. Term.\n\nThis Agreement lasts two years.", "2"},
        {"12.3(b) Notices go by mail.", "12.3 > (b)"},
    };
    CHECK(summary(segments) == summary(expected));
    check_spans(text_only_document(text), segments, 1500);
}

TEST_CASE("articles and sections, any case, and (i) after (h) as a letter") {
    const QString text = QStringLiteral("ARTICLE 5 - TERM\n\n"
                                        "Section 5.1 Initial Term. The term starts today.\n\n"
                                        "SECTION 5.2 Renewal. It renews yearly.\n\n"
                                        "Article VI\n\n"
                                        "Section 6.1 Payment:\n"
                                        "(g) seven;\n"
                                        "(h) eight;\n"
                                        "(i) nine;\n"
                                        "(j) ten.\n\n"
                                        "Section 12 Notices. Notices are written.\n\n"
                                        "(A) Upper letters nest too.\n\n"
                                        "(iv) Numerals after a letter.\n\n"
                                        "(v) And the next numeral.");
    const auto segments = segment_text(text);
    const Expected expected = {
        {"ARTICLE 5 - TERM\n\nSection 5.1 Initial Term. The term starts today.",
         "ARTICLE 5 > Section 5.1"},
        {"SECTION 5.2 Renewal. It renews yearly.", "ARTICLE 5 > SECTION 5.2"},
        {"Article VI\n\nSection 6.1 Payment:", "Article VI > Section 6.1"},
        {"(g) seven;", "Article VI > Section 6.1 > (g)"},
        {"(h) eight;", "Article VI > Section 6.1 > (h)"},
        {"(i) nine;", "Article VI > Section 6.1 > (i)"},
        {"(j) ten.", "Article VI > Section 6.1 > (j)"},
        {"Section 12 Notices. Notices are written.", "Article VI > Section 12"},
        {"(A) Upper letters nest too.", "Article VI > Section 12 > (A)"},
        {"(iv) Numerals after a letter.", "Article VI > Section 12 > (A) > (iv)"},
        {"(v) And the next numeral.", "Article VI > Section 12 > (A) > (v)"},
    };
    CHECK(summary(segments) == summary(expected));
}

TEST_CASE("wrapped references and broken paragraphs do not split a clause") {
    // A line that starts with "Section 4.1 hereof" or "(a) above" inside a
    // sentence is a reference, and a paragraph break inside a sentence (a page
    // break) is followed by lower case.
    const QString text = QStringLiteral("3. Fees. The fees are set out in\n"
                                        "Section 4.1 hereof and in clause\n"
                                        "(a) above, payable monthly by the\n\n"
                                        "customer to the supplier.\n\n"
                                        "4. Next.");
    const auto segments = segment_text(text);
    const Expected expected = {
        {"3. Fees. The fees are set out in\nSection 4.1 hereof and in clause\n(a) above, payable "
         "monthly by the\n\n"
         "customer to the supplier.",
         "3"},
        {"4. Next.", "4"},
    };
    CHECK(summary(segments) == summary(expected));
}

TEST_CASE("long paragraphs split at sentence boundaries, not after abbreviations") {
    const QString first =
        QStringLiteral("Acme Inc. shall pay U.S. dollars to J. Smith within ten days.");
    const QString rest = QStringLiteral("The fee is No. 5 in the list. Payment is due monthly.");
    REQUIRE(first.size() == 61);
    const QString text = first + QLatin1Char(' ') + rest;

    SegmenterOptions options;
    options.max_chars = 70;
    auto segments = segment_text(text, options);
    REQUIRE(segments.size() == 2);
    CHECK(segments[0].text == first);
    CHECK(segments[1].text == rest);

    // A sentence longer than the limit is cut at whitespace.
    options.max_chars = 40;
    segments = segment_text(text, options);
    REQUIRE(segments.size() >= 3);
    check_spans(text_only_document(text), segments, 40);

    // Short enough: one segment.
    segments = segment_text(text);
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].text == text);
}

TEST_CASE("short spans join the next one under min_chars") {
    SegmenterOptions options;
    options.min_chars = 10;
    const QString text = QStringLiteral("Tiny.\n\nThis paragraph is long enough.\n\nEnd.");
    const auto segments = segment_text(text, options);
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].text == text);
}

TEST_CASE("segments carry page spans and the boxes of their words") {
    // Two pages; the first clause runs over the page break ("\n\n" between
    // pages, the sentence going on in lower case).
    const QString page0 = QStringLiteral("1. Term.\nThe term is one");
    const QString page1 = QStringLiteral("year.\n\n2. Law.\nTexas law applies.");
    DocumentText doc;
    doc.text = page0 + QStringLiteral("\n\n") + page1;
    const qsizetype page1_begin = page0.size() + 2;
    for (int n = 0; n < 2; ++n) {
        Page p;
        p.number = n;
        p.size = QSizeF(612, 792);
        p.text_begin = n == 0 ? 0 : page1_begin;
        p.text_end = n == 0 ? page0.size() : doc.text.size();
        static const QRegularExpression word(QStringLiteral("\\S+"));
        auto it = word.globalMatch(doc.text.mid(p.text_begin, p.text_end - p.text_begin));
        double x = 72;
        while (it.hasNext()) {
            const auto m = it.next();
            p.words.push_back(
                {m.captured(), QRectF(x, 100 + 10 * n, 30, 12), p.text_begin + m.capturedStart()});
            x += 35;
        }
        doc.pages.push_back(std::move(p));
    }

    const auto segments = ClauseSegmenter().segment(doc);
    REQUIRE(segments.size() == 2);
    check_spans(doc, segments, 1500);

    const Segment& a = segments[0];
    CHECK(a.text == QStringLiteral("1. Term.\nThe term is one\n\nyear."));
    CHECK(a.heading_path == QStringLiteral("1"));
    CHECK(a.page_first == 0);
    CHECK(a.page_last == 1);
    REQUIRE(a.boxes.size() == 7);
    for (std::size_t i = 0; i < 6; ++i)
        CHECK(a.boxes[i].page == 0);
    CHECK(a.boxes[6].page == 1);
    CHECK(a.boxes[0].box == doc.pages[0].words[0].box);
    CHECK(a.boxes[6].box == doc.pages[1].words[0].box);

    const Segment& b = segments[1];
    CHECK(b.text == QStringLiteral("2. Law.\nTexas law applies."));
    CHECK(b.heading_path == QStringLiteral("2"));
    CHECK(b.begin == doc.text.indexOf(QStringLiteral("2. Law.")));
    CHECK(b.page_first == 1);
    CHECK(b.page_last == 1);
    CHECK(b.boxes.size() == 5);
}

TEST_CASE("text_only_document: one page, words at their offsets") {
    const DocumentText doc = text_only_document(QStringLiteral("  Alpha beta\n\ngamma "));
    REQUIRE(doc.pages.size() == 1);
    CHECK(doc.pages[0].text_begin == 0);
    CHECK(doc.pages[0].text_end == doc.text.size());
    REQUIRE(doc.pages[0].words.size() == 3);
    CHECK(doc.pages[0].words[0].text == QStringLiteral("Alpha"));
    CHECK(doc.pages[0].words[0].begin == 2);
    CHECK(doc.pages[0].words[2].text == QStringLiteral("gamma"));
    CHECK(doc.pages[0].words[2].begin == 14);
    CHECK(ClauseSegmenter().segment(text_only_document(QString())).empty());
}

TEST_CASE("gold CUAD answers sit whole inside one segment (reference text)") {
    const QString dir = QStringLiteral(CLAUSELENS_SHARED_DATA_DIR "/cuad-dev");
    QFile labels(dir + QStringLiteral("/cuad-dev-labels.jsonl"));
    INFO("labels in " << dir.toStdString());
    REQUIRE(labels.open(QIODevice::ReadOnly));

    struct Count {
        int contained = 0;
        int total = 0;
    };
    std::map<QString, Count> per_contract;
    std::map<QString, std::vector<Segment>> segmented;
    std::map<QString, QString> texts;
    const ClauseSegmenter segmenter;
    while (!labels.atEnd()) {
        const QByteArray line = labels.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject label = QJsonDocument::fromJson(line).object();
        const QString id = label[QStringLiteral("contract_id")].toString();
        if (!segmented.count(id)) {
            texts[id] = read_text(dir + QLatin1Char('/') + id + QStringLiteral(".txt"));
            const DocumentText doc = text_only_document(texts[id]);
            segmented[id] = segmenter.segment(doc);
            check_spans(doc, segmented[id], SegmenterOptions().max_chars);
        }
        const QString& text = texts[id];
        // answer_start indexes code points; these texts are all in the BMP,
        // so it is a UTF-16 offset too (checked by the comparison below).
        const QString answer = label[QStringLiteral("answer_text")].toString();
        qsizetype begin = label[QStringLiteral("answer_start")].toInteger();
        REQUIRE(text.mid(begin, answer.size()) == answer);
        qsizetype end = begin + answer.size();
        while (begin < end && text[begin].isSpace())
            ++begin;
        while (end > begin && text[end - 1].isSpace())
            --end;

        Count& count = per_contract[id];
        ++count.total;
        bool contained = false;
        for (const Segment& s : segmented[id])
            contained = contained || (s.begin <= begin && end <= s.end);
        if (contained)
            ++count.contained;
        else
            std::printf("  not in one segment: %s [%lld, %lld) %s: %.60s...\n",
                        qPrintable(id.left(24)), static_cast<long long>(begin),
                        static_cast<long long>(end),
                        qPrintable(label[QStringLiteral("category")].toString()),
                        qPrintable(answer.simplified()));
    }

    Count all;
    std::printf("segmentation, gold answers whole in one segment (reference .txt):\n");
    for (const auto& [id, count] : per_contract) {
        std::printf("  %3d/%3d %5.1f%%  %4zu segments  %s\n", count.contained, count.total,
                    100.0 * count.contained / count.total, segmented[id].size(), qPrintable(id));
        all.contained += count.contained;
        all.total += count.total;
    }
    const double share = double(all.contained) / all.total;
    std::printf("  overall %d/%d = %.1f%%\n", all.contained, all.total, 100.0 * share);
    REQUIRE(all.total == 263);
    // Reached 255/263 (97.0%); three of the misses are answers longer than
    // max_chars, which no segment may hold.
    CHECK(share >= 0.965);
}

// The same measure on the text that ingestion reads from the PDFs. Offsets
// into the .txt do not apply, so answers are found by a search that ignores
// whitespace, case, curly quotes and dashes; an answer the PDF text does not hold (different
// characters, an order the layout changed) is counted as not found, apart
// from the answers found but split.
TEST_CASE("gold CUAD answers sit whole inside one segment (text read from the PDFs)") {
    const QString dir = QStringLiteral(CLAUSELENS_SHARED_DATA_DIR "/cuad-dev");
    QFile labels(dir + QStringLiteral("/cuad-dev-labels.jsonl"));
    INFO("labels in " << dir.toStdString());
    REQUIRE(labels.open(QIODevice::ReadOnly));

    struct Count {
        int contained = 0;
        int not_found = 0;
        int total = 0;
    };
    // Per contract: segments, and the text without whitespace, lower case,
    // with each of its characters' offset in the document text.
    struct Ingested {
        std::vector<Segment> segments;
        QString squeezed;
        std::vector<qsizetype> offsets;
    };
    std::map<QString, Count> per_contract;
    std::map<QString, Ingested> ingested;
    const ClauseSegmenter segmenter;
    while (!labels.atEnd()) {
        const QByteArray line = labels.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject label = QJsonDocument::fromJson(line).object();
        const QString id = label[QStringLiteral("contract_id")].toString();
        if (!ingested.count(id)) {
            const Document doc = read_pdf(dir + QLatin1Char('/') + id + QStringLiteral(".pdf"));
            Ingested& in = ingested[id];
            in.segments = segmenter.segment(doc.content);
            check_spans(doc.content, in.segments, SegmenterOptions().max_chars);
            const QString& text = doc.content.text;
            for (qsizetype i = 0; i < text.size(); ++i) {
                if (const QChar c = folded(text[i]); !c.isNull()) {
                    in.squeezed += c;
                    in.offsets.push_back(i);
                }
            }
        }
        const Ingested& in = ingested[id];
        QString needle;
        for (QChar c : label[QStringLiteral("answer_text")].toString())
            if (const QChar f = folded(c); !f.isNull())
                needle += f;

        Count& count = per_contract[id];
        ++count.total;
        const qsizetype at = needle.isEmpty() ? -1 : in.squeezed.indexOf(needle);
        if (at < 0) {
            ++count.not_found;
            continue;
        }
        const qsizetype begin = in.offsets[std::size_t(at)];
        const qsizetype end = in.offsets[std::size_t(at + needle.size() - 1)] + 1;
        bool contained = false;
        for (const Segment& s : in.segments)
            contained = contained || (s.begin <= begin && end <= s.end);
        if (contained)
            ++count.contained;
        else
            std::printf("  not in one segment: %s [%lld, %lld) %s: %.60s...\n",
                        qPrintable(id.left(24)), static_cast<long long>(begin),
                        static_cast<long long>(end),
                        qPrintable(label[QStringLiteral("category")].toString()),
                        qPrintable(label[QStringLiteral("answer_text")].toString().simplified()));
    }

    Count all;
    std::printf("segmentation, gold answers whole in one segment (text read from the PDFs):\n");
    for (const auto& [id, count] : per_contract) {
        const int found = count.total - count.not_found;
        std::printf("  %3d/%3d found %5.1f%%, %2d not found  %4zu segments  %s\n", count.contained,
                    found, found ? 100.0 * count.contained / found : 0.0, count.not_found,
                    ingested[id].segments.size(), qPrintable(id));
        all.contained += count.contained;
        all.not_found += count.not_found;
        all.total += count.total;
    }
    const int found = all.total - all.not_found;
    const double share = found ? double(all.contained) / found : 0.0;
    std::printf("  overall %d/%d found = %.1f%%; %d of %d not found in the PDF text\n",
                all.contained, found, 100.0 * share, all.not_found, all.total);
    REQUIRE(all.total == 263);
    // Reached 250/259 found (96.5%), 4 not found, with the first version of
    // pdf_reader; a drop here means ingestion or segmentation got worse.
    CHECK(all.not_found <= 8);
    CHECK(share >= 0.95);
}
