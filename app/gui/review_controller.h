#pragma once
// Review actions on results -- accept, reject, edit fields, back to the
// model's answer -- with undo and redo. Each action shows in the table at
// once and is written by a ReviewWriter in its own thread; a write that fails
// puts the affected rows back to what the store holds and says why through
// error().
//
// Undo restores each result exactly as it was before the action: its status,
// its fields and, for an edited result, the model's original answer (the
// store keeps the model's answer while a result is edited).

#include "core/store.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUndoStack>
#include <optional>
#include <vector>

class QAction;
class QThread;

namespace clauselens::gui {

class ResultsModel;
class ReviewWriter;

class ReviewController : public QObject {
    Q_OBJECT

public:
    // The model is shown the decisions as they are made; it must outlive this.
    explicit ReviewController(ResultsModel* model, QObject* parent = nullptr);
    ~ReviewController() override;

    // The GUI thread's read connection (current review states, undo) and the
    // database file the writer opens. Another database clears the undo
    // history. A null store disables review actions.
    void set_store(const core::Store* store, const QString& db_path);

    // Each returns false (and records nothing) when no listed result would
    // change: unknown ids, already in that state, no store, or -- for
    // edit_fields -- fields that are not a JSON object (error() says so).
    bool accept(const QList<qint64>& ids);
    bool reject(const QList<qint64>& ids);
    bool edit_fields(qint64 id, const QString& fields_json);
    bool reset(const QList<qint64>& ids); // back to the model's answer, unreviewed

    QUndoStack* undo_stack() { return &stack_; }
    // Edit menu actions: Ctrl+Z, and Ctrl+Shift+Z (Ctrl+Y too where that is
    // the platform's redo), labelled with what they undo or redo.
    QAction* undo_action() const { return undo_action_; }
    QAction* redo_action() const { return redo_action_; }

    // Shows again the decisions whose writes have not landed yet: a reload
    // that read the store just before them would otherwise show the old state.
    void show_pending();

    // Writes sent to the writer and not yet answered.
    int pending_writes() const { return static_cast<int>(pending_.size()); }

signals:
    // A write failed; the message says what happened, for a message box.
    void error(const QString& message);
    // Every write sent so far has been answered (applied or failed).
    void writes_done();

private:
    friend class ReviewCommand;

    bool push(const QList<qint64>& ids, const QString& status, const QString& fields_json);
    // What the store holds, or will once the pending writes are done.
    std::optional<core::Store::ExtractionReview> state_of(qint64 id) const;
    // Shows the states and sends the write (redo: apply; undo: restore).
    void send_apply(const std::vector<core::Store::ExtractionReview>& after, const QString& status,
                    const QString& fields_json);
    void send_restore(const std::vector<core::Store::ExtractionReview>& before);
    void show(const std::vector<core::Store::ExtractionReview>& states);
    quint64 track(const std::vector<core::Store::ExtractionReview>& states);
    void on_applied(quint64 ticket);
    void on_failed(quint64 ticket, const QString& message);
    void settle();
    void start_writer(const QString& db_path);
    void stop_writer(bool wait);

    ResultsModel* model_;
    const core::Store* store_ = nullptr;
    QString db_path_;
    QThread* thread_ = nullptr;
    ReviewWriter* writer_ = nullptr;
    QUndoStack stack_;
    QAction* undo_action_ = nullptr;
    QAction* redo_action_ = nullptr;
    quint64 next_ticket_ = 0;
    QHash<quint64, std::vector<qint64>> pending_;
    // What the store will hold once the pending writes are done: the read
    // connection cannot see a write that has not happened yet.
    QHash<qint64, core::Store::ExtractionReview> expected_;
    QSet<qint64> resync_; // rows to read back from the store after a failure
};

} // namespace clauselens::gui
