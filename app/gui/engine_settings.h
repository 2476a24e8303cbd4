#pragma once
// What the engine worker needs to load a model: the settings dialog fills it
// from QSettings, the batch queue hands it to the worker thread.

#include <QMetaType>
#include <QString>

namespace clauselens::gui {

struct EngineSettings {
    QString model_path;   // GGUF file; empty: no model (ingestion and search still work)
    QString adapter_path; // optional LoRA adapter (GGUF)
    double adapter_scale = 1.0;
    QString device; // "" the best device, "vk:N" a given one
    // Positions per sequence the device keeps (prompt, segment, answer):
    // lower it to save device memory; longer segments are then cut.
    int context = 8192;
    int batch = 16;              // segments decoded together
    int max_answer_tokens = 192; // an answer longer than this is cut
    QString library_path;        // clause library JSON; empty: CUAD's 41 categories

    bool has_model() const { return !model_path.isEmpty(); }
    bool operator==(const EngineSettings&) const = default;
};

} // namespace clauselens::gui

Q_DECLARE_METATYPE(clauselens::gui::EngineSettings)
