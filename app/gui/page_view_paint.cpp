// The page view's painting: the page (or the invitation to open one), the
// highlights over their words, the selection being dragged.
#include "gui/category_colors.h"
#include "gui/page_view.h"
#include "gui/page_view_metrics.h"

#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <algorithm>

namespace clauselens::gui {

using namespace page_view_metrics;

// --- painting ---

void PageView::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(viewport());
    if (page_sizes_.empty()) {
        paint_empty_state(painter);
        return;
    }
    painter.fillRect(viewport()->rect(), palette().color(QPalette::Dark));
    paint_page(painter);
    paint_highlights(painter);

    const QRectF selection = dragging_ ? drag_rect_ : selection_;
    if (!selection.isEmpty()) {
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(50);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1.0));
        painter.setBrush(fill);
        painter.drawRect(to_viewport_f(selection));
    }

    // Moved to a screen of another pixel density: render sharp for it.
    if (!same_dpi(render_dpi(), wanted_dpi_))
        QTimer::singleShot(0, this, [this] { request_render(); });
}

void PageView::paint_page(QPainter& painter) const {
    const QRectF page = page_rect();
    painter.fillRect(page.translated(2, 2), QColor(0, 0, 0, 60)); // a soft edge
    painter.fillRect(page, Qt::white);
    if (shown_page_ == page_ && !shown_image_.isNull()) {
        // An earlier render at another zoom stands in, scaled, until the
        // sharp one arrives: no blank page while zooming.
        const bool exact = same_dpi(shown_dpi_, wanted_dpi_);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, !exact);
        const QRectF target =
            exact ? QRectF(page.topLeft(), QSizeF(shown_image_.size()) / devicePixelRatioF())
                  : page;
        painter.drawImage(target, shown_image_);
    }
    if (!error_.isEmpty()) {
        painter.setPen(QColor(0x60, 0x60, 0x60));
        painter.drawText(page.adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                         error_);
    }
}

void PageView::paint_highlights(QPainter& painter) const {
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double ppp = pixels_per_point();
    for (const ShownHighlight& shown : shown_highlights_) {
        const PageHighlight& h = highlights_[shown.index];
        const QColor base = category_color(h.category);
        const bool rejected = h.status.compare(QLatin1String("rejected"), Qt::CaseInsensitive) == 0;
        const bool flashing = h.extraction_id == flash_id_;
        QColor fill = base;
        fill.setAlpha(rejected ? 22 : 80);
        QColor edge = base;
        edge.setAlpha(rejected ? 150 : 140);
        QPen pen(edge, 1.0, rejected ? Qt::DashLine : Qt::SolidLine);
        if (flashing) {
            fill.setAlpha(std::min(255, fill.alpha() + qRound(110 * flash_level_)));
            pen = QPen(base.darker(130), 1.0 + 2.0 * flash_level_);
        }
        // Bands reach a little beyond the glyphs, as a marker pen would.
        const double pad_x = std::max(1.0, 1.2 * ppp);
        const double pad_y = std::max(0.5, 0.6 * ppp);
        QPainterPath path;
        path.setFillRule(Qt::WindingFill);
        for (const QRectF& band : shown.bands)
            path.addRoundedRect(to_viewport_f(band).adjusted(-pad_x, -pad_y, pad_x, pad_y), 2, 2);
        painter.fillPath(path, fill);
        painter.strokePath(path.simplified(), pen);
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void PageView::paint_empty_state(QPainter& painter) const {
    painter.fillRect(viewport()->rect(), palette().color(QPalette::Window));
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    painter.setFont(font);
    QColor text = palette().color(QPalette::WindowText);
    text.setAlpha(170); // an invitation, quieter than content
    painter.setPen(text);
    painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                     Qt::AlignCenter | Qt::TextWordWrap,
                     tr("Drop PDF contracts here or use File → Open"));
}

} // namespace clauselens::gui
