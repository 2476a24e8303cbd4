#include "gui/page_render_worker.h"

#include <QFileInfo>
#include <QVariant>
#include <mutex>
#include <poppler-qt6.h>

namespace clauselens::gui {

namespace {

// Poppler asks this between drawing operations; the payload is the queue.
bool abort_requested(const QVariant& payload) {
    const auto* queue = reinterpret_cast<const RenderQueue*>(payload.value<quintptr>());
    return queue->should_abort();
}

// Poppler reports recoverable damage in a PDF on stderr ("Invalid number of
// shared object groups"); the page still renders, and the user of a desktop
// application has no terminal to read it in.
void quiet_poppler(const QString& /*message*/, const QVariant& /*closure*/) {}

} // namespace

PageRenderWorker::PageRenderWorker(std::shared_ptr<RenderQueue> queue) : queue_(std::move(queue)) {
    static std::once_flag quiet;
    std::call_once(quiet, [] { Poppler::setDebugErrorFunction(quiet_poppler, QVariant()); });
}

PageRenderWorker::~PageRenderWorker() = default;

void PageRenderWorker::open(quint64 serial, const QString& path, const QString& password) {
    document_.reset();
    serial_ = serial;
    if (path.isEmpty())
        return;
    const QString name = QFileInfo(path).fileName();
    const QByteArray secret = password.toUtf8();
    document_ = Poppler::Document::load(path, secret, secret);
    if (!document_) {
        emit failed(
            serial,
            tr("“%1” cannot be shown: the file is missing, damaged or not a PDF.").arg(name));
        process(); // drops the jobs queued for it
        return;
    }
    if (document_->isLocked()) {
        document_.reset();
        emit failed(serial,
                    password.isEmpty()
                        ? tr("“%1” is encrypted: its password is needed to show it.").arg(name)
                        : tr("The password does not open “%1”.").arg(name));
        process();
        return;
    }
    // Smooth edges on lines and glyphs; no glyph hinting, which would shift
    // letters away from the word boxes that highlights are drawn over.
    document_->setRenderHint(Poppler::Document::Antialiasing, true);
    document_->setRenderHint(Poppler::Document::TextAntialiasing, true);
    document_->setRenderHint(Poppler::Document::TextHinting, false);
    emit opened(serial, document_->numPages());
    process();
}

void PageRenderWorker::process() {
    while (const std::optional<RenderJob> job = queue_->take(serial_)) {
        QImage image;
        bool page_missing = false;
        if (document_) {
            const std::unique_ptr<Poppler::Page> page = document_->page(job->page);
            if (page) {
                image = page->renderToImage(
                    job->dpi, job->dpi, -1, -1, -1, -1, Poppler::Page::Rotate0, nullptr, nullptr,
                    &abort_requested, QVariant::fromValue(quintptr(queue_.get())));
            } else {
                page_missing = true;
            }
        }
        const std::optional<RenderJob> done = queue_->finish();
        if (!done || !document_)
            continue; // superseded, or the document did not open (already reported)
        if (image.isNull()) {
            if (done->requested)
                emit failed(serial_,
                            page_missing
                                ? tr("The document has no page %1.").arg(done->page + 1)
                                : tr("Page %1 could not be rendered.").arg(done->page + 1));
            continue;
        }
        image.setDevicePixelRatio(done->device_pixel_ratio);
        emit page_rendered(serial_, done->page, done->dpi, image, done->ticket, done->requested);
    }
}

} // namespace clauselens::gui
