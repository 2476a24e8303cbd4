#include "gui/page_view.h"

#include "gui/page_renderer.h"
#include "gui/page_view_metrics.h"

#include <QAction>
#include <QEvent>
#include <QScrollBar>
#include <QStyle>
#include <QVariantAnimation>
#include <algorithm>
#include <cmath>

namespace clauselens::gui {

using namespace page_view_metrics;

PageView::PageView(QWidget* parent)
    : QAbstractScrollArea(parent), renderer_(new PageRenderer(this)),
      flash_animation_(new QVariantAnimation(this)), classify_action_(new QAction(this)) {
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(20);

    connect(renderer_, &PageRenderer::rendered, this, &PageView::on_rendered);
    connect(renderer_, &PageRenderer::failed, this, &PageView::on_render_failed);

    flash_animation_->setStartValue(0.0);
    flash_animation_->setKeyValueAt(0.5, 1.0);
    flash_animation_->setEndValue(0.0);
    flash_animation_->setDuration(450);
    flash_animation_->setLoopCount(3);
    connect(flash_animation_, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        flash_level_ = v.toDouble();
        viewport()->update();
    });
    connect(flash_animation_, &QVariantAnimation::finished, this, [this] {
        flash_id_ = 0;
        flash_level_ = 0;
        viewport()->update();
    });

    classify_action_->setEnabled(false);
    classify_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    classify_action_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(classify_action_);
    connect(classify_action_, &QAction::triggered, this, [this] {
        if (!selection_.isEmpty())
            emit classify_requested(page_, selection_);
    });

    retranslate();
    update_accessible_description();
}

PageView::~PageView() = default;

void PageView::retranslate() {
    setAccessibleName(tr("Page view"));
    classify_action_->setText(tr("E&xtract"));
    classify_action_->setToolTip(
        tr("Classify the selected passage with the model (%1)")
            .arg(classify_action_->shortcut().toString(QKeySequence::NativeText)));
    classify_action_->setStatusTip(tr("Classify the passage selected on the page"));
    update_accessible_description();
}

// --- document ---

void PageView::set_document(qint64 document_id, const QString& pdf_path,
                            const std::vector<QSizeF>& page_sizes_points, const QString& password) {
    if (document_id == document_id_ && pdf_path == pdf_path_ && page_sizes_points == page_sizes_ &&
        error_.isEmpty())
        return; // already shown: keep page, zoom and highlights
    clear_selection();
    stop_flash();
    document_id_ = document_id;
    pdf_path_ = pdf_path;
    page_sizes_ = page_sizes_points;
    page_ = 0;
    highlights_.clear();
    shown_highlights_.clear();
    shown_image_ = {};
    shown_page_ = -1;
    shown_dpi_ = 0;
    wanted_dpi_ = 0;
    error_.clear();
    renderer_->open(pdf_path, password);
    relayout();
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    emit page_changed(page_, page_count());
    update_accessible_description();
    viewport()->update();
}

void PageView::clear() {
    clear_selection();
    stop_flash();
    renderer_->close();
    document_id_ = 0;
    pdf_path_.clear();
    page_sizes_.clear();
    page_ = 0;
    highlights_.clear();
    shown_highlights_.clear();
    shown_image_ = {};
    shown_page_ = -1;
    error_.clear();
    relayout();
    emit page_changed(0, 0);
    update_accessible_description();
    viewport()->update();
}

// --- navigation ---

void PageView::set_page(int page) {
    if (page_sizes_.empty())
        return;
    page = std::clamp(page, 0, page_count() - 1);
    if (page == page_)
        return;
    pressing_ = dragging_ = false;
    clear_selection();
    page_ = page;
    rebuild_shown_highlights();
    relayout();
    verticalScrollBar()->setValue(0);
    emit page_changed(page_, page_count());
    update_accessible_description();
    viewport()->update();
}

void PageView::next_page() {
    set_page(page_ + 1);
}

void PageView::previous_page() {
    set_page(page_ - 1);
}

// --- zoom ---

void PageView::set_zoom_mode(ZoomMode mode) {
    zoom_mode_ = mode;
    relayout();
}

void PageView::set_zoom(double zoom) {
    zoom_mode_ = ZoomMode::custom;
    apply_zoom(zoom, viewport()->rect().center());
}

void PageView::zoom_in() {
    set_zoom(next_zoom_step(zoom_));
}

void PageView::zoom_out() {
    set_zoom(previous_zoom_step(zoom_));
}

void PageView::apply_zoom(double zoom, QPoint anchor) {
    zoom = std::clamp(zoom, k_min_zoom, k_max_zoom);
    // Keep the point of the page under the anchor (the mouse, or the centre)
    // where it is, as users expect from zooming with Ctrl+wheel.
    const QPointF anchor_points = to_points(anchor);
    const bool changed = std::abs(zoom - zoom_) > 1e-9;
    zoom_ = zoom;
    relayout();
    const double ppp = pixels_per_point();
    horizontalScrollBar()->setValue(qRound(k_margin + anchor_points.x() * ppp - anchor.x()));
    verticalScrollBar()->setValue(qRound(k_margin + anchor_points.y() * ppp - anchor.y()));
    if (changed)
        emit zoom_changed(zoom_);
    update_accessible_description();
}

double PageView::pixels_per_point() const {
    return zoom_ * k_pixels_per_point_at_100;
}

double PageView::fit_zoom(ZoomMode mode, const QSizeF& page_points) const {
    if (page_points.isEmpty())
        return zoom_;
    // The room without scroll bars; fit width takes away the vertical scroll
    // bar when the page will be taller than the window, so that the layout
    // does not flip between with and without it.
    const QSize room = maximumViewportSize();
    const double w = page_points.width() * k_pixels_per_point_at_100;
    const double h = page_points.height() * k_pixels_per_point_at_100;
    const double width_fit = (room.width() - 2.0 * k_margin) / w;
    const double height_fit = (room.height() - 2.0 * k_margin) / h;
    double z = width_fit;
    if (mode == ZoomMode::fit_page) {
        z = std::min(width_fit, height_fit);
    } else if (h * width_fit + 2.0 * k_margin > room.height() &&
               verticalScrollBarPolicy() != Qt::ScrollBarAlwaysOff &&
               !style()->styleHint(QStyle::SH_ScrollBar_Transient, nullptr, this)) {
        int bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, verticalScrollBar());
        if (style()->styleHint(QStyle::SH_ScrollView_FrameOnlyAroundContents, nullptr, this))
            bar += style()->pixelMetric(QStyle::PM_ScrollView_ScrollBarSpacing, nullptr, this);
        z = (room.width() - bar - 2.0 * k_margin) / w;
    }
    return std::clamp(z, 0.05, k_max_zoom);
}

// --- layout ---

QSizeF PageView::page_size_points() const {
    if (page_sizes_.empty())
        return {};
    return page_sizes_[static_cast<std::size_t>(page_)];
}

QSizeF PageView::page_size_pixels() const {
    return page_size_points() * pixels_per_point();
}

QPointF PageView::page_origin() const {
    const QSizeF page = page_size_pixels();
    const QSize view = viewport()->size();
    const double content_w = page.width() + 2.0 * k_margin;
    const double content_h = page.height() + 2.0 * k_margin;
    // Whole pixels, so that a render at the screen's resolution maps 1:1.
    const double x = content_w <= view.width() ? std::floor((view.width() - page.width()) / 2)
                                               : k_margin - horizontalScrollBar()->value();
    const double y = content_h <= view.height() ? std::floor((view.height() - page.height()) / 2)
                                                : k_margin - verticalScrollBar()->value();
    return {x, y};
}

QRectF PageView::page_rect() const {
    return {page_origin(), page_size_pixels()};
}

void PageView::relayout() {
    // Changing the scroll ranges may show or hide a scroll bar, which resizes
    // the viewport and calls back here; that second pass runs after this one.
    if (in_relayout_) {
        relayout_again_ = true;
        return;
    }
    in_relayout_ = true;
    for (int pass = 0; pass < 3; ++pass) {
        relayout_again_ = false;
        relayout_once();
        if (!relayout_again_)
            break;
    }
    in_relayout_ = false;
}

void PageView::relayout_once() {
    if (zoom_mode_ != ZoomMode::custom && !page_sizes_.empty()) {
        const double z = fit_zoom(zoom_mode_, page_size_points());
        if (std::abs(z - zoom_) > 1e-9) {
            zoom_ = z;
            emit zoom_changed(zoom_);
            update_accessible_description();
        }
    }
    update_scroll_ranges();
    request_render();
    viewport()->update();
}

void PageView::update_scroll_ranges() {
    const QSizeF page = page_size_pixels();
    const QSize view = viewport()->size();
    // Rounding noise (a fitted page is 862.0000001 px wide) must not bring up
    // a scroll bar for a fraction of a pixel.
    const auto whole = [](double px) {
        return static_cast<int>(std::ceil(px - 0.01));
    };
    const int extra_w = whole(page.width() + 2.0 * k_margin) - view.width();
    const int extra_h = whole(page.height() + 2.0 * k_margin) - view.height();
    horizontalScrollBar()->setPageStep(view.width());
    verticalScrollBar()->setPageStep(view.height());
    horizontalScrollBar()->setRange(0, std::max(0, extra_w));
    verticalScrollBar()->setRange(0, std::max(0, extra_h));
}

// --- rendering ---

double PageView::dpi_for(int page) const {
    if (page < 0 || page >= page_count())
        return 0;
    const QSizeF points = page_sizes_[static_cast<std::size_t>(page)];
    const double zoom = zoom_mode_ == ZoomMode::custom ? zoom_ : fit_zoom(zoom_mode_, points);
    double dpi = zoom * 96.0 * devicePixelRatioF();
    const double pixels = (points.width() / 72.0 * dpi) * (points.height() / 72.0 * dpi);
    if (pixels > k_max_render_pixels)
        dpi *= std::sqrt(k_max_render_pixels / pixels);
    return dpi;
}

double PageView::render_dpi() const {
    return page_sizes_.empty() ? 0 : dpi_for(page_);
}

bool PageView::page_rendered() const {
    return !page_sizes_.empty() && shown_page_ == page_ && !shown_image_.isNull() &&
           same_dpi(shown_dpi_, render_dpi());
}

void PageView::request_render() {
    if (page_sizes_.empty() || !isVisible() || viewport()->width() <= 0)
        return;
    const double dpi = render_dpi();
    if (shown_page_ == page_ && same_dpi(shown_dpi_, dpi) && same_dpi(wanted_dpi_, dpi))
        return;
    wanted_dpi_ = dpi;
    if (const QImage hit = renderer_->cached(page_, dpi); !hit.isNull()) {
        // Shown now, without waiting for a turn of the event loop.
        shown_image_ = hit;
        shown_page_ = page_;
        shown_dpi_ = dpi;
    }
    // Also for a cache hit: it cancels renders asked for earlier.
    renderer_->request(page_, dpi, ++ticket_, devicePixelRatioF());
}

void PageView::on_rendered(int page, double dpi, const QImage& image, quint64 /*ticket*/) {
    if (page != page_ || !same_dpi(dpi, wanted_dpi_))
        return; // an answer to an earlier wish (it is in the cache now)
    if (!(shown_page_ == page && same_dpi(shown_dpi_, dpi))) {
        shown_image_ = image; // carries the device pixel ratio it was rendered for
        shown_page_ = page;
        shown_dpi_ = dpi;
        error_.clear();
        viewport()->update();
    }
    // The pages next to this one are likely next: have them ready -- unless
    // they are so large (extreme zoom) that keeping them would push the page
    // shown now out of the cache.
    for (const int neighbour : {page_ + 1, page_ - 1}) {
        if (neighbour < 0 || neighbour >= page_count())
            continue;
        const double neighbour_dpi = dpi_for(neighbour);
        const QSizeF points = page_sizes_[static_cast<std::size_t>(neighbour)];
        const double bytes = 4.0 * (points.width() / 72.0 * neighbour_dpi) *
                             (points.height() / 72.0 * neighbour_dpi);
        if (bytes * 4 <= static_cast<double>(renderer_->cache_capacity()))
            renderer_->prefetch(neighbour, neighbour_dpi, devicePixelRatioF());
    }
}

void PageView::on_render_failed(const QString& message) {
    error_ = message;
    viewport()->update();
    emit render_failed(message);
}

// --- highlights ---

void PageView::set_highlights(std::vector<PageHighlight> highlights) {
    highlights_ = std::move(highlights);
    if (flash_id_ != 0 &&
        std::none_of(highlights_.begin(), highlights_.end(),
                     [this](const PageHighlight& h) { return h.extraction_id == flash_id_; }))
        stop_flash();
    rebuild_shown_highlights();
    viewport()->update();
}

void PageView::rebuild_shown_highlights() {
    shown_highlights_.clear();
    for (std::size_t i = 0; i < highlights_.size(); ++i) {
        if (highlights_[i].page == page_)
            shown_highlights_.push_back({i, merge_line_boxes(highlights_[i].boxes)});
    }
}

bool PageView::flash(qint64 extraction_id) {
    const auto it =
        std::find_if(highlights_.begin(), highlights_.end(),
                     [&](const PageHighlight& h) { return h.extraction_id == extraction_id; });
    if (it == highlights_.end() || it->page < 0 || it->page >= page_count())
        return false;
    const int page = it->page;
    QRectF area;
    for (const QRectF& box : it->boxes)
        area = area.united(box.normalized());
    stop_flash();
    set_page(page);
    scroll_into_view(area);
    flash_id_ = extraction_id;
    flash_level_ = 0;
    flash_animation_->start();
    return true;
}

void PageView::stop_flash() {
    // stop() does not emit finished(): reset here.
    flash_animation_->stop();
    flash_id_ = 0;
    flash_level_ = 0;
    viewport()->update();
}

const PageView::ShownHighlight* PageView::shown_highlight_at(QPoint viewport_px) const {
    if (page_sizes_.empty())
        return nullptr;
    const QPointF p = to_points(viewport_px);
    const ShownHighlight* best = nullptr;
    double best_area = 0;
    for (const ShownHighlight& shown : shown_highlights_) {
        for (const QRectF& band : shown.bands) {
            if (!band.adjusted(-1, -1, 1, 1).contains(p))
                continue;
            // The smallest of overlapping highlights: a short clause inside a
            // long one stays reachable.
            double area = 0;
            for (const QRectF& b : shown.bands)
                area += b.width() * b.height();
            if (!best || area < best_area) {
                best = &shown;
                best_area = area;
            }
        }
    }
    return best;
}

qint64 PageView::highlight_at(QPoint viewport_px) const {
    const ShownHighlight* shown = shown_highlight_at(viewport_px);
    return shown ? highlights_[shown->index].extraction_id : 0;
}

QString PageView::tooltip_at(QPoint viewport_px) const {
    const ShownHighlight* shown = shown_highlight_at(viewport_px);
    return shown ? highlight_tooltip(highlights_[shown->index]) : QString();
}

void PageView::scroll_into_view(const QRectF& rect_points) {
    if (rect_points.isEmpty())
        return;
    const QRectF r = to_viewport_f(rect_points);
    const QRectF view = viewport()->rect();
    if (view.contains(r))
        return;
    QScrollBar* v = verticalScrollBar();
    QScrollBar* h = horizontalScrollBar();
    // Centre it; a clause taller than the window starts at its top.
    if (r.height() + 2 * k_margin <= view.height())
        v->setValue(v->value() + qRound(r.center().y() - view.center().y()));
    else
        v->setValue(v->value() + qRound(r.top() - k_margin));
    if (r.left() < view.left() || r.right() > view.right()) {
        if (r.width() + 2 * k_margin <= view.width())
            h->setValue(h->value() + qRound(r.center().x() - view.center().x()));
        else
            h->setValue(h->value() + qRound(r.left() - k_margin));
    }
}

// --- selection ---

void PageView::set_selection(const QRectF& rect_points) {
    if (rect_points == selection_)
        return;
    selection_ = rect_points;
    classify_action_->setEnabled(!selection_.isEmpty());
    viewport()->update();
    emit selection_changed(page_, selection_);
}

void PageView::clear_selection() {
    drag_rect_ = {};
    set_selection({});
}

// --- coordinates ---

QPointF PageView::to_points(QPoint viewport_px) const {
    const double ppp = pixels_per_point();
    return (QPointF(viewport_px) - page_origin()) / ppp;
}

QRectF PageView::to_viewport_f(const QRectF& rect_points) const {
    const double ppp = pixels_per_point();
    return {page_origin() + rect_points.topLeft() * ppp, rect_points.size() * ppp};
}

QRect PageView::to_viewport(const QRectF& rect_points) const {
    return to_viewport_f(rect_points).toRect();
}

// --- events ---

void PageView::showEvent(QShowEvent* event) {
    QAbstractScrollArea::showEvent(event);
    relayout(); // the first render waits until the view has its real size
}

void PageView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    relayout();
}

void PageView::scrollContentsBy(int /*dx*/, int /*dy*/) {
    viewport()->update();
}

void PageView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        viewport()->update();
    QAbstractScrollArea::changeEvent(event);
}

void PageView::update_accessible_description() {
    if (page_sizes_.empty()) {
        setAccessibleDescription(tr("No document"));
        return;
    }
    setAccessibleDescription(
        tr("Page %1 of %2, zoom %3 %").arg(page_ + 1).arg(page_count()).arg(qRound(zoom_ * 100)));
}

} // namespace clauselens::gui
