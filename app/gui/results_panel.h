#pragma once
// The results part of the main window: the filter bar, the results table and
// the detail panel, with the review keys. Keys in the table: A accepts and R
// rejects the selected results, F2 edits the current one's fields in the
// detail panel, Enter (or a double-click) asks the window to show the clause
// on its page.

#include "core/clause_library.h"
#include "core/store.h"

#include <QHash>
#include <QList>
#include <QWidget>
#include <memory>

class QSplitter;
class QTableView;

namespace clauselens::gui {

class ResultsDetail;
class ResultsFilter;
class ResultsFilterBar;
class ResultsModel;
class ReviewController;

class ResultsPanel : public QWidget {
    Q_OBJECT

public:
    explicit ResultsPanel(QWidget* parent = nullptr);
    ~ResultsPanel() override;

    ResultsModel* model() const { return model_; }
    ResultsFilter* filter() const { return filter_; }
    ReviewController* review() const { return review_; }
    QTableView* table() const { return table_; }
    ResultsFilterBar* filter_bar() const { return filter_bar_; }
    ResultsDetail* detail() const { return detail_; }
    QSplitter* splitter() const { return splitter_; }

    // The GUI thread's read connection (it must outlive its use here, or be
    // replaced first) and the database file review decisions are written to.
    // Reloads the table. Null: an empty table.
    void set_store(const core::Store* store, const QString& db_path);
    // Reads the results again (after a batch stored a document, say), keeping
    // the filters, the sort order and the current result.
    void reload();
    // Ctrl+F: the cursor in the search box.
    void focus_search();

    // The current category/document/run filter (and "accepted only" when the
    // status filter is exactly accepted and edited), for export.
    core::ExtractionFilter current_export_filter() const;
    // The results the table shows, in its order.
    QList<qint64> visible_extraction_ids() const;
    // The selected results (the current one if none is selected), in table order.
    QList<qint64> selected_extraction_ids() const;
    // Makes a result the current row and scrolls to it; false if not shown.
    bool select_extraction(qint64 extraction_id);

signals:
    // Show this clause: document, 0-based page, and the segment to highlight.
    void jump_requested(qint64 extraction_id, qint64 document_id, int page, qint64 segment_id);
    // The current result changed (0: none).
    void current_changed(qint64 extraction_id);
    // Something failed (a store read, a review write); for a message box.
    void error(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void build_table();
    void review_selected(const QString& action);
    void jump_to(const QModelIndex& proxy_index);
    void show_current();
    void update_counts();
    void context_menu(const QPoint& pos);
    const core::ClauseLibrary* library_of(qint64 run_id);
    qint64 current_id() const;

    const core::Store* store_ = nullptr;
    ResultsModel* model_;
    ResultsFilter* filter_;
    ReviewController* review_;
    ResultsFilterBar* filter_bar_;
    QTableView* table_;
    ResultsDetail* detail_;
    QSplitter* splitter_;
    // Each run's clause library (field names and types), parsed once; null
    // where the stored library cannot be read.
    QHash<qint64, std::shared_ptr<const core::ClauseLibrary>> libraries_;
};

} // namespace clauselens::gui
