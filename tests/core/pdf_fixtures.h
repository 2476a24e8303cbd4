#pragma once
// Test PDFs made on the fly: QPdfWriter for pages with a real text layer (or
// none), qpdf for encryption and rotation. Coordinates are points from the
// top left of an A4 page (595 x 842).

#include <QString>
#include <QStringList>
#include <functional>

class QPainter;

namespace clauselens::test {

// Makes sure a QGuiApplication exists (offscreen), as QPdfWriter needs fonts.
void ensure_gui_app();

// Writes `pages` A4 pages, calling draw(painter, page) for each. The painter
// works in points with a 10 pt font.
void write_pdf(const QString& path, int pages, const std::function<void(QPainter&, int)>& draw);

// Runs a program (qpdf) and returns its exit code; -1 when it cannot start.
int run_program(const QString& program, const QStringList& arguments);

} // namespace clauselens::test
