#include "gui/review_writer.h"

#include <QHash>
#include <exception>
#include <utility>

namespace clauselens::gui {

ReviewWriter::ReviewWriter(QString db_path, QObject* parent)
    : QObject(parent), db_path_(std::move(db_path)) {}

ReviewWriter::~ReviewWriter() = default;

core::Store& ReviewWriter::store() {
    if (!store_)
        store_.emplace(core::Store::open(db_path_));
    return *store_;
}

void ReviewWriter::apply(quint64 ticket, std::vector<qint64> ids, QString status,
                         QString fields_json) {
    try {
        store().review_extractions(ids, status, fields_json);
    } catch (const std::exception& e) {
        emit failed(ticket, QString::fromUtf8(e.what()));
        return;
    }
    emit applied(ticket);
}

void ReviewWriter::restore(quint64 ticket, std::vector<core::Store::ExtractionReview> states) {
    try {
        core::Store& s = store();
        std::vector<qint64> ids;
        ids.reserve(states.size());
        for (const core::Store::ExtractionReview& state : states)
            ids.push_back(state.id);
        // 'auto' puts back the model's answer and clears the edit and the note.
        s.review_extractions(ids, QStringLiteral("auto"));
        // Then one write per distinct decision (an undone batch accept is one
        // group), in the order the decisions first appear.
        QHash<QString, qsizetype> group_of;
        std::vector<std::pair<const core::Store::ExtractionReview*, std::vector<qint64>>> groups;
        for (const core::Store::ExtractionReview& state : states) {
            if (state.status == QLatin1String("auto"))
                continue;
            const bool edited = state.status == QLatin1String("edited");
            const QString key =
                state.status + QChar(0x1f) + (edited ? state.fields_json : QString()) +
                QChar(0x1f) +
                (state.reviewer_note.isNull() ? QString(QChar(0x1e)) : state.reviewer_note);
            const auto found = group_of.constFind(key);
            if (found == group_of.constEnd()) {
                group_of.insert(key, static_cast<qsizetype>(groups.size()));
                groups.push_back({&state, {state.id}});
            } else {
                groups[static_cast<size_t>(*found)].second.push_back(state.id);
            }
        }
        for (const auto& [state, group_ids] : groups) {
            s.review_extractions(group_ids, state->status,
                                 state->status == QLatin1String("edited") ? state->fields_json
                                                                          : QString(),
                                 state->reviewer_note);
        }
    } catch (const std::exception& e) {
        emit failed(ticket, QString::fromUtf8(e.what()));
        return;
    }
    emit applied(ticket);
}

} // namespace clauselens::gui
