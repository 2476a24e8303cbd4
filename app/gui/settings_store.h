#pragma once
// Everything the application remembers between sessions, as typed getters and
// setters over QSettings (the platform's native store: an INI file under
// ~/.config/ClauseLens/ on Linux, the registry on Windows).
//
// Keys (stable: renaming one loses what users set):
//   engine/model_path          QString   GGUF model file; empty: none chosen
//   engine/adapter_path        QString   LoRA adapter GGUF; empty: none
//   engine/adapter_scale       double    0..4, default 1
//   engine/device              QString   "vk:N"; empty: the best device
//   engine/context             int       positions per sequence, default 8192
//   engine/batch               int       segments decoded together, default 16
//   library/path               QString   clause library JSON; empty: CUAD default
//   export/folder              QString   where the last export was written
//   export/format              QString   "csv" or "json", default "csv"
//   export/excel_bom           bool      CSV starts with a UTF-8 BOM, default true
//   export/scope               QString   "all", "accepted" or "filter", default "all"
//   export/columns             QStringList  chosen columns in order; empty: all
//   recent/files               QStringList  newest first, at most 10
//   recent/databases           QStringList  newest first, at most 10
//   database/current           QString   the database the window opens
//   window/geometry            QByteArray   QWidget::saveGeometry()
//   window/state               QByteArray   QMainWindow::saveState()
//
// Values outside their range (a hand-edited file) read as the default.

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <memory>

namespace clauselens::gui {

class AppSettings {
public:
    static constexpr int k_default_context = 8192;
    static constexpr int k_default_batch = 16;
    static constexpr int k_min_context = 512;
    static constexpr int k_max_context = 131072;
    static constexpr int k_min_batch = 1;
    static constexpr int k_max_batch = 64;
    static constexpr double k_max_adapter_scale = 4.0;
    static constexpr int k_max_recent = 10;

    // The application's settings (organisation and application name set on
    // QCoreApplication).
    AppSettings();
    // Settings in an INI file of this path (tests, portable installs).
    explicit AppSettings(const QString& ini_path);
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    // Writes pending changes to permanent storage (QSettings also does it on
    // its own, later and at exit).
    void sync();
    // The file (or registry path) the settings live in.
    QString location() const;

    QString model_path() const;
    void set_model_path(const QString& path);
    QString adapter_path() const;
    void set_adapter_path(const QString& path);
    double adapter_scale() const;
    void set_adapter_scale(double scale);
    QString device() const;
    void set_device(const QString& id);
    int context_size() const;
    void set_context_size(int positions);
    int batch_size() const;
    void set_batch_size(int segments);

    QString library_path() const;
    void set_library_path(const QString& path);

    QString last_export_folder() const;
    void set_last_export_folder(const QString& folder);
    QString export_format() const; // "csv" or "json"
    void set_export_format(const QString& format);
    bool export_excel_bom() const;
    void set_export_excel_bom(bool bom);
    QString export_scope() const; // "all", "accepted" or "filter"
    void set_export_scope(const QString& scope);
    QStringList export_columns() const; // empty: all
    void set_export_columns(const QStringList& columns);

    QStringList recent_files() const;
    // Moves (or adds) the path to the front; the list keeps k_max_recent.
    void add_recent_file(const QString& path);
    void clear_recent_files();
    QStringList recent_databases() const;
    void add_recent_database(const QString& path);
    void clear_recent_databases();
    QString current_database() const;
    void set_current_database(const QString& path);

    QByteArray window_geometry() const;
    void set_window_geometry(const QByteArray& geometry);
    QByteArray window_state() const;
    void set_window_state(const QByteArray& state);

private:
    QStringList recent(const QString& key) const;
    void add_recent(const QString& key, const QString& path);

    std::unique_ptr<QSettings> settings_;
};

} // namespace clauselens::gui
