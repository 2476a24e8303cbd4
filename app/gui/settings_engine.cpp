#include "gui/settings_engine.h"

#include "gui/settings_store.h"

namespace clauselens::gui {

EngineSettings engine_settings_from(const AppSettings& settings) {
    EngineSettings e;
    e.model_path = settings.model_path();
    e.adapter_path = settings.adapter_path();
    e.adapter_scale = settings.adapter_scale();
    e.device = settings.device();
    e.context = settings.context_size();
    e.batch = settings.batch_size();
    e.library_path = settings.library_path();
    return e;
}

} // namespace clauselens::gui
