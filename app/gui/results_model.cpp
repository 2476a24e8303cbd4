#include "gui/results_model.h"

#include "gui/category_colors.h"

#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPalette>
#include <QSet>
#include <QTextDocument>
#include <algorithm>
#include <map>

namespace clauselens::gui {

namespace {

// Review order for sorting by status: what still needs a look comes first.
int status_rank(const QString& status) {
    if (status == QLatin1String("auto"))
        return 0;
    if (status == QLatin1String("edited"))
        return 1;
    if (status == QLatin1String("accepted"))
        return 2;
    if (status == QLatin1String("rejected"))
        return 3;
    return 4;
}

QString json_value_text(const QJsonValue& value) {
    if (value.isString())
        return value.toString();
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue& item : value.toArray())
            parts << json_value_text(item);
        return parts.join(QStringLiteral(", "));
    }
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

} // namespace

ResultsModel::ResultsModel(QObject* parent) : QAbstractTableModel(parent) {}

void ResultsModel::reload(const core::Store& store, std::optional<qint64> run_id) {
    // Read everything first: a store error must leave the table as it was.
    std::vector<core::ExtractionRow> rows;
    core::ExtractionFilter filter;
    filter.run_id = run_id;
    store.for_each_extraction(filter, [&rows](const core::ExtractionRow& row) {
        if (row.chosen)
            rows.push_back(row);
    });
    beginResetModel();
    rows_ = std::move(rows);
    run_id_ = run_id;
    row_by_id_.clear();
    row_by_id_.reserve(static_cast<qsizetype>(rows_.size()));
    for (size_t i = 0; i < rows_.size(); ++i)
        row_by_id_.insert(rows_[i].extraction_id, static_cast<int>(i));
    endResetModel();
}

void ResultsModel::clear() {
    beginResetModel();
    rows_.clear();
    row_by_id_.clear();
    run_id_.reset();
    endResetModel();
}

void ResultsModel::update_review(qint64 extraction_id, const QString& status,
                                 const QString& fields_json) {
    const int row = row_of(extraction_id);
    if (row < 0)
        return;
    core::ExtractionRow& r = rows_[static_cast<size_t>(row)];
    if (r.status == status && r.fields_json == fields_json)
        return;
    r.status = status;
    r.fields_json = fields_json;
    // The whole row: the status colours every cell (rejected rows are greyed).
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ResultsModel::update_reviews(const std::vector<ReviewUpdate>& updates) {
    int first = -1;
    int last = -1;
    for (const ReviewUpdate& u : updates) {
        const int row = row_of(u.extraction_id);
        if (row < 0)
            continue;
        core::ExtractionRow& r = rows_[static_cast<size_t>(row)];
        if (r.status == u.status && r.fields_json == u.fields_json)
            continue;
        r.status = u.status;
        r.fields_json = u.fields_json;
        first = first < 0 ? row : std::min(first, row);
        last = std::max(last, row);
    }
    if (first >= 0)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

int ResultsModel::row_of(qint64 extraction_id) const {
    return row_by_id_.value(extraction_id, -1);
}

QStringList ResultsModel::categories() const {
    QSet<QString> seen;
    for (const core::ExtractionRow& r : rows_)
        seen.insert(r.category);
    QStringList list(seen.begin(), seen.end());
    std::sort(list.begin(), list.end(), [](const QString& a, const QString& b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    return list;
}

std::vector<std::pair<qint64, QString>> ResultsModel::documents() const {
    std::map<qint64, QString> seen;
    for (const core::ExtractionRow& r : rows_)
        seen.emplace(r.document_id, r.document_title);
    std::vector<std::pair<qint64, QString>> list(seen.begin(), seen.end());
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
        return QString::localeAwareCompare(a.second, b.second) < 0;
    });
    return list;
}

int ResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ResultsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount())
        return {};
    const core::ExtractionRow& r = rows_[static_cast<size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return cell_text(r, column);
    case Qt::ToolTipRole:
        switch (column) {
        case DocumentColumn:
            return r.document_path;
        case ClauseColumn:
            // Rich text so that a long clause wraps instead of running off the screen.
            return Qt::convertFromPlainText(r.clause_text, Qt::WhiteSpaceNormal);
        case FieldsColumn: {
            const QString text = fields_text(r.fields_json);
            return text.isEmpty() ? QVariant() : QVariant(text);
        }
        case ScoreColumn:
            return tr("Model confidence %1").arg(r.score, 0, 'f', 4);
        case StatusColumn:
            return r.status == QLatin1String("edited")
                       ? tr("Fields edited by a reviewer; the model's answer is kept")
                       : QVariant();
        default:
            return cell_text(r, column);
        }
    case Qt::DecorationRole:
        if (column == CategoryColumn)
            return category_color(r.category);
        if (column == StatusColumn)
            return status_color(r.status);
        return {};
    case Qt::TextAlignmentRole:
        if (column == PageColumn || column == ScoreColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        // A rejected result stays listed (it can be undone) but reads as set aside.
        if (r.status == QLatin1String("rejected"))
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::AccessibleTextRole:
        return cell_text(r, column);
    case ExtractionIdRole:
        return r.extraction_id;
    case DocumentIdRole:
        return r.document_id;
    case SegmentIdRole:
        return r.segment_id;
    case PageRole:
        return r.page;
    case ScoreRole:
        return r.score;
    case CategoryRole:
        return r.category;
    case StatusRole:
        return r.status;
    case FieldsJsonRole:
        return r.fields_json;
    case SortRole:
        return sort_value(r, column);
    default:
        return {};
    }
}

QVariant ResultsModel::cell_text(const core::ExtractionRow& r, int column) const {
    switch (column) {
    case DocumentColumn:
        return r.document_title;
    case PageColumn:
        return r.page + 1;
    case HeadingColumn:
        return r.heading_path;
    case CategoryColumn:
        return r.category;
    case ClauseColumn:
        return clause_summary(r.clause_text);
    case FieldsColumn:
        return fields_text(r.fields_json);
    case ScoreColumn:
        return tr("%1%").arg(r.score * 100.0, 0, 'f', 0);
    case StatusColumn:
        return status_text(r.status);
    default:
        return {};
    }
}

QVariant ResultsModel::sort_value(const core::ExtractionRow& r, int column) const {
    switch (column) {
    case PageColumn:
        return r.page;
    case ScoreColumn:
        return r.score;
    case StatusColumn:
        return status_rank(r.status);
    case ClauseColumn:
        return r.clause_text;
    default:
        return cell_text(r, column);
    }
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DocumentColumn:
        return tr("Document");
    case PageColumn:
        return tr("Page");
    case HeadingColumn:
        return tr("Heading");
    case CategoryColumn:
        return tr("Category");
    case ClauseColumn:
        return tr("Clause");
    case FieldsColumn:
        return tr("Fields");
    case ScoreColumn:
        return tr("Score");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

QString ResultsModel::status_text(const QString& status) {
    if (status == QLatin1String("auto"))
        return tr("Unreviewed");
    if (status == QLatin1String("accepted"))
        return tr("Accepted");
    if (status == QLatin1String("rejected"))
        return tr("Rejected");
    if (status == QLatin1String("edited"))
        return tr("Edited");
    return status;
}

QString ResultsModel::fields_text(const QString& fields_json) {
    const QJsonDocument doc = QJsonDocument::fromJson(fields_json.toUtf8());
    if (!doc.isObject())
        return {};
    const QJsonObject object = doc.object();
    QStringList parts;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString value = json_value_text(it.value());
        if (!value.isEmpty())
            parts << it.key() + QStringLiteral(": ") + value;
    }
    return parts.join(QStringLiteral("; "));
}

QString ResultsModel::clause_summary(const QString& clause_text, int max_chars) {
    // Segment text keeps the PDF's line breaks inside a paragraph; the table
    // shows the paragraph as one line.
    const QString line = clause_text.simplified();
    if (line.size() <= max_chars)
        return line;
    // Cut at a word boundary when one is near, so the text does not end mid-word.
    qsizetype cut = line.lastIndexOf(QLatin1Char(' '), max_chars);
    if (cut < max_chars / 2)
        cut = max_chars;
    return line.left(cut) + QChar(0x2026);
}

} // namespace clauselens::gui
