#include "gui/batch_queue.h"

#include "core/store.h"
#include "gui/engine_worker.h"

#include <QFileInfo>
#include <algorithm>

namespace clauselens::gui {

namespace {

constexpr double k_ingest_share_with_model = 0.2;

bool finished_state(DocumentState s) {
    switch (s) {
    case DocumentState::duplicate:
    case DocumentState::done:
    case DocumentState::needs_ocr:
    case DocumentState::password_needed:
    case DocumentState::failed:
    case DocumentState::cancelled:
        return true;
    default:
        return false;
    }
}

} // namespace

BatchQueue::BatchQueue(QObject* parent) : QObject(parent) {
    register_engine_types();
    worker_ = new EngineWorker; // no parent: it moves to the worker thread
    worker_->moveToThread(&thread_);
    // The worker (model, device memory, database) is destroyed in its own
    // thread, after its last job, when the thread ends.
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect_worker();
    thread_.setObjectName(QStringLiteral("clauselens-engine"));
    thread_.start();
}

BatchQueue::~BatchQueue() {
    shutdown();
}

void BatchQueue::connect_worker() {
    EngineWorker* w = worker_;
    connect(w, &EngineWorker::job_finished, this, &BatchQueue::on_job_finished);
    connect(w, &EngineWorker::store_opened, this, &BatchQueue::database_opened);
    connect(w, &EngineWorker::store_failed, this, [this](const QString& message) {
        emit database_failed(message);
        emit error({}, message);
    });
    connect(w, &EngineWorker::model_loading, this, [this](const QString& what) {
        emit model_state_changed(what, false);
        emit model_loading(what);
    });
    connect(w, &EngineWorker::model_loaded, this, [this](const QString& description) {
        model_loaded_ = true;
        model_failed_ = false;
        model_description_ = description;
        emit model_state_changed(description, true);
    });
    connect(w, &EngineWorker::model_failed, this, [this](const QString& message) {
        model_loaded_ = false;
        model_failed_ = true;
        model_description_ = message;
        emit model_state_changed(message, false);
    });
    connect(w, &EngineWorker::model_unloaded, this, [this](const QString& message) {
        model_loaded_ = false;
        model_description_ = message;
        emit model_state_changed(message, false);
    });
    connect(w, &EngineWorker::files_collected, this, [this](const QStringList& files) {
        for (const QString& f : files) {
            BatchDocument& d = entry_for(f, 0);
            if (d.state != DocumentState::queued) {
                set_state(d, DocumentState::queued); // a retry
            }
        }
        update_progress({});
    });
    connect(w, &EngineWorker::file_started, this, [this](const QString& path) {
        set_state(entry_for(path, 0), DocumentState::ingesting);
        update_progress(QFileInfo(path).fileName());
    });
    connect(w, &EngineWorker::file_done, this,
            [this](const QString& path, qint64 id, int result, const QString& message, int, int) {
                BatchDocument& d = entry_for(path, id);
                d.id = id;
                switch (static_cast<core::FileResult>(result)) {
                case core::FileResult::ingested:
                    ingested_now_.push_back(id);
                    d.fraction = d.ingest_share;
                    set_state(d, DocumentState::ingested, message);
                    emit documents_changed();
                    break;
                case core::FileResult::duplicate:
                    set_state(d, DocumentState::duplicate, message);
                    break;
                case core::FileResult::needs_ocr:
                    set_state(d, DocumentState::needs_ocr,
                              tr("No text layer (a scanned document?): it needs OCR before "
                                 "ClauseLens can read it."));
                    errors_.push_back({path, d.message});
                    emit documents_changed();
                    emit error(path, d.message);
                    break;
                case core::FileResult::failed:
                    set_state(d, DocumentState::failed, message);
                    errors_.push_back({path, message});
                    emit error(path, message);
                    break;
                }
                update_progress({});
            });
    connect(w, &EngineWorker::password_needed, this, [this](const QString& path) {
        BatchDocument& d = entry_for(path, 0);
        set_state(d, DocumentState::password_needed,
                  tr("The file is encrypted: it needs its password."));
        update_progress({});
        emit password_needed(path);
    });
    connect(w, &EngineWorker::ingest_finished, this, [this](bool cancelled) {
        for (BatchDocument& d : documents_) {
            if (cancelled &&
                (d.state == DocumentState::queued || d.state == DocumentState::ingesting)) {
                set_state(d, DocumentState::cancelled, tr("Not read: the batch was cancelled."));
            }
        }
        std::vector<qint64> fresh;
        fresh.swap(ingested_now_);
        if (!cancelled && !fresh.empty() && engine_.has_model() && !model_failed_) {
            // Queued right after this ingest job, before its job_finished.
            jobs_.push_back(ExtractJob{fresh});
        }
        update_progress({});
    });
    connect(w, &EngineWorker::extraction_started, this, [this](const std::vector<qint64>& ids) {
        extracting_now_ = ids;
        for (const qint64 id : ids) {
            BatchDocument& d = entry_for({}, id);
            if (finished_state(d.state) || d.state == DocumentState::ingested) {
                if (d.fraction >= 1.0) {
                    d.ingest_share = 0; // extracted again: the work starts over
                    d.fraction = 0;
                }
            }
        }
        update_progress({});
    });
    connect(w, &EngineWorker::extraction_progress, this, [this](const ExtractionStatus& s) {
        tokens_per_second_ = s.tokens_per_second;
        if (s.document_id != 0) {
            BatchDocument& d = entry_for({}, s.document_id);
            if (d.title.isEmpty()) {
                d.title = s.current;
            }
            d.fraction =
                std::max(d.fraction, d.ingest_share + (1.0 - d.ingest_share) * s.document_fraction);
            set_state(d, DocumentState::extracting);
        }
        update_progress(s.current);
    });
    connect(w, &EngineWorker::document_extracted, this, [this](qint64 id, qint64) {
        BatchDocument& d = entry_for({}, id);
        d.fraction = 1.0;
        set_state(d, DocumentState::done);
        update_progress({});
        emit results_changed(id);
    });
    connect(w, &EngineWorker::extraction_finished, this,
            [this](const QString& summary, bool cancelled) {
                extraction_summary_ = summary;
                for (const qint64 id : extracting_now_) {
                    BatchDocument& d = entry_for({}, id);
                    if (d.state == DocumentState::done) {
                        continue;
                    }
                    if (cancelled) {
                        set_state(d, DocumentState::cancelled,
                                  tr("Stopped: extracting again continues where it stopped."));
                    } else {
                        // Done by an earlier, interrupted run of the same settings.
                        d.fraction = 1.0;
                        set_state(d, DocumentState::done);
                        emit results_changed(id);
                    }
                }
                extracting_now_.clear();
                update_progress({});
            });
    connect(w, &EngineWorker::error, this, [this](const QString& path, const QString& message) {
        errors_.push_back({path, message});
        emit error(path, message);
    });
    connect(w, &EngineWorker::classified, this, &BatchQueue::classified);
    connect(w, &EngineWorker::classify_failed, this, &BatchQueue::classify_failed);
    connect(w, &EngineWorker::classification_stored, this,
            [this](qint64 extraction_id, qint64 document_id) {
                emit classification_stored(extraction_id);
                emit results_changed(document_id);
            });
    connect(w, &EngineWorker::classification_store_failed, this,
            &BatchQueue::classification_store_failed);
}

void BatchQueue::open_database(const QString& path) {
    enqueue(OpenJob{path});
}

void BatchQueue::set_engine(const EngineSettings& settings) {
    if (engine_set_ && settings == engine_) {
        return;
    }
    engine_ = settings;
    engine_set_ = true;
    model_failed_ = false;
    // Only the latest settings matter: a load not started yet is replaced.
    jobs_.erase(std::remove_if(jobs_.begin(), jobs_.end(),
                               [](const Job& j) { return std::holds_alternative<LoadJob>(j); }),
                jobs_.end());
    enqueue(LoadJob{settings});
}

void BatchQueue::add(const QStringList& files_or_folders) {
    if (files_or_folders.isEmpty()) {
        return;
    }
    begin_batch_if_idle();
    const bool extraction_follows = engine_.has_model() && !model_failed_;
    for (const QString& item : files_or_folders) {
        if (QFileInfo(item).isFile()) {
            BatchDocument& d = entry_for(QFileInfo(item).absoluteFilePath(), 0);
            d.ingest_share = extraction_follows ? k_ingest_share_with_model : 1.0;
            set_state(d, DocumentState::queued);
        }
    }
    update_progress({});
    enqueue(IngestJob{files_or_folders, {}});
}

void BatchQueue::extract_documents(const std::vector<qint64>& document_ids) {
    if (document_ids.empty()) {
        return;
    }
    begin_batch_if_idle();
    for (const qint64 id : document_ids) {
        BatchDocument& d = entry_for({}, id);
        if (d.state != DocumentState::extracting) {
            d.ingest_share = 0;
            d.fraction = 0;
            set_state(d, DocumentState::queued);
        }
    }
    update_progress({});
    enqueue(ExtractJob{document_ids});
}

quint64 BatchQueue::classify(qint64 document_id, int page, const QRectF& rect) {
    const quint64 ticket = ++next_ticket_;
    if (worker_ == nullptr) {
        QMetaObject::invokeMethod(
            this, [this, ticket] { emit classify_failed(ticket, tr("ClauseLens is closing.")); },
            Qt::QueuedConnection);
        return ticket;
    }
    worker_->post_classify(ticket, document_id, page, rect);
    return ticket;
}

void BatchQueue::store_classification(const ClassifyResult& result, const QString& category) {
    if (worker_ != nullptr) {
        worker_->post_store_classification(result, category);
    }
}

void BatchQueue::pause() {
    if (paused_ || worker_ == nullptr) {
        return;
    }
    paused_ = true;
    worker_->set_paused(true);
    emit paused_changed(true);
}

void BatchQueue::resume() {
    if (!paused_ || worker_ == nullptr) {
        return;
    }
    paused_ = false;
    worker_->set_paused(false);
    emit paused_changed(false);
}

void BatchQueue::cancel() {
    if (worker_ == nullptr) {
        return;
    }
    // Queued batch work is dropped; database and model changes still apply.
    jobs_.erase(std::remove_if(jobs_.begin(), jobs_.end(),
                               [](const Job& j) {
                                   return std::holds_alternative<IngestJob>(j) ||
                                          std::holds_alternative<ExtractJob>(j);
                               }),
                jobs_.end());
    if (job_running_) {
        cancelled_ = true;
        worker_->request_cancel();
    }
    // Files not started yet will not be: the running job stops before them
    // and the jobs that would have read them are gone.
    for (BatchDocument& d : documents_) {
        if (d.state == DocumentState::queued) {
            set_state(d, DocumentState::cancelled, tr("Not read: the batch was cancelled."));
        }
    }
    resume(); // a paused job must wake up to stop
    if (!busy() && in_batch_) {
        on_job_finished();
    }
}

void BatchQueue::retry_with_password(const QString& path, const QString& password) {
    begin_batch_if_idle();
    BatchDocument& d = entry_for(QFileInfo(path).absoluteFilePath(), 0);
    d.ingest_share = engine_.has_model() && !model_failed_ ? k_ingest_share_with_model : 1.0;
    d.fraction = 0;
    set_state(d, DocumentState::queued);
    update_progress({});
    enqueue(IngestJob{{path}, password});
}

void BatchQueue::shutdown() {
    if (shut_down_) {
        return;
    }
    shut_down_ = true;
    jobs_.clear();
    if (worker_ != nullptr) {
        worker_->request_cancel();
        worker_->set_paused(false);
    }
    // The one wait of the GUI thread: the running job stops at its next
    // check (a file, a batch of segments), then the thread ends and the
    // worker is destroyed there.
    thread_.quit();
    thread_.wait();
    worker_ = nullptr;
}

bool BatchQueue::busy() const {
    return job_running_ || !jobs_.empty();
}

bool BatchQueue::paused() const {
    return paused_;
}

std::optional<BatchDocument> BatchQueue::document(const QString& path) const {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (const BatchDocument& d : documents_) {
        if (d.path == absolute || d.path == path) {
            return d;
        }
    }
    return std::nullopt;
}

QString BatchQueue::state_text(const BatchDocument& d) {
    switch (d.state) {
    case DocumentState::queued:
        return tr("queued");
    case DocumentState::ingesting:
        return tr("ingesting");
    case DocumentState::ingested:
        return tr("ingested");
    case DocumentState::duplicate:
        return tr("already stored");
    case DocumentState::extracting: {
        const double share =
            d.ingest_share < 1.0 ? (d.fraction - d.ingest_share) / (1.0 - d.ingest_share) : 0.0;
        return tr("extracting %1%").arg(qRound(100.0 * std::clamp(share, 0.0, 1.0)));
    }
    case DocumentState::done:
        return tr("done");
    case DocumentState::needs_ocr:
        return tr("needs OCR");
    case DocumentState::password_needed:
        return tr("password needed");
    case DocumentState::failed:
        return tr("failed");
    case DocumentState::cancelled:
        return tr("cancelled");
    }
    return {};
}

void BatchQueue::enqueue(Job job) {
    if (shut_down_) {
        return;
    }
    const bool was_busy = busy();
    jobs_.push_back(std::move(job));
    if (!was_busy) {
        emit busy_changed(true);
    }
    start_next();
}

void BatchQueue::start_next() {
    if (job_running_ || jobs_.empty() || worker_ == nullptr) {
        return;
    }
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    job_running_ = true;
    cancelled_ = false;
    worker_->clear_cancel(); // no job runs now: a cancel was for an earlier one
    EngineWorker* w = worker_;
    std::visit(
        [w](auto&& j) {
            using T = std::decay_t<decltype(j)>;
            if constexpr (std::is_same_v<T, OpenJob>) {
                QMetaObject::invokeMethod(
                    w, [w, p = j.path] { w->open_store(p); }, Qt::QueuedConnection);
            } else if constexpr (std::is_same_v<T, LoadJob>) {
                QMetaObject::invokeMethod(
                    w, [w, s = j.settings] { w->load_model(s); }, Qt::QueuedConnection);
            } else if constexpr (std::is_same_v<T, IngestJob>) {
                QMetaObject::invokeMethod(
                    w, [w, items = j.items, pw = j.password] { w->ingest(items, pw); },
                    Qt::QueuedConnection);
            } else {
                QMetaObject::invokeMethod(
                    w, [w, ids = j.ids] { w->extract(ids); }, Qt::QueuedConnection);
            }
        },
        job);
}

void BatchQueue::on_job_finished() {
    const bool was_running = job_running_;
    job_running_ = false;
    if (!jobs_.empty()) {
        start_next();
        return;
    }
    if (was_running) {
        emit busy_changed(false);
    }
    if (in_batch_) {
        in_batch_ = false;
        const bool all_finished =
            std::all_of(documents_.begin(), documents_.end(), [](const BatchDocument& d) {
                return finished_state(d.state) || d.state == DocumentState::ingested;
            });
        if (all_finished) {
            for (BatchDocument& d : documents_) {
                d.fraction = 1.0;
            }
        }
        update_progress({});
        emit batch_finished(summary_text());
    }
}

BatchDocument& BatchQueue::entry_for(const QString& path, qint64 id) {
    const QString absolute = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    for (BatchDocument& d : documents_) {
        // A file is known by its path (two copies of one contract are two
        // files); a document extracted by id by its id.
        if (absolute.isEmpty() ? (id != 0 && d.id == id) : d.path == absolute) {
            if (id != 0) {
                d.id = id;
            }
            return d;
        }
    }
    BatchDocument d;
    d.path = absolute;
    d.id = id;
    d.ingest_share =
        path.isEmpty() ? 0.0
                       : (engine_.has_model() && !model_failed_ ? k_ingest_share_with_model : 1.0);
    documents_.push_back(d);
    return documents_.back();
}

void BatchQueue::set_state(BatchDocument& d, DocumentState state, const QString& message) {
    d.state = state;
    if (!message.isEmpty() || state == DocumentState::queued) {
        d.message = message;
    }
    if (finished_state(state)) {
        d.fraction = 1.0;
    }
    emit document_state_changed(d.id, d.path, state_text(d));
}

void BatchQueue::begin_batch_if_idle() {
    if (in_batch_) {
        return;
    }
    in_batch_ = true;
    documents_.clear();
    errors_.clear();
    extraction_summary_.clear();
    progress_ = 0;
    eta_seconds_ = -1;
    tokens_per_second_ = 0;
    clock_.start();
    emit batch_started();
}

void BatchQueue::update_progress(const QString& current) {
    if (!current.isEmpty()) {
        current_ = current;
    }
    double sum = 0;
    for (const BatchDocument& d : documents_) {
        sum += std::clamp(d.fraction, 0.0, 1.0);
    }
    progress_ = documents_.empty() ? 0.0 : sum / static_cast<double>(documents_.size());
    const double seconds = static_cast<double>(clock_.elapsed()) / 1000.0;
    eta_seconds_ = progress_ > 0.005 && progress_ < 1.0 && seconds > 1.0
                       ? seconds / progress_ - seconds
                       : (progress_ >= 1.0 ? 0.0 : -1.0);
    emit overall_progress(progress_, eta_seconds_, tokens_per_second_, current_);
}

QString BatchQueue::summary_text() const {
    int done = 0;
    int stored = 0;
    int duplicates = 0;
    int problems = 0;
    int cancelled = 0;
    for (const BatchDocument& d : documents_) {
        switch (d.state) {
        case DocumentState::done:
            ++done;
            break;
        case DocumentState::ingested:
            ++stored;
            break;
        case DocumentState::duplicate:
            ++duplicates;
            break;
        case DocumentState::cancelled:
        case DocumentState::queued:
        case DocumentState::ingesting:
        case DocumentState::extracting:
            ++cancelled;
            break;
        case DocumentState::needs_ocr:
        case DocumentState::password_needed:
        case DocumentState::failed:
            ++problems;
            break;
        }
    }
    QStringList parts;
    if (done > 0) {
        parts << tr("%n extracted", nullptr, done);
    }
    if (stored > 0) {
        parts << tr("%n ingested", nullptr, stored);
    }
    if (duplicates > 0) {
        parts << tr("%n already stored", nullptr, duplicates);
    }
    if (problems > 0) {
        parts << tr("%n with problems", nullptr, problems);
    }
    if (cancelled > 0) {
        parts << tr("%n cancelled", nullptr, cancelled);
    }
    const auto n = static_cast<int>(documents_.size());
    QString text = (n == 1 ? tr("1 document: ") : tr("%1 documents: ").arg(n)) +
                   parts.join(QStringLiteral(", "));
    if (!extraction_summary_.isEmpty()) {
        text += QStringLiteral(". ") + extraction_summary_;
    }
    return text;
}

} // namespace clauselens::gui
