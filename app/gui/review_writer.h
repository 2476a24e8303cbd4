#pragma once
// Writes review decisions to the store from a thread of its own, so that a
// click never waits for SQLite (a batch may hold the write lock for a while).
// It opens its own write connection on first use, in its thread, and answers
// every request with applied() or failed() carrying the request's ticket.

#include "core/store.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <optional>
#include <vector>

namespace clauselens::gui {

class ReviewWriter : public QObject {
    Q_OBJECT

public:
    explicit ReviewWriter(QString db_path, QObject* parent = nullptr);
    ~ReviewWriter() override;

public slots:
    // Store::review_extractions(ids, status, fields_json) in one transaction.
    void apply(quint64 ticket, std::vector<qint64> ids, QString status, QString fields_json);
    // Puts each extraction back in exactly the review state given (status,
    // fields, the model's answer and the note), as undo needs: back to the
    // model's answer first, then the decision, so that an edit keeps the
    // model's original answer as it did before.
    // (Spelled out in full: queued calls find the argument type by this name.)
    void restore(quint64 ticket, std::vector<clauselens::core::Store::ExtractionReview> states);

signals:
    void applied(quint64 ticket);
    void failed(quint64 ticket, QString message);

private:
    core::Store& store();

    QString db_path_;
    std::optional<core::Store> store_;
};

} // namespace clauselens::gui

Q_DECLARE_METATYPE(std::vector<qint64>)
Q_DECLARE_METATYPE(std::vector<clauselens::core::Store::ExtractionReview>)
