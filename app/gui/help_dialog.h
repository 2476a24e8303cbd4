#pragma once
// Help → ClauseLens Help (F1): how the analyst's day goes in this window and
// every keyboard shortcut, readable without a network connection.

#include <QDialog>

namespace clauselens::gui {

class HelpDialog : public QDialog {
    Q_OBJECT
public:
    explicit HelpDialog(QWidget* parent = nullptr);
    static QString help_html();
};

} // namespace clauselens::gui
