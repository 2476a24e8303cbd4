// clauselens: the desktop application.
#include "gui/application.h"

int main(int argc, char** argv) {
    return clauselens::gui::run_application(argc, argv);
}
