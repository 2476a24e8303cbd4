#pragma once
// The engine worker: the one object that owns the model and writes to the
// database while the window is open. It lives in its own QThread; the GUI
// thread talks to it only through queued invocations and hears back through
// queued signals, so no Poppler, Vulkan or SQLite write ever runs on the GUI
// thread.
//
// Jobs (open_store, load_model, ingest, extract) run one at a time in the
// worker's event loop. A click on a page must not wait for them: requests
// posted with post_classify() go to a small queue of interactive tasks that
// the worker serves between two batches of segments, between documents and
// between files, as well as when idle. Pause and cancel are checked at the
// same points.

#include "gui/engine_settings.h"
#include "gui/engine_types.h"

#include <QObject>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace clauselens::core {
class ClauseLibrary;
class Extractor;
class Store;
struct ExtractionRunSettings;
} // namespace clauselens::core

namespace clauselens::gui {

class EngineWorker : public QObject {
    Q_OBJECT
public:
    explicit EngineWorker(QObject* parent = nullptr);
    ~EngineWorker() override;

    // --- thread-safe controls, called from the GUI thread ---
    // Stops the running job at its next check (between files, batches of
    // segments, documents); what is stored stays stored.
    void request_cancel();
    // Clears a cancel request before the next job (only while none runs).
    void clear_cancel();
    // Pause: the running job waits at its next check until resumed or
    // cancelled; interactive requests are still served while it waits.
    void set_paused(bool paused);
    bool paused() const;
    // Queues a point-and-click classification and wakes the worker; the
    // answer comes as classified() or classify_failed().
    void post_classify(quint64 ticket, qint64 document_id, int page, const QRectF& rect_points);
    // Queues storing an accepted point-and-click result (interactive too).
    void post_store_classification(const ClassifyResult& result, const QString& category);

public slots:
    void open_store(const QString& db_path);
    void load_model(const clauselens::gui::EngineSettings& settings);
    void ingest(const QStringList& files_or_folders, const QString& password);
    void extract(const std::vector<qint64>& document_ids);
    void classify(quint64 ticket, qint64 document_id, int page, const QRectF& rect_points);
    void store_classification(const clauselens::gui::ClassifyResult& result,
                              const QString& category);
    // Runs the queued interactive tasks (posted by post_classify).
    void serve_interactive();
    // Releases the model and the database in this thread (before it ends).
    void close();

signals:
    void store_opened(const QString& path);
    void store_failed(const QString& message);
    void model_loading(const QString& what);
    void model_loaded(const QString& description);
    void model_failed(const QString& message);
    void model_unloaded(const QString& message);
    // The PDFs an ingest job found in the files and folders given.
    void files_collected(const QStringList& files);
    void file_started(const QString& path);
    // result: a core::FileResult; document_id 0 when the file failed.
    void file_done(const QString& path, qint64 document_id, int result, const QString& message,
                   int pages, int segments);
    // An encrypted PDF without a password, or with a wrong one.
    void password_needed(const QString& path);
    void ingest_progress(int files_done, int files_total);
    void ingest_finished(bool cancelled);
    void extraction_started(const std::vector<qint64>& document_ids);
    void extraction_progress(const clauselens::gui::ExtractionStatus& status);
    void document_extracted(qint64 document_id, qint64 run_id);
    void extraction_finished(const QString& summary, bool cancelled);
    void classified(quint64 ticket, const clauselens::gui::ClassifyResult& result);
    void classify_failed(quint64 ticket, const QString& message);
    void classification_stored(qint64 extraction_id, qint64 document_id);
    void classification_store_failed(const QString& message);
    // A job could not run or stopped on an error (the database, a missing path).
    void error(const QString& path, const QString& message);
    // Every job (open_store, load_model, ingest, extract) ends with this.
    void job_finished();

private:
    // The check between files, documents and batches: serves interactive
    // requests, then waits while paused (serving them as they come).
    void checkpoint();
    void push_interactive(std::function<void()> task);
    bool is_cancelled() const { return cancel_.load(); }
    void do_classify(quint64 ticket, qint64 document_id, int page, const QRectF& rect,
                     qint64 requested_ms);
    void do_store_classification(const ClassifyResult& result, const QString& category);

    std::unique_ptr<core::Store> store_;
    std::unique_ptr<core::Extractor> extractor_;
    std::unique_ptr<core::ExtractionRunSettings> run_settings_;
    qint64 interactive_run_ = 0; // the run that accepted clicks go to, per model
    qint64 batch_size_ = 16;     // segments the extractor decodes together

    std::atomic<bool> cancel_{false};
    std::atomic<bool> interactive_pending_{false};
    mutable std::mutex mutex_; // guards paused_ and interactive_
    std::condition_variable wake_;
    bool paused_ = false;
    std::deque<std::function<void()>> interactive_;
    bool serving_ = false; // worker thread only: no nested serving
};

} // namespace clauselens::gui
