#pragma once
// The detail panel beside the results table: the whole clause, where it is,
// its category, score and status, the review buttons, and its fields as a
// form (one line per field) that the reviewer corrects and saves.

#include "core/clause_library.h"
#include "core/store.h"

#include <QJsonObject>
#include <QWidget>
#include <vector>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QGroupBox;

namespace clauselens::gui {

class ResultsDetail : public QWidget {
    Q_OBJECT

public:
    explicit ResultsDetail(QWidget* parent = nullptr);

    // Shows a result; the library (the run's, may be null) names and types
    // its fields. Null row: nothing selected.
    void show_row(const core::ExtractionRow* row, const core::ClauseLibrary* library);
    // The result shown, 0 if none.
    qint64 extraction_id() const { return extraction_id_; }
    // Whether the form holds changes not saved yet.
    bool fields_modified() const;
    // The form as a fields JSON object: party lists become arrays (entries
    // separated by ';'), values left as they were keep their JSON type.
    QString form_fields_json() const;
    // Puts the cursor in the first field (F2 in the table).
    void focus_fields();

    QLineEdit* field_edit(const QString& key) const;
    QPushButton* save_button() const { return save_; }

signals:
    void accept_requested();
    void reject_requested();
    void reset_requested();
    void save_requested(qint64 extraction_id, const QString& fields_json);

private:
    struct FieldEdit {
        QString key;
        bool list = false; // a party list: entries separated by ';'
        QJsonValue original;
        QString original_text;
        QLineEdit* edit = nullptr;
    };

    void rebuild_fields(const QJsonObject& fields, const core::ClauseLibrary* library,
                        const QString& category);
    void update_buttons();

    qint64 extraction_id_ = 0;
    QLabel* title_;
    QLabel* where_;
    QLabel* score_;
    QLabel* status_;
    QPlainTextEdit* clause_;
    QGroupBox* fields_box_;
    QFormLayout* fields_form_;
    QLabel* no_fields_;
    std::vector<FieldEdit> fields_;
    QPushButton* save_;
    QPushButton* revert_;
    QPushButton* accept_;
    QPushButton* reject_;
    QPushButton* reset_;
};

} // namespace clauselens::gui
