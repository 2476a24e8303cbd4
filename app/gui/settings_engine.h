#pragma once
// The engine's settings as the user saved them: what the window hands to the
// engine worker when it (re)loads the model.

#include "gui/engine_settings.h"

namespace clauselens::gui {

class AppSettings;

EngineSettings engine_settings_from(const AppSettings& settings);

} // namespace clauselens::gui
