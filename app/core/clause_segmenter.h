#pragma once
// Splits a document's text into clause candidates: spans under numbered
// headings (1., 1.1, (a), (iv), Article IV, Section 12), paragraphs, and, for
// paragraphs too long for one prompt, runs of whole sentences. Each segment
// keeps its heading path, character span, pages and word boxes so a result can
// be highlighted on the page.

#include "core/document.h"

#include <QString>
#include <vector>

namespace clauselens::core {

struct SegmenterOptions {
    // A paragraph longer than this is split at sentence boundaries into parts
    // of at most this many characters (a single longer sentence is cut at
    // whitespace).
    qsizetype max_chars = 1500;
    // A span shorter than this is joined to the span after it (or, at the end
    // of the document, to the one before).
    qsizetype min_chars = 1;
};

class ClauseSegmenter {
public:
    explicit ClauseSegmenter(SegmenterOptions options = {});

    // Segments in document order; together they cover every non-blank
    // character of doc.text, each segment's text is doc.text.mid(begin,
    // end - begin) with no leading or trailing whitespace.
    std::vector<Segment> segment(const DocumentText& doc) const;

private:
    SegmenterOptions options_;
};

// For documents known only as text (no pages or boxes): one page covering the
// whole text, its words split at whitespace with empty boxes. Used by tests.
DocumentText text_only_document(const QString& text);

} // namespace clauselens::core
