#pragma once
// Renders the pages of one PDF for the page view, in a worker thread of its
// own, so that a heavy page (scanned images, thousands of vector strokes)
// never freezes the window. Requests are cheap to make and to supersede: the
// view asks for what it wants to show now, and whatever it asked for before
// and no longer needs is dropped or aborted. Rendered pages are kept in a
// cache bounded by bytes, so going back to a page is instant.
//
// All methods are for the GUI thread; results come back as signals there.

#include "gui/page_image_cache.h"

#include <QImage>
#include <QObject>
#include <QString>
#include <QThread>
#include <memory>

namespace clauselens::gui {

class PageRenderWorker;
class RenderQueue;

class PageRenderer : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 k_default_cache_bytes = qint64(256) << 20;

    explicit PageRenderer(QObject* parent = nullptr, qint64 cache_bytes = k_default_cache_bytes);
    // Aborts the render in flight and waits for the worker to end.
    ~PageRenderer() override;

    // Opens a PDF (the previous one is closed, its cache and pending renders
    // dropped). Errors arrive through failed().
    void open(const QString& pdf_path, const QString& password = {});
    void close();
    QString path() const { return path_; }

    // Asks for page `page` (0-based) at `dpi`. The answer is rendered() with
    // the same ticket -- at once (next event loop turn) from the cache, else
    // when the worker has drawn it. A request replaces every earlier one that
    // has not been answered yet: those are never answered. For a HiDPI
    // screen, dpi includes the screen's device pixel ratio, which the image
    // then carries (QImage::devicePixelRatio()).
    void request(int page, double dpi, quint64 ticket, double device_pixel_ratio = 1.0);
    // Renders a page into the cache only (e.g. the next page), after requests.
    void prefetch(int page, double dpi, double device_pixel_ratio = 1.0);
    // The cached image, or a null image; never renders.
    QImage cached(int page, double dpi);

    qint64 cache_bytes() const { return cache_.bytes(); }
    qint64 cache_capacity() const { return cache_.capacity(); }
    // Pages drawn by the worker and delivered to this object (requests and
    // prefetches), for tests and diagnostics: a cache hit does not count.
    int renders_completed() const { return renders_completed_; }
    // Requests and prefetches dropped or aborted because newer ones replaced them.
    int renders_superseded() const;

signals:
    void opened(int page_count);
    void rendered(int page, double dpi, const QImage& image, quint64 ticket);
    void failed(const QString& message);

private:
    void on_page_rendered(quint64 serial, int page, double dpi, const QImage& image, quint64 ticket,
                          bool requested);
    void wake_worker();

    std::shared_ptr<RenderQueue> queue_;
    QThread thread_;
    PageRenderWorker* worker_ = nullptr; // lives in thread_, deleted when it ends
    PageImageCache cache_;
    QString path_;
    quint64 serial_ = 0; // bumped by open(): results of older documents are ignored
    int renders_completed_ = 0;
};

} // namespace clauselens::gui
