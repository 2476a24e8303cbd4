#pragma once
// Exports extraction results from the store as CSV or JSON.
//
// CSV follows RFC 4180: UTF-8 (optionally with a byte order mark, which Excel
// needs to read UTF-8), CRLF line ends, a header row, and fields quoted when
// they contain a comma, double quote, CR or LF, with quotes doubled.
//
// Formula injection: a spreadsheet runs a cell starting with =, +, -, @ (and,
// in some programs, TAB or CR) as a formula, so a clause text like
// "=HYPERLINK(...)" from a hostile PDF could act when the file is opened. Such
// text cells get a leading single quote ('), OWASP's recommendation, which
// spreadsheets show as text. This also changes text like "-5 days" to
// "'-5 days"; the score column is a number we write ourselves and is never
// changed. JSON is not neutralised: it is not opened by spreadsheets.
//
// Columns, in this order (ExportOptions::columns picks and orders a subset):
//   document      the document's title
//   page          1-based page of the clause's first word
//   heading_path  e.g. "12 > 12.3 > (b)"
//   category      the clause library category
//   clause_text   the segment's text
//   fields        the extracted fields, a JSON object
//   score         0..1, from the model's token probabilities
//   status        auto, accepted, rejected or edited
//   run           "MODEL (run N)" in CSV; {"id", "model", "adapter"} in JSON

#include "core/store.h"

#include <QIODevice>
#include <QStringList>

namespace clauselens::core {

// accepted_only: accepted and edited results; category; one document by id or
// by sha256 (or a prefix of 8+ hex digits) or exact title.
using ExportFilter = ExtractionFilter;

struct ExportOptions {
    bool excel_bom = false; // CSV only: start with a UTF-8 BOM
    QStringList columns;    // empty: all, in the order above
};

// The column names, in their default order.
QStringList export_columns();

// Write the matching extractions to out (opened for writing). Throws
// StoreError for an unknown column, a document filter that matches nothing, a
// store error, or a write to out that fails (e.g. a full disk).
void export_csv(const Store& store, const ExportFilter& filter, const ExportOptions& options,
                QIODevice& out);
void export_json(const Store& store, const ExportFilter& filter, const ExportOptions& options,
                 QIODevice& out);

// One CSV field, quoted and neutralised as described above (exposed for tests).
QString csv_field(const QString& value, bool neutralise_formula = true);

} // namespace clauselens::core
