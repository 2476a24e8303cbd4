#include "gui_test_support.h"

#include "model/test_model_maker.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QThread>
#include <stdexcept>
#include <unistd.h>

namespace clauselens::gui::test {

QString cuad_pdf(const QString& name_start) {
    const QDir dir(QStringLiteral(CLAUSELENS_SHARED_DATA_DIR "/cuad-dev"));
    const QStringList found =
        dir.entryList({name_start + QStringLiteral("*.pdf")}, QDir::Files, QDir::Name);
    if (found.isEmpty()) {
        throw std::runtime_error("no cuad-dev contract starts with " + name_start.toStdString());
    }
    return dir.absoluteFilePath(found.first());
}

QString small_contract_a() {
    return cuad_pdf(QStringLiteral("SteelVaultCorp"));
}
QString small_contract_b() {
    return cuad_pdf(QStringLiteral("ADUROBIOTECH"));
}

QString tiny_model() {
    static const QString path = [] {
        model::TestModelOptions o;
        o.preset = "tiny";
        o.type = "q8_0";
        o.seed = 5;
        o.output =
            QDir::temp()
                .absoluteFilePath(QStringLiteral("clauselens-gui-tiny-%1.gguf").arg(::getpid()))
                .toStdString();
        model::make_test_model(o);
        return QString::fromStdString(o.output.string());
    }();
    return path;
}

QString five_category_library() {
    return QStringLiteral(CLAUSELENS_TEST_DATA_DIR "/extraction/cuad-five.json");
}

bool wait_until(const std::function<bool()>& pred, std::chrono::milliseconds timeout) {
    QElapsedTimer timer;
    timer.start();
    while (!pred()) {
        if (timer.elapsed() > timeout.count()) {
            return pred();
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

} // namespace clauselens::gui::test
