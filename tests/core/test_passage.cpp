// Passages from page rectangles: a real cuad-dev contract is ingested into a
// temporary store, rectangles are drawn around words found in its stored
// boxes, and the text they select is compared with the contract's text.

#include "core/ingest_batch.h"
#include "core/passage.h"
#include "core/store.h"
#include "pdf_fixtures.h"

#include <QPainter>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace clauselens::core;

namespace {

const QString k_adams =
    QStringLiteral(CLAUSELENS_SHARED_DATA_DIR
                   "/cuad-dev/ADAMSGOLFINC_03_21_2005-EX-10.17-ENDORSEMENT_AGREEMENT.pdf");

// A store in a temporary folder holding the given PDFs, ingested as a user
// would (reading, layout, segmentation).
struct IngestedStore {
    QTemporaryDir dir;
    Store store;
    qint64 document_id = 0;

    explicit IngestedStore(const QString& pdf)
        : store(Store::open(dir.filePath(QStringLiteral("passage.db")))) {
        const BatchSummary summary = ingest_files(store, {pdf}, {});
        REQUIRE(summary.count(FileResult::ingested) == 1);
        document_id = store.documents().front().id;
    }
};

// The index of the first stored word on `page` starting the word sequence
// `texts`, or -1.
int find_words(const Page& page, const QStringList& texts) {
    for (std::size_t i = 0; i + texts.size() <= page.words.size(); ++i) {
        bool all = true;
        for (int k = 0; k < texts.size() && all; ++k) {
            all = page.words[i + static_cast<std::size_t>(k)].text == texts[k];
        }
        if (all) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

// The union of the boxes of words [first, first + count) of the page.
QRectF boxes_of(const Page& page, int first, int count) {
    QRectF out;
    for (int k = first; k < first + count; ++k) {
        out = out.united(page.words[static_cast<std::size_t>(k)].box);
    }
    return out;
}

} // namespace

TEST_CASE("passage: a rectangle around a heading selects exactly its words", "[passage]") {
    IngestedStore s(k_adams);
    const Document doc = *s.store.load_document(s.document_id);
    const Page& page = doc.content.pages[1];
    const int first =
        find_words(page, {QStringLiteral("ENDORSEMENT"), QStringLiteral("AGREEMENT")});
    REQUIRE(first >= 0);
    const QRectF heading = boxes_of(page, first, 2);

    // A little slack around the line, as a hand-drawn selection has.
    const Passage p = passage_in_rect(s.store, s.document_id, 1, heading.adjusted(-2, -1, 2, 1));
    CHECK(p.text == QStringLiteral("ENDORSEMENT AGREEMENT"));
    CHECK(p.document_id == s.document_id);
    CHECK(p.page == 1);
    REQUIRE(p.words.size() == 2);
    CHECK(p.words[0].box == page.words[static_cast<std::size_t>(first)].box);

    // A rectangle drawn from bottom right to top left is the same selection.
    const QRectF flipped(heading.bottomRight(), heading.topLeft());
    CHECK(passage_in_rect(s.store, s.document_id, 1, flipped).text == p.text);
}

TEST_CASE("passage: a paragraph over several lines reads as one line of text", "[passage]") {
    IngestedStore s(k_adams);
    const Document doc = *s.store.load_document(s.document_id);
    const Page& page = doc.content.pages[1];
    const int first = find_words(page, {QStringLiteral("This"), QStringLiteral("Agreement"),
                                        QStringLiteral("is"), QStringLiteral("entered")});
    const int last =
        find_words(page, {QStringLiteral(u"\u201cADAMS"), QStringLiteral(u"GOLF\u201d).")});
    REQUIRE(first >= 0);
    REQUIRE(last > first);
    const QRectF paragraph = boxes_of(page, first, last + 2 - first);
    REQUIRE(paragraph.height() > 2 * page.words[static_cast<std::size_t>(first)].box.height());

    const Passage p = passage_in_rect(s.store, s.document_id, 1, paragraph);
    // CUAD's reference text of the same paragraph (the PDF has typographic quotes).
    CHECK(p.text == QStringLiteral(u"This Agreement is entered into on January 13, 2005 between "
                                   u"professional golfer, TOM WATSON, (hereinafter referred to as "
                                   u"\u201cCONSULTANT\u201d) and ADAMS GOLF, LTD. (hereinafter "
                                   u"referred to as \u201cADAMS GOLF\u201d)."));

    // The stored segment that holds it is the paragraph's own.
    const std::optional<qint64> segment = segment_at(s.store, p);
    REQUIRE(segment);
    CHECK(segment == segment_at(s.store, s.document_id, 1, paragraph));
    const std::vector<Store::SegmentSpan> spans = s.store.segment_spans(s.document_id);
    const std::vector<Segment> segments = s.store.segments(s.document_id);
    REQUIRE(spans.size() == segments.size());
    bool found = false;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (spans[i].id == *segment) {
            found = true;
            INFO(segments[i].text.toStdString());
            CHECK(segments[i].text.contains(QStringLiteral("This Agreement is entered into on")));
            CHECK(segments[i].page_first <= 1);
            CHECK(segments[i].page_last >= 1);
        }
    }
    CHECK(found);
}

TEST_CASE("passage: a word is selected when at least half of it is inside", "[passage]") {
    IngestedStore s(k_adams);
    const Document doc = *s.store.load_document(s.document_id);
    const Page& page = doc.content.pages[1];
    const int first =
        find_words(page, {QStringLiteral("ENDORSEMENT"), QStringLiteral("AGREEMENT")});
    REQUIRE(first >= 0);
    const QRectF heading = boxes_of(page, first, 2).adjusted(-2, -1, 0, 1);
    const QRectF second = page.words[static_cast<std::size_t>(first) + 1].box;

    QRectF most = heading;
    most.setRight(second.left() + 0.6 * second.width());
    CHECK(passage_in_rect(s.store, s.document_id, 1, most).text ==
          QStringLiteral("ENDORSEMENT AGREEMENT"));

    QRectF less = heading;
    less.setRight(second.left() + 0.4 * second.width());
    CHECK(passage_in_rect(s.store, s.document_id, 1, less).text == QStringLiteral("ENDORSEMENT"));

    // A stricter threshold leaves the word out.
    CHECK(passage_in_rect(s.store, s.document_id, 1, most, 0.9).text ==
          QStringLiteral("ENDORSEMENT"));
}

TEST_CASE("passage: empty areas, bad pages and unknown documents say so", "[passage]") {
    IngestedStore s(k_adams);
    const int pages = static_cast<int>(s.store.load_document(s.document_id)->content.pages.size());
    REQUIRE(pages > 3);

    const auto kind_of = [&](qint64 doc, int page, const QRectF& rect) {
        try {
            passage_in_rect(s.store, doc, page, rect);
        } catch (const PassageError& e) {
            return std::make_pair(e.kind(), QString::fromStdString(e.what()));
        }
        FAIL("no PassageError");
        return std::make_pair(PassageError::Kind::unknown_document, QString());
    };

    // The top left corner of the page is margin: no words there.
    auto [kind, message] = kind_of(s.document_id, 2, QRectF(0, 0, 20, 20));
    CHECK(kind == PassageError::Kind::empty_selection);
    CHECK(message == QStringLiteral("no text in the selected area of page 3"));

    std::tie(kind, message) = kind_of(s.document_id, 39, QRectF(0, 0, 600, 800));
    CHECK(kind == PassageError::Kind::page_out_of_range);
    CHECK(message.startsWith(QStringLiteral("page 40 of %1").arg(pages)));

    std::tie(kind, message) = kind_of(s.document_id, -1, QRectF(0, 0, 600, 800));
    CHECK(kind == PassageError::Kind::page_out_of_range);

    std::tie(kind, message) = kind_of(s.document_id + 100, 0, QRectF(0, 0, 600, 800));
    CHECK(kind == PassageError::Kind::unknown_document);
    CHECK(message.startsWith(QStringLiteral("no document with id %1").arg(s.document_id + 100)));

    // The whole page selects every word of it.
    const Document doc = *s.store.load_document(s.document_id);
    const Page& page = doc.content.pages[1];
    const Passage all =
        passage_in_rect(s.store, s.document_id, 1, QRectF(QPointF(0, 0), page.size));
    CHECK(all.words.size() == page.words.size());
}

TEST_CASE("passage: reading order across columns and hyphenated line breaks", "[passage]") {
    clauselens::test::ensure_gui_app();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("columns.pdf"));
    clauselens::test::write_pdf(path, 1, [](QPainter& p, int) {
        const QStringList left = {
            QStringLiteral("The Supplier shall provide full indemni-"),
            QStringLiteral("fication against claims of any kind"),
            QStringLiteral("brought by third parties for loss"),
            QStringLiteral("or damage caused by the Products"),
            QStringLiteral("delivered under this Agreement."),
            QStringLiteral("Left column line six of the text"),
            QStringLiteral("Left column line seven of the text"),
            QStringLiteral("Left column line eight of the text"),
        };
        const QStringList right = {
            QStringLiteral("Right column line one of the text"),
            QStringLiteral("Right column line two of the text"),
            QStringLiteral("Right column line three of text"),
            QStringLiteral("Right column line four of text"),
            QStringLiteral("Right column line five of text"),
            QStringLiteral("Right column line six of text"),
            QStringLiteral("Right column line seven of text"),
            QStringLiteral("Right column line eight of text"),
        };
        for (int i = 0; i < left.size(); ++i) {
            p.drawText(QPointF(50, 120 + 14 * i), left[i]);
            p.drawText(QPointF(320, 120 + 14 * i), right[i]);
        }
    });
    IngestedStore s(path);
    const Document doc = *s.store.load_document(s.document_id);
    const Page& page = doc.content.pages.front();

    // Both columns' first two lines: the left column is read first, and the
    // word split at the line break comes back whole.
    const int left = find_words(page, {QStringLiteral("The"), QStringLiteral("Supplier")});
    const int right = find_words(page, {QStringLiteral("Right"), QStringLiteral("column")});
    REQUIRE(left >= 0);
    REQUIRE(right >= 0);
    const QRectF top = page.words[static_cast<std::size_t>(left)].box.united(
        page.words[static_cast<std::size_t>(right)].box);
    const QRectF area(top.left() - 2, top.top() - 1, 540 - top.left(), 14 + top.height());
    const Passage p = passage_in_rect(s.store, s.document_id, 0, area);
    CHECK(p.text == QStringLiteral("The Supplier shall provide full indemnification against claims "
                                   "of any kind Right column line one of the text Right column "
                                   "line two of the text"));
}

TEST_CASE("passage: typed text is a passage of its own", "[passage]") {
    const Passage p = passage_from_text(QStringLiteral("  This Agreement shall be governed by the "
                                                       "laws of Delaware.\n"));
    CHECK(p.text == QStringLiteral("This Agreement shall be governed by the laws of Delaware."));
    CHECK(p.document_id == 0);
    CHECK(p.page == -1);
    CHECK(p.words.empty());
    QTemporaryDir dir;
    const Store store = Store::open(dir.filePath(QStringLiteral("empty.db")));
    CHECK_FALSE(segment_at(store, p));
}
