#include "gui/engine_worker.h"

#include "core/clause_library.h"
#include "core/document_id.h"
#include "core/extraction_run.h"
#include "core/extraction_setup.h"
#include "core/extractor.h"
#include "core/ingest_batch.h"
#include "core/ingest_error.h"
#include "core/passage.h"
#include "core/pdf_reader.h"
#include "core/store.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <chrono>
#include <exception>

namespace clauselens::gui {

namespace {

using Clock = std::chrono::steady_clock;

// Emits job_finished() when a job slot returns, however it returns.
class JobEnd {
public:
    explicit JobEnd(EngineWorker* worker) : worker_(worker) {}
    ~JobEnd() { emit worker_->job_finished(); }
    JobEnd(const JobEnd&) = delete;
    JobEnd& operator=(const JobEnd&) = delete;

private:
    EngineWorker* worker_;
};

// Whether a file failed because it is encrypted and the password (if any)
// does not open it: ingestion reports such files as failed like any other,
// but the window asks for a password instead of showing an error.
bool needs_password(const QString& path, const QString& password) {
    try {
        const core::PdfReader probe(path, password);
        return false;
    } catch (const core::IngestError& e) {
        return e.kind() == core::IngestError::Kind::password_required ||
               e.kind() == core::IngestError::Kind::wrong_password;
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace

EngineWorker::EngineWorker(QObject* parent) : QObject(parent) {
    register_engine_types();
}

EngineWorker::~EngineWorker() = default;

void EngineWorker::request_cancel() {
    cancel_.store(true);
    const std::lock_guard lock(mutex_);
    wake_.notify_all();
}

void EngineWorker::clear_cancel() {
    cancel_.store(false);
}

void EngineWorker::set_paused(bool paused) {
    const std::lock_guard lock(mutex_);
    paused_ = paused;
    wake_.notify_all();
}

bool EngineWorker::paused() const {
    const std::lock_guard lock(mutex_);
    return paused_;
}

void EngineWorker::push_interactive(std::function<void()> task) {
    {
        const std::lock_guard lock(mutex_);
        interactive_.push_back(std::move(task));
        interactive_pending_.store(true);
        wake_.notify_all();
    }
    // When the worker is idle, the queued call serves the task at once; when
    // a job runs, the job's next checkpoint does and this finds nothing left.
    QMetaObject::invokeMethod(this, &EngineWorker::serve_interactive, Qt::QueuedConnection);
}

void EngineWorker::post_classify(quint64 ticket, qint64 document_id, int page,
                                 const QRectF& rect_points) {
    const qint64 requested =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
            .count();
    push_interactive([this, ticket, document_id, page, rect_points, requested] {
        do_classify(ticket, document_id, page, rect_points, requested);
    });
}

void EngineWorker::post_store_classification(const ClassifyResult& result,
                                             const QString& category) {
    push_interactive([this, result, category] { do_store_classification(result, category); });
}

void EngineWorker::serve_interactive() {
    if (serving_) {
        return;
    }
    serving_ = true;
    for (;;) {
        std::function<void()> task;
        {
            const std::lock_guard lock(mutex_);
            if (interactive_.empty()) {
                interactive_pending_.store(false);
                break;
            }
            task = std::move(interactive_.front());
            interactive_.pop_front();
        }
        task(); // each task catches its own errors and reports them
    }
    serving_ = false;
}

void EngineWorker::checkpoint() {
    if (interactive_pending_.load()) {
        serve_interactive();
    }
    std::unique_lock lock(mutex_);
    while (paused_ && !cancel_.load()) {
        wake_.wait(lock,
                   [this] { return !paused_ || cancel_.load() || interactive_pending_.load(); });
        if (interactive_pending_.load()) {
            lock.unlock();
            serve_interactive();
            lock.lock();
        }
    }
}

void EngineWorker::open_store(const QString& db_path) {
    const JobEnd end(this);
    try {
        // The model stays loaded; runs belong to the database.
        store_.reset();
        interactive_run_ = 0;
        store_ = std::make_unique<core::Store>(core::Store::open(db_path));
        emit store_opened(db_path);
    } catch (const std::exception& e) {
        store_.reset();
        emit store_failed(QString::fromStdString(e.what()));
    }
}

void EngineWorker::load_model(const EngineSettings& settings) {
    const JobEnd end(this);
    // Free the device memory of the old model before loading the new one.
    extractor_.reset();
    run_settings_.reset();
    interactive_run_ = 0;
    if (!settings.has_model()) {
        emit model_unloaded(
            tr("No model: documents are ingested and searchable, but clauses are not extracted. "
               "Choose a GGUF model in Settings (Edit \u2192 Settings \u2192 Model)."));
        return;
    }
    emit model_loading(tr("Loading %1\u2026").arg(QFileInfo(settings.model_path).fileName()));
    try {
        if (!QFileInfo::exists(settings.model_path)) {
            throw std::runtime_error(tr("%1: no such model file. Choose a GGUF model in Settings.")
                                         .arg(settings.model_path)
                                         .toStdString());
        }
        const core::ClauseLibrary library =
            settings.library_path.isEmpty() ? core::ClauseLibrary::cuad_default()
                                            : core::ClauseLibrary::load_file(settings.library_path);
        core::ExtractorOptions options;
        options.model = settings.model_path.toStdString();
        if (!settings.adapter_path.isEmpty()) {
            options.adapters.push_back(settings.adapter_path.toStdString() + ":" +
                                       std::to_string(settings.adapter_scale));
        }
        options.device = settings.device.toStdString();
        options.batch = static_cast<uint32_t>(std::max(1, settings.batch));
        options.max_answer_tokens = static_cast<uint32_t>(std::max(4, settings.max_answer_tokens));
        options.context = static_cast<uint32_t>(std::max(0, settings.context));
        auto extractor =
            std::make_unique<core::Extractor>(options, core::extraction_prompt(library));
        run_settings_ = std::make_unique<core::ExtractionRunSettings>(
            core::extraction_run_settings(library, options, *extractor));
        extractor_ = std::move(extractor);
        batch_size_ = options.batch;
        emit model_loaded(QString::fromStdString(extractor_->description()));
    } catch (const std::exception& e) {
        extractor_.reset();
        run_settings_.reset();
        emit model_failed(QString::fromStdString(e.what()));
    }
}

void EngineWorker::ingest(const QStringList& files_or_folders, const QString& password) {
    const JobEnd end(this);
    if (!store_) {
        emit error({}, tr("No database is open."));
        emit ingest_finished(false);
        return;
    }
    QStringList files;
    for (const QString& item : files_or_folders) {
        try {
            files << core::collect_pdfs({item});
        } catch (const std::exception& e) {
            emit error(item, QString::fromStdString(e.what()));
        }
    }
    files.removeDuplicates();
    emit files_collected(files);
    if (files.isEmpty()) {
        emit ingest_finished(false);
        return;
    }
    QSet<QString> reported;
    core::IngestOptions options;
    options.password = password;
    options.cancel = &cancel_;
    options.progress = [this](const core::BatchProgress& p) {
        checkpoint(); // pause and clicks, before each file
        emit ingest_progress(p.files_done, p.files_total);
        if (!p.current.isEmpty() && !is_cancelled()) {
            emit file_started(p.current);
        }
    };
    options.file_done = [this, &reported, &password](const core::BatchFileOutcome& f,
                                                     qint64 document_id) {
        reported.insert(f.path);
        if (f.result == core::FileResult::failed && needs_password(f.path, password)) {
            emit password_needed(f.path);
            return;
        }
        emit file_done(f.path, document_id, static_cast<int>(f.result), f.message, f.pages,
                       f.segments);
    };
    try {
        const core::BatchSummary summary = core::ingest_files(*store_, files, options);
        for (const core::BatchFileOutcome& f : summary.files) {
            if (!reported.contains(f.path)) { // done by an earlier, interrupted batch
                std::optional<qint64> id;
                if (f.result != core::FileResult::failed) {
                    id = store_->find_document(core::file_sha256(f.path));
                }
                emit file_done(f.path, id.value_or(0), static_cast<int>(f.result), f.message,
                               f.pages, f.segments);
            }
        }
        emit ingest_finished(summary.cancelled);
    } catch (const std::exception& e) {
        emit error(store_->path(), QString::fromStdString(e.what()));
        emit ingest_finished(true);
    }
    serve_interactive();
}

void EngineWorker::extract(const std::vector<qint64>& document_ids) {
    const JobEnd end(this);
    if (!store_) {
        emit error({}, tr("No database is open."));
        emit extraction_finished(tr("No database is open."), false);
        return;
    }
    if (!extractor_) {
        const QString message =
            tr("No model is loaded, so clauses cannot be extracted. Choose a GGUF model in "
               "Settings (Edit \u2192 Settings \u2192 Model).");
        emit error({}, message);
        emit extraction_finished(message, false);
        return;
    }
    try {
        // Only documents with a text layer, each once, in the order given.
        const std::vector<qint64> with_text = core::documents_with_text(*store_, {});
        const QSet<qint64> readable(with_text.begin(), with_text.end());
        std::vector<qint64> ids;
        QSet<qint64> seen;
        for (const qint64 id : document_ids) {
            if (readable.contains(id) && !seen.contains(id)) {
                ids.push_back(id);
                seen.insert(id);
            }
        }
        emit extraction_started(ids);
        if (ids.empty()) {
            emit extraction_finished(tr("No documents with text to extract from."), false);
            return;
        }

        QElapsedTimer clock;
        clock.start();
        const uint64_t tokens_before = extractor_->tokens_evaluated();
        ExtractionStatus status;
        qint64 run_id = 0;
        qint64 reported_segments = 0; // as run_extraction last reported them
        qint64 document_start = 0;    // segments done when the current document began
        qint64 document_segments = 0;
        const qint64 segments_per_batch = batch_size_;

        const auto publish = [&] {
            const double seconds = static_cast<double>(clock.elapsed()) / 1000.0;
            const uint64_t tokens = extractor_->tokens_evaluated() - tokens_before;
            status.tokens_per_second = seconds > 0 ? static_cast<double>(tokens) / seconds : 0;
            const double share = status.segments_total > 0
                                     ? static_cast<double>(status.segments_done) /
                                           static_cast<double>(status.segments_total)
                                     : 0.0;
            status.eta_seconds = share > 0.0 && seconds > 0.5 ? seconds / share - seconds : -1;
            status.document_fraction =
                document_segments > 0
                    ? std::min(1.0, static_cast<double>(status.segments_done - document_start) /
                                        static_cast<double>(document_segments))
                    : 0.0;
            emit extraction_progress(status);
        };
        const auto document_finished = [&](qint64 id) {
            if (id != 0 && run_id != 0 && store_->run_has_document(run_id, id)) {
                emit document_extracted(id, run_id);
            }
        };
        const auto progress = [&](const core::ExtractionProgress& p) {
            run_id = p.run_id;
            if (p.document_id != status.document_id) {
                document_finished(status.document_id);
                status.document_id = p.document_id;
                document_start = p.segments_done;
                document_segments =
                    static_cast<qint64>(store_->segment_spans(p.document_id).size());
            }
            status.documents_done = p.documents_done;
            status.documents_total = p.documents_total;
            status.segments_done = p.segments_done;
            status.segments_total = p.segments_total;
            reported_segments = p.segments_done;
            status.current = p.current;
            publish();
            checkpoint();
        };
        // Between two batches of segments inside a document: progress at a
        // finer grain than run_extraction's, then clicks and pause.
        extractor_->set_between_batches([&] {
            status.segments_done =
                std::min(std::max(status.segments_done, reported_segments) + segments_per_batch,
                         document_start + document_segments);
            publish();
            checkpoint();
        });
        struct HookReset {
            core::Extractor* e;
            ~HookReset() { e->set_between_batches({}); }
        } hook_reset{extractor_.get()};

        const core::ExtractionSummary summary =
            core::run_extraction(*store_, *extractor_, *run_settings_, ids, progress, &cancel_);
        run_id = summary.run_id;
        document_finished(status.document_id);
        if (!summary.cancelled) {
            status.documents_done = status.documents_total;
            status.segments_done = status.segments_total;
            status.document_fraction = 1.0;
            publish();
        }
        const double tps =
            summary.seconds > 0 ? static_cast<double>(summary.tokens) / summary.seconds : 0.0;
        QString text;
        const int documents = summary.documents + summary.documents_skipped;
        if (summary.cancelled) {
            text = tr("Stopped after %1 of %2 documents; what was done is kept, and extracting "
                      "again continues where it stopped.")
                       .arg(documents)
                       .arg(ids.size());
        } else {
            text = tr("Extraction: %1 of %2 documents, %3 segments, %4 clauses found in %5 "
                      "(%6 tokens/s).")
                       .arg(documents)
                       .arg(ids.size())
                       .arg(summary.segments)
                       .arg(summary.categories_found)
                       .arg(clock_text(summary.seconds))
                       .arg(qRound(tps));
        }
        emit extraction_finished(text, summary.cancelled);
    } catch (const std::exception& e) {
        emit error(store_->path(), QString::fromStdString(e.what()));
        emit extraction_finished(QString::fromStdString(e.what()), true);
    }
    serve_interactive();
}

void EngineWorker::classify(quint64 ticket, qint64 document_id, int page,
                            const QRectF& rect_points) {
    post_classify(ticket, document_id, page, rect_points);
    serve_interactive();
}

void EngineWorker::store_classification(const ClassifyResult& result, const QString& category) {
    post_store_classification(result, category);
    serve_interactive();
}

void EngineWorker::do_classify(quint64 ticket, qint64 document_id, int page, const QRectF& rect,
                               qint64 requested_ms) {
    try {
        if (!store_) {
            throw std::runtime_error(tr("No database is open.").toStdString());
        }
        if (!extractor_) {
            throw std::runtime_error(
                tr("No model is loaded. Choose a GGUF model in Settings (Edit \u2192 Settings "
                   "\u2192 Model) to classify passages.")
                    .toStdString());
        }
        const core::Passage passage = core::passage_in_rect(*store_, document_id, page, rect);
        ClassifyResult r;
        r.document_id = document_id;
        r.page = page;
        r.rect = rect;
        r.text = passage.text;
        r.segment_id = core::segment_at(*store_, passage);
        const core::SegmentAnswer a = extractor_->classify(passage.text.toStdString());
        for (const std::string& c : a.categories) {
            r.categories << QString::fromStdString(c);
        }
        for (const auto& [key, value] : a.fields) {
            r.fields.insert(QString::fromStdString(key), QString::fromStdString(value));
        }
        for (const core::CategoryScore& s : a.scores) {
            r.scores.append({QString::fromStdString(s.category), s.score});
        }
        r.complete = a.complete;
        r.json = QString::fromStdString(a.json);
        const qint64 now =
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
                .count();
        r.seconds = static_cast<double>(now - requested_ms) / 1000.0;
        emit classified(ticket, r);
    } catch (const std::exception& e) {
        emit classify_failed(ticket, QString::fromStdString(e.what()));
    }
}

void EngineWorker::do_store_classification(const ClassifyResult& result, const QString& category) {
    try {
        if (!store_ || !run_settings_) {
            throw std::runtime_error(
                tr("The result cannot be stored: no model or no database is loaded.")
                    .toStdString());
        }
        if (!result.segment_id) {
            throw std::runtime_error(
                tr("The selected words lie in no stored segment of the document, so the result "
                   "has no place to be stored.")
                    .toStdString());
        }
        if (interactive_run_ == 0) {
            // Clicks get a run of their own, marked as interactive, so that
            // batch runs stay comparable and resumable.
            QJsonObject settings =
                QJsonDocument::fromJson(run_settings_->settings_json.toUtf8()).object();
            settings.insert(QStringLiteral("interactive"), true);
            interactive_run_ = store_->add_run(
                run_settings_->model, run_settings_->adapter, run_settings_->library_json,
                QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact)));
        }
        QJsonObject fields;
        const auto keys = run_settings_->category_fields.find(category.toStdString());
        if (keys != run_settings_->category_fields.end()) {
            for (const std::string& key : keys->second) {
                const QString k = QString::fromStdString(key);
                if (result.fields.contains(k)) {
                    const QJsonDocument v = QJsonDocument::fromJson(
                        QStringLiteral("[%1]").arg(result.fields.value(k)).toUtf8());
                    fields.insert(k, v.array().isEmpty() ? QJsonValue() : v.array().first());
                }
            }
        }
        double score = 0;
        for (const auto& [name, s] : result.scores) {
            if (name == category) {
                score = s;
            }
        }
        const qint64 id = store_->add_extraction(
            interactive_run_, *result.segment_id, category,
            QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)), score);
        store_->set_extraction_status(id, QStringLiteral("accepted"));
        store_->finish_run(interactive_run_);
        emit classification_stored(id, result.document_id);
    } catch (const std::exception& e) {
        emit classification_store_failed(QString::fromStdString(e.what()));
    }
}

void EngineWorker::close() {
    extractor_.reset();
    run_settings_.reset();
    store_.reset();
}

} // namespace clauselens::gui
