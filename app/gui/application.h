#pragma once
// Application start-up: identity for settings, translations, the palette that
// follows the system's light or dark mode, and the main window.

namespace clauselens::gui {

int run_application(int argc, char** argv);

} // namespace clauselens::gui
