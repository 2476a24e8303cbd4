#include "gui/application.h"

#include "gui/appearance.h"
#include "gui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

namespace clauselens::gui {

namespace {

// Qt's own strings (standard buttons) and ours, in the user's language.
void install_translations(QApplication& app) {
    const QLocale locale;
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(qt);
    }
    auto* ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("clauselens"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(ours);
    }
}

} // namespace

int run_application(int argc, char** argv) {
    QApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClauseLens"));
    QApplication::setApplicationName(QStringLiteral("clauselens"));
    QApplication::setApplicationDisplayName(QStringLiteral("ClauseLens"));
    QApplication::setApplicationVersion(QStringLiteral(CLAUSELENS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("clauselens"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/clauselens.svg")));
    install_translations(app);
    apply_system_appearance();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Finds the clauses of PDF contracts with a language model on this computer."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(
        {QStringLiteral("d"), QStringLiteral("database")},
        QApplication::translate("main", "Open this database (created if needed)."),
        QStringLiteral("FILE"));
    parser.addOption(database);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "PDF files or folders to add."),
                                 QStringLiteral("[FILES...]"));
    parser.process(app);

    MainWindow window;
    if (parser.isSet(database)) {
        window.open_database(parser.value(database));
    }
    window.show();
    if (!parser.positionalArguments().isEmpty()) {
        const QStringList files = parser.positionalArguments();
        QTimer::singleShot(0, &window, [&window, files] { window.add_paths(files); });
    }
    return QApplication::exec();
}

} // namespace clauselens::gui
