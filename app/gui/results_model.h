#pragma once
// The results table's data: the extractions the model chose (one row each),
// copied out of the store so that the view never touches SQLite while it
// paints. Review actions update rows in place; a new run or document calls
// reload().

#include "core/store.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>
#include <optional>
#include <vector>

namespace clauselens::gui {

class ResultsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        DocumentColumn,
        PageColumn,
        HeadingColumn,
        CategoryColumn,
        ClauseColumn,
        FieldsColumn,
        ScoreColumn,
        StatusColumn,
        ColumnCount
    };

    // Roles every column answers (the row's values, not the cell's text).
    enum Role {
        ExtractionIdRole = Qt::UserRole + 1, // qint64
        DocumentIdRole,                      // qint64
        SegmentIdRole,                       // qint64
        PageRole,                            // int, 0-based like core::Page::number
        ScoreRole,                           // double, 0..1
        CategoryRole,                        // QString
        StatusRole,                          // QString: auto, accepted, rejected, edited
        FieldsJsonRole,                      // QString, a JSON object
        SortRole, // per column: numbers for page and score, text otherwise
    };

    explicit ResultsModel(QObject* parent = nullptr);

    // Reads the chosen extractions of every run, or of one. Throws
    // core::StoreError; the rows shown before stay as they were then.
    void reload(const core::Store& store, std::optional<qint64> run_id = {});
    // No rows (no database open).
    void clear();
    // The run the rows come from; unset: every run.
    std::optional<qint64> run_id() const { return run_id_; }

    // A review decision on one row, shown at once (the store write happens
    // elsewhere). Does nothing for an id that is not in the table.
    void update_review(qint64 extraction_id, const QString& status, const QString& fields_json);

    // Many decisions at once (a batch accept): one dataChanged over the rows
    // touched, so that a sorted or filtered view re-sorts once, not per row.
    struct ReviewUpdate {
        qint64 extraction_id = 0;
        QString status;
        QString fields_json;
    };
    void update_reviews(const std::vector<ReviewUpdate>& updates);

    // -1 if the id is not in the table.
    int row_of(qint64 extraction_id) const;
    const core::ExtractionRow& row_at(int row) const { return rows_.at(static_cast<size_t>(row)); }
    // The categories and documents that have rows, sorted for menus.
    QStringList categories() const;
    std::vector<std::pair<qint64, QString>> documents() const; // (id, title)

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // What the table shows for a status ("Unreviewed" for auto).
    static QString status_text(const QString& status);
    // "key: value; key: value" from a fields JSON object (lists joined by ", ");
    // empty for {} or text that is not a JSON object.
    static QString fields_text(const QString& fields_json);
    // The clause as one line (the PDF's line breaks joined), cut at about
    // max_chars with an ellipsis.
    static QString clause_summary(const QString& clause_text, int max_chars = 160);

private:
    QVariant cell_text(const core::ExtractionRow& row, int column) const;
    QVariant sort_value(const core::ExtractionRow& row, int column) const;

    std::vector<core::ExtractionRow> rows_;
    QHash<qint64, int> row_by_id_;
    std::optional<qint64> run_id_;
};

} // namespace clauselens::gui
