#include "gui/engine_types.h"

#include "gui/engine_settings.h"

#include <algorithm>

namespace clauselens::gui {

void register_engine_types() {
    qRegisterMetaType<ClassifyResult>("clauselens::gui::ClassifyResult");
    qRegisterMetaType<ExtractionStatus>("clauselens::gui::ExtractionStatus");
    qRegisterMetaType<EngineSettings>("clauselens::gui::EngineSettings");
    qRegisterMetaType<std::vector<qint64>>("std::vector<qint64>");
}

QString clock_text(double seconds) {
    const qint64 s = qRound64(std::max(0.0, seconds));
    if (s >= 3600) {
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    }
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace clauselens::gui
