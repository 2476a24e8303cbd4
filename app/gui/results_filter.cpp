#include "gui/results_filter.h"

#include "gui/results_model.h"

namespace clauselens::gui {

namespace {

// The query as one FTS5 phrase: quotes doubled inside double quotes, which
// FTS5 accepts for any text.
QString as_phrase(const QString& query) {
    QString escaped = query;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

ResultsFilter::ResultsFilter(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(ResultsModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    // A row whose status changes leaves a status filter at once.
    setDynamicSortFilter(true);
}

void ResultsFilter::set_category(const QString& category) {
    if (category == category_)
        return;
    category_ = category;
    refilter();
}

void ResultsFilter::set_document(std::optional<qint64> document_id) {
    if (document_id == document_id_)
        return;
    document_id_ = document_id;
    refilter();
}

void ResultsFilter::set_statuses(const QSet<QString>& statuses) {
    if (statuses == statuses_)
        return;
    statuses_ = statuses;
    refilter();
}

void ResultsFilter::set_min_score(double min_score) {
    if (min_score == min_score_)
        return;
    min_score_ = min_score;
    refilter();
}

ResultsFilter::SearchOutcome ResultsFilter::set_search(const core::Store& store,
                                                       const QString& query) {
    SearchOutcome outcome;
    const QString trimmed = query.trimmed();
    if (trimmed.isEmpty()) {
        clear_search();
        return outcome;
    }
    std::vector<core::Store::SearchHit> hits;
    try {
        hits = store.search(trimmed, k_search_limit);
    } catch (const core::StoreError&) {
        // Most likely FTS5 syntax ("don't", "a AND"); the user meant the words.
        try {
            hits = store.search(as_phrase(trimmed), k_search_limit);
            outcome.as_phrase = true;
        } catch (const core::StoreError& e) {
            outcome.message = QString::fromUtf8(e.what());
        }
    }
    QSet<qint64> segments;
    segments.reserve(static_cast<qsizetype>(hits.size()));
    for (const core::Store::SearchHit& hit : hits)
        segments.insert(hit.segment_id);
    outcome.segments = static_cast<int>(segments.size());
    search_query_ = trimmed;
    search_segments_ = std::move(segments);
    refilter();
    return outcome;
}

void ResultsFilter::clear_search() {
    if (!search_segments_ && search_query_.isEmpty())
        return;
    search_query_.clear();
    search_segments_.reset();
    refilter();
}

void ResultsFilter::refilter() {
    invalidateFilter();
    emit filter_changed();
}

bool ResultsFilter::filterAcceptsRow(int source_row, const QModelIndex& source_parent) const {
    const QModelIndex index = sourceModel()->index(source_row, 0, source_parent);
    if (!category_.isEmpty() && index.data(ResultsModel::CategoryRole).toString() != category_)
        return false;
    if (document_id_ && index.data(ResultsModel::DocumentIdRole).toLongLong() != *document_id_)
        return false;
    if (!statuses_.isEmpty() &&
        !statuses_.contains(index.data(ResultsModel::StatusRole).toString()))
        return false;
    // Scores are shown rounded to whole percents: compare with a little slack
    // so that a row shown as "80%" passes a minimum of 80%.
    if (min_score_ > 0 && index.data(ResultsModel::ScoreRole).toDouble() < min_score_ - 0.005)
        return false;
    if (search_segments_ &&
        !search_segments_->contains(index.data(ResultsModel::SegmentIdRole).toLongLong()))
        return false;
    return true;
}

} // namespace clauselens::gui
