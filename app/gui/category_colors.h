#pragma once
// Colours that identify a clause category on the page and in lists. A category
// keeps its colour across sessions, documents and machines (the colour comes
// from its name, not from the order in which it was met), so an analyst learns
// that, say, Governing Law is teal. The palette is of medium lightness and
// saturation so that a translucent fill reads on a white page and the colour
// stays visible as a swatch on a dark window.

#include <QColor>
#include <QString>

namespace clauselens::gui {

// The colour of a clause category, the same for the same name every time.
QColor category_color(const QString& category);

// The colour of a review status: "auto", "accepted", "rejected", "edited";
// grey for anything else.
QColor status_color(const QString& status);

// How many distinct colours category_color() chooses from.
int category_palette_size();

} // namespace clauselens::gui
