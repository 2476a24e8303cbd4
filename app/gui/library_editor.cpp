#include "gui/library_editor.h"

#include <QAction>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace clauselens::gui {

namespace {

// "governing_law (jurisdiction), days (duration)"
QString fields_text(const core::ClauseCategory& c) {
    QStringList parts;
    for (const core::FieldSpec& f : c.fields) {
        parts << QStringLiteral("%1 (%2)").arg(f.key, core::field_type_name(f.type));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

LibraryTableModel::LibraryTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void LibraryTableModel::set_library(core::ClauseLibrary library) {
    beginResetModel();
    library_ = std::move(library);
    endResetModel();
    emit library_changed();
}

int LibraryTableModel::add_category() {
    QString name = tr("New category");
    for (int n = 2; library_.find(name) != nullptr; ++n) {
        name = tr("New category %1").arg(n);
    }
    const int row = static_cast<int>(library_.categories.size());
    beginInsertRows({}, row, row);
    library_.categories.push_back(core::ClauseCategory{
        name, tr("Describe the clause so that the model can recognise it."), {}, {}});
    endInsertRows();
    emit library_changed();
    return row;
}

void LibraryTableModel::remove_categories(QList<int> rows) {
    // From the bottom up, so that the rows still to remove keep their numbers.
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    bool removed = false;
    for (const int row : rows) {
        if (row < 0 || row >= rowCount()) {
            continue;
        }
        beginRemoveRows({}, row, row);
        library_.categories.erase(library_.categories.begin() + row);
        endRemoveRows();
        removed = true;
    }
    if (removed) {
        emit library_changed();
    }
}

int LibraryTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(library_.categories.size());
}

int LibraryTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : column_count;
}

QVariant LibraryTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const core::ClauseCategory& c = library_.categories[static_cast<size_t>(index.row())];
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case name_column:
            return c.name;
        case description_column:
            return c.description;
        case fields_column:
            return fields_text(c);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == description_column) {
            return c.description;
        }
        if (index.column() == fields_column && !c.fields.empty()) {
            QStringList lines;
            for (const core::FieldSpec& f : c.fields) {
                lines << QStringLiteral("%1: %2").arg(f.label, f.description);
            }
            return lines.join(QLatin1Char('\n'));
        }
    }
    return {};
}

QVariant LibraryTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case name_column:
        return tr("Category");
    case description_column:
        return tr("Description");
    case fields_column:
        return tr("Fields");
    default:
        return {};
    }
}

Qt::ItemFlags LibraryTableModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != fields_column) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

bool LibraryTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !index.isValid() || index.row() >= rowCount() ||
        index.column() == fields_column) {
        return false;
    }
    const QString text = value.toString().trimmed();
    core::ClauseLibrary edited = library_;
    core::ClauseCategory& c = edited.categories[static_cast<size_t>(index.row())];
    QString& target = index.column() == name_column ? c.name : c.description;
    if (target == text) {
        return true;
    }
    target = text;
    // The library's own rules decide, so the table refuses exactly what an
    // import of the same JSON would.
    try {
        edited.validate();
    } catch (const core::ClauseLibraryError& e) {
        emit edit_refused(QString::fromUtf8(e.what()));
        return false;
    }
    library_ = std::move(edited);
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    emit library_changed();
    return true;
}

LibraryEditor::LibraryEditor(QWidget* parent)
    : QWidget(parent), model_(new LibraryTableModel(this)), table_(new QTableView(this)),
      summary_(new QLabel(this)), message_(new QLabel(this)) {
    table_->setObjectName(QStringLiteral("library_table"));
    table_->setAccessibleName(tr("Clause categories"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    table_->setWordWrap(false);
    table_->horizontalHeader()->setSectionResizeMode(LibraryTableModel::description_column,
                                                     QHeaderView::Stretch);
    table_->verticalHeader()->setVisible(false);
    // One line per category: descriptions are long, the tooltip shows them whole.
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->horizontalHeader()->resizeSection(LibraryTableModel::name_column, 200);
    table_->horizontalHeader()->resizeSection(LibraryTableModel::fields_column, 200);

    summary_->setObjectName(QStringLiteral("library_summary"));
    message_->setObjectName(QStringLiteral("library_message"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* import_button = new QPushButton(tr("&Import…"), this);
    import_button->setObjectName(QStringLiteral("library_import"));
    import_button->setAccessibleName(tr("Import a clause library"));
    auto* export_button = new QPushButton(tr("E&xport…"), this);
    export_button->setObjectName(QStringLiteral("library_export"));
    export_button->setAccessibleName(tr("Export the clause library"));
    auto* add_button = new QPushButton(tr("&Add"), this);
    add_button->setObjectName(QStringLiteral("library_add"));
    add_button->setAccessibleName(tr("Add a category"));
    remove_ = new QPushButton(tr("&Remove"), this);
    remove_->setObjectName(QStringLiteral("library_remove"));
    remove_->setAccessibleName(tr("Remove the selected categories"));
    remove_->setEnabled(false);
    auto* reset_button = new QPushButton(tr("Reset to &CUAD"), this);
    reset_button->setObjectName(QStringLiteral("library_reset"));
    reset_button->setAccessibleName(tr("Reset to the CUAD default library"));
    reset_button->setToolTip(tr("Replace the library with CUAD's 41 categories"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add_button);
    buttons->addWidget(remove_);
    buttons->addStretch();
    buttons->addWidget(import_button);
    buttons->addWidget(export_button);
    buttons->addWidget(reset_button);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(table_, 1);
    layout->addLayout(buttons);
    layout->addWidget(message_);

    connect(import_button, &QPushButton::clicked, this, &LibraryEditor::choose_import_file);
    connect(export_button, &QPushButton::clicked, this, &LibraryEditor::choose_export_file);
    connect(add_button, &QPushButton::clicked, this, &LibraryEditor::add_category);
    connect(remove_, &QPushButton::clicked, this, &LibraryEditor::remove_selected);
    connect(reset_button, &QPushButton::clicked, this, &LibraryEditor::reset_to_default);
    connect(model_, &LibraryTableModel::edit_refused, this, [this](const QString& reason) {
        show_message(tr("Not changed: %1").arg(reason), true);
    });
    connect(model_, &LibraryTableModel::library_changed, this, [this] {
        update_summary();
        emit library_changed();
    });
    // Delete removes the selected categories, as in other editors' lists.
    auto* remove_action = new QAction(tr("Remove"), table_);
    remove_action->setShortcut(QKeySequence::Delete);
    remove_action->setShortcutContext(Qt::WidgetShortcut);
    table_->addAction(remove_action);
    connect(remove_action, &QAction::triggered, this, [this] {
        if (table_->selectionModel()->hasSelection()) {
            remove_selected();
        }
    });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { remove_->setEnabled(table_->selectionModel()->hasSelection()); });
    update_summary();
}

void LibraryEditor::set_library(core::ClauseLibrary library) {
    model_->set_library(std::move(library));
    show_message({}, false);
}

bool LibraryEditor::import_file(const QString& path) {
    try {
        core::ClauseLibrary library = core::ClauseLibrary::load_file(path);
        const auto count = library.categories.size();
        model_->set_library(std::move(library));
        show_message(tr("Imported %n categories.", nullptr, static_cast<int>(count)), false);
        emit imported(path);
        return true;
    } catch (const core::ClauseLibraryError& e) {
        show_message(tr("Could not import the library: %1").arg(QString::fromUtf8(e.what())), true);
        return false;
    }
}

bool LibraryEditor::export_file(const QString& path) {
    try {
        library().validate();
    } catch (const core::ClauseLibraryError& e) {
        show_message(tr("The library is not valid: %1").arg(QString::fromUtf8(e.what())), true);
        return false;
    }
    // QSaveFile: a failed write leaves an earlier file of that name as it was.
    QSaveFile file(path);
    const QByteArray json = library().to_json();
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        show_message(tr("Could not write %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    show_message(
        tr("Exported %n categories to %1.", nullptr, static_cast<int>(library().categories.size()))
            .arg(path),
        false);
    return true;
}

QString LibraryEditor::message() const {
    return message_->text();
}

void LibraryEditor::choose_import_file() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import clause library"), {},
                                                      tr("Clause libraries (*.json)"));
    if (!path.isEmpty()) {
        import_file(path);
    }
}

void LibraryEditor::choose_export_file() {
    QString suggested =
        library().name.isEmpty() ? QStringLiteral("clause-library") : library().name.toLower();
    suggested.replace(QRegularExpression(QStringLiteral("[^a-z0-9._-]+")), QStringLiteral("-"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export clause library"),
                                                      suggested + QStringLiteral(".json"),
                                                      tr("Clause libraries (*.json)"));
    if (!path.isEmpty()) {
        export_file(path);
    }
}

void LibraryEditor::add_category() {
    const int row = model_->add_category();
    const QModelIndex index = model_->index(row, LibraryTableModel::name_column);
    table_->setCurrentIndex(index);
    table_->edit(index); // the user types the name straight away
    show_message({}, false);
}

void LibraryEditor::remove_selected() {
    QList<int> rows;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows()) {
        rows << index.row();
    }
    if (rows.size() >= model_->rowCount()) {
        show_message(tr("A library needs at least one category."), true);
        return;
    }
    model_->remove_categories(rows);
    show_message(tr("Removed %n categories.", nullptr, static_cast<int>(rows.size())), false);
}

void LibraryEditor::reset_to_default() {
    model_->set_library(core::ClauseLibrary::cuad_default());
    show_message(tr("The library is CUAD's default again."), false);
}

void LibraryEditor::show_message(const QString& text, bool error) {
    message_is_error_ = error && !text.isEmpty();
    message_->setText(text);
    // The palette's link colour would not read as an error; red does in light
    // and dark themes alike.
    message_->setStyleSheet(message_is_error_ ? QStringLiteral("color: #d32f2f;") : QString());
}

void LibraryEditor::update_summary() {
    const core::ClauseLibrary& lib = library();
    summary_->setText(
        tr("%1 — %n categories, %2 fields", nullptr, static_cast<int>(lib.categories.size()))
            .arg(lib.name.isEmpty() ? tr("Unnamed library") : lib.name)
            .arg(lib.field_count()));
}

} // namespace clauselens::gui
