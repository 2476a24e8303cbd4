#include "gui/drop_paths.h"

#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace clauselens::gui {

QStringList droppable_paths(const QMimeData* mime) {
    QStringList paths;
    if (mime == nullptr || !mime->hasUrls()) {
        return paths;
    }
    for (const QUrl& url : mime->urls()) {
        if (!url.isLocalFile()) {
            continue;
        }
        const QFileInfo info(url.toLocalFile());
        if (info.isDir() || (info.isFile() && info.suffix().compare(QLatin1String("pdf"),
                                                                    Qt::CaseInsensitive) == 0)) {
            paths << info.absoluteFilePath();
        }
    }
    return paths;
}

} // namespace clauselens::gui
