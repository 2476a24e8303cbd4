#pragma once
// Asks for the password of an encrypted PDF named by its path. The batch
// queue reports such files with password_needed(); the window asks here and
// hands the answer to BatchQueue::retry_with_password().

#include <QDialog>
#include <QString>
#include <optional>

class QLineEdit;

namespace clauselens::gui {

class PasswordDialog : public QDialog {
    Q_OBJECT
public:
    explicit PasswordDialog(const QString& path, QWidget* parent = nullptr);

    QString password() const;
    QString path() const { return path_; }

    // Shows the dialog modally; the password, or nullopt if the user cancels.
    static std::optional<QString> ask(QWidget* parent, const QString& path);

private:
    QString path_;
    QLineEdit* edit_ = nullptr;
};

} // namespace clauselens::gui
