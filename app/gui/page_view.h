#pragma once
// The page view: one page of a contract at a time, rendered by Poppler in a
// worker thread, with the clauses the model found highlighted over their words
// in their category's colour, and a rectangle the user drags to classify a
// passage (point-and-click extraction).
//
// Coordinates: the view speaks PDF points (1/72 inch) with the origin at the
// top left of the page as displayed -- the coordinates of the word boxes in
// the store (see core/passage.h). Zoom 1.0 shows a page at its physical size
// on a 96 dpi screen; on a HiDPI screen pages are rendered at the screen's
// pixel density, so text stays sharp.

#include "gui/page_highlight.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <vector>

class QAction;
class QPainter;
class QVariantAnimation;

namespace clauselens::gui {

class PageRenderer;

class PageView : public QAbstractScrollArea {
    Q_OBJECT
public:
    enum class ZoomMode { fit_width, fit_page, custom };

    static constexpr double k_min_zoom = 0.25;
    static constexpr double k_max_zoom = 4.0;

    explicit PageView(QWidget* parent = nullptr);
    ~PageView() override;

    // --- document ---
    // Shows page 0 of a stored document. page_sizes_points are the pages'
    // displayed sizes (core::Page::size), which lay the view out before any
    // page is rendered. Called again for the document shown, it changes
    // nothing (page, zoom and highlights stay) unless the document failed to
    // open -- then it tries again, e.g. with the password the user just gave.
    void set_document(qint64 document_id, const QString& pdf_path,
                      const std::vector<QSizeF>& page_sizes_points, const QString& password = {});
    // No document: the view invites the user to open or drop contracts.
    void clear();
    qint64 document_id() const { return document_id_; }
    QString pdf_path() const { return pdf_path_; }

    // --- navigation (0-based pages) ---
    int page() const { return page_; }
    int page_count() const { return static_cast<int>(page_sizes_.size()); }
    void set_page(int page);
    void next_page();
    void previous_page();

    // --- zoom ---
    ZoomMode zoom_mode() const { return zoom_mode_; }
    void set_zoom_mode(ZoomMode mode);
    double zoom() const { return zoom_; }
    // Switches to ZoomMode::custom; clamped to [k_min_zoom, k_max_zoom].
    void set_zoom(double zoom);
    void zoom_in();
    void zoom_out();

    // --- highlights ---
    // The extracted clauses of the document (all pages; each page shows its own).
    void set_highlights(std::vector<PageHighlight> highlights);
    const std::vector<PageHighlight>& highlights() const { return highlights_; }
    // Goes to the highlight's page, scrolls it into view and flashes it briefly
    // so that the eye finds it. False for an id the view does not know.
    bool flash(qint64 extraction_id);
    // The highlight being flashed, 0 when none.
    qint64 flashing() const { return flash_id_; }
    // The highlight under a viewport position (the smallest when several
    // overlap), 0 when none; its tooltip text, empty when none.
    qint64 highlight_at(QPoint viewport_px) const;
    QString tooltip_at(QPoint viewport_px) const;

    // --- selection (for point-and-click classification) ---
    // In points on the current page; empty when nothing is selected.
    QRectF selection() const { return selection_; }
    void clear_selection();
    // "Extract": classify the selected passage. Enabled only while a selection
    // exists; the window may put it on a toolbar or in a menu.
    QAction* classify_action() const { return classify_action_; }

    // --- coordinates ---
    // A viewport position in points on the current page (may lie outside it).
    QPointF to_points(QPoint viewport_px) const;
    // A rectangle in points on the current page as viewport pixels.
    QRect to_viewport(const QRectF& rect_points) const;
    // Logical pixels per point at the current zoom.
    double pixels_per_point() const;
    // The resolution pages are rendered at now (zoom and screen pixel density).
    double render_dpi() const;
    // True when the current page is drawn from a render at render_dpi()
    // (not a scaled earlier image or a blank page awaiting its render).
    bool page_rendered() const;

signals:
    void page_changed(int page, int count);
    void zoom_changed(double zoom);
    void highlight_activated(qint64 extraction_id);
    // rect_points is empty when the selection was cleared.
    void selection_changed(int page, const QRectF& rect_points);
    void classify_requested(int page, const QRectF& rect_points);
    // The document or a page could not be rendered; the view shows the message too.
    void render_failed(const QString& message);

protected:
    void paintEvent(QPaintEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct ShownHighlight {
        std::size_t index;         // into highlights_
        std::vector<QRectF> bands; // merged line boxes, in points
    };

    QSizeF page_size_points() const;
    QSizeF page_size_pixels() const;
    QPointF page_origin() const; // top left of the page in viewport coordinates
    QRectF page_rect() const;    // the page in viewport coordinates
    QRectF to_viewport_f(const QRectF& rect_points) const;
    void relayout(); // zoom for the fit modes, scroll bar ranges, render request
    void relayout_once();
    void update_scroll_ranges();
    void apply_zoom(double zoom, QPoint anchor_viewport_px);
    void request_render();
    void on_rendered(int page, double dpi, const QImage& image, quint64 ticket);
    void on_render_failed(const QString& message);
    void rebuild_shown_highlights();
    const ShownHighlight* shown_highlight_at(QPoint viewport_px) const;
    void scroll_into_view(const QRectF& rect_points);
    void stop_flash();
    void set_selection(const QRectF& rect_points);
    void update_accessible_description();
    void paint_page(QPainter& painter) const;
    void paint_highlights(QPainter& painter) const;
    void paint_empty_state(QPainter& painter) const;
    void retranslate();
    double dpi_for(int page) const;
    double fit_zoom(ZoomMode mode, const QSizeF& page_points) const;

    PageRenderer* renderer_;
    qint64 document_id_ = 0;
    QString pdf_path_;
    std::vector<QSizeF> page_sizes_;
    int page_ = 0;
    ZoomMode zoom_mode_ = ZoomMode::fit_width;
    double zoom_ = 1.0;

    // What is drawn for the page: the newest render of it, maybe at another
    // resolution than wanted (scaled until the sharp one arrives).
    QImage shown_image_;
    int shown_page_ = -1;
    double shown_dpi_ = 0;
    double wanted_dpi_ = 0;
    quint64 ticket_ = 0;
    QString error_;

    std::vector<PageHighlight> highlights_;
    std::vector<ShownHighlight> shown_highlights_; // those on the current page

    QRectF selection_;
    bool pressing_ = false;
    bool dragging_ = false;
    QPoint press_pos_;     // viewport pixels, for the drag threshold
    QPointF press_points_; // the same in page points, stable while scrolling
    QRectF drag_rect_;     // in points while dragging

    qint64 flash_id_ = 0;
    double flash_level_ = 0;
    QVariantAnimation* flash_animation_;

    bool in_relayout_ = false;
    bool relayout_again_ = false;
    int wheel_zoom_accumulator_ = 0;
    int wheel_page_accumulator_ = 0;
    QAction* classify_action_;
};

} // namespace clauselens::gui
