#include "core/exporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace clauselens::core {

namespace {

QStringList checked_columns(const ExportOptions& options) {
    if (options.columns.isEmpty()) {
        return export_columns();
    }
    const QStringList known = export_columns();
    for (const QString& c : options.columns) {
        if (!known.contains(c)) {
            throw StoreError(QStringLiteral("unknown export column '%1' (known: %2)")
                                 .arg(c, known.join(QStringLiteral(", ")))
                                 .toStdString());
        }
    }
    return options.columns;
}

void write(QIODevice& out, const QByteArray& bytes) {
    if (out.write(bytes) != bytes.size()) {
        throw StoreError(QStringLiteral("could not write the export: %1 (is the disk full?)")
                             .arg(out.errorString())
                             .toStdString());
    }
}

QString csv_cell(const ExtractionRow& row, const QString& column) {
    if (column == QLatin1String("document")) {
        return csv_field(row.document_title);
    }
    if (column == QLatin1String("page")) {
        return QString::number(row.page + 1);
    }
    if (column == QLatin1String("heading_path")) {
        return csv_field(row.heading_path);
    }
    if (column == QLatin1String("category")) {
        return csv_field(row.category);
    }
    if (column == QLatin1String("clause_text")) {
        return csv_field(row.clause_text);
    }
    if (column == QLatin1String("fields")) {
        return csv_field(row.fields_json);
    }
    if (column == QLatin1String("score")) {
        return QString::number(row.score, 'g', 6);
    }
    if (column == QLatin1String("status")) {
        return csv_field(row.status);
    }
    return csv_field(QStringLiteral("%1 (run %2)").arg(row.model).arg(row.run_id));
}

QJsonValue json_value(const ExtractionRow& row, const QString& column) {
    if (column == QLatin1String("document")) {
        return QJsonObject{{QStringLiteral("title"), row.document_title},
                           {QStringLiteral("path"), row.document_path},
                           {QStringLiteral("sha256"), QString::fromLatin1(row.document_sha256)}};
    }
    if (column == QLatin1String("page")) {
        return row.page + 1;
    }
    if (column == QLatin1String("heading_path")) {
        return row.heading_path;
    }
    if (column == QLatin1String("category")) {
        return row.category;
    }
    if (column == QLatin1String("clause_text")) {
        return row.clause_text;
    }
    if (column == QLatin1String("fields")) {
        // Stored fields are JSON written by the engine or a reviewer; should
        // one not parse, keep its text rather than lose it.
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(row.fields_json.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && doc.isObject()) {
            return doc.object();
        }
        if (error.error == QJsonParseError::NoError && doc.isArray()) {
            return doc.array();
        }
        return row.fields_json;
    }
    if (column == QLatin1String("score")) {
        return row.score;
    }
    if (column == QLatin1String("status")) {
        return row.status;
    }
    return QJsonObject{{QStringLiteral("id"), row.run_id},
                       {QStringLiteral("model"), row.model},
                       {QStringLiteral("adapter"), row.adapter}};
}

} // namespace

QStringList export_columns() {
    return {
        QStringLiteral("document"), QStringLiteral("page"),        QStringLiteral("heading_path"),
        QStringLiteral("category"), QStringLiteral("clause_text"), QStringLiteral("fields"),
        QStringLiteral("score"),    QStringLiteral("status"),      QStringLiteral("run")};
}

QString csv_field(const QString& value, bool neutralise_formula) {
    QString v = value;
    if (neutralise_formula && !v.isEmpty()) {
        const QChar c = v.front();
        if (c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r') {
            v.prepend(u'\'');
        }
    }
    const bool quote =
        v.contains(u',') || v.contains(u'"') || v.contains(u'\r') || v.contains(u'\n');
    if (!quote) {
        return v;
    }
    v.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + v + u'"';
}

void export_csv(const Store& store, const ExportFilter& filter, const ExportOptions& options,
                QIODevice& out) {
    const QStringList columns = checked_columns(options);
    if (options.excel_bom) {
        write(out, QByteArray("\xEF\xBB\xBF"));
    }
    write(out, (columns.join(u',') + QStringLiteral("\r\n")).toUtf8());
    store.for_each_extraction(filter, [&](const ExtractionRow& row) {
        QStringList cells;
        cells.reserve(columns.size());
        for (const QString& c : columns) {
            cells.append(csv_cell(row, c));
        }
        write(out, (cells.join(u',') + QStringLiteral("\r\n")).toUtf8());
    });
}

void export_json(const Store& store, const ExportFilter& filter, const ExportOptions& options,
                 QIODevice& out) {
    const QStringList columns = checked_columns(options);
    // An array of objects, written one row at a time so that a large export
    // does not sit in memory as one document.
    write(out, QByteArray("["));
    bool first = true;
    store.for_each_extraction(filter, [&](const ExtractionRow& row) {
        QJsonObject object;
        for (const QString& c : columns) {
            object.insert(c, json_value(row, c));
        }
        write(out, QByteArray(first ? "\n  " : ",\n  ") +
                       QJsonDocument(object).toJson(QJsonDocument::Compact));
        first = false;
    });
    write(out, QByteArray(first ? "]\n" : "\n]\n"));
}

} // namespace clauselens::core
