#pragma once
// An extracted clause as the page view shows it: the boxes of its words on one
// page, coloured by its category, with what its tooltip says.

#include <QRectF>
#include <QString>
#include <vector>

namespace clauselens::gui {

struct PageHighlight {
    qint64 extraction_id = 0;
    QString category;
    double score = 0;          // 0..1
    QString status;            // "auto", "accepted", "rejected", "edited"
    int page = 0;              // 0-based
    std::vector<QRectF> boxes; // word boxes in page points, in reading order
};

// The word boxes of one highlight joined line by line: consecutive boxes that
// share a line become one rectangle, so a highlighted sentence reads as a band
// rather than a row of separate word patches. Boxes on the same line far apart
// (another column) stay separate.
std::vector<QRectF> merge_line_boxes(const std::vector<QRectF>& boxes);

// The tooltip of a highlight: category, score as a percentage, review status.
QString highlight_tooltip(const PageHighlight& highlight);

// A review status as the user reads it ("auto" is "not reviewed").
QString status_display_name(const QString& status);

} // namespace clauselens::gui
