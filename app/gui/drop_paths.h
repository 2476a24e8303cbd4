#pragma once
// What a drag onto the window carries that ClauseLens can add: local PDF
// files and folders (searched recursively when the batch starts).

#include <QStringList>

class QMimeData;

namespace clauselens::gui {

// The local PDF files and folders among the dropped URLs; other files and
// remote URLs are left out.
QStringList droppable_paths(const QMimeData* mime);

} // namespace clauselens::gui
