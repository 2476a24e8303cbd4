#include "gui/about_dialog.h"

#include "core/store.h"
#include "vk/instance.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>
#include <poppler-version.h>

namespace clauselens::gui {

QString vulkan_driver_summary() {
    try {
        vk::InstanceOptions options;
        options.print_validation = false;
        const vk::Instance instance(options);
        QStringList lines;
        for (const vk::DeviceInfo& d : instance.devices()) {
            lines << QStringLiteral("vk:%1 %2 — %3 %4, Vulkan %5")
                         .arg(d.index)
                         .arg(
                             QString::fromStdString(d.name), QString::fromStdString(d.driver_name),
                             QString::fromStdString(d.driver_info),
                             QString::fromStdString(vk::DeviceInfo::version_string(d.api_version)));
        }
        if (lines.isEmpty()) {
            return QApplication::translate("AboutDialog", "no Vulkan device");
        }
        return lines.join(QLatin1Char('\n'));
    } catch (const std::exception& e) {
        return QApplication::translate("AboutDialog", "no Vulkan driver (%1)")
            .arg(QString::fromUtf8(e.what()));
    }
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("About ClauseLens"));
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(
        tr("<h2>ClauseLens %1</h2><p>Finds the clauses of contracts with a language model that "
           "runs on this computer. Documents never leave it.</p>"
           "<p>Default clause library: CUAD, © The Atticus Project, CC BY 4.0.</p>")
            .arg(QApplication::applicationVersion()),
        this);
    title->setWordWrap(true);
    title->setTextFormat(Qt::RichText);
    layout->addWidget(title);
    versions_ = new QLabel(this);
    versions_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    versions_->setAccessibleName(tr("Versions"));
    layout->addWidget(versions_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("&Copy versions"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(versions_text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    vulkan_ = tr("looking for Vulkan devices…");
    show_versions();

    QPointer<AboutDialog> self(this);
    QThread* worker = QThread::create([self] {
        const QString summary = vulkan_driver_summary();
        QMetaObject::invokeMethod(qApp, [self, summary] {
            if (self) {
                self->vulkan_ = summary;
                self->show_versions();
            }
        });
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

QString AboutDialog::versions_text() const {
    return tr("ClauseLens %1\nQt %2\nPoppler %3\nSQLite %4\nVulkan:\n%5")
        .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
             Poppler::Version::string(), core::sqlite_library_version(), vulkan_);
}

void AboutDialog::show_versions() {
    versions_->setText(versions_text());
}

} // namespace clauselens::gui
