#pragma once
// What ClauseLens knows of a PDF contract once it is read: its pages with the
// words on them (text and box, in reading order) and the document text those
// words make up. Shared by ingestion (which produces it), segmentation, the
// store and the GUI. Coordinates are PDF points with the origin at the top
// left of the page as displayed (rotation applied).

#include <QByteArray>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <vector>

namespace clauselens::core {

struct Word {
    QString text;    // NFC, ligatures expanded
    QRectF box;      // on its page, in points
    qsizetype begin; // offset of the word's first character in DocumentText::text
};

struct Page {
    int number = 0;           // 0-based
    QSizeF size;              // in points, as displayed
    int rotation = 0;         // 0, 90, 180 or 270 degrees
    std::vector<Word> words;  // reading order, headers/footers/page numbers removed
    qsizetype text_begin = 0; // this page's first character in DocumentText::text
    qsizetype text_end = 0;   // one past its last
};

enum class DocumentStatus {
    ok,        // has a text layer
    needs_ocr, // no text layer (scanned): stored, reported, never silently empty
};

// The text of a document: words separated by one space, lines by "\n",
// paragraphs by "\n\n", pages by "\n\n" as well (page boundaries are in Page).
struct DocumentText {
    QString text;
    std::vector<Page> pages;
};

struct Document {
    QByteArray sha256; // hex, of the file's bytes: the document's identity
    QString path;      // where it was read from
    QString title;     // from the PDF's metadata, else the file name
    qint64 file_size = 0;
    DocumentStatus status = DocumentStatus::ok;
    DocumentText content;
};

// A clause candidate: a span of the document text under a heading path.
struct Segment {
    int index = 0;        // order in the document
    QString heading_path; // e.g. "12 > 12.3 > (b)"; empty before the first heading
    QString text;         // == document text [begin, end)
    qsizetype begin = 0;
    qsizetype end = 0;
    int page_first = 0;
    int page_last = 0;
    struct Box {
        int page;
        QRectF box;
    };
    std::vector<Box> boxes; // the boxes of its words, for highlighting
};

} // namespace clauselens::core
