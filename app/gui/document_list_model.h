#pragma once
// The document list of the main window: every stored document (title, pages,
// status, clauses found) and the files of the current batch that did not
// become documents (failed, encrypted, cancelled), so that nothing the user
// dropped disappears without a word. The store gives the documents, the batch
// queue their live state ("extracting 42%"), the results their clause counts.

#include "core/store.h"

#include <QAbstractTableModel>
#include <QHash>
#include <vector>

namespace clauselens::gui {

struct BatchDocument;

class DocumentListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { title_column, pages_column, status_column, clauses_column, column_count };
    enum Role {
        DocumentIdRole = Qt::UserRole + 1, // qint64, 0 for a file that is not stored
        PathRole,
        StatusRole, // the status text
        ProblemRole // bool: failed, needs OCR, password needed
    };

    explicit DocumentListModel(QObject* parent = nullptr);

    // Reads the stored documents; keeps the batch states and counts it has.
    void reload(const core::Store& store);
    void clear();
    // The live state of a document or file of the running batch.
    void set_batch_state(const BatchDocument& document, const QString& state_text);
    // Chosen clauses per document id (documents missing from the map: 0).
    void set_clause_counts(const QHash<qint64, int>& counts);
    // Documents the store says a run has finished: "done" once no batch state overrides it.
    void set_extracted(const QHash<qint64, bool>& extracted);

    int row_of(qint64 document_id) const;
    qint64 document_id_at(int row) const;
    const core::DocumentInfo* info(qint64 document_id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        core::DocumentInfo info; // id 0: a file of the batch that is not stored
        QString batch_state;     // empty: none from the current batch
        QString message;         // why a file failed
        bool problem = false;
    };
    QString status_of(const Row& row) const;
    void update_row(int row);

    std::vector<Row> rows_;
    QHash<qint64, int> clause_counts_;
    QHash<qint64, bool> extracted_;
};

} // namespace clauselens::gui
