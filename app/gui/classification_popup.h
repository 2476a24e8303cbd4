#pragma once
// The answer to a point-and-click classification, shown next to the page at
// once: the categories the model chose for the selected passage with their
// scores, the field values, the passage it read, and a way to accept one
// category as a result (stored like any reviewed result).

#include "gui/engine_types.h"

#include <QFrame>

class QLabel;
class QListWidget;
class QPushButton;

namespace clauselens::gui {

class ClassificationPopup : public QFrame {
    Q_OBJECT
public:
    explicit ClassificationPopup(QWidget* parent = nullptr);

    void show_waiting(const QString& passage_hint);
    void show_result(const ClassifyResult& result);
    void show_failure(const QString& message);
    const ClassifyResult& result() const { return result_; }
    // The category the Accept button stores (the selected row), or empty.
    QString selected_category() const;
    QPushButton* accept_button() const { return accept_; }

signals:
    void accept_requested(const clauselens::gui::ClassifyResult& result, const QString& category);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QLabel* heading_ = nullptr;
    QListWidget* categories_ = nullptr;
    QLabel* fields_ = nullptr;
    QLabel* passage_ = nullptr;
    QPushButton* accept_ = nullptr;
    QPushButton* close_ = nullptr;
    ClassifyResult result_;
};

} // namespace clauselens::gui
