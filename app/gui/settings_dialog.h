#pragma once
// Settings: the model file and LoRA adapter (with what the file is: its
// architecture, size, quantization, parameters, context), the Vulkan device
// (with a warning when the model will not fit its memory), the clause
// library, and the context and batch sizes. OK or Apply writes everything to
// AppSettings and emits settings_applied(); the window reloads the engine.
//
// The dialog never blocks: the model header is read and the Vulkan devices
// are listed on worker threads, and the labels fill in when they answer.

#include "core/clause_library.h"
#include "gui/model_info.h"

#include <QDialog>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class QTimer;

namespace clauselens::gui {

class AppSettings;
class LibraryEditor;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    enum Tab { model_tab, device_tab, library_tab, performance_tab };

    explicit SettingsDialog(AppSettings& settings, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    void show_tab(Tab tab);

    // What the Model tab shows (empty until the worker has read the file).
    const ModelInfo& model_info() const { return model_info_; }
    const AdapterInfo& adapter_info() const { return adapter_info_; }
    // Set the model and adapter file as if typed (tests; drag and drop).
    void set_model_path(const QString& path);
    void set_adapter_path(const QString& path);
    LibraryEditor* library_editor() const { return library_; }

    // Whether the device worker has answered, and what it found.
    bool devices_loaded() const { return devices_loaded_; }
    const std::vector<DeviceChoice>& devices() const { return devices_; }
    // Positions each sequence's KV cache holds: the smallest of the context
    // setting, what the library's prompt with a segment and an answer needs,
    // and the model's trained context.
    int positions_per_sequence() const;
    // The device memory estimate shown, in bytes (0 without a readable model),
    // for positions_per_sequence() positions and the batch size.
    qint64 estimated_bytes() const { return estimated_bytes_; }

    // Writes the settings (what OK does without closing). Returns false, with
    // the reason shown, when something cannot be saved (an unreadable model,
    // a library that cannot be written).
    bool apply();

    // Where an edited clause library is kept: the application's data folder.
    static QString edited_library_path();

signals:
    void settings_applied();

private:
    QWidget* make_model_tab();
    QWidget* make_device_tab();
    QWidget* make_performance_tab();
    void load_from_settings();
    void load_library();

    void request_model_info();
    void show_model_info(const ModelInfo& info);
    void request_adapter_info();
    void show_adapter_info(const AdapterInfo& info);
    void request_devices();
    void show_devices(const std::vector<DeviceChoice>& devices, const QString& error);
    void update_estimate();
    void browse_model();
    void browse_adapter();
    // The library path to store for the library the editor holds, writing
    // it to edited_library_path() when it was changed here. Empty result
    // with *ok true: the CUAD default.
    QString save_library(bool* ok);

    AppSettings& settings_;
    QTabWidget* tabs_;

    QLineEdit* model_path_;
    QLabel* model_name_;
    QLabel* model_architecture_;
    QLabel* model_size_;
    QLabel* model_quantization_;
    QLabel* model_parameters_;
    QLabel* model_context_;
    QLabel* model_layers_;
    QLabel* model_error_;
    QTimer* model_timer_;
    ModelInfo model_info_;

    QLineEdit* adapter_path_;
    QDoubleSpinBox* adapter_scale_;
    QLabel* adapter_label_;
    QTimer* adapter_timer_;
    AdapterInfo adapter_info_;

    QComboBox* device_combo_;
    QLabel* device_status_;
    QLabel* memory_estimate_;
    QLabel* device_warning_;
    bool devices_loaded_ = false;
    std::vector<DeviceChoice> devices_;
    qint64 estimated_bytes_ = 0;

    LibraryEditor* library_;
    QString library_source_;              // the file the library came from; empty: CUAD
    core::ClauseLibrary library_as_read_; // its contents as read, to notice edits

    QSpinBox* context_size_;
    QSpinBox* batch_size_;
    QLabel* performance_warning_;

    QDialogButtonBox* buttons_;
    QLabel* apply_error_;
};

} // namespace clauselens::gui
