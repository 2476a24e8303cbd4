#include "gui/page_highlight.h"

#include <QCoreApplication>
#include <algorithm>

namespace clauselens::gui {

namespace {

bool same_line(const QRectF& a, const QRectF& b) {
    const double overlap = std::min(a.bottom(), b.bottom()) - std::max(a.top(), b.top());
    const double height = std::min(a.height(), b.height());
    if (height <= 0 || overlap < 0.5 * height)
        return false;
    // Reading order continues to the right on a line; a jump back to the left
    // or across a wide gutter starts a new band.
    const double gap = b.left() - a.right();
    const double line_height = std::max(a.height(), b.height());
    return gap > -0.5 * line_height && gap < 3.0 * line_height;
}

} // namespace

std::vector<QRectF> merge_line_boxes(const std::vector<QRectF>& boxes) {
    std::vector<QRectF> merged;
    QRectF previous;
    for (const QRectF& raw : boxes) {
        const QRectF box = raw.normalized();
        if (box.isEmpty())
            continue;
        if (!merged.empty() && same_line(previous, box))
            merged.back() = merged.back().united(box);
        else
            merged.push_back(box);
        previous = box;
    }
    return merged;
}

QString status_display_name(const QString& status) {
    const QString s = status.trimmed().toLower();
    if (s == QLatin1String("auto"))
        return QCoreApplication::translate("clauselens::gui::PageHighlight", "not reviewed");
    if (s == QLatin1String("accepted"))
        return QCoreApplication::translate("clauselens::gui::PageHighlight", "accepted");
    if (s == QLatin1String("rejected"))
        return QCoreApplication::translate("clauselens::gui::PageHighlight", "rejected");
    if (s == QLatin1String("edited"))
        return QCoreApplication::translate("clauselens::gui::PageHighlight", "edited");
    return status;
}

QString highlight_tooltip(const PageHighlight& h) {
    const int percent = qRound(std::clamp(h.score, 0.0, 1.0) * 100.0);
    return QCoreApplication::translate("clauselens::gui::PageHighlight",
                                       "<b>%1</b><br>Score: %2 %<br>Status: %3")
        .arg(h.category.toHtmlEscaped())
        .arg(percent)
        .arg(status_display_name(h.status).toHtmlEscaped());
}

} // namespace clauselens::gui
