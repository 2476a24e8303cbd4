#pragma once
// Why a file could not be ingested. The kind lets callers react (the GUI asks
// for a password on password_required and wrong_password); the message starts
// with the file's path and says what the user can do.

#include <QString>
#include <stdexcept>

namespace clauselens::core {

class IngestError : public std::runtime_error {
public:
    enum class Kind {
        unreadable,        // missing, a folder, no permission, I/O error
        not_pdf,           // the bytes are not a PDF
        corrupt,           // a PDF that Poppler cannot read, or a truncated one
        password_required, // encrypted and no password given
        wrong_password,    // encrypted and the password given does not open it
        empty,             // 0 bytes or 0 pages
    };

    IngestError(Kind kind, const QString& message)
        : std::runtime_error(message.toStdString()), kind_(kind) {}

    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

} // namespace clauselens::core
