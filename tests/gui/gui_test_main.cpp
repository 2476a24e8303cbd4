// The GUI tests' main: one QApplication for every test case, on the offscreen
// platform unless the environment names another (xvfb for screenshots), with
// settings kept in a folder of the test run's own.
#define CATCH_CONFIG_RUNNER
#include <QApplication>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClauseLensTests"));
    QApplication::setApplicationName(QStringLiteral("clauselens-tests"));
    return Catch::Session().run(argc, argv);
}
