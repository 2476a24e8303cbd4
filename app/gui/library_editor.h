#pragma once
// The clause library tab of the settings dialog: the categories the model
// looks for, as an editable table (name and description edit in place;
// fields come with imported libraries), with Import…, Export…, Add, Remove
// and Reset to the CUAD default. Every change keeps the library valid: an
// edit that would break a rule (empty or duplicate name, over-long text) is
// refused with the reason shown under the table.

#include "core/clause_library.h"

#include <QAbstractTableModel>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace clauselens::gui {

// The categories of a clause library, one row each.
class LibraryTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { name_column, description_column, fields_column, column_count };

    explicit LibraryTableModel(QObject* parent = nullptr);

    const core::ClauseLibrary& library() const { return library_; }
    void set_library(core::ClauseLibrary library);

    // Appends a category with a unique placeholder name for the user to
    // rename; returns its row.
    int add_category();
    void remove_categories(QList<int> rows);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Name and description; refuses (returns false and emits edit_refused)
    // what would make the library invalid.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void edit_refused(const QString& reason);
    void library_changed();

private:
    core::ClauseLibrary library_;
};

class LibraryEditor : public QWidget {
    Q_OBJECT
public:
    explicit LibraryEditor(QWidget* parent = nullptr);

    const core::ClauseLibrary& library() const { return model_->library(); }
    void set_library(core::ClauseLibrary library);
    LibraryTableModel* model() const { return model_; }

    // What Import… and Export… do once a file is chosen (tests call these).
    // On failure they show the reason under the table and return false.
    bool import_file(const QString& path);
    bool export_file(const QString& path);
    // The message under the table (an error, or what the last action did).
    QString message() const;
    bool message_is_error() const { return message_is_error_; }

signals:
    void library_changed();
    // A library was read from this file (after library_changed).
    void imported(const QString& path);

private:
    void choose_import_file();
    void choose_export_file();
    void add_category();
    void remove_selected();
    void reset_to_default();
    void show_message(const QString& text, bool error);
    void update_summary();

    LibraryTableModel* model_;
    QTableView* table_;
    QLabel* summary_;
    QLabel* message_;
    QPushButton* remove_;
    bool message_is_error_ = false;
};

} // namespace clauselens::gui
