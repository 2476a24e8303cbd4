#include "gui/batch_panel.h"

#include "gui/batch_queue.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>

namespace clauselens::gui {

namespace {

enum Column { file_column = 0, state_column = 1, message_column = 2 };
constexpr int k_path_role = Qt::UserRole;
constexpr int k_id_role = Qt::UserRole + 1;

QIcon state_icon(const QStyle* style, DocumentState state) {
    switch (state) {
    case DocumentState::queued:
        return style->standardIcon(QStyle::SP_FileIcon);
    case DocumentState::ingesting:
    case DocumentState::extracting:
        return style->standardIcon(QStyle::SP_BrowserReload);
    case DocumentState::ingested:
    case DocumentState::done:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case DocumentState::duplicate:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    case DocumentState::needs_ocr:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case DocumentState::password_needed:
        return style->standardIcon(QStyle::SP_MessageBoxQuestion);
    case DocumentState::failed:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case DocumentState::cancelled:
        return style->standardIcon(QStyle::SP_BrowserStop);
    }
    return {};
}

} // namespace

BatchPanel::BatchPanel(BatchQueue* queue, QWidget* parent) : QWidget(parent), queue_(queue) {
    setObjectName(QStringLiteral("batch_panel"));
    setAccessibleName(tr("Batch"));

    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("batch_progress"));
    progress_->setAccessibleName(tr("Batch progress"));
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    progress_->setTextVisible(true);
    progress_->setFormat(tr("No batch running"));

    pause_ = new QPushButton(tr("&Pause"), this);
    pause_->setObjectName(QStringLiteral("batch_pause"));
    pause_->setAccessibleName(tr("Pause the batch"));
    pause_->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    pause_->setToolTip(tr("Stop after the current file or group of segments; clicks on a page "
                          "are still answered"));
    cancel_ = new QPushButton(tr("Ca&ncel Batch"), this);
    cancel_->setObjectName(QStringLiteral("batch_cancel"));
    cancel_->setAccessibleName(tr("Cancel the batch"));
    cancel_->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    cancel_->setToolTip(tr("Stop the batch; everything done so far is kept, and extracting again "
                           "continues where it stopped"));

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("batch_status"));
    status_->setAccessibleName(tr("Batch status"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    list_ = new QTreeWidget(this);
    list_->setObjectName(QStringLiteral("batch_files"));
    list_->setAccessibleName(tr("Files of the batch"));
    list_->setHeaderLabels({tr("File"), tr("State"), tr("Message")});
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->setAlternatingRowColors(true);
    list_->header()->setStretchLastSection(true);
    list_->header()->setSectionResizeMode(file_column, QHeaderView::Interactive);
    list_->setColumnWidth(file_column, 260);
    list_->setColumnWidth(state_column, 120);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(progress_, 1);
    buttons->addWidget(pause_);
    buttons->addWidget(cancel_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(status_);
    layout->addWidget(list_, 1);

    connect(pause_, &QPushButton::clicked, this, [this] {
        if (queue_->paused()) {
            queue_->resume();
        } else {
            queue_->pause();
        }
    });
    connect(cancel_, &QPushButton::clicked, queue_, &BatchQueue::cancel);
    connect(list_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item, int) {
        const qint64 id = item->data(file_column, k_id_role).toLongLong();
        if (id != 0) {
            emit document_activated(id);
        }
    });

    connect(queue_, &BatchQueue::batch_started, this, [this] {
        list_->clear();
        status_->clear();
        update_buttons();
    });
    connect(queue_, &BatchQueue::document_state_changed, this,
            [this](qint64 id, const QString& path, const QString&) {
                for (const BatchDocument& d : queue_->documents()) {
                    if ((!path.isEmpty() && d.path == path) || (path.isEmpty() && d.id == id)) {
                        update_row(d);
                        return;
                    }
                }
            });
    connect(queue_, &BatchQueue::overall_progress, this, &BatchPanel::update_progress);
    connect(queue_, &BatchQueue::busy_changed, this, &BatchPanel::update_buttons);
    connect(queue_, &BatchQueue::paused_changed, this, &BatchPanel::update_buttons);
    connect(queue_, &BatchQueue::batch_finished, this, [this](const QString& summary) {
        status_->setText(summary);
        update_buttons();
    });
    connect(queue_, &BatchQueue::error, this, [this](const QString& path, const QString& message) {
        if (path.isEmpty() || !queue_->document(path)) {
            // Errors of no file in the list (the database, the model) go above it.
            status_->setText(message);
        }
    });
    rebuild();
    update_buttons();
}

QString BatchPanel::progress_text(int finished, int total, double eta_seconds,
                                  double tokens_per_second) {
    // Two texts rather than "%n document(s)": English reads right without a
    // translation file loaded.
    QString text =
        (total == 1 ? tr("%1 of %2 document") : tr("%1 of %2 documents")).arg(finished).arg(total);
    if (eta_seconds >= 0 && finished < total) {
        text += QStringLiteral(" \u00b7 ") + tr("ETA %1").arg(clock_text(eta_seconds));
    }
    if (tokens_per_second > 0) {
        text += QStringLiteral(" \u00b7 ") + tr("%1 tokens/s").arg(std::llround(tokens_per_second));
    }
    return text;
}

void BatchPanel::rebuild() {
    list_->clear();
    for (const BatchDocument& d : queue_->documents()) {
        update_row(d);
    }
}

QTreeWidgetItem* BatchPanel::row_for(const BatchDocument& d) {
    for (int i = 0; i < list_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = list_->topLevelItem(i);
        const QString path = item->data(file_column, k_path_role).toString();
        const qint64 id = item->data(file_column, k_id_role).toLongLong();
        if ((!d.path.isEmpty() && path == d.path) || (d.path.isEmpty() && id == d.id)) {
            return item;
        }
    }
    auto* item = new QTreeWidgetItem(list_);
    item->setData(file_column, k_path_role, d.path);
    return item;
}

void BatchPanel::update_row(const BatchDocument& d) {
    QTreeWidgetItem* item = row_for(d);
    item->setData(file_column, k_id_role, d.id);
    QString name = d.path.isEmpty() ? d.title : QFileInfo(d.path).fileName();
    if (name.isEmpty()) {
        name = tr("Document %1").arg(d.id);
    }
    item->setText(file_column, name);
    item->setToolTip(file_column, d.path.isEmpty() ? name : d.path);
    item->setIcon(file_column, state_icon(style(), d.state));
    item->setText(state_column, BatchQueue::state_text(d));
    item->setText(message_column, d.message);
    item->setToolTip(message_column, d.message);
}

void BatchPanel::update_progress(double fraction, double eta_seconds, double tokens_per_second,
                                 const QString& current) {
    int finished = 0;
    const auto& documents = queue_->documents();
    for (const BatchDocument& d : documents) {
        finished += d.fraction >= 1.0 ? 1 : 0;
    }
    progress_->setValue(static_cast<int>(std::lround(1000.0 * std::clamp(fraction, 0.0, 1.0))));
    progress_->setFormat(progress_text(finished, static_cast<int>(documents.size()), eta_seconds,
                                       tokens_per_second));
    if (queue_->busy() && !current.isEmpty()) {
        status_->setText(queue_->paused() ? tr("Paused at %1").arg(current)
                                          : tr("Reading %1").arg(current));
    }
}

void BatchPanel::update_buttons() {
    const bool busy = queue_->busy();
    pause_->setEnabled(busy || queue_->paused());
    cancel_->setEnabled(busy);
    if (queue_->paused()) {
        pause_->setText(tr("&Resume"));
        pause_->setAccessibleName(tr("Resume the batch"));
        pause_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    } else {
        pause_->setText(tr("&Pause"));
        pause_->setAccessibleName(tr("Pause the batch"));
        pause_->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    }
}

} // namespace clauselens::gui
