#pragma once
// Layout of extracted words, without Poppler: reading order (lines, two-column
// regions, paragraphs), running headers/footers and page numbers, hyphenated
// line breaks, ligatures and Unicode normalisation. pdf_reader.cpp feeds it the
// words of one page at a time; tests feed it synthetic pages.

#include "core/document.h"

#include <QRectF>
#include <QSizeF>
#include <QString>
#include <vector>

namespace clauselens::core {

// A word as the PDF library reports it, in page points (origin top left of the
// page as displayed).
struct RawWord {
    QString text;
    QRectF box;
    // False when the PDF puts no space after this word: a following word on
    // the same line right next to it is the same word (small capitals drawn
    // as "G" + "RANT", kerned runs).
    bool space_after = true;
};

struct RawPage {
    QSizeF size;      // as displayed
    int rotation = 0; // 0, 90, 180, 270
    // Which way most text runs on the displayed page, in degrees clockwise
    // from left-to-right: 90 reads top to bottom (a landscape table turned on a
    // portrait page, or upright content under /Rotate). Layout happens in the
    // frame where this text is upright.
    int text_rotation = 0;
    std::vector<RawWord> words;
};

// Ligatures (U+FB00..U+FB06) expanded, no-break and other Unicode spaces made
// plain spaces, soft hyphens dropped, then NFC.
QString normalize_text(const QString& text);

// The key under which a header/footer line is compared across pages: lower
// case, digits replaced by '#', runs of spaces collapsed.
QString running_line_key(const QString& line);

// "12", "- 12 -", "Page 12", "Page 12 of 40", "12/40", "iv".
bool is_page_number(const QString& line);

// One visual line of one column, in reading order.
struct LayoutLine {
    std::vector<RawWord> words; // left to right
    QRectF box;
    bool paragraph_start = false; // a new paragraph starts with this line
    QString text() const;         // words joined by single spaces
};

struct PageLayout {
    QSizeF size; // as displayed
    int rotation = 0;
    int text_rotation = 0;
    QSizeF frame_size;             // size in the reading frame (text upright)
    std::vector<LayoutLine> lines; // reading order; boxes in the reading frame
};

// Boxes between the displayed page (size as displayed) and the reading frame
// of text running text_rotation degrees clockwise.
QRectF to_reading_frame(const QRectF& box, const QSizeF& size, int text_rotation);
QRectF from_reading_frame(const QRectF& box, const QSizeF& size, int text_rotation);

// Orders one page: words -> lines (vertical overlap), runs of lines with a
// common gutter -> two columns read left then right, tables row by row,
// paragraph starts from vertical gaps and indentation.
PageLayout layout_page(const RawPage& page);

// Collects laid-out pages and builds the document text. Only the laid-out
// words of a page are kept (never the PDF library's page), so memory grows
// with the text, not with the PDF.
class DocumentTextBuilder {
public:
    void add_page(const RawPage& page);
    int page_count() const { return static_cast<int>(pages_.size()); }
    // Drops running headers/footers and page numbers, joins hyphenated line
    // breaks, and assembles text and word offsets as DocumentText documents.
    DocumentText finish();

private:
    std::vector<PageLayout> pages_;
};

} // namespace clauselens::core
