#pragma once
// The row of filters above the results table: run, category, document,
// review status, minimum score and full-text search. It edits a ResultsFilter
// and says how many results are shown.

#include "core/store.h"

#include <QSet>
#include <QTimer>
#include <QWidget>
#include <optional>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace clauselens::gui {

class ResultsFilter;
class ResultsModel;

class ResultsFilterBar : public QWidget {
    Q_OBJECT

public:
    explicit ResultsFilterBar(ResultsFilter* filter, QWidget* parent = nullptr);

    // The read connection the search runs on; null disables search.
    void set_store(const core::Store* store);
    // Refills the category, document and run menus from what the table
    // holds, keeping the user's choices where they still exist.
    void refresh_choices(const ResultsModel& model, const std::vector<core::RunInfo>& runs);
    // The run chosen in the run menu; unset: every run.
    std::optional<qint64> run() const;
    void set_counts(int shown, int total);
    void focus_search();
    // Runs the search now instead of after the typing pause.
    void search_now();

    QComboBox* run_box() const { return run_; }
    QComboBox* category_box() const { return category_; }
    QComboBox* document_box() const { return document_; }
    QSpinBox* min_score_box() const { return min_score_; }
    QLineEdit* search_box() const { return search_; }
    // The status menu's checkable actions, by status ("auto", "accepted", ...).
    QAction* status_action(const QString& status) const;

signals:
    void run_changed();
    // A message about the search for the user (searched as a phrase, failed).
    void search_note(const QString& text);

private:
    void apply_statuses();
    void apply_search();

    ResultsFilter* filter_;
    const core::Store* store_ = nullptr;
    QComboBox* run_;
    QComboBox* category_;
    QComboBox* document_;
    QToolButton* status_;
    std::vector<std::pair<QString, QAction*>> status_actions_;
    QSpinBox* min_score_;
    QLineEdit* search_;
    QLabel* count_;
    QLabel* note_;
    QTimer search_timer_;
};

} // namespace clauselens::gui
