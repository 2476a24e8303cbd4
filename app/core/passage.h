#pragma once
// One passage of a contract for point-and-click classification: either text
// the user typed or pasted, or the words inside a rectangle the user dragged
// on a rendered page, resolved through the word boxes stored at ingestion.
//
// Coordinates are those of the stored word boxes (core::Word::box): PDF points
// (1/72 inch) with the origin at the top left of the page as displayed, i.e.
// after the page's /Rotate is applied, x to the right and y downwards. A page
// view that renders at D dpi maps a pixel (px, py) to (px * 72 / D, py * 72 / D).

#include "core/document.h"

#include <QRectF>
#include <QString>
#include <optional>
#include <stdexcept>
#include <vector>

namespace clauselens::core {

class Store;

// Why a rectangle gave no passage. The kind lets the GUI react (an empty
// selection is not worth a dialog); the message says what the user can do.
// Page numbers in messages are 1-based, as the user sees them.
class PassageError : public std::runtime_error {
public:
    enum class Kind {
        unknown_document,  // no document with that id in the store
        page_out_of_range, // "page 40 of 12"
        needs_ocr,         // the document has no text layer
        empty_selection,   // "no text in the selected area of page 3"
    };

    PassageError(Kind kind, const QString& message)
        : std::runtime_error(message.toStdString()), kind_(kind) {}

    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

struct Passage {
    qint64 document_id = 0;  // 0 for a passage given as text
    int page = -1;           // 0-based; -1 for a passage given as text
    QRectF rect;             // the selection, in page points (empty for text)
    QString text;            // what the model is shown
    std::vector<Word> words; // the selected words in reading order, with their boxes
};

// Words covering at least this share of their own area are selected: a drag
// that clips the edge of a word does not pull it in, one that cuts through its
// middle does.
constexpr double k_default_min_overlap = 0.5;

// The words of page `page` (0-based) of a stored document whose box overlaps
// `rect` by at least min_overlap of the word's area (a word with an empty box
// counts when its position lies inside rect), in reading order, joined with
// single spaces; line breaks become spaces, and the halves of a word that
// ingestion joined across a hyphenated line break are joined again.
// Throws PassageError for an unknown document, a page out of range, a document
// without a text layer, or a selection with no words; StoreError from the store.
Passage passage_in_rect(const Store& store, qint64 document_id, int page, const QRectF& rect,
                        double min_overlap = k_default_min_overlap);

// A passage the user typed or pasted: the text as given, trimmed.
Passage passage_from_text(const QString& text);

// The id of the stored segment (Store segments table) that holds most of the
// passage's words, for showing where the passage lies and for storing a
// result against it; the earlier segment on a tie. nullopt for a passage given
// as text or one whose words lie in no segment.
std::optional<qint64> segment_at(const Store& store, const Passage& passage);
// The same for the words in a rectangle; throws as passage_in_rect does.
std::optional<qint64> segment_at(const Store& store, qint64 document_id, int page,
                                 const QRectF& rect);

} // namespace clauselens::core
