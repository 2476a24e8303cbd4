#include "core/document_id.h"

#include <QCryptographicHash>
#include <QFile>
#include <stdexcept>

namespace clauselens::core {

QByteArray file_sha256(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw std::runtime_error(
            QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()).toStdString());
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        throw std::runtime_error(
            QStringLiteral("%1: read failed: %2").arg(path, file.errorString()).toStdString());
    }
    return hash.result().toHex();
}

} // namespace clauselens::core
