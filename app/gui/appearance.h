#pragma once
// Light and dark: ClauseLens follows the system's colour scheme, read from the
// platform's palette at start and whenever the system changes it.

#include <QPalette>

namespace clauselens::gui {

// Whether a palette is a dark one (light text on a dark window).
bool is_dark(const QPalette& palette);
// The palette ClauseLens uses in dark mode (Fusion style).
QPalette dark_palette();
// Fusion style with the system's scheme: its own palette when light, ours when dark.
void apply_system_appearance();

} // namespace clauselens::gui
