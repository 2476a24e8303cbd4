#include "gui/classification_popup.h"

#include "gui/category_colors.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace clauselens::gui {

ClassificationPopup::ClassificationPopup(QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Classification of the selected passage"));
    auto* layout = new QVBoxLayout(this);
    heading_ = new QLabel(this);
    heading_->setWordWrap(true);
    layout->addWidget(heading_);
    categories_ = new QListWidget(this);
    categories_->setAccessibleName(tr("Categories and scores"));
    categories_->setMaximumHeight(140);
    layout->addWidget(categories_);
    fields_ = new QLabel(this);
    fields_->setWordWrap(true);
    fields_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(fields_);
    passage_ = new QLabel(this);
    passage_->setWordWrap(true);
    passage_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(passage_);
    auto* buttons = new QHBoxLayout;
    accept_ = new QPushButton(tr("&Accept as result"), this);
    accept_->setAccessibleName(tr("Accept the selected category as a result"));
    close_ = new QPushButton(tr("Close"), this);
    buttons->addStretch();
    buttons->addWidget(accept_);
    buttons->addWidget(close_);
    layout->addLayout(buttons);
    connect(close_, &QPushButton::clicked, this, &QWidget::hide);
    connect(accept_, &QPushButton::clicked, this, [this] {
        const QString category = selected_category();
        if (!category.isEmpty()) {
            emit accept_requested(result_, category);
            accept_->setEnabled(false);
            accept_->setText(tr("Accepted"));
        }
    });
    connect(categories_, &QListWidget::currentRowChanged, this,
            [this](int row) { accept_->setEnabled(row >= 0 && result_.segment_id.has_value()); });
    setMinimumWidth(320);
    hide();
}

void ClassificationPopup::show_waiting(const QString& passage_hint) {
    result_ = {};
    heading_->setText(tr("Classifying the selected passage…"));
    categories_->clear();
    fields_->clear();
    passage_->setText(passage_hint);
    accept_->setEnabled(false);
    accept_->setText(tr("&Accept as result"));
    show();
    raise();
}

void ClassificationPopup::show_result(const ClassifyResult& result) {
    result_ = result;
    categories_->clear();
    if (result.categories.isEmpty()) {
        heading_->setText(tr("No clause category applies to this passage (%1 s).")
                              .arg(result.seconds, 0, 'f', 2));
    } else {
        heading_->setText(tr("The model found %n category(ies) in %1 s:", nullptr,
                             static_cast<int>(result.categories.size()))
                              .arg(result.seconds, 0, 'f', 2));
    }
    // Chosen categories first, then the others above the score floor.
    for (const auto& [category, score] : result.scores) {
        const bool chosen = result.categories.contains(category);
        auto* item = new QListWidgetItem((chosen ? tr("%1 — %2%") : tr("%1 — %2% (not chosen)"))
                                             .arg(category)
                                             .arg(qRound(score * 100.0)),
                                         categories_);
        item->setData(Qt::UserRole, category);
        item->setData(Qt::DecorationRole, category_color(category));
        if (chosen && categories_->currentRow() < 0) {
            categories_->setCurrentItem(item);
        }
    }
    QStringList lines;
    for (auto it = result.fields.cbegin(); it != result.fields.cend(); ++it) {
        lines << QStringLiteral("%1: %2").arg(it.key(), it.value());
    }
    fields_->setText(lines.isEmpty() ? QString()
                                     : tr("Fields: %1").arg(lines.join(QStringLiteral("; "))));
    fields_->setVisible(!lines.isEmpty());
    QString text = result.text;
    if (text.size() > 400) {
        text = text.left(400) + QStringLiteral("…");
    }
    passage_->setText(tr("Passage: “%1”").arg(text));
    if (!result.complete) {
        passage_->setText(passage_->text() + QStringLiteral("\n") +
                          tr("The answer was cut at the answer length limit (Settings → "
                             "Performance)."));
    }
    accept_->setText(tr("&Accept as result"));
    accept_->setEnabled(categories_->currentRow() >= 0 && result.segment_id.has_value());
    if (!result.segment_id) {
        accept_->setToolTip(tr("The passage lies outside the document's stored segments."));
    }
    show();
    raise();
}

void ClassificationPopup::show_failure(const QString& message) {
    result_ = {};
    heading_->setText(message);
    categories_->clear();
    fields_->clear();
    passage_->clear();
    accept_->setEnabled(false);
    show();
    raise();
}

QString ClassificationPopup::selected_category() const {
    const QListWidgetItem* item = categories_->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ClassificationPopup::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        hide();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace clauselens::gui
