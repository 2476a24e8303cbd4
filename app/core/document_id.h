#pragma once
// A document's identity: the SHA-256 of its bytes. The same file added twice
// is one document; a changed file is a new one.

#include <QByteArray>
#include <QString>

namespace clauselens::core {

// Lower-case hex SHA-256 of the file, read in chunks (memory stays small for
// huge files). Throws std::runtime_error naming the file when it cannot be read.
QByteArray file_sha256(const QString& path);

} // namespace clauselens::core
