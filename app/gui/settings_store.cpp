#include "gui/settings_store.h"

namespace clauselens::gui {

namespace {

const QString k_model_path = QStringLiteral("engine/model_path");
const QString k_adapter_path = QStringLiteral("engine/adapter_path");
const QString k_adapter_scale = QStringLiteral("engine/adapter_scale");
const QString k_device = QStringLiteral("engine/device");
const QString k_context = QStringLiteral("engine/context");
const QString k_batch = QStringLiteral("engine/batch");
const QString k_library_path = QStringLiteral("library/path");
const QString k_export_folder = QStringLiteral("export/folder");
const QString k_export_format = QStringLiteral("export/format");
const QString k_export_bom = QStringLiteral("export/excel_bom");
const QString k_export_scope = QStringLiteral("export/scope");
const QString k_export_columns = QStringLiteral("export/columns");
const QString k_recent_files = QStringLiteral("recent/files");
const QString k_recent_databases = QStringLiteral("recent/databases");
const QString k_current_database = QStringLiteral("database/current");
const QString k_window_geometry = QStringLiteral("window/geometry");
const QString k_window_state = QStringLiteral("window/state");

// An int setting within [low, high], else the default: a hand-edited file
// with "context=0" must not reach the engine.
int bounded_int(const QSettings& s, const QString& key, int fallback, int low, int high) {
    bool ok = false;
    const int v = s.value(key, fallback).toInt(&ok);
    return ok && v >= low && v <= high ? v : fallback;
}

} // namespace

AppSettings::AppSettings() : settings_(std::make_unique<QSettings>()) {}

AppSettings::AppSettings(const QString& ini_path)
    : settings_(std::make_unique<QSettings>(ini_path, QSettings::IniFormat)) {}

AppSettings::~AppSettings() = default;

void AppSettings::sync() {
    settings_->sync();
}

QString AppSettings::location() const {
    return settings_->fileName();
}

QString AppSettings::model_path() const {
    return settings_->value(k_model_path).toString();
}
void AppSettings::set_model_path(const QString& path) {
    settings_->setValue(k_model_path, path);
}

QString AppSettings::adapter_path() const {
    return settings_->value(k_adapter_path).toString();
}
void AppSettings::set_adapter_path(const QString& path) {
    settings_->setValue(k_adapter_path, path);
}

double AppSettings::adapter_scale() const {
    bool ok = false;
    const double v = settings_->value(k_adapter_scale, 1.0).toDouble(&ok);
    return ok && v >= 0 && v <= k_max_adapter_scale ? v : 1.0;
}
void AppSettings::set_adapter_scale(double scale) {
    settings_->setValue(k_adapter_scale, scale);
}

QString AppSettings::device() const {
    return settings_->value(k_device).toString();
}
void AppSettings::set_device(const QString& id) {
    settings_->setValue(k_device, id);
}

int AppSettings::context_size() const {
    return bounded_int(*settings_, k_context, k_default_context, k_min_context, k_max_context);
}
void AppSettings::set_context_size(int positions) {
    settings_->setValue(k_context, positions);
}

int AppSettings::batch_size() const {
    return bounded_int(*settings_, k_batch, k_default_batch, k_min_batch, k_max_batch);
}
void AppSettings::set_batch_size(int segments) {
    settings_->setValue(k_batch, segments);
}

QString AppSettings::library_path() const {
    return settings_->value(k_library_path).toString();
}
void AppSettings::set_library_path(const QString& path) {
    settings_->setValue(k_library_path, path);
}

QString AppSettings::last_export_folder() const {
    return settings_->value(k_export_folder).toString();
}
void AppSettings::set_last_export_folder(const QString& folder) {
    settings_->setValue(k_export_folder, folder);
}

QString AppSettings::export_format() const {
    const QString v = settings_->value(k_export_format).toString();
    return v == QLatin1String("json") ? v : QStringLiteral("csv");
}
void AppSettings::set_export_format(const QString& format) {
    settings_->setValue(k_export_format, format);
}

bool AppSettings::export_excel_bom() const {
    return settings_->value(k_export_bom, true).toBool();
}
void AppSettings::set_export_excel_bom(bool bom) {
    settings_->setValue(k_export_bom, bom);
}

QString AppSettings::export_scope() const {
    const QString v = settings_->value(k_export_scope).toString();
    return v == QLatin1String("accepted") || v == QLatin1String("filter") ? v
                                                                          : QStringLiteral("all");
}
void AppSettings::set_export_scope(const QString& scope) {
    settings_->setValue(k_export_scope, scope);
}

QStringList AppSettings::export_columns() const {
    return settings_->value(k_export_columns).toStringList();
}
void AppSettings::set_export_columns(const QStringList& columns) {
    settings_->setValue(k_export_columns, columns);
}

QStringList AppSettings::recent(const QString& key) const {
    QStringList list = settings_->value(key).toStringList();
    list.removeAll(QString());
    while (list.size() > k_max_recent) {
        list.removeLast();
    }
    return list;
}

void AppSettings::add_recent(const QString& key, const QString& path) {
    if (path.isEmpty()) {
        return;
    }
    QStringList list = recent(key);
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > k_max_recent) {
        list.removeLast();
    }
    settings_->setValue(key, list);
}

QStringList AppSettings::recent_files() const {
    return recent(k_recent_files);
}
void AppSettings::add_recent_file(const QString& path) {
    add_recent(k_recent_files, path);
}
void AppSettings::clear_recent_files() {
    settings_->remove(k_recent_files);
}

QStringList AppSettings::recent_databases() const {
    return recent(k_recent_databases);
}
void AppSettings::add_recent_database(const QString& path) {
    add_recent(k_recent_databases, path);
}
void AppSettings::clear_recent_databases() {
    settings_->remove(k_recent_databases);
}

QString AppSettings::current_database() const {
    return settings_->value(k_current_database).toString();
}
void AppSettings::set_current_database(const QString& path) {
    settings_->setValue(k_current_database, path);
}

QByteArray AppSettings::window_geometry() const {
    return settings_->value(k_window_geometry).toByteArray();
}
void AppSettings::set_window_geometry(const QByteArray& geometry) {
    settings_->setValue(k_window_geometry, geometry);
}

QByteArray AppSettings::window_state() const {
    return settings_->value(k_window_state).toByteArray();
}
void AppSettings::set_window_state(const QByteArray& state) {
    settings_->setValue(k_window_state, state);
}

} // namespace clauselens::gui
