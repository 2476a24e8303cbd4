#pragma once
// The filters and sort order of the results table: a proxy over ResultsModel
// that keeps the rows of one category, one document, some review statuses,
// a minimum score and the segments a full-text search found.

#include "core/store.h"

#include <QSet>
#include <QSortFilterProxyModel>
#include <optional>

namespace clauselens::gui {

class ResultsFilter : public QSortFilterProxyModel {
    Q_OBJECT

public:
    // What a search found, for the filter bar to say.
    struct SearchOutcome {
        int segments = 0;       // segments whose text matches
        bool as_phrase = false; // the query was not valid FTS5 syntax; searched as a phrase
        QString message;        // set when the search could not run at all
    };

    explicit ResultsFilter(QObject* parent = nullptr);

    // Empty: every category.
    void set_category(const QString& category);
    QString category() const { return category_; }
    // Unset: every document.
    void set_document(std::optional<qint64> document_id);
    std::optional<qint64> document() const { return document_id_; }
    // Statuses to keep ("auto", "accepted", "rejected", "edited"); empty: all.
    void set_statuses(const QSet<QString>& statuses);
    QSet<QString> statuses() const { return statuses_; }
    // 0..1; rows scoring below it are hidden.
    void set_min_score(double min_score);
    double min_score() const { return min_score_; }

    // Keeps the rows whose segment text matches the query: FTS5 syntax (words,
    // "phrases", AND/OR/NOT, prefix*) over the store's segment index. A query
    // that is not valid FTS5 syntax (an apostrophe, a stray quote) is searched
    // as a plain phrase instead, never an error for the user. An empty query
    // clears the search.
    SearchOutcome set_search(const core::Store& store, const QString& query);
    void clear_search();
    QString search_query() const { return search_query_; }
    bool search_active() const { return search_segments_.has_value(); }

    // Most segments one search keeps (the best-ranked ones).
    static constexpr int k_search_limit = 20000;

signals:
    // Any filter changed (the rows shown may have changed).
    void filter_changed();

protected:
    bool filterAcceptsRow(int source_row, const QModelIndex& source_parent) const override;

private:
    void refilter();

    QString category_;
    std::optional<qint64> document_id_;
    QSet<QString> statuses_;
    double min_score_ = 0;
    QString search_query_;
    std::optional<QSet<qint64>> search_segments_;
};

} // namespace clauselens::gui
