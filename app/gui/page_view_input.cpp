// The page view's mouse, wheel and keyboard handling: dragging a selection,
// clicking a highlight, zooming with Ctrl+wheel, turning pages.
#include "gui/page_view.h"
#include "gui/page_view_metrics.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <cmath>

namespace clauselens::gui {

using namespace page_view_metrics;

void PageView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || page_sizes_.empty()) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    pressing_ = true;
    dragging_ = false;
    press_pos_ = event->position().toPoint();
    press_points_ = to_points(press_pos_);
    event->accept();
}

void PageView::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (pressing_ && !dragging_ &&
        (pos - press_pos_).manhattanLength() >= QApplication::startDragDistance())
        dragging_ = true;
    if (dragging_) {
        // Dragging past the window's edge scrolls the page along.
        const QRect view = viewport()->rect();
        if (pos.y() > view.bottom())
            verticalScrollBar()->setValue(verticalScrollBar()->value() + pos.y() - view.bottom());
        else if (pos.y() < view.top())
            verticalScrollBar()->setValue(verticalScrollBar()->value() + pos.y() - view.top());
        if (pos.x() > view.right())
            horizontalScrollBar()->setValue(horizontalScrollBar()->value() + pos.x() -
                                            view.right());
        else if (pos.x() < view.left())
            horizontalScrollBar()->setValue(horizontalScrollBar()->value() + pos.x() - view.left());
        const QRectF page(QPointF(0, 0), page_size_points());
        drag_rect_ = QRectF(press_points_, to_points(pos)).normalized().intersected(page);
        viewport()->update();
        event->accept();
        return;
    }
    if (!pressing_ && !page_sizes_.empty()) {
        if (highlight_at(pos) != 0)
            viewport()->setCursor(Qt::PointingHandCursor);
        else if (page_rect().contains(pos))
            viewport()->setCursor(Qt::CrossCursor);
        else
            viewport()->unsetCursor();
    }
    QAbstractScrollArea::mouseMoveEvent(event);
}

void PageView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !pressing_) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    pressing_ = false;
    event->accept();
    if (dragging_) {
        dragging_ = false;
        const QRectF rect = drag_rect_;
        drag_rect_ = {};
        // A sliver (under a point high or wide) selects nothing worth classifying.
        set_selection(rect.width() >= 1.0 && rect.height() >= 1.0 ? rect : QRectF());
        viewport()->update();
        return;
    }
    // A click: clears the selection, and opens the clause under it.
    clear_selection();
    if (const qint64 id = highlight_at(event->position().toPoint()); id != 0)
        emit highlight_activated(id);
}

void PageView::wheelEvent(QWheelEvent* event) {
    const int delta = event->angleDelta().y();
    if (event->modifiers() & Qt::ControlModifier) {
        wheel_zoom_accumulator_ += delta;
        const QPoint anchor = event->position().toPoint();
        while (std::abs(wheel_zoom_accumulator_) >= k_wheel_notch) {
            const bool in = wheel_zoom_accumulator_ > 0;
            wheel_zoom_accumulator_ += in ? -k_wheel_notch : k_wheel_notch;
            zoom_mode_ = ZoomMode::custom;
            const double target = in ? next_zoom_step(zoom_) : previous_zoom_step(zoom_);
            apply_zoom(target, anchor);
        }
        event->accept();
        return;
    }
    // One page at a time: wheeling on past the end of a page turns it.
    QScrollBar* v = verticalScrollBar();
    const bool down_at_end = delta < 0 && v->value() >= v->maximum() && page_ + 1 < page_count();
    const bool up_at_start = delta > 0 && v->value() <= v->minimum() && page_ > 0;
    if (down_at_end || up_at_start) {
        wheel_page_accumulator_ += delta;
        if (std::abs(wheel_page_accumulator_) >= k_wheel_notch) {
            wheel_page_accumulator_ = 0;
            if (down_at_end) {
                next_page();
            } else {
                previous_page();
                verticalScrollBar()->setValue(verticalScrollBar()->maximum());
            }
        }
        event->accept();
        return;
    }
    wheel_page_accumulator_ = 0;
    QAbstractScrollArea::wheelEvent(event);
}

void PageView::keyPressEvent(QKeyEvent* event) {
    QScrollBar* v = verticalScrollBar();
    if (event->matches(QKeySequence::ZoomIn)) {
        zoom_in();
    } else if (event->matches(QKeySequence::ZoomOut)) {
        zoom_out();
    } else if (event->key() == Qt::Key_PageDown) {
        if (v->value() < v->maximum())
            v->triggerAction(QAbstractSlider::SliderPageStepAdd);
        else
            next_page();
    } else if (event->key() == Qt::Key_PageUp) {
        if (v->value() > v->minimum()) {
            v->triggerAction(QAbstractSlider::SliderPageStepSub);
        } else if (page_ > 0) {
            previous_page();
            v->setValue(v->maximum());
        }
    } else if (event->key() == Qt::Key_Home) {
        set_page(0);
        v->setValue(0);
    } else if (event->key() == Qt::Key_End) {
        set_page(page_count() - 1);
    } else if (event->key() == Qt::Key_Escape && (dragging_ || !selection_.isEmpty())) {
        pressing_ = dragging_ = false;
        clear_selection();
        viewport()->update();
    } else {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PageView::contextMenuEvent(QContextMenuEvent* event) {
    if (page_sizes_.empty())
        return;
    QMenu menu(this);
    if (!selection_.isEmpty()) {
        QAction* classify = menu.addAction(tr("&Classify clause"));
        connect(classify, &QAction::triggered, classify_action_, &QAction::trigger);
        menu.addSeparator();
    }
    connect(menu.addAction(tr("Zoom &In")), &QAction::triggered, this, &PageView::zoom_in);
    connect(menu.addAction(tr("Zoom &Out")), &QAction::triggered, this, &PageView::zoom_out);
    connect(menu.addAction(tr("Fit &Width")), &QAction::triggered, this,
            [this] { set_zoom_mode(ZoomMode::fit_width); });
    connect(menu.addAction(tr("Fit &Page")), &QAction::triggered, this,
            [this] { set_zoom_mode(ZoomMode::fit_page); });
    menu.exec(event->globalPos());
}

bool PageView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = tooltip_at(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, viewport());
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace clauselens::gui
