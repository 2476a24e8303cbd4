// The password dialog, answered the way a user answers it.

#include "gui/password_dialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <catch2/catch.hpp>

using clauselens::gui::PasswordDialog;

namespace {

// Waits for the modal dialog, then lets `answer` act on it.
void when_shown(const std::function<void(QDialog*)>& answer) {
    auto* timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer] {
        if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            answer(dialog);
        }
    });
    timer->start();
}

} // namespace

TEST_CASE("the password dialog returns what the user typed", "[gui][batch]") {
    when_shown([](QDialog* dialog) {
        auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("password_edit"));
        CHECK(edit != nullptr); // no REQUIRE here: it would throw through the event loop
        if (edit == nullptr) {
            dialog->reject();
            return;
        }
        CHECK(edit->echoMode() == QLineEdit::Password);
        CHECK_FALSE(edit->accessibleName().isEmpty());
        auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        CHECK_FALSE(ok->isEnabled()); // nothing typed yet
        QTest::keyClicks(edit, QStringLiteral("s3cret"));
        CHECK(ok->isEnabled());
        QTest::keyClick(edit, Qt::Key_Return);
    });
    const std::optional<QString> pw = PasswordDialog::ask(nullptr, QStringLiteral("/x/locked.pdf"));
    REQUIRE(pw.has_value());
    CHECK(*pw == QStringLiteral("s3cret"));
}

TEST_CASE("the password dialog names the file and Escape skips it", "[gui][batch]") {
    when_shown([](QDialog* dialog) {
        const QList<QLabel*> labels = dialog->findChildren<QLabel*>();
        CHECK_FALSE(labels.isEmpty());
        CHECK((!labels.isEmpty() && labels.front()->text().contains(QStringLiteral("locked.pdf"))));
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    CHECK_FALSE(PasswordDialog::ask(nullptr, QStringLiteral("/x/locked.pdf")).has_value());
}
