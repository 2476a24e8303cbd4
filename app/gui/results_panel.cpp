#include "gui/results_panel.h"

#include "gui/results_detail.h"
#include "gui/results_filter.h"
#include "gui/results_filter_bar.h"
#include "gui/results_model.h"
#include "gui/review_controller.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace clauselens::gui {

ResultsPanel::ResultsPanel(QWidget* parent)
    : QWidget(parent), model_(new ResultsModel(this)), filter_(new ResultsFilter(this)),
      review_(new ReviewController(model_, this)), filter_bar_(new ResultsFilterBar(filter_, this)),
      table_(new QTableView(this)), detail_(new ResultsDetail(this)),
      splitter_(new QSplitter(Qt::Horizontal, this)) {
    setAccessibleName(tr("Results"));
    filter_->setSourceModel(model_);
    build_table();

    splitter_->addWidget(table_);
    splitter_->addWidget(detail_);
    splitter_->setStretchFactor(0, 2);
    splitter_->setStretchFactor(1, 1);
    splitter_->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(filter_bar_);
    layout->addWidget(splitter_, 1);

    // Undo and redo work wherever the focus is in the window; the main window
    // also lists them in its Edit menu.
    addAction(review_->undo_action());
    addAction(review_->redo_action());

    connect(review_, &ReviewController::error, this, &ResultsPanel::error);
    connect(filter_bar_, &ResultsFilterBar::run_changed, this, &ResultsPanel::reload);

    connect(detail_, &ResultsDetail::accept_requested, this,
            [this] { review_->accept({detail_->extraction_id()}); });
    connect(detail_, &ResultsDetail::reject_requested, this,
            [this] { review_->reject({detail_->extraction_id()}); });
    connect(detail_, &ResultsDetail::reset_requested, this,
            [this] { review_->reset({detail_->extraction_id()}); });
    connect(detail_, &ResultsDetail::save_requested, review_, &ReviewController::edit_fields);

    connect(model_, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& top, const QModelIndex& bottom) {
                const qint64 id = detail_->extraction_id();
                const int row = id != 0 ? model_->row_of(id) : -1;
                if (row >= top.row() && row <= bottom.row())
                    show_current();
            });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(filter_, signal, this, &ResultsPanel::update_counts);
    }
    connect(filter_, &QAbstractItemModel::modelReset, this, &ResultsPanel::update_counts);
    connect(filter_, &QAbstractItemModel::layoutChanged, this, &ResultsPanel::update_counts);
    update_counts();
}

ResultsPanel::~ResultsPanel() {
    // The children go in creation order, the model before the table: nothing
    // they signal on the way out may reach this half-destroyed panel.
    disconnect(table_->selectionModel(), nullptr, this, nullptr);
    disconnect(model_, nullptr, this, nullptr);
    disconnect(filter_, nullptr, this, nullptr);
}

void ResultsPanel::build_table() {
    table_->setModel(filter_);
    table_->setAccessibleName(tr("Results table"));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setTextElideMode(Qt::ElideRight);
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    table_->verticalHeader()->setVisible(false);
    table_->installEventFilter(this);

    QHeaderView* header = table_->horizontalHeader();
    // Unsorted at first: documents in order, clauses in reading order. A third
    // click on a header goes back to that order.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setSortIndicatorClearable(true);
    table_->setSortingEnabled(true);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ResultsModel::ClauseColumn, QHeaderView::Stretch);
    // Widths in the font's terms, never narrower than the header (with room
    // for the sort arrow) or, for the status, its longest word and swatch.
    const QFontMetrics metrics = fontMetrics();
    const int em = metrics.horizontalAdvance(QLatin1Char('M'));
    const auto width = [&](int column, int ems, const QString& widest = {}) {
        const QString title = model_->headerData(column, Qt::Horizontal).toString();
        const int text =
            std::max(metrics.horizontalAdvance(title), metrics.horizontalAdvance(widest));
        header->resizeSection(column, std::max(ems * em, text + 3 * em));
    };
    width(ResultsModel::DocumentColumn, 11);
    width(ResultsModel::PageColumn, 3);
    width(ResultsModel::HeadingColumn, 5);
    width(ResultsModel::CategoryColumn, 12);
    width(ResultsModel::FieldsColumn, 12);
    width(ResultsModel::ScoreColumn, 4, QStringLiteral("100%"));
    width(ResultsModel::StatusColumn, 8, ResultsModel::status_text(QStringLiteral("auto")));
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    connect(table_, &QTableView::doubleClicked, this, &ResultsPanel::jump_to);
    connect(table_, &QWidget::customContextMenuRequested, this, &ResultsPanel::context_menu);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        show_current();
        emit current_changed(current_id());
    });
}

void ResultsPanel::set_store(const core::Store* store, const QString& db_path) {
    // The detail panel may show a library of the old database: drop both together.
    detail_->show_row(nullptr, nullptr);
    libraries_.clear();
    store_ = store;
    review_->set_store(store, db_path);
    filter_bar_->set_store(store);
    reload();
}

void ResultsPanel::reload() {
    const qint64 current = current_id();
    if (!store_) {
        model_->clear();
        filter_bar_->refresh_choices(*model_, {});
    } else {
        try {
            const std::vector<core::RunInfo> runs = store_->runs();
            // The run menu first: a run that is gone falls back to every run.
            filter_bar_->refresh_choices(*model_, runs);
            model_->reload(*store_, filter_bar_->run());
            review_->show_pending();
            filter_bar_->refresh_choices(*model_, runs);
        } catch (const core::StoreError& e) {
            emit error(tr("The results could not be read: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    if (current != 0)
        select_extraction(current);
    show_current();
    update_counts();
}

void ResultsPanel::focus_search() {
    filter_bar_->focus_search();
}

core::ExtractionFilter ResultsPanel::current_export_filter() const {
    core::ExtractionFilter f;
    f.category = filter_->category();
    f.document_id = filter_->document();
    f.run_id = model_->run_id();
    f.accepted_only =
        filter_->statuses() == QSet<QString>{QStringLiteral("accepted"), QStringLiteral("edited")};
    return f;
}

QList<qint64> ResultsPanel::visible_extraction_ids() const {
    QList<qint64> ids;
    ids.reserve(filter_->rowCount());
    for (int row = 0; row < filter_->rowCount(); ++row)
        ids << filter_->index(row, 0).data(ResultsModel::ExtractionIdRole).toLongLong();
    return ids;
}

QList<qint64> ResultsPanel::selected_extraction_ids() const {
    QModelIndexList rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty() && table_->currentIndex().isValid())
        rows << table_->currentIndex();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QList<qint64> ids;
    for (const QModelIndex& index : rows)
        ids << index.data(ResultsModel::ExtractionIdRole).toLongLong();
    return ids;
}

bool ResultsPanel::select_extraction(qint64 extraction_id) {
    const int source_row = model_->row_of(extraction_id);
    if (source_row < 0)
        return false;
    const QModelIndex index = filter_->mapFromSource(model_->index(source_row, 0));
    if (!index.isValid())
        return false;
    table_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    table_->scrollTo(index);
    return true;
}

qint64 ResultsPanel::current_id() const {
    const QModelIndex index = table_->currentIndex();
    return index.isValid() ? index.data(ResultsModel::ExtractionIdRole).toLongLong() : 0;
}

void ResultsPanel::show_current() {
    const qint64 id = current_id();
    const int row = id != 0 ? model_->row_of(id) : -1;
    if (row < 0) {
        detail_->show_row(nullptr, nullptr);
        return;
    }
    const core::ExtractionRow& r = model_->row_at(row);
    detail_->show_row(&r, library_of(r.run_id));
}

const core::ClauseLibrary* ResultsPanel::library_of(qint64 run_id) {
    if (!store_)
        return nullptr;
    auto found = libraries_.constFind(run_id);
    if (found == libraries_.constEnd()) {
        std::shared_ptr<const core::ClauseLibrary> library;
        try {
            library = std::make_shared<const core::ClauseLibrary>(
                core::ClauseLibrary::from_json(store_->run_library(run_id)));
        } catch (const std::exception&) {
            // An unreadable library only costs the field labels: the form
            // then shows the keys the answer has.
        }
        found = libraries_.insert(run_id, library);
    }
    return found->get();
}

void ResultsPanel::update_counts() {
    filter_bar_->set_counts(filter_->rowCount(), model_->rowCount());
}

void ResultsPanel::review_selected(const QString& action) {
    const QList<qint64> ids = selected_extraction_ids();
    if (ids.isEmpty())
        return;
    // Reviewing one result at a time moves on to the next, as in a mail client.
    qint64 next = 0;
    if (ids.size() == 1) {
        const QModelIndex current = table_->currentIndex();
        const QModelIndex below = current.sibling(current.row() + 1, 0);
        if (below.isValid())
            next = below.data(ResultsModel::ExtractionIdRole).toLongLong();
    }
    bool changed = false;
    if (action == QLatin1String("accepted"))
        changed = review_->accept(ids);
    else if (action == QLatin1String("rejected"))
        changed = review_->reject(ids);
    else
        changed = review_->reset(ids);
    if (changed && next != 0)
        select_extraction(next);
}

void ResultsPanel::jump_to(const QModelIndex& proxy_index) {
    if (!proxy_index.isValid())
        return;
    const QModelIndex index = proxy_index.siblingAtColumn(0);
    emit jump_requested(index.data(ResultsModel::ExtractionIdRole).toLongLong(),
                        index.data(ResultsModel::DocumentIdRole).toLongLong(),
                        index.data(ResultsModel::PageRole).toInt(),
                        index.data(ResultsModel::SegmentIdRole).toLongLong());
}

bool ResultsPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == table_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        // Plain keys only: Ctrl+A stays "select all", Alt+R a menu mnemonic.
        const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
        if (mods == Qt::NoModifier) {
            switch (key->key()) {
            case Qt::Key_A:
                review_selected(QStringLiteral("accepted"));
                return true;
            case Qt::Key_R:
                review_selected(QStringLiteral("rejected"));
                return true;
            case Qt::Key_F2:
                detail_->focus_fields();
                return true;
            case Qt::Key_Return:
            case Qt::Key_Enter:
                jump_to(table_->currentIndex());
                return true;
            default:
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ResultsPanel::context_menu(const QPoint& pos) {
    if (!table_->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    // The text after a tab shows the table's key for the action.
    menu.addAction(tr("&Accept") + QStringLiteral("\tA"), this,
                   [this] { review_selected(QStringLiteral("accepted")); });
    menu.addAction(tr("&Reject") + QStringLiteral("\tR"), this,
                   [this] { review_selected(QStringLiteral("rejected")); });
    menu.addAction(tr("&Edit fields") + QStringLiteral("\tF2"), this,
                   [this] { detail_->focus_fields(); });
    menu.addAction(tr("Back to the &model's answer"), this,
                   [this] { review_selected(QStringLiteral("auto")); });
    menu.addSeparator();
    menu.addAction(tr("&Show on page") + QStringLiteral("\tEnter"), this,
                   [this] { jump_to(table_->currentIndex()); });
    menu.addSeparator();
    menu.addAction(review_->undo_action());
    menu.addAction(review_->redo_action());
    menu.exec(table_->viewport()->mapToGlobal(pos));
}

} // namespace clauselens::gui
