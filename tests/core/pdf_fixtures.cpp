#include "pdf_fixtures.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>

namespace clauselens::test {

void ensure_gui_app() {
    if (QGuiApplication::instance() != nullptr)
        return;
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "test_ingestion";
    static char* argv[] = {name, nullptr};
    // Never destroyed: tearing Qt down during static destruction is fragile.
    new QGuiApplication(argc, argv);
}

void write_pdf(const QString& path, int pages, const std::function<void(QPainter&, int)>& draw) {
    ensure_gui_app();
    QPdfWriter writer(path);
    writer.setResolution(72); // painter units are points
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setCreator(QStringLiteral("ClauseLens tests"));
    QPainter painter(&writer);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(10);
    painter.setFont(font);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        draw(painter, page);
    }
    painter.end();
}

int run_program(const QString& program, const QStringList& arguments) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return -1;
    process.waitForFinished(60000);
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace clauselens::test

// Under LeakSanitizer (the asan preset): fontconfig, which Qt's font database
// initialises for QPdfWriter, keeps a few bytes for the life of the process
// by design. Nothing of ours is suppressed.
extern "C" const char* __lsan_default_suppressions() {
    return "leak:libfontconfig.so\n";
}
