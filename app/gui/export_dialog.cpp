#include "gui/export_dialog.h"

#include "core/exporter.h"
#include "gui/settings_background.h"
#include "gui/settings_store.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QVBoxLayout>
#include <exception>

namespace clauselens::gui {

namespace {

const QString k_error_style = QStringLiteral("color: #d32f2f;");

// What users read for each export column (the file keeps the column's name).
QString column_label(const QString& column) {
    if (column == QLatin1String("document")) {
        return ExportDialog::tr("Document");
    }
    if (column == QLatin1String("page")) {
        return ExportDialog::tr("Page");
    }
    if (column == QLatin1String("heading_path")) {
        return ExportDialog::tr("Heading path");
    }
    if (column == QLatin1String("category")) {
        return ExportDialog::tr("Category");
    }
    if (column == QLatin1String("clause_text")) {
        return ExportDialog::tr("Clause text");
    }
    if (column == QLatin1String("fields")) {
        return ExportDialog::tr("Fields");
    }
    if (column == QLatin1String("score")) {
        return ExportDialog::tr("Score");
    }
    if (column == QLatin1String("status")) {
        return ExportDialog::tr("Review status");
    }
    if (column == QLatin1String("run")) {
        return ExportDialog::tr("Model and run");
    }
    return column;
}

// "category Governing Law, document Foo, accepted only" for the scope's tooltip.
QString describe(const core::ExtractionFilter& f) {
    QStringList parts;
    if (!f.category.isEmpty()) {
        parts << ExportDialog::tr("category %1").arg(f.category);
    }
    if (!f.document_sha_or_title.isEmpty()) {
        parts << ExportDialog::tr("document %1").arg(f.document_sha_or_title);
    } else if (f.document_id) {
        parts << ExportDialog::tr("document #%1").arg(*f.document_id);
    }
    if (f.run_id) {
        parts << ExportDialog::tr("run %1").arg(*f.run_id);
    }
    if (f.accepted_only) {
        parts << ExportDialog::tr("accepted only");
    }
    return parts.isEmpty() ? ExportDialog::tr("no filter: all results")
                           : parts.join(QStringLiteral(", "));
}

} // namespace

ExportDialog::ExportDialog(const QString& db_path, const core::ExtractionFilter& current_filter,
                           AppSettings& settings, QWidget* parent)
    : QDialog(parent), db_path_(db_path), current_filter_(current_filter), settings_(settings) {
    setWindowTitle(tr("Export Results"));
    setObjectName(QStringLiteral("export_dialog"));

    // Format.
    auto* format_box = new QGroupBox(tr("Format"), this);
    format_csv_ = new QRadioButton(tr("&CSV (spreadsheets)"), format_box);
    format_csv_->setObjectName(QStringLiteral("format_csv"));
    format_csv_->setAccessibleName(tr("CSV format"));
    format_json_ = new QRadioButton(tr("&JSON"), format_box);
    format_json_->setObjectName(QStringLiteral("format_json"));
    format_json_->setAccessibleName(tr("JSON format"));
    excel_bom_ = new QCheckBox(tr("E&xcel-friendly (UTF-8 BOM)"), format_box);
    excel_bom_->setObjectName(QStringLiteral("excel_bom"));
    excel_bom_->setAccessibleName(tr("Excel-friendly CSV with a UTF-8 byte order mark"));
    excel_bom_->setToolTip(
        tr("Starts the file with a byte order mark, without which Excel misreads accented "
           "letters."));
    auto* format_group = new QButtonGroup(this);
    format_group->addButton(format_csv_);
    format_group->addButton(format_json_);
    auto* format_layout = new QVBoxLayout(format_box);
    format_layout->addWidget(format_csv_);
    auto* bom_row = new QHBoxLayout;
    bom_row->addSpacing(24);
    bom_row->addWidget(excel_bom_);
    format_layout->addLayout(bom_row);
    format_layout->addWidget(format_json_);

    // Scope.
    auto* scope_box = new QGroupBox(tr("Results"), this);
    scope_all_ = new QRadioButton(tr("&All results"), scope_box);
    scope_all_->setObjectName(QStringLiteral("scope_all"));
    scope_all_->setAccessibleName(tr("Export all results"));
    scope_accepted_ = new QRadioButton(tr("Acce&pted only"), scope_box);
    scope_accepted_->setObjectName(QStringLiteral("scope_accepted"));
    scope_accepted_->setAccessibleName(tr("Export accepted and edited results only"));
    scope_accepted_->setToolTip(tr("Results a reviewer accepted, with or without edits."));
    scope_filter_ =
        new QRadioButton(tr("C&urrent filter (%1)").arg(describe(current_filter_)), scope_box);
    scope_filter_->setObjectName(QStringLiteral("scope_filter"));
    scope_filter_->setAccessibleName(tr("Export the results the current filter shows"));
    auto* scope_group = new QButtonGroup(this);
    scope_group->addButton(scope_all_);
    scope_group->addButton(scope_accepted_);
    scope_group->addButton(scope_filter_);
    auto* scope_layout = new QVBoxLayout(scope_box);
    scope_layout->addWidget(scope_all_);
    scope_layout->addWidget(scope_accepted_);
    scope_layout->addWidget(scope_filter_);

    // Columns.
    auto* columns_box = new QGroupBox(tr("Col&umns"), this);
    columns_ = new QListWidget(columns_box);
    columns_->setObjectName(QStringLiteral("columns"));
    columns_->setAccessibleName(tr("Columns to export"));
    for (const QString& column : core::export_columns()) {
        auto* item = new QListWidgetItem(column_label(column), columns_);
        item->setData(Qt::UserRole, column);
        item->setToolTip(column);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    auto* columns_layout = new QVBoxLayout(columns_box);
    columns_layout->addWidget(columns_);

    // File.
    output_path_ = new QLineEdit(this);
    output_path_->setObjectName(QStringLiteral("output_path"));
    output_path_->setAccessibleName(tr("File to write"));
    browse_ = new QPushButton(tr("&Browse…"), this);
    browse_->setObjectName(QStringLiteral("output_browse"));
    browse_->setAccessibleName(tr("Choose the file to write"));
    auto* file_row = new QHBoxLayout;
    auto* file_label = new QLabel(tr("&File:"), this);
    file_label->setBuddy(output_path_);
    file_row->addWidget(file_label);
    file_row->addWidget(output_path_, 1);
    file_row->addWidget(browse_);

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("export_status"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    busy_ = new QProgressBar(this);
    busy_->setObjectName(QStringLiteral("export_busy"));
    busy_->setAccessibleName(tr("Export in progress"));
    busy_->setRange(0, 0); // the exporter does not report progress: a busy bar
    busy_->hide();

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Close, this);
    export_button_ = buttons_->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    export_button_->setObjectName(QStringLiteral("export_button"));
    export_button_->setDefault(true);

    auto* top = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(format_box);
    left->addWidget(scope_box);
    left->addStretch();
    top->addLayout(left);
    top->addWidget(columns_box, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addLayout(file_row);
    layout->addWidget(busy_);
    layout->addWidget(status_);
    layout->addWidget(buttons_);

    // What the user chose last time.
    set_format(settings_.export_format() == QLatin1String("json") ? Format::json : Format::csv);
    set_excel_bom(settings_.export_excel_bom());
    const QString scope = settings_.export_scope();
    set_scope(scope == QLatin1String("accepted") ? Scope::accepted
              : scope == QLatin1String("filter") ? Scope::current_filter
                                                 : Scope::all);
    if (const QStringList saved = settings_.export_columns(); !saved.isEmpty()) {
        set_columns(saved);
    }
    QString folder = settings_.last_export_folder();
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
        folder = QDir::homePath();
    }
    output_path_->setText(QDir(folder).absoluteFilePath(default_file_name()));

    connect(format_csv_, &QRadioButton::toggled, this, &ExportDialog::format_changed);
    connect(browse_, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(buttons_, &QDialogButtonBox::accepted, this, &ExportDialog::start_export);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(620, 440);
}

ExportDialog::~ExportDialog() = default;

ExportDialog::Format ExportDialog::format() const {
    return format_json_->isChecked() ? Format::json : Format::csv;
}

void ExportDialog::set_format(Format format) {
    (format == Format::json ? format_json_ : format_csv_)->setChecked(true);
    format_changed();
}

ExportDialog::Scope ExportDialog::scope() const {
    if (scope_accepted_->isChecked()) {
        return Scope::accepted;
    }
    return scope_filter_->isChecked() ? Scope::current_filter : Scope::all;
}

void ExportDialog::set_scope(Scope scope) {
    switch (scope) {
    case Scope::all:
        scope_all_->setChecked(true);
        break;
    case Scope::accepted:
        scope_accepted_->setChecked(true);
        break;
    case Scope::current_filter:
        scope_filter_->setChecked(true);
        break;
    }
}

bool ExportDialog::excel_bom() const {
    return excel_bom_->isChecked();
}
void ExportDialog::set_excel_bom(bool bom) {
    excel_bom_->setChecked(bom);
}

QStringList ExportDialog::columns() const {
    QStringList out;
    for (int i = 0; i < columns_->count(); ++i) {
        if (columns_->item(i)->checkState() == Qt::Checked) {
            out << columns_->item(i)->data(Qt::UserRole).toString();
        }
    }
    return out;
}

void ExportDialog::set_columns(const QStringList& columns) {
    for (int i = 0; i < columns_->count(); ++i) {
        QListWidgetItem* item = columns_->item(i);
        item->setCheckState(columns.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                  : Qt::Unchecked);
    }
}

QString ExportDialog::output_path() const {
    return output_path_->text().trimmed();
}
void ExportDialog::set_output_path(const QString& path) {
    output_path_->setText(path);
}
void ExportDialog::set_close_on_success(bool close) {
    close_on_success_ = close;
}

core::ExtractionFilter ExportDialog::filter() const {
    switch (scope()) {
    case Scope::accepted: {
        core::ExtractionFilter f;
        f.accepted_only = true;
        return f;
    }
    case Scope::current_filter:
        return current_filter_;
    case Scope::all:
        break;
    }
    return {};
}

QString ExportDialog::status_text() const {
    return status_->text();
}

QString ExportDialog::default_file_name() const {
    return format() == Format::json ? QStringLiteral("clauselens-results.json")
                                    : QStringLiteral("clauselens-results.csv");
}

void ExportDialog::format_changed() {
    const bool csv = format() == Format::csv;
    excel_bom_->setEnabled(csv);
    // Keep the file's extension in step with the format, as a save dialog would.
    const QString path = output_path();
    if (path.isEmpty()) {
        return;
    }
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("json")) {
        output_path_->setText(
            QDir(info.path())
                .filePath(info.completeBaseName() +
                          (csv ? QStringLiteral(".csv") : QStringLiteral(".json"))));
    }
}

void ExportDialog::browse() {
    const bool csv = format() == Format::csv;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export results to"), output_path(),
                                     csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (!path.isEmpty()) {
        output_path_->setText(path);
    }
}

bool ExportDialog::start_export() {
    if (running_) {
        return false;
    }
    const QStringList chosen = columns();
    if (chosen.isEmpty()) {
        show_status(tr("Choose at least one column to export."), true);
        return false;
    }
    const QString path = output_path();
    if (path.isEmpty()) {
        show_status(tr("Choose the file to write."), true);
        return false;
    }
    if (QFileInfo(path).isDir()) {
        show_status(tr("%1 is a folder; choose a file name.").arg(path), true);
        return false;
    }
    running_ = true;
    export_button_->setEnabled(false);
    busy_->show();
    show_status(tr("Exporting to %1…").arg(path), false);
    run_in_background(
        this,
        [db = db_path_, f = filter(), fmt = format(), bom = excel_bom(), chosen, path] {
            return run_export(db, f, fmt, bom, chosen, path);
        },
        [this, path](const Outcome& outcome) { finish(outcome, path); });
    return true;
}

ExportDialog::Outcome ExportDialog::run_export(const QString& db_path,
                                               const core::ExtractionFilter& filter, Format format,
                                               bool excel_bom, const QStringList& columns,
                                               const QString& path) {
    Outcome outcome;
    try {
        const core::Store store = core::Store::open_read_only(db_path);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            outcome.message = tr("Could not create %1: %2").arg(path, file.errorString());
            return outcome;
        }
        core::ExportOptions options;
        options.excel_bom = format == Format::csv && excel_bom;
        options.columns = columns;
        if (format == Format::csv) {
            core::export_csv(store, filter, options, file);
        } else {
            core::export_json(store, filter, options, file);
        }
        // The exporter writes one row per matching extraction; the count
        // uses the same filter. A batch storing a document in between could
        // make the message (never the file) differ by that document's rows.
        store.for_each_extraction(filter,
                                  [&outcome](const core::ExtractionRow&) { ++outcome.rows; });
        if (!file.commit()) {
            outcome.message = tr("Could not finish writing %1: %2 (is the disk full?)")
                                  .arg(path, file.errorString());
            outcome.rows = 0;
            return outcome;
        }
        outcome.ok = true;
        outcome.message =
            tr("Exported %n result(s) to %1.", nullptr, static_cast<int>(outcome.rows))
                .arg(QDir::toNativeSeparators(path));
    } catch (const std::exception& e) {
        outcome.rows = 0;
        outcome.message = tr("The export failed: %1").arg(QString::fromUtf8(e.what()));
    }
    return outcome;
}

void ExportDialog::finish(const Outcome& outcome, const QString& path) {
    running_ = false;
    export_button_->setEnabled(true);
    busy_->hide();
    show_status(outcome.message, !outcome.ok);
    if (outcome.ok) {
        remember_choices();
        settings_.set_last_export_folder(QFileInfo(path).absolutePath());
    }
    emit export_finished(outcome.ok, outcome.rows, path, outcome.message);
    if (outcome.ok && close_on_success_) {
        accept();
    }
}

void ExportDialog::show_status(const QString& text, bool error) {
    status_->setText(text);
    status_->setStyleSheet(error ? k_error_style : QString());
}

void ExportDialog::remember_choices() {
    settings_.set_export_format(format() == Format::json ? QStringLiteral("json")
                                                         : QStringLiteral("csv"));
    settings_.set_export_excel_bom(excel_bom());
    settings_.set_export_scope(scope() == Scope::accepted         ? QStringLiteral("accepted")
                               : scope() == Scope::current_filter ? QStringLiteral("filter")
                                                                  : QStringLiteral("all"));
    const QStringList chosen = columns();
    // All columns are stored as "all", so that a column a later version adds
    // is exported too.
    settings_.set_export_columns(chosen == core::export_columns() ? QStringList() : chosen);
}

} // namespace clauselens::gui
