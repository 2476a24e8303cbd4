#include "gui/engine_types.h"

#include "gui/engine_settings.h"

namespace clauselens::gui {

void register_engine_types() {
    qRegisterMetaType<ClassifyResult>("clauselens::gui::ClassifyResult");
    qRegisterMetaType<ExtractionStatus>("clauselens::gui::ExtractionStatus");
    qRegisterMetaType<EngineSettings>("clauselens::gui::EngineSettings");
    qRegisterMetaType<std::vector<qint64>>("std::vector<qint64>");
}

} // namespace clauselens::gui
