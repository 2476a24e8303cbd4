#include "gui/password_dialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace clauselens::gui {

PasswordDialog::PasswordDialog(const QString& path, QWidget* parent)
    : QDialog(parent), path_(path) {
    setWindowTitle(tr("Password Required"));
    setObjectName(QStringLiteral("password_dialog"));

    auto* label =
        new QLabel(tr("\u201c%1\u201d is encrypted. Enter its password to add it to the database.")
                       .arg(QFileInfo(path).fileName().toHtmlEscaped()),
                   this);
    label->setWordWrap(true);
    label->setToolTip(path);

    edit_ = new QLineEdit(this);
    edit_->setObjectName(QStringLiteral("password_edit"));
    edit_->setEchoMode(QLineEdit::Password);
    edit_->setAccessibleName(tr("Password"));
    edit_->setAccessibleDescription(tr("The password of %1").arg(path));
    label->setBuddy(edit_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Open"));
    ok->setAccessibleName(tr("Open with this password"));
    ok->setEnabled(false); // an empty password opens nothing the user asked for
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Skip this file"));
    connect(edit_, &QLineEdit::textChanged, ok,
            [ok](const QString& text) { ok->setEnabled(!text.isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(edit_);
    layout->addWidget(buttons);
    edit_->setFocus();
}

QString PasswordDialog::password() const {
    return edit_->text();
}

std::optional<QString> PasswordDialog::ask(QWidget* parent, const QString& path) {
    PasswordDialog dialog(path, parent);
    if (dialog.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    return dialog.password();
}

} // namespace clauselens::gui
