#include "core/passage.h"

#include "core/store.h"

#include <QFileInfo>
#include <algorithm>

namespace clauselens::core {

namespace {

// The share of a word's box that lies inside the selection. A word with an
// empty box (documents known only as text) counts as fully inside when its
// position is, so that it can still be selected.
double covered_share(const QRectF& word, const QRectF& selection) {
    const double area = word.width() * word.height();
    if (area <= 0) {
        return selection.contains(word.center()) ? 1.0 : 0.0;
    }
    const QRectF both = word.intersected(selection);
    return both.isEmpty() ? 0.0 : both.width() * both.height() / area;
}

} // namespace

Passage passage_in_rect(const Store& store, qint64 document_id, int page, const QRectF& rect,
                        double min_overlap) {
    const std::optional<Document> doc = store.load_document(document_id);
    if (!doc) {
        throw PassageError(PassageError::Kind::unknown_document,
                           QStringLiteral("no document with id %1 in %2")
                               .arg(document_id)
                               .arg(QFileInfo(store.path()).absoluteFilePath()));
    }
    const int pages = static_cast<int>(doc->content.pages.size());
    if (doc->status == DocumentStatus::needs_ocr) {
        throw PassageError(PassageError::Kind::needs_ocr,
                           QStringLiteral("'%1' has no text layer (a scan): run OCR on the PDF "
                                          "and add it again to select text in it")
                               .arg(doc->title));
    }
    if (page < 0 || page >= pages) {
        throw PassageError(PassageError::Kind::page_out_of_range,
                           QStringLiteral("page %1 of %2: '%3' has pages 1 to %2")
                               .arg(page + 1)
                               .arg(pages)
                               .arg(doc->title));
    }

    Passage out;
    out.document_id = document_id;
    out.page = page;
    out.rect = rect.normalized();
    // Stored words are already in reading order (columns, tables, paragraphs),
    // so keeping their order is what puts the passage in reading order.
    for (const Word& word : doc->content.pages[static_cast<std::size_t>(page)].words) {
        if (covered_share(word.box, out.rect) >= min_overlap) {
            out.words.push_back(word);
        }
    }
    if (out.words.empty()) {
        throw PassageError(PassageError::Kind::empty_selection,
                           QStringLiteral("no text in the selected area of page %1").arg(page + 1));
    }
    // Word offsets tell what stood between two words in the document text:
    // the halves of a hyphenated word are adjacent there ("indemni" +
    // "fication") and are joined again; anything else becomes one space.
    const Word* previous = nullptr;
    for (const Word& word : out.words) {
        if (previous != nullptr && previous->begin + previous->text.size() != word.begin) {
            out.text += QLatin1Char(' ');
        }
        out.text += word.text;
        previous = &word;
    }
    return out;
}

Passage passage_from_text(const QString& text) {
    Passage out;
    out.text = text.trimmed();
    return out;
}

std::optional<qint64> segment_at(const Store& store, const Passage& passage) {
    if (passage.words.empty()) {
        return std::nullopt;
    }
    std::optional<qint64> best;
    std::size_t best_count = 0;
    for (const Store::SegmentSpan& span : store.segment_spans(passage.document_id)) {
        if (span.page_last < passage.page || span.page_first > passage.page) {
            continue;
        }
        const auto count = static_cast<std::size_t>(
            std::count_if(passage.words.begin(), passage.words.end(), [&](const Word& w) {
                return w.begin >= span.begin && w.begin < span.end;
            }));
        if (count > best_count) {
            best = span.id;
            best_count = count;
        }
    }
    return best;
}

std::optional<qint64> segment_at(const Store& store, qint64 document_id, int page,
                                 const QRectF& rect) {
    return segment_at(store, passage_in_rect(store, document_id, page, rect));
}

} // namespace clauselens::core
