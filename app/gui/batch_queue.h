#pragma once
// The batch queue: the GUI-side owner of the engine worker. It starts the
// worker thread, turns the window's requests into jobs that the worker runs
// one at a time (open a database, load a model, ingest files, extract), and
// keeps what the window shows about them: each document's state, overall
// progress with ETA and tokens/s, and the per-file errors. Every call returns
// at once; results come back as signals on the GUI thread. Only shutdown()
// waits, for the window closing.

#include "gui/engine_settings.h"
#include "gui/engine_types.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QThread>
#include <deque>
#include <optional>
#include <variant>
#include <vector>

namespace clauselens::gui {

class EngineWorker;

// Where one file or document of the batch stands.
enum class DocumentState {
    queued,
    ingesting,
    ingested, // stored; waiting for extraction, or no model
    duplicate,
    extracting,
    done,
    needs_ocr,
    password_needed,
    failed,
    cancelled,
};

struct BatchDocument {
    QString path;  // as added (empty for documents extracted by id)
    qint64 id = 0; // the stored document, once known
    QString title; // for documents extracted by id
    DocumentState state = DocumentState::queued;
    double fraction = 0; // this document's share of the work done, 0..1
    // The part of the document's work that ingestion is: all of it without
    // a model, a fifth when extraction follows.
    double ingest_share = 1.0;
    QString message; // why it failed, or what the user should know
};

struct BatchError {
    QString path;
    QString message;
};

class BatchQueue : public QObject {
    Q_OBJECT
public:
    explicit BatchQueue(QObject* parent = nullptr);
    ~BatchQueue() override; // shuts down if the window did not

    void open_database(const QString& path);
    // Reloads the model in the worker if the settings changed; while a batch
    // runs, the new model is loaded after the jobs already queued.
    void set_engine(const EngineSettings& settings);
    // Ingests PDFs (folders recursively), then extracts from the new
    // documents if a model is set.
    void add(const QStringList& files_or_folders);
    void extract_documents(const std::vector<qint64>& document_ids);
    // Classifies the words inside rect (page points) of a page (0-based);
    // served between batches of a running extraction. Returns the ticket
    // that classified()/classify_failed() carry.
    quint64 classify(qint64 document_id, int page, const QRectF& rect);
    // Stores a point-and-click result as accepted under `category`.
    void store_classification(const ClassifyResult& result, const QString& category);
    void pause();
    void resume();
    // Stops the batch at the next file or batch of segments and drops the
    // queued jobs; everything stored so far stays.
    void cancel();
    void retry_with_password(const QString& path, const QString& password);
    // Cancels and waits for the worker thread to end (window close).
    void shutdown();

    bool busy() const;
    bool paused() const;
    bool model_loaded() const { return model_loaded_; }
    QString model_description() const { return model_description_; }
    EngineSettings engine() const { return engine_; }

    // The documents of the current (or last) batch, in the order added.
    const std::vector<BatchDocument>& documents() const { return documents_; }
    std::optional<BatchDocument> document(const QString& path) const;
    const std::vector<BatchError>& errors() const { return errors_; }
    double progress() const { return progress_; }
    double eta_seconds() const { return eta_seconds_; }
    double tokens_per_second() const { return tokens_per_second_; }

    // "extracting 42%", "needs OCR", ... as the user reads it.
    static QString state_text(const BatchDocument& document);

signals:
    void document_state_changed(qint64 id_or_0, const QString& path, const QString& state_text);
    void overall_progress(double fraction, double eta_seconds, double tokens_per_second,
                          const QString& current);
    void batch_started();
    void batch_finished(const QString& summary);
    void error(const QString& path, const QString& message);
    void password_needed(const QString& path);
    void documents_changed();
    void results_changed(qint64 document_id);
    void model_state_changed(const QString& description_or_message, bool loaded);
    // The worker started loading a model (after model_state_changed says so).
    void model_loading(const QString& what);
    void busy_changed(bool busy);
    void paused_changed(bool paused);
    void classified(quint64 ticket, const clauselens::gui::ClassifyResult& result);
    void classify_failed(quint64 ticket, const QString& message);
    void classification_stored(qint64 extraction_id);
    void classification_store_failed(const QString& message);
    void database_opened(const QString& path);
    void database_failed(const QString& message);

private:
    struct OpenJob {
        QString path;
    };
    struct LoadJob {
        EngineSettings settings;
    };
    struct IngestJob {
        QStringList items;
        QString password;
    };
    struct ExtractJob {
        std::vector<qint64> ids;
    };
    using Job = std::variant<OpenJob, LoadJob, IngestJob, ExtractJob>;

    void enqueue(Job job);
    void start_next();
    void on_job_finished();
    void connect_worker();
    BatchDocument& entry_for(const QString& path, qint64 id);
    void set_state(BatchDocument& d, DocumentState state, const QString& message = {});
    void update_progress(const QString& current);
    void begin_batch_if_idle();
    QString summary_text() const;

    QThread thread_;
    EngineWorker* worker_ = nullptr; // lives in thread_, deleted there when it ends
    std::deque<Job> jobs_;
    bool job_running_ = false;
    bool in_batch_ = false;
    bool paused_ = false;
    bool shut_down_ = false;
    bool cancelled_ = false;
    quint64 next_ticket_ = 0;

    EngineSettings engine_;
    bool engine_set_ = false;
    bool model_loaded_ = false;
    bool model_failed_ = false;
    std::vector<qint64> ingested_now_;   // documents the running ingest job stored
    std::vector<qint64> extracting_now_; // documents of the running extract job
    QString extraction_summary_;
    QString model_description_;

    std::vector<BatchDocument> documents_;
    std::vector<BatchError> errors_;
    QElapsedTimer clock_;
    double progress_ = 0;
    double eta_seconds_ = -1;
    double tokens_per_second_ = 0;
    QString current_;
};

} // namespace clauselens::gui
