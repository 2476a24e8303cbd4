#pragma once
// Help → About: what this build is and the versions of what it runs on (Qt,
// Poppler, SQLite, the Vulkan driver), which is what a support request needs.

#include <QDialog>

class QLabel;

namespace clauselens::gui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    // The versions as plain text, one per line (also what "Copy" copies).
    QString versions_text() const;

private:
    void show_versions();
    QLabel* versions_ = nullptr;
    QString vulkan_; // filled by a worker: creating a Vulkan instance takes a while
};

// The Vulkan devices and drivers, one line each, or why there is none. Slow:
// call it off the GUI thread.
QString vulkan_driver_summary();

} // namespace clauselens::gui
