#include "gui/settings_dialog.h"

#include "gui/library_editor.h"
#include "gui/settings_background.h"
#include "gui/settings_store.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace clauselens::gui {

namespace {

// Typing a path fires textChanged per key: wait for a pause before reading.
constexpr int k_path_settle_ms = 300;

// Red reads as an error on light and dark palettes alike.
const QString k_error_style = QStringLiteral("color: #d32f2f;");

QLabel* value_label(QWidget* parent, const char* object_name) {
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(object_name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel* error_label(QWidget* parent, const char* object_name) {
    auto* label = value_label(parent, object_name);
    label->setWordWrap(true);
    label->setStyleSheet(k_error_style);
    label->hide();
    return label;
}

void show_error(QLabel* label, const QString& text) {
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QPushButton* browse_button(QWidget* parent, const char* object_name, const QString& accessible) {
    auto* button = new QPushButton(QObject::tr("Browse…"), parent);
    button->setObjectName(QString::fromLatin1(object_name));
    button->setAccessibleName(accessible);
    return button;
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings& settings, QWidget* parent)
    : QDialog(parent), settings_(settings), tabs_(new QTabWidget(this)),
      model_timer_(new QTimer(this)), adapter_timer_(new QTimer(this)),
      library_(new LibraryEditor(this)),
      buttons_(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this)),
      apply_error_(error_label(this, "apply_error")) {
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settings_dialog"));

    tabs_->setObjectName(QStringLiteral("settings_tabs"));
    tabs_->setAccessibleName(tr("Settings pages"));
    tabs_->addTab(make_model_tab(), tr("&Model"));
    tabs_->addTab(make_device_tab(), tr("&Device"));
    library_->setObjectName(QStringLiteral("library_editor"));
    tabs_->addTab(library_, tr("Clause &library"));
    tabs_->addTab(make_performance_tab(), tr("&Performance"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs_, 1);
    layout->addWidget(apply_error_);
    layout->addWidget(buttons_);

    for (QTimer* timer : {model_timer_, adapter_timer_}) {
        timer->setSingleShot(true);
        timer->setInterval(k_path_settle_ms);
    }
    connect(model_timer_, &QTimer::timeout, this, &SettingsDialog::request_model_info);
    connect(adapter_timer_, &QTimer::timeout, this, &SettingsDialog::request_adapter_info);
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (apply()) {
            accept();
        }
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons_->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &SettingsDialog::apply);

    // An imported file is kept where it is as long as it is not edited here.
    // The library's prompt length changes the positions each segment needs.
    connect(library_, &LibraryEditor::library_changed, this, &SettingsDialog::update_estimate);
    connect(library_, &LibraryEditor::imported, this, [this](const QString& path) {
        library_source_ = path;
        library_as_read_ = library_->library();
    });

    load_from_settings();
    request_devices();
    resize(760, 540);
}

SettingsDialog::~SettingsDialog() = default;

QWidget* SettingsDialog::make_model_tab() {
    auto* page = new QWidget(this);

    model_path_ = new QLineEdit(page);
    model_path_->setObjectName(QStringLiteral("model_path"));
    model_path_->setAccessibleName(tr("Model file"));
    model_path_->setPlaceholderText(tr("A GGUF model file, e.g. Qwen2.5-3B-Instruct-Q4_K_M.gguf"));
    model_path_->setClearButtonEnabled(true);
    auto* model_browse = browse_button(page, "model_browse", tr("Choose the model file"));
    auto* model_row = new QHBoxLayout;
    model_row->addWidget(model_path_, 1);
    model_row->addWidget(model_browse);

    model_name_ = value_label(page, "model_name");
    model_architecture_ = value_label(page, "model_architecture");
    model_size_ = value_label(page, "model_size");
    model_quantization_ = value_label(page, "model_quantization");
    model_parameters_ = value_label(page, "model_parameters");
    model_context_ = value_label(page, "model_context");
    model_layers_ = value_label(page, "model_layers");
    model_error_ = error_label(page, "model_error");

    auto* model_box = new QGroupBox(tr("Model"), page);
    auto* model_form = new QFormLayout(model_box);
    auto* file_label = new QLabel(tr("&File:"), model_box);
    file_label->setBuddy(model_path_);
    model_form->addRow(file_label, model_row);
    model_form->addRow(tr("Name:"), model_name_);
    model_form->addRow(tr("Architecture:"), model_architecture_);
    model_form->addRow(tr("Size:"), model_size_);
    model_form->addRow(tr("Quantization:"), model_quantization_);
    model_form->addRow(tr("Parameters:"), model_parameters_);
    model_form->addRow(tr("Context length:"), model_context_);
    model_form->addRow(tr("Layers:"), model_layers_);
    model_form->addRow(model_error_);

    adapter_path_ = new QLineEdit(page);
    adapter_path_->setObjectName(QStringLiteral("adapter_path"));
    adapter_path_->setAccessibleName(tr("LoRA adapter file"));
    adapter_path_->setPlaceholderText(
        tr("Optional: a LoRA adapter GGUF fine-tuned for this model"));
    adapter_path_->setClearButtonEnabled(true);
    auto* adapter_browse =
        browse_button(page, "adapter_browse", tr("Choose the LoRA adapter file"));
    auto* adapter_row = new QHBoxLayout;
    adapter_row->addWidget(adapter_path_, 1);
    adapter_row->addWidget(adapter_browse);
    adapter_scale_ = new QDoubleSpinBox(page);
    adapter_scale_->setObjectName(QStringLiteral("adapter_scale"));
    adapter_scale_->setAccessibleName(tr("Adapter scale"));
    adapter_scale_->setRange(0.0, AppSettings::k_max_adapter_scale);
    adapter_scale_->setSingleStep(0.05);
    adapter_scale_->setDecimals(2);
    adapter_scale_->setToolTip(
        tr("How strongly the adapter changes the model: 0 is the base model, 1 as trained."));
    adapter_label_ = value_label(page, "adapter_info");
    adapter_label_->setWordWrap(true);

    auto* adapter_box = new QGroupBox(tr("LoRA adapter"), page);
    auto* adapter_form = new QFormLayout(adapter_box);
    auto* adapter_file_label = new QLabel(tr("F&ile:"), adapter_box);
    adapter_file_label->setBuddy(adapter_path_);
    adapter_form->addRow(adapter_file_label, adapter_row);
    auto* scale_label = new QLabel(tr("&Scale:"), adapter_box);
    scale_label->setBuddy(adapter_scale_);
    adapter_form->addRow(scale_label, adapter_scale_);
    adapter_form->addRow(adapter_label_);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(model_box);
    layout->addWidget(adapter_box);
    layout->addStretch();

    connect(model_path_, &QLineEdit::textChanged, model_timer_, qOverload<>(&QTimer::start));
    connect(adapter_path_, &QLineEdit::textChanged, adapter_timer_, qOverload<>(&QTimer::start));
    connect(model_browse, &QPushButton::clicked, this, &SettingsDialog::browse_model);
    connect(adapter_browse, &QPushButton::clicked, this, &SettingsDialog::browse_adapter);
    return page;
}

QWidget* SettingsDialog::make_device_tab() {
    auto* page = new QWidget(this);
    device_combo_ = new QComboBox(page);
    device_combo_->setObjectName(QStringLiteral("device_combo"));
    device_combo_->setAccessibleName(tr("Vulkan device"));
    device_status_ = value_label(page, "device_status");
    device_status_->setWordWrap(true);
    memory_estimate_ = value_label(page, "memory_estimate");
    memory_estimate_->setWordWrap(true);
    device_warning_ = error_label(page, "device_warning");

    auto* form = new QFormLayout;
    auto* device_label = new QLabel(tr("&Device:"), page);
    device_label->setBuddy(device_combo_);
    form->addRow(device_label, device_combo_);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(device_status_);
    layout->addWidget(memory_estimate_);
    layout->addWidget(device_warning_);
    layout->addStretch();

    connect(device_combo_, &QComboBox::currentIndexChanged, this, &SettingsDialog::update_estimate);
    return page;
}

QWidget* SettingsDialog::make_performance_tab() {
    auto* page = new QWidget(this);
    context_size_ = new QSpinBox(page);
    context_size_->setObjectName(QStringLiteral("context_size"));
    context_size_->setAccessibleName(tr("Context size in tokens"));
    context_size_->setRange(AppSettings::k_min_context, AppSettings::k_max_context);
    context_size_->setSingleStep(512);
    context_size_->setSuffix(tr(" tokens"));
    context_size_->setToolTip(tr("Positions each segment's sequence may use: the clause library "
                                 "prompt, the segment and the answer."));
    batch_size_ = new QSpinBox(page);
    batch_size_->setObjectName(QStringLiteral("batch_size"));
    batch_size_->setAccessibleName(tr("Batch size in segments"));
    batch_size_->setRange(AppSettings::k_min_batch, AppSettings::k_max_batch);
    batch_size_->setSuffix(tr(" segments"));
    batch_size_->setToolTip(tr("Segments decoded together. Larger batches are faster on a GPU "
                               "and need more device memory."));
    performance_warning_ = error_label(page, "performance_warning");
    auto* help = new QLabel(
        tr("Each segment of a contract is decoded with the clause library's prompt in front of "
           "it; its cache holds at most the context size in positions, and no more than the "
           "prompt, the segment and the answer need. The batch size is how many segments "
           "decode together: each one needs its own cache, so device memory grows with it."),
        page);
    help->setWordWrap(true);

    auto* form = new QFormLayout;
    auto* context_label = new QLabel(tr("&Context size:"), page);
    context_label->setBuddy(context_size_);
    form->addRow(context_label, context_size_);
    auto* batch_label = new QLabel(tr("&Batch size:"), page);
    batch_label->setBuddy(batch_size_);
    form->addRow(batch_label, batch_size_);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(help);
    layout->addWidget(performance_warning_);
    layout->addStretch();

    connect(context_size_, &QSpinBox::valueChanged, this, &SettingsDialog::update_estimate);
    connect(batch_size_, &QSpinBox::valueChanged, this, &SettingsDialog::update_estimate);
    return page;
}

void SettingsDialog::show_tab(Tab tab) {
    tabs_->setCurrentIndex(tab);
}

void SettingsDialog::load_from_settings() {
    context_size_->setValue(settings_.context_size());
    batch_size_->setValue(settings_.batch_size());
    adapter_scale_->setValue(settings_.adapter_scale());
    model_path_->setText(settings_.model_path());
    adapter_path_->setText(settings_.adapter_path());
    device_combo_->addItem(tr("Automatic (the best device)"), QString());
    if (!settings_.device().isEmpty()) {
        device_combo_->addItem(settings_.device(), settings_.device());
        device_combo_->setCurrentIndex(1);
    }
    load_library();
    // Read what the settings name at once rather than after the typing pause.
    request_model_info();
    request_adapter_info();
}

void SettingsDialog::load_library() {
    library_source_ = settings_.library_path();
    core::ClauseLibrary library = core::ClauseLibrary::cuad_default();
    QString problem;
    if (!library_source_.isEmpty()) {
        try {
            library = core::ClauseLibrary::load_file(library_source_);
        } catch (const core::ClauseLibraryError& e) {
            problem = QString::fromUtf8(e.what());
            library_source_.clear();
        }
    }
    library_as_read_ = library;
    library_->set_library(std::move(library));
    if (!problem.isEmpty()) {
        show_error(apply_error_,
                   tr("The clause library in the settings could not be read, so the CUAD "
                      "default is shown: %1")
                       .arg(problem));
    }
}

void SettingsDialog::set_model_path(const QString& path) {
    model_path_->setText(path);
    model_timer_->stop();
    request_model_info();
}

void SettingsDialog::set_adapter_path(const QString& path) {
    adapter_path_->setText(path);
    adapter_timer_->stop();
    request_adapter_info();
}

void SettingsDialog::request_model_info() {
    model_timer_->stop();
    const QString path = model_path_->text().trimmed();
    if (path.isEmpty()) {
        show_model_info(ModelInfo{});
        return;
    }
    model_name_->setText(tr("Reading…"));
    run_in_background(
        this, [path] { return read_model_info(path); },
        [this](const ModelInfo& info) {
            // An answer for a path the user has since changed is stale.
            if (info.path == model_path_->text().trimmed()) {
                show_model_info(info);
            }
        });
}

void SettingsDialog::show_model_info(const ModelInfo& info) {
    model_info_ = info;
    const bool known = !info.path.isEmpty() && info.ok();
    model_name_->setText(info.path.isEmpty()
                             ? tr("No model chosen: extraction needs a GGUF model file.")
                             : info.name);
    model_architecture_->setText(known ? info.architecture : QString());
    model_size_->setText(known ? format_bytes(info.file_size) : QString());
    model_quantization_->setText(known ? info.quantization : QString());
    model_parameters_->setText(known ? format_count(info.parameters) : QString());
    model_context_->setText(known ? tr("%L1 tokens").arg(info.context_length) : QString());
    model_layers_->setText(known ? QString::number(info.layers) : QString());
    show_error(model_error_, info.path.isEmpty() || info.ok()
                                 ? QString()
                                 : tr("This file cannot be used: %1").arg(info.error));
    show_adapter_info(adapter_info_); // the architectures may now differ
    update_estimate();
}

void SettingsDialog::request_adapter_info() {
    adapter_timer_->stop();
    const QString path = adapter_path_->text().trimmed();
    if (path.isEmpty()) {
        show_adapter_info(AdapterInfo{});
        return;
    }
    adapter_label_->setText(tr("Reading…"));
    run_in_background(
        this, [path] { return read_adapter_info(path); },
        [this](const AdapterInfo& info) {
            if (info.path == adapter_path_->text().trimmed()) {
                show_adapter_info(info);
            }
        });
}

void SettingsDialog::show_adapter_info(const AdapterInfo& info) {
    adapter_info_ = info;
    adapter_scale_->setEnabled(!info.path.isEmpty());
    if (info.path.isEmpty()) {
        adapter_label_->setStyleSheet({});
        adapter_label_->setText(tr("No adapter: the base model runs as it is."));
        return;
    }
    QString text;
    bool problem = !info.ok();
    if (problem) {
        text = tr("This file cannot be used: %1").arg(info.error);
    } else {
        text = tr("%1: LoRA rank %2 on %3 matrices, alpha %4, for %5 models (%6).")
                   .arg(info.name)
                   .arg(info.rank)
                   .arg(info.matrices)
                   .arg(info.alpha)
                   .arg(info.base_architecture, format_bytes(info.file_size));
        if (model_info_.ok() && !model_info_.architecture.isEmpty() &&
            info.base_architecture != model_info_.architecture) {
            problem = true;
            text += QLatin1Char(' ') + tr("It was made for %1 models, but the model is %2.")
                                           .arg(info.base_architecture, model_info_.architecture);
        }
    }
    adapter_label_->setStyleSheet(problem ? k_error_style : QString());
    adapter_label_->setText(text);
}

void SettingsDialog::request_devices() {
    device_status_->setText(tr("Looking for Vulkan devices…"));
    run_in_background(
        this,
        [] {
            QString error;
            std::vector<DeviceChoice> devices = list_devices(&error);
            return std::make_pair(std::move(devices), error);
        },
        [this](const std::pair<std::vector<DeviceChoice>, QString>& result) {
            show_devices(result.first, result.second);
        });
}

void SettingsDialog::show_devices(const std::vector<DeviceChoice>& devices, const QString& error) {
    devices_ = devices;
    devices_loaded_ = true;
    const QString wanted = device_combo_->currentData().toString();
    // Rebuild without emitting a change per item; the estimate updates once.
    {
        const QSignalBlocker blocker(device_combo_);
        device_combo_->clear();
        device_combo_->addItem(tr("Automatic (the best device)"), QString());
        for (const DeviceChoice& d : devices) {
            QString text = tr("%1: %2 — %3").arg(d.id, d.name, format_bytes(d.memory_bytes));
            if (!d.usable) {
                text += QLatin1Char(' ') + tr("(not usable: %1)").arg(d.unsupported_reason);
            }
            device_combo_->addItem(text, d.id);
        }
        int index = device_combo_->findData(wanted);
        if (index < 0) {
            // A device from the settings that is gone (unplugged, driver
            // changed) stays visible so that the user sees what changed.
            device_combo_->addItem(tr("%1 (not found)").arg(wanted), wanted);
            index = device_combo_->count() - 1;
        }
        device_combo_->setCurrentIndex(index);
    }
    if (!error.isEmpty()) {
        device_status_->setText(tr("No Vulkan driver could be loaded: %1").arg(error));
    } else if (devices.empty()) {
        device_status_->setText(
            tr("No Vulkan device found. Install the Vulkan driver of your GPU, or Mesa's lavapipe "
               "(mesa-vulkan-drivers) to run on the CPU."));
    } else {
        device_status_->setText(
            tr("%n Vulkan device(s) found.", nullptr, static_cast<int>(devices.size())));
    }
    update_estimate();
}

void SettingsDialog::update_estimate() {
    const int context = context_size_->value();
    const int batch = batch_size_->value();
    estimated_bytes_ = estimated_device_bytes(model_info_, positions_per_sequence(), batch);

    // The device the engine would use: the chosen one, or for "automatic"
    // the first usable discrete GPU, else the usable one with most memory.
    const QString id = device_combo_->currentData().toString();
    const DeviceChoice* device = nullptr;
    for (const DeviceChoice& d : devices_) {
        if (id.isEmpty() ? d.usable && (device == nullptr || (d.discrete && !device->discrete) ||
                                        (d.discrete == device->discrete &&
                                         d.memory_bytes > device->memory_bytes))
                         : d.id == id) {
            device = &d;
        }
    }

    QString warning;
    if (estimated_bytes_ == 0) {
        memory_estimate_->setText(tr("Choose a model to see how much device memory it needs."));
    } else {
        memory_estimate_->setText(
            tr("With up to %L1 positions per segment and a batch of %2 segments the model "
               "needs about %3 of device memory%4.")
                .arg(positions_per_sequence())
                .arg(batch)
                .arg(format_bytes(estimated_bytes_),
                     device != nullptr
                         ? tr("; %1 has %2").arg(device->name, format_bytes(device->memory_bytes))
                         : QString()));
        if (device != nullptr && estimated_bytes_ > device->memory_bytes) {
            warning = tr("The model will not fit: it needs about %1, %2 has %3. Choose a smaller "
                         "context or batch, a smaller quantization, or another device.")
                          .arg(format_bytes(estimated_bytes_), device->name,
                               format_bytes(device->memory_bytes));
        }
    }
    QString performance = warning;
    if (model_info_.ok() && model_info_.context_length > 0 &&
        context > model_info_.context_length) {
        performance = tr("The model was trained for at most %L1 tokens of context; the engine "
                         "uses no more than that.")
                          .arg(model_info_.context_length) +
                      (warning.isEmpty() ? QString() : QLatin1Char('\n') + warning);
    }
    show_error(device_warning_, warning);
    show_error(performance_warning_, performance);
}

int SettingsDialog::positions_per_sequence() const {
    int positions = std::min(context_size_->value(), extraction_positions(library_->library()));
    if (model_info_.context_length > 0) {
        positions = std::min(positions, model_info_.context_length);
    }
    return positions;
}

void SettingsDialog::browse_model() {
    const QString start = model_path_->text().isEmpty()
                              ? QDir::homePath()
                              : QFileInfo(model_path_->text()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a model"), start,
                                                      tr("GGUF models (*.gguf);;All files (*)"));
    if (!path.isEmpty()) {
        set_model_path(path);
    }
}

void SettingsDialog::browse_adapter() {
    const QString start =
        !adapter_path_->text().isEmpty() ? QFileInfo(adapter_path_->text()).absolutePath()
        : !model_path_->text().isEmpty() ? QFileInfo(model_path_->text()).absolutePath()
                                         : QDir::homePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a LoRA adapter"), start,
                                                      tr("GGUF adapters (*.gguf);;All files (*)"));
    if (!path.isEmpty()) {
        set_adapter_path(path);
    }
}

QString SettingsDialog::edited_library_path() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .absoluteFilePath(QStringLiteral("clause-library.json"));
}

QString SettingsDialog::save_library(bool* ok) {
    *ok = true;
    const core::ClauseLibrary& library = library_->library();
    if (library == core::ClauseLibrary::cuad_default()) {
        return {};
    }
    if (!library_source_.isEmpty() && library == library_as_read_) {
        return library_source_;
    }
    const QString path = edited_library_path();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    const QByteArray json = library.to_json();
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        *ok = false;
        show_error(
            apply_error_,
            tr("The clause library could not be saved to %1: %2").arg(path, file.errorString()));
        tabs_->setCurrentIndex(library_tab);
        return {};
    }
    library_source_ = path;
    library_as_read_ = library;
    return path;
}

bool SettingsDialog::apply() {
    show_error(apply_error_, {});
    const QString model = model_path_->text().trimmed();
    // Only a file known to be unusable is refused; one still being read is
    // saved, and the engine reports on it when it loads.
    if (!model.isEmpty() && model_info_.path == model && !model_info_.ok()) {
        show_error(apply_error_, tr("The model file cannot be used: %1").arg(model_info_.error));
        tabs_->setCurrentIndex(model_tab);
        return false;
    }
    bool library_ok = false;
    const QString library_path = save_library(&library_ok);
    if (!library_ok) {
        return false;
    }
    settings_.set_model_path(model);
    settings_.set_adapter_path(adapter_path_->text().trimmed());
    settings_.set_adapter_scale(adapter_scale_->value());
    settings_.set_device(device_combo_->currentData().toString());
    settings_.set_context_size(context_size_->value());
    settings_.set_batch_size(batch_size_->value());
    settings_.set_library_path(library_path);
    settings_.sync();
    emit settings_applied();
    return true;
}

} // namespace clauselens::gui
