// The window in German, French and Spanish: the compiled-in translations load
// and the menus change language when the translator is installed.

#include "gui/main_window.h"

#include <QApplication>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTranslator>
#include <catch2/catch.hpp>

using namespace clauselens::gui;

namespace {

QStringList menu_titles(QMainWindow& window) {
    QStringList titles;
    for (QAction* a : window.menuBar()->actions()) {
        titles << a->text();
    }
    return titles;
}

} // namespace

TEST_CASE("window: menus follow the installed translation", "[window]") {
    QTemporaryDir dir;
    MainWindow window(dir.filePath(QStringLiteral("settings.ini")));
    REQUIRE(window.open_database(dir.filePath(QStringLiteral("t.db"))));
    CHECK(menu_titles(window).startsWith(QStringLiteral("&File")));

    const std::pair<const char*, const char*> languages[] = {
        {"de", "&Datei"}, {"fr", "&Fichier"}, {"es", "&Archivo"}};
    for (const auto& [language, file_menu] : languages) {
        QTranslator translator;
        REQUIRE(translator.load(
            QStringLiteral(":/i18n/clauselens_%1.qm").arg(QLatin1String(language))));
        // Every message of the window is translated, not only the menus.
        CHECK(translator.translate("clauselens::gui::MainWindow", "&File") ==
              QString::fromUtf8(file_menu));
        CHECK_FALSE(translator.translate("clauselens::gui::MainWindow", "Extract &All Documents")
                        .isEmpty());
        QApplication::installTranslator(&translator);
        QApplication::processEvents();
        CHECK(menu_titles(window).first() == QString::fromUtf8(file_menu));
        QApplication::removeTranslator(&translator);
        QApplication::processEvents();
        CHECK(menu_titles(window).first() == QStringLiteral("&File"));
    }
}
