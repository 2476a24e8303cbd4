#include "gui/document_list_model.h"

#include "gui/batch_queue.h"

#include <QApplication>
#include <QFileInfo>
#include <QStyle>

namespace clauselens::gui {

DocumentListModel::DocumentListModel(QObject* parent) : QAbstractTableModel(parent) {}

void DocumentListModel::reload(const core::Store& store) {
    // Files of the batch that are not stored (failed, encrypted) stay listed.
    std::vector<Row> unstored;
    QHash<QString, Row> states_by_path;
    QHash<qint64, Row> states_by_id;
    for (const Row& r : rows_) {
        if (r.info.id == 0) {
            unstored.push_back(r);
        } else if (!r.batch_state.isEmpty()) {
            states_by_id.insert(r.info.id, r);
            states_by_path.insert(r.info.path, r);
        }
    }
    beginResetModel();
    rows_.clear();
    for (const core::DocumentInfo& d : store.documents()) {
        Row row;
        row.info = d;
        if (const auto it = states_by_id.find(d.id); it != states_by_id.end()) {
            row.batch_state = it->batch_state;
            row.message = it->message;
            row.problem = it->problem;
        }
        rows_.push_back(row);
    }
    for (const Row& r : unstored) {
        const bool stored_now = std::any_of(rows_.begin(), rows_.end(), [&](const Row& s) {
            return QFileInfo(s.info.path) == QFileInfo(r.info.path);
        });
        if (!stored_now) {
            rows_.push_back(r);
        }
    }
    endResetModel();
}

void DocumentListModel::clear() {
    beginResetModel();
    rows_.clear();
    clause_counts_.clear();
    extracted_.clear();
    endResetModel();
}

void DocumentListModel::set_batch_state(const BatchDocument& d, const QString& state_text) {
    const bool problem = d.state == DocumentState::failed || d.state == DocumentState::needs_ocr ||
                         d.state == DocumentState::password_needed;
    int row = d.id != 0 ? row_of(d.id) : -1;
    if (row < 0 && !d.path.isEmpty()) {
        for (size_t i = 0; i < rows_.size(); ++i) {
            if (!rows_[i].info.path.isEmpty() &&
                QFileInfo(rows_[i].info.path) == QFileInfo(d.path)) {
                row = static_cast<int>(i);
                break;
            }
        }
    }
    if (row < 0) {
        if (d.path.isEmpty() || d.state == DocumentState::duplicate) {
            return;
        }
        Row r;
        r.info.path = d.path;
        r.info.title = QFileInfo(d.path).fileName();
        beginInsertRows({}, static_cast<int>(rows_.size()), static_cast<int>(rows_.size()));
        rows_.push_back(r);
        endInsertRows();
        row = static_cast<int>(rows_.size()) - 1;
    }
    Row& r = rows_[static_cast<size_t>(row)];
    r.batch_state = state_text;
    r.message = d.message;
    r.problem = problem;
    update_row(row);
}

void DocumentListModel::set_clause_counts(const QHash<qint64, int>& counts) {
    clause_counts_ = counts;
    if (!rows_.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, column_count - 1));
    }
}

void DocumentListModel::set_extracted(const QHash<qint64, bool>& extracted) {
    extracted_ = extracted;
    if (!rows_.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, column_count - 1));
    }
}

int DocumentListModel::row_of(qint64 document_id) const {
    for (size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].info.id == document_id && document_id != 0) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

qint64 DocumentListModel::document_id_at(int row) const {
    return row >= 0 && row < rowCount() ? rows_[static_cast<size_t>(row)].info.id : 0;
}

const core::DocumentInfo* DocumentListModel::info(qint64 document_id) const {
    const int row = row_of(document_id);
    return row < 0 ? nullptr : &rows_[static_cast<size_t>(row)].info;
}

int DocumentListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int DocumentListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : column_count;
}

QString DocumentListModel::status_of(const Row& row) const {
    // A document's stored state is the floor; the running batch says more.
    if (!row.batch_state.isEmpty() &&
        (row.info.id == 0 || row.batch_state != tr("ingested") || !extracted_.value(row.info.id))) {
        return row.batch_state;
    }
    if (row.info.status == core::DocumentStatus::needs_ocr) {
        return tr("needs OCR");
    }
    return extracted_.value(row.info.id) ? tr("done") : tr("ingested");
}

QVariant DocumentListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const Row& row = rows_[static_cast<size_t>(index.row())];
    const bool stored = row.info.id != 0;
    const bool needs_ocr = row.info.status == core::DocumentStatus::needs_ocr;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case title_column:
            return row.info.title.isEmpty() ? QFileInfo(row.info.path).fileName() : row.info.title;
        case pages_column:
            return stored ? QVariant(row.info.page_count) : QVariant();
        case status_column:
            return status_of(row);
        case clauses_column:
            return stored ? QVariant(clause_counts_.value(row.info.id)) : QVariant();
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        QString tip = row.info.path.toHtmlEscaped();
        if (!row.message.isEmpty()) {
            tip += QStringLiteral("<br/>") + row.message.toHtmlEscaped();
        } else if (needs_ocr) {
            tip += QStringLiteral("<br/>") +
                   tr("This PDF has no text layer (a scan). Run it through OCR and add it again.");
        }
        return tip;
    }
    case Qt::DecorationRole:
        if (index.column() != title_column) {
            return {};
        }
        if (row.problem || needs_ocr) {
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        }
        return QApplication::style()->standardIcon(QStyle::SP_FileIcon);
    case Qt::TextAlignmentRole:
        if (index.column() == pages_column || index.column() == clauses_column) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case DocumentIdRole:
        return row.info.id;
    case PathRole:
        return row.info.path;
    case StatusRole:
        return status_of(row);
    case ProblemRole:
        return row.problem || needs_ocr;
    default:
        return {};
    }
}

QVariant DocumentListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case title_column:
        return tr("Document");
    case pages_column:
        return tr("Pages");
    case status_column:
        return tr("Status");
    case clauses_column:
        return tr("Clauses");
    default:
        return {};
    }
}

void DocumentListModel::update_row(int row) {
    emit dataChanged(index(row, 0), index(row, column_count - 1));
}

} // namespace clauselens::gui
