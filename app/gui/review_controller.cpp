#include "gui/review_controller.h"

#include "gui/results_model.h"
#include "gui/review_writer.h"

#include <QAction>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QThread>
#include <QUndoCommand>
#include <utility>

namespace clauselens::gui {

namespace {

using Review = core::Store::ExtractionReview;

bool same_state(const Review& a, const Review& b) {
    return a.status == b.status && a.fields_json == b.fields_json &&
           a.original_fields_json.isNull() == b.original_fields_json.isNull() &&
           a.original_fields_json == b.original_fields_json &&
           a.reviewer_note.isNull() == b.reviewer_note.isNull() &&
           a.reviewer_note == b.reviewer_note;
}

// The state Store::review_extractions leaves a result in (see store.h).
Review decide(const Review& before, const QString& status, const QString& fields_json) {
    Review after = before;
    if (status == QLatin1String("accepted")) {
        // An edit is an acceptance with changes: it stays edited.
        after.status = before.status == QLatin1String("edited") ? before.status : status;
    } else if (status == QLatin1String("rejected")) {
        if (!before.original_fields_json.isNull())
            after.fields_json = before.original_fields_json;
        after.original_fields_json = QString();
        after.status = status;
    } else if (status == QLatin1String("edited")) {
        after.original_fields_json =
            before.original_fields_json.isNull() ? before.fields_json : before.original_fields_json;
        after.fields_json = fields_json;
        after.status = status;
    } else {
        if (!before.original_fields_json.isNull())
            after.fields_json = before.original_fields_json;
        after.original_fields_json = QString();
        after.reviewer_note = QString();
        after.status = QStringLiteral("auto");
    }
    return after;
}

} // namespace

// One review action on some results; remembers each one's state before it.
class ReviewCommand : public QUndoCommand {
public:
    ReviewCommand(ReviewController& controller, const QString& text, std::vector<Review> before,
                  std::vector<Review> after, QString status, QString fields_json)
        : QUndoCommand(text), controller_(controller), before_(std::move(before)),
          after_(std::move(after)), status_(std::move(status)),
          fields_json_(std::move(fields_json)) {}

    void redo() override { controller_.send_apply(after_, status_, fields_json_); }
    void undo() override { controller_.send_restore(before_); }

private:
    ReviewController& controller_;
    std::vector<Review> before_;
    std::vector<Review> after_;
    QString status_;
    QString fields_json_;
};

ReviewController::ReviewController(ResultsModel* model, QObject* parent)
    : QObject(parent), model_(model) {
    stack_.setUndoLimit(1000);
    undo_action_ = stack_.createUndoAction(this, tr("&Undo"));
    undo_action_->setShortcuts(QKeySequence::Undo);
    redo_action_ = stack_.createRedoAction(this, tr("&Redo"));
    // Ctrl+Shift+Z everywhere, plus the platform's own redo key (Ctrl+Y on Windows).
    QList<QKeySequence> redo_keys{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)};
    for (const QKeySequence& key : QKeySequence::keyBindings(QKeySequence::Redo)) {
        if (!redo_keys.contains(key))
            redo_keys << key;
    }
    redo_action_->setShortcuts(redo_keys);
}

ReviewController::~ReviewController() {
    stop_writer(true);
}

void ReviewController::set_store(const core::Store* store, const QString& db_path) {
    store_ = store;
    if (db_path == db_path_ && writer_)
        return;
    // Another database: the history and the pending bookkeeping belong to the old one.
    stop_writer(false);
    stack_.clear();
    pending_.clear();
    expected_.clear();
    resync_.clear();
    db_path_ = db_path;
    if (store_ && !db_path_.isEmpty())
        start_writer(db_path_);
}

void ReviewController::start_writer(const QString& db_path) {
    thread_ = new QThread(this);
    thread_->setObjectName(QStringLiteral("review writer"));
    writer_ = new ReviewWriter(db_path);
    writer_->moveToThread(thread_);
    connect(thread_, &QThread::finished, writer_, &QObject::deleteLater);
    connect(writer_, &ReviewWriter::applied, this, &ReviewController::on_applied);
    connect(writer_, &ReviewWriter::failed, this, &ReviewController::on_failed);
    thread_->start();
}

void ReviewController::stop_writer(bool wait) {
    if (!thread_)
        return;
    QThread* thread = thread_;
    ReviewWriter* writer = writer_;
    thread_ = nullptr;
    writer_ = nullptr;
    disconnect(writer, nullptr, this, nullptr);
    // Queued after the writes already sent, so that none of them is dropped.
    QMetaObject::invokeMethod(
        writer, [thread] { thread->quit(); }, Qt::QueuedConnection);
    if (wait) {
        // Shutdown only: the last review decisions must reach the disk.
        thread->wait();
        delete thread;
    } else {
        thread->setParent(nullptr);
        connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    }
}

std::optional<core::Store::ExtractionReview> ReviewController::state_of(qint64 id) const {
    const auto expected = expected_.constFind(id);
    if (expected != expected_.constEnd())
        return *expected;
    return store_->extraction_review(id);
}

bool ReviewController::accept(const QList<qint64>& ids) {
    return push(ids, QStringLiteral("accepted"), {});
}

bool ReviewController::reject(const QList<qint64>& ids) {
    return push(ids, QStringLiteral("rejected"), {});
}

bool ReviewController::reset(const QList<qint64>& ids) {
    return push(ids, QStringLiteral("auto"), {});
}

bool ReviewController::edit_fields(qint64 id, const QString& fields_json) {
    QJsonParseError parse_error{};
    const QJsonDocument doc = QJsonDocument::fromJson(fields_json.toUtf8(), &parse_error);
    if (parse_error.error != QJsonParseError::NoError || !doc.isObject()) {
        emit error(tr("The fields must be a JSON object such as {\"governing_law\": "
                      "\"Delaware\"}."));
        return false;
    }
    // Compact, as the store keeps it, so that the table shows what is stored.
    return push({id}, QStringLiteral("edited"),
                QString::fromUtf8(doc.toJson(QJsonDocument::Compact)));
}

bool ReviewController::push(const QList<qint64>& ids, const QString& status,
                            const QString& fields_json) {
    if (!store_ || !writer_)
        return false;
    std::vector<Review> before;
    std::vector<Review> after;
    QSet<qint64> seen;
    try {
        for (const qint64 id : ids) {
            if (seen.contains(id))
                continue;
            seen.insert(id);
            const std::optional<Review> b = state_of(id);
            if (!b)
                continue;
            const Review a = decide(*b, status, fields_json);
            if (same_state(a, *b))
                continue;
            before.push_back(*b);
            after.push_back(a);
        }
    } catch (const core::StoreError& e) {
        emit error(QString::fromUtf8(e.what()));
        return false;
    }
    if (after.empty())
        return false;
    const int n = static_cast<int>(after.size());
    QString text;
    if (status == QLatin1String("accepted"))
        text = tr("Accept %n result(s)", nullptr, n);
    else if (status == QLatin1String("rejected"))
        text = tr("Reject %n result(s)", nullptr, n);
    else if (status == QLatin1String("edited"))
        text = tr("Edit fields");
    else
        text = tr("Reset %n result(s) to the model's answer", nullptr, n);
    stack_.push(
        new ReviewCommand(*this, text, std::move(before), std::move(after), status, fields_json));
    return true;
}

void ReviewController::show(const std::vector<Review>& states) {
    std::vector<ResultsModel::ReviewUpdate> updates;
    updates.reserve(states.size());
    for (const Review& state : states) {
        expected_.insert(state.id, state);
        updates.push_back({state.id, state.status, state.fields_json});
    }
    model_->update_reviews(updates);
}

void ReviewController::show_pending() {
    std::vector<ResultsModel::ReviewUpdate> updates;
    updates.reserve(static_cast<size_t>(expected_.size()));
    for (const Review& state : std::as_const(expected_))
        updates.push_back({state.id, state.status, state.fields_json});
    model_->update_reviews(updates);
}

quint64 ReviewController::track(const std::vector<Review>& states) {
    const quint64 ticket = ++next_ticket_;
    std::vector<qint64> ids;
    ids.reserve(states.size());
    for (const Review& state : states)
        ids.push_back(state.id);
    pending_.insert(ticket, std::move(ids));
    return ticket;
}

void ReviewController::send_apply(const std::vector<Review>& after, const QString& status,
                                  const QString& fields_json) {
    if (!writer_)
        return;
    show(after);
    const quint64 ticket = track(after);
    std::vector<qint64> ids = pending_.value(ticket);
    ReviewWriter* writer = writer_;
    QMetaObject::invokeMethod(
        writer,
        [writer, ticket, ids = std::move(ids), status, fields_json]() mutable {
            writer->apply(ticket, std::move(ids), status, fields_json);
        },
        Qt::QueuedConnection);
}

void ReviewController::send_restore(const std::vector<Review>& before) {
    if (!writer_)
        return;
    show(before);
    const quint64 ticket = track(before);
    ReviewWriter* writer = writer_;
    QMetaObject::invokeMethod(
        writer, [writer, ticket, before]() mutable { writer->restore(ticket, std::move(before)); },
        Qt::QueuedConnection);
}

void ReviewController::on_applied(quint64 ticket) {
    pending_.remove(ticket);
    settle();
}

void ReviewController::on_failed(quint64 ticket, const QString& message) {
    for (const qint64 id : pending_.value(ticket))
        resync_.insert(id);
    pending_.remove(ticket);
    emit error(tr("The review decision could not be saved: %1").arg(message));
    settle();
}

void ReviewController::settle() {
    if (!pending_.isEmpty())
        return;
    // Nothing in flight: the read connection now sees everything written.
    expected_.clear();
    if (!resync_.isEmpty() && store_) {
        const QSet<qint64> ids = std::exchange(resync_, {});
        try {
            for (const qint64 id : ids) {
                if (const auto state = store_->extraction_review(id))
                    model_->update_review(id, state->status, state->fields_json);
            }
        } catch (const core::StoreError& e) {
            emit error(QString::fromUtf8(e.what()));
        }
    }
    emit writes_done();
}

} // namespace clauselens::gui
