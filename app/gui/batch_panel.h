#pragma once
// The batch panel: what the running batch is doing, for the user watching
// it. An overall progress bar ("3 of 12 documents · ETA 1:23 · 250 tokens/s"),
// Pause/Resume and Cancel, and one row per file with its state and, for
// files that could not be read, why (encrypted, needs OCR, failed).

#include <QString>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace clauselens::gui {

class BatchQueue;
struct BatchDocument;

class BatchPanel : public QWidget {
    Q_OBJECT
public:
    explicit BatchPanel(BatchQueue* queue, QWidget* parent = nullptr);

    // "2 of 5 documents · ETA 1:23 · 250 tokens/s" (ETA and speed when known).
    static QString progress_text(int finished, int total, double eta_seconds,
                                 double tokens_per_second);

    QProgressBar* progress_bar() const { return progress_; }
    QTreeWidget* file_list() const { return list_; }
    QPushButton* pause_button() const { return pause_; }
    QPushButton* cancel_button() const { return cancel_; }

signals:
    // The user activated a row of a stored document (to open it).
    void document_activated(qint64 document_id);

private:
    void rebuild();
    void update_row(const BatchDocument& d);
    void update_progress(double fraction, double eta_seconds, double tokens_per_second,
                         const QString& current);
    void update_buttons();
    QTreeWidgetItem* row_for(const BatchDocument& d);

    BatchQueue* queue_;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    QPushButton* pause_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QTreeWidget* list_ = nullptr;
};

} // namespace clauselens::gui
