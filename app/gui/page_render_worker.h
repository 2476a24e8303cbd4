#pragma once
// The part of the page renderer that lives in its worker thread: it owns the
// Poppler document (Poppler objects are used by this thread only) and renders
// the jobs the render queue hands out, one at a time, so that a slow page never
// holds up the window.

#include "gui/page_render_queue.h"

#include <QImage>
#include <QObject>
#include <QString>
#include <memory>

namespace Poppler {
class Document;
}

namespace clauselens::gui {

class PageRenderWorker : public QObject {
    Q_OBJECT
public:
    explicit PageRenderWorker(std::shared_ptr<RenderQueue> queue);
    ~PageRenderWorker() override;

public slots:
    // Opens (or, with an empty path, closes) the document of `serial`, then
    // renders whatever waits for it.
    void open(quint64 serial, const QString& path, const QString& password);
    // Renders waiting jobs until none is left for the open document.
    void process();

signals:
    void opened(quint64 serial, int page_count);
    void page_rendered(quint64 serial, int page, double dpi, const QImage& image, quint64 ticket,
                       bool requested);
    void failed(quint64 serial, const QString& message);

private:
    std::shared_ptr<RenderQueue> queue_;
    std::unique_ptr<Poppler::Document> document_;
    quint64 serial_ = 0;
};

} // namespace clauselens::gui
