#include "gui/page_renderer.h"

#include "gui/page_render_queue.h"
#include "gui/page_render_worker.h"

namespace clauselens::gui {

PageRenderer::PageRenderer(QObject* parent, qint64 cache_bytes)
    : QObject(parent), queue_(std::make_shared<RenderQueue>()), cache_(cache_bytes) {
    worker_ = new PageRenderWorker(queue_);
    worker_->moveToThread(&thread_);
    // The worker (and with it the Poppler document) is destroyed in its own
    // thread as the thread ends.
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &PageRenderWorker::page_rendered, this, &PageRenderer::on_page_rendered);
    connect(worker_, &PageRenderWorker::opened, this, [this](quint64 serial, int pages) {
        if (serial == serial_)
            emit opened(pages);
    });
    connect(worker_, &PageRenderWorker::failed, this, [this](quint64 serial, const QString& m) {
        if (serial == serial_)
            emit failed(m);
    });
    thread_.setObjectName(QStringLiteral("page renderer"));
    thread_.start();
}

PageRenderer::~PageRenderer() {
    queue_->stop(); // makes Poppler abort the page it is drawing
    thread_.quit();
    thread_.wait();
}

void PageRenderer::open(const QString& pdf_path, const QString& password) {
    ++serial_;
    path_ = pdf_path;
    cache_.clear();
    queue_->reset();
    QMetaObject::invokeMethod(worker_, "open", Qt::QueuedConnection, Q_ARG(quint64, serial_),
                              Q_ARG(QString, pdf_path), Q_ARG(QString, password));
}

void PageRenderer::close() {
    open({});
}

void PageRenderer::request(int page, double dpi, quint64 ticket, double device_pixel_ratio) {
    if (const QImage hit = cache_.get(page, dpi); !hit.isNull()) {
        queue_->cancel_requests();
        // Answered on the next turn of the event loop, as a render would be,
        // so that callers never see the signal from inside request().
        const quint64 serial = serial_;
        QMetaObject::invokeMethod(
            this,
            [this, serial, page, dpi, hit, ticket] {
                if (serial == serial_)
                    emit rendered(page, dpi, hit, ticket);
            },
            Qt::QueuedConnection);
        return;
    }
    if (queue_->request({serial_, page, dpi, ticket, true, device_pixel_ratio}))
        wake_worker();
}

void PageRenderer::prefetch(int page, double dpi, double device_pixel_ratio) {
    if (cache_.contains(page, dpi))
        return;
    if (queue_->prefetch({serial_, page, dpi, 0, false, device_pixel_ratio}))
        wake_worker();
}

QImage PageRenderer::cached(int page, double dpi) {
    return cache_.get(page, dpi);
}

int PageRenderer::renders_superseded() const {
    return queue_->superseded();
}

void PageRenderer::on_page_rendered(quint64 serial, int page, double dpi, const QImage& image,
                                    quint64 ticket, bool requested) {
    if (serial != serial_)
        return; // a page of the document shown before
    ++renders_completed_;
    cache_.put(page, dpi, image);
    if (requested)
        emit rendered(page, dpi, image, ticket);
}

void PageRenderer::wake_worker() {
    QMetaObject::invokeMethod(worker_, "process", Qt::QueuedConnection);
}

} // namespace clauselens::gui
