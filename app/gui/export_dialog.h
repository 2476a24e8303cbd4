#pragma once
// Export of the extraction results: CSV (optionally Excel-friendly, with a
// UTF-8 byte order mark) or JSON; all results, accepted ones only, or those of
// the results table's current filter; the columns to write, in their standard
// order; and the file, in the folder of the last export.
//
// The export runs on a worker thread with its own read-only connection to the
// database, so that writing a large file never blocks the window, and it
// writes through QSaveFile: a failed export (full disk, no permission) leaves
// no half-written file and an earlier file of that name as it was.

#include "core/store.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace clauselens::gui {

class AppSettings;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Format { csv, json };
    enum class Scope { all, accepted, current_filter };

    // db_path: the database to export from (opened read-only by the worker);
    // current_filter: what the results table shows, for the "current filter" scope.
    ExportDialog(const QString& db_path, const core::ExtractionFilter& current_filter,
                 AppSettings& settings, QWidget* parent = nullptr);
    ~ExportDialog() override;

    Format format() const;
    void set_format(Format format);
    Scope scope() const;
    void set_scope(Scope scope);
    bool excel_bom() const;
    void set_excel_bom(bool bom);
    // The checked columns, in export order.
    QStringList columns() const;
    // Checks exactly these columns (unknown names are ignored).
    void set_columns(const QStringList& columns);
    QString output_path() const;
    void set_output_path(const QString& path);
    // Whether the dialog closes (accept()) after a successful export; on by
    // default.
    void set_close_on_success(bool close);

    // The filter the chosen scope exports.
    core::ExtractionFilter filter() const;

    // Starts the export, as the Export button does. Returns false, with the
    // reason shown, when the choices cannot be exported (no columns, no
    // file); otherwise export_finished follows.
    bool start_export();
    bool export_running() const { return running_; }
    // What the status line says (success with the row count, or the error).
    QString status_text() const;

signals:
    // rows: results written; message: what the status line shows.
    void export_finished(bool ok, qint64 rows, const QString& path, const QString& message);

private:
    struct Outcome {
        bool ok = false;
        qint64 rows = 0;
        QString message;
    };
    static Outcome run_export(const QString& db_path, const core::ExtractionFilter& filter,
                              Format format, bool excel_bom, const QStringList& columns,
                              const QString& path);

    void browse();
    void format_changed();
    void finish(const Outcome& outcome, const QString& path);
    void show_status(const QString& text, bool error);
    void remember_choices();
    QString default_file_name() const;

    QString db_path_;
    core::ExtractionFilter current_filter_;
    AppSettings& settings_;
    bool running_ = false;
    bool close_on_success_ = true;

    QRadioButton* format_csv_;
    QRadioButton* format_json_;
    QCheckBox* excel_bom_;
    QRadioButton* scope_all_;
    QRadioButton* scope_accepted_;
    QRadioButton* scope_filter_;
    QListWidget* columns_;
    QLineEdit* output_path_;
    QPushButton* browse_;
    QLabel* status_;
    QProgressBar* busy_;
    QDialogButtonBox* buttons_;
    QPushButton* export_button_;
};

} // namespace clauselens::gui
