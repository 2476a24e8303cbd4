#include "gui/main_window.h"

#include "core/extraction_setup.h"
#include "gui/about_dialog.h"
#include "gui/batch_panel.h"
#include "gui/batch_queue.h"
#include "gui/classification_popup.h"
#include "gui/document_list_model.h"
#include "gui/drop_paths.h"
#include "gui/export_dialog.h"
#include "gui/help_dialog.h"
#include "gui/page_view.h"
#include "gui/password_dialog.h"
#include "gui/results_filter.h"
#include "gui/results_model.h"
#include "gui/results_panel.h"
#include "gui/review_controller.h"
#include "gui/settings_dialog.h"
#include "gui/settings_engine.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <set>

namespace clauselens::gui {

namespace {

QString default_database_path() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).absoluteFilePath(QStringLiteral("clauselens.db"));
}

QString eta_text(double seconds) {
    return seconds < 0 ? QStringLiteral("--:--") : clock_text(seconds);
}

} // namespace

MainWindow::MainWindow(const QString& settings_ini, QWidget* parent)
    : QMainWindow(parent),
      settings_(settings_ini.isEmpty() ? std::make_unique<AppSettings>()
                                       : std::make_unique<AppSettings>(settings_ini)) {
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    register_engine_types();

    queue_ = new BatchQueue(this);
    documents_ = new DocumentListModel(this);

    // Centre: the banner that says how to add a model, the page, the popup.
    auto* centre = new QWidget(this);
    auto* centre_layout = new QVBoxLayout(centre);
    centre_layout->setContentsMargins(0, 0, 0, 0);
    centre_layout->setSpacing(0);
    no_model_banner_ = new QWidget(centre);
    no_model_banner_->setObjectName(QStringLiteral("NoModelBanner"));
    no_model_banner_->setAutoFillBackground(true);
    no_model_banner_->setBackgroundRole(QPalette::ToolTipBase);
    auto* banner_layout = new QHBoxLayout(no_model_banner_);
    no_model_text_ = new QLabel(no_model_banner_);
    no_model_text_->setWordWrap(true);
    no_model_text_->setForegroundRole(QPalette::ToolTipText);
    banner_layout->addWidget(no_model_text_, 1);
    auto* banner_button = new QPushButton(tr("Choose a model…"), no_model_banner_);
    banner_button->setAccessibleName(tr("Open the model settings"));
    connect(banner_button, &QPushButton::clicked, this, &MainWindow::open_settings);
    banner_layout->addWidget(banner_button);
    centre_layout->addWidget(no_model_banner_);
    page_view_ = new PageView(centre);
    page_view_->setAccessibleName(tr("Page"));
    page_view_->installEventFilter(this);
    page_view_->viewport()->setAcceptDrops(true);
    page_view_->viewport()->installEventFilter(this);
    centre_layout->addWidget(page_view_, 1);
    popup_ = new ClassificationPopup(page_view_);
    setCentralWidget(centre);

    build_actions();
    build_docks();
    build_menus();
    build_status_bar();
    connect_queue();

    reload_timer_ = new QTimer(this);
    reload_timer_->setSingleShot(true);
    reload_timer_->setInterval(250); // a batch's many changes coalesce into one reload
    connect(reload_timer_, &QTimer::timeout, this, &MainWindow::reload_from_store);

    connect(page_view_, &PageView::page_changed, this, [this](int page, int count) {
        page_label_->setText(count > 0 ? tr("Page %1 of %2").arg(page + 1).arg(count) : QString());
        update_actions();
    });
    connect(page_view_, &PageView::classify_requested, this, [this](int page, const QRectF& rect) {
        if (shown_document_ == 0) {
            return;
        }
        classify_ticket_ = queue_->classify(shown_document_, page, rect);
        popup_->show_waiting(queue_->busy() ? tr("Waiting for the running batch's current step…")
                                            : QString());
        place_popup();
    });
    connect(page_view_, &PageView::highlight_activated, this,
            [this](qint64 extraction_id) { results_->select_extraction(extraction_id); });
    connect(popup_, &ClassificationPopup::accept_requested, this,
            [this](const ClassifyResult& result, const QString& category) {
                queue_->store_classification(result, category);
            });
    connect(results_, &ResultsPanel::jump_requested, this,
            [this](qint64 extraction_id, qint64 document_id, int page, qint64) {
                show_document(document_id, page);
                page_view_->flash(extraction_id);
                page_view_->setFocus();
            });
    connect(results_, &ResultsPanel::error, this, [this](const QString& message) {
        statusBar()->showMessage(message, 10000);
        QMessageBox::warning(this, tr("Review"), message);
    });
    connect(results_->model(), &QAbstractItemModel::dataChanged, this,
            &MainWindow::refresh_highlights);
    connect(results_->model(), &QAbstractItemModel::modelReset, this,
            &MainWindow::refresh_highlights);
    connect(batch_panel_, &BatchPanel::document_activated, this,
            [this](qint64 id) { show_document(id); });

    retranslate();
    restore_layout();
    update_recent_menus();
    apply_engine_settings();
    const QString db = settings_->current_database();
    open_database(db.isEmpty() || !QFileInfo::exists(QFileInfo(db).absolutePath())
                      ? default_database_path()
                      : db);
    update_actions();
}

MainWindow::~MainWindow() {
    queue_->shutdown();
}

QString MainWindow::close_question() {
    return tr("Extraction is running. Stop it and quit?\n\nEverything finished so far is "
              "kept, and the batch continues where it stopped when you add the files again.");
}

// --- building the window ---

void MainWindow::build_actions() {
    const auto make = [this](QAction*& action, const QKeySequence& keys, auto slot) {
        action = new QAction(this);
        if (!keys.isEmpty()) {
            action->setShortcut(keys);
        }
        connect(action, &QAction::triggered, this, slot);
    };
    make(open_action_, QKeySequence::Open, &MainWindow::open_files_dialog);
    make(open_folder_action_, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
         &MainWindow::open_folder_dialog);
    make(new_db_action_, QKeySequence(), &MainWindow::new_database_dialog);
    make(open_db_action_, QKeySequence(), &MainWindow::open_database_dialog);
    make(export_action_, QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::open_export);
    make(quit_action_, QKeySequence::Quit, &QWidget::close);
    make(find_action_, QKeySequence::Find, [this] {
        results_dock_->show();
        results_dock_->raise();
        results_->focus_search();
    });
    make(settings_action_, QKeySequence::Preferences, &MainWindow::open_settings);
    if (settings_action_->shortcut().isEmpty()) {
        settings_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    }
    make(extract_all_action_, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
         &MainWindow::extract_all);
    make(extract_document_action_, QKeySequence(Qt::CTRL | Qt::Key_R),
         &MainWindow::extract_current);
    make(pause_action_, QKeySequence(),
         [this] { queue_->paused() ? queue_->resume() : queue_->pause(); });
    make(cancel_action_, QKeySequence(Qt::CTRL | Qt::Key_Period), [this] { queue_->cancel(); });
    make(zoom_in_action_, QKeySequence::ZoomIn, [this] { page_view_->zoom_in(); });
    make(zoom_out_action_, QKeySequence::ZoomOut, [this] { page_view_->zoom_out(); });
    make(fit_width_action_, QKeySequence(Qt::CTRL | Qt::Key_2),
         [this] { page_view_->set_zoom_mode(PageView::ZoomMode::fit_width); });
    make(fit_page_action_, QKeySequence(Qt::CTRL | Qt::Key_0),
         [this] { page_view_->set_zoom_mode(PageView::ZoomMode::fit_page); });
    make(next_page_action_, QKeySequence(Qt::CTRL | Qt::Key_PageDown),
         [this] { page_view_->next_page(); });
    make(previous_page_action_, QKeySequence(Qt::CTRL | Qt::Key_PageUp),
         [this] { page_view_->previous_page(); });
    make(help_action_, QKeySequence::HelpContents, &MainWindow::show_help);
    make(about_action_, QKeySequence(), &MainWindow::show_about);
    about_action_->setMenuRole(QAction::AboutRole);
    settings_action_->setMenuRole(QAction::PreferencesRole);
    quit_action_->setMenuRole(QAction::QuitRole);
    const QStyle* style = QApplication::style();
    open_action_->setIcon(style->standardIcon(QStyle::SP_DialogOpenButton));
    open_folder_action_->setIcon(style->standardIcon(QStyle::SP_DirOpenIcon));
    export_action_->setIcon(style->standardIcon(QStyle::SP_DialogSaveButton));
    extract_all_action_->setIcon(style->standardIcon(QStyle::SP_MediaPlay));
    pause_action_->setIcon(style->standardIcon(QStyle::SP_MediaPause));
    cancel_action_->setIcon(style->standardIcon(QStyle::SP_MediaStop));
    previous_page_action_->setIcon(style->standardIcon(QStyle::SP_ArrowUp));
    zoom_in_action_->setIcon(QIcon(QStringLiteral(":/icons/zoom-in.svg")));
    zoom_out_action_->setIcon(QIcon(QStringLiteral(":/icons/zoom-out.svg")));
    fit_width_action_->setIcon(QIcon(QStringLiteral(":/icons/fit-width.svg")));
    fit_page_action_->setIcon(QIcon(QStringLiteral(":/icons/fit-page.svg")));
    settings_action_->setIcon(style->standardIcon(QStyle::SP_FileDialogDetailedView));
    help_action_->setIcon(style->standardIcon(QStyle::SP_DialogHelpButton));
    next_page_action_->setIcon(style->standardIcon(QStyle::SP_ArrowDown));
}

void MainWindow::build_docks() {
    document_view_ = new QTreeView(this);
    document_view_->setObjectName(QStringLiteral("DocumentList"));
    documents_sorted_ = new QSortFilterProxyModel(this);
    documents_sorted_->setSourceModel(documents_);
    documents_sorted_->setSortCaseSensitivity(Qt::CaseInsensitive);
    document_view_->setModel(documents_sorted_);
    document_view_->setRootIsDecorated(false);
    document_view_->setUniformRowHeights(true);
    document_view_->setSortingEnabled(true);
    document_view_->sortByColumn(DocumentListModel::title_column, Qt::AscendingOrder);
    document_view_->setAlternatingRowColors(true);
    document_view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    document_view_->setAcceptDrops(true);
    document_view_->viewport()->setAcceptDrops(true);
    document_view_->viewport()->installEventFilter(this);
    document_view_->header()->setStretchLastSection(false);
    document_view_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    document_view_->header()->setSectionResizeMode(DocumentListModel::title_column,
                                                   QHeaderView::Stretch);
    connect(document_view_, &QTreeView::activated, this, &MainWindow::on_document_activated);
    connect(document_view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { on_document_activated(current); });

    documents_dock_ = new QDockWidget(this);
    documents_dock_->setObjectName(QStringLiteral("DocumentsDock"));
    documents_dock_->setWidget(document_view_);
    addDockWidget(Qt::LeftDockWidgetArea, documents_dock_);

    results_ = new ResultsPanel(this);
    results_dock_ = new QDockWidget(this);
    results_dock_->setObjectName(QStringLiteral("ResultsDock"));
    results_dock_->setWidget(results_);
    addDockWidget(Qt::BottomDockWidgetArea, results_dock_);

    batch_panel_ = new BatchPanel(queue_, this);
    batch_dock_ = new QDockWidget(this);
    batch_dock_->setObjectName(QStringLiteral("BatchDock"));
    batch_dock_->setWidget(batch_panel_);
    addDockWidget(Qt::BottomDockWidgetArea, batch_dock_);
    tabifyDockWidget(results_dock_, batch_dock_);
    results_dock_->raise();

    auto* toolbar = addToolBar(QString());
    toolbar->setObjectName(QStringLiteral("MainToolBar"));
    toolbar->addAction(open_action_);
    toolbar->addAction(open_folder_action_);
    toolbar->addSeparator();
    toolbar->addAction(previous_page_action_);
    toolbar->addAction(next_page_action_);
    page_label_ = new QLabel(toolbar);
    page_label_->setMinimumWidth(100);
    page_label_->setAlignment(Qt::AlignCenter);
    toolbar->addWidget(page_label_);
    toolbar->addAction(zoom_out_action_);
    toolbar->addAction(zoom_in_action_);
    toolbar->addAction(fit_width_action_);
    toolbar->addAction(fit_page_action_);
    toolbar->addSeparator();
    page_view_->classify_action()->setIcon(QIcon(QStringLiteral(":/icons/classify.svg")));
    toolbar->addAction(page_view_->classify_action());
    toolbar->addAction(extract_all_action_);
    toolbar->addAction(pause_action_);
    toolbar->addAction(cancel_action_);
    toolbar->addSeparator();
    toolbar->addAction(export_action_);
    // Icons with their names as tooltips; the ones that start work keep a label.
    toolbar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    for (QAction* labelled : {page_view_->classify_action(), extract_all_action_}) {
        if (auto* button = qobject_cast<QToolButton*>(toolbar->widgetForAction(labelled))) {
            button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        }
    }
}

void MainWindow::build_menus() {
    QMenuBar* bar = menuBar();
    bar->clear();
    QMenu* file = bar->addMenu(tr("&File"));
    file->addAction(open_action_);
    file->addAction(open_folder_action_);
    recent_files_menu_ = file->addMenu(tr("Recent &Files"));
    file->addSeparator();
    file->addAction(new_db_action_);
    file->addAction(open_db_action_);
    recent_databases_menu_ = file->addMenu(tr("Recent &Databases"));
    file->addSeparator();
    file->addAction(export_action_);
    file->addSeparator();
    file->addAction(quit_action_);

    QMenu* edit = bar->addMenu(tr("&Edit"));
    QAction* undo = results_->review()->undo_action();
    QAction* redo = results_->review()->redo_action();
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(find_action_);
    edit->addSeparator();
    edit->addAction(settings_action_);

    QMenu* view = bar->addMenu(tr("&View"));
    view->addAction(zoom_in_action_);
    view->addAction(zoom_out_action_);
    view->addAction(fit_width_action_);
    view->addAction(fit_page_action_);
    view->addSeparator();
    view->addAction(previous_page_action_);
    view->addAction(next_page_action_);
    view->addSeparator();
    view->addAction(documents_dock_->toggleViewAction());
    view->addAction(results_dock_->toggleViewAction());
    view->addAction(batch_dock_->toggleViewAction());

    QMenu* extraction = bar->addMenu(tr("E&xtraction"));
    extraction->addAction(page_view_->classify_action());
    extraction->addAction(extract_document_action_);
    extraction->addAction(extract_all_action_);
    extraction->addSeparator();
    extraction->addAction(pause_action_);
    extraction->addAction(cancel_action_);

    QMenu* help = bar->addMenu(tr("&Help"));
    help->addAction(help_action_);
    help->addSeparator();
    help->addAction(about_action_);
}

void MainWindow::build_status_bar() {
    model_label_ = new QLabel(this);
    model_label_->setObjectName(QStringLiteral("ModelLabel"));
    statusBar()->addWidget(model_label_, 1);
    progress_label_ = new QLabel(this);
    statusBar()->addPermanentWidget(progress_label_);
    progress_bar_ = new QProgressBar(this);
    progress_bar_->setRange(0, 1000);
    progress_bar_->setMaximumWidth(220);
    progress_bar_->setTextVisible(false);
    progress_bar_->hide();
    statusBar()->addPermanentWidget(progress_bar_);
}

void MainWindow::retranslate() {
    setWindowTitle(tr("ClauseLens"));
    documents_dock_->setWindowTitle(tr("Documents"));
    results_dock_->setWindowTitle(tr("Results"));
    batch_dock_->setWindowTitle(tr("Batch"));
    document_view_->setAccessibleName(tr("Documents"));
    open_action_->setText(tr("&Open PDF Files…"));
    open_folder_action_->setText(tr("Open &Folder…"));
    new_db_action_->setText(tr("&New Database…"));
    open_db_action_->setText(tr("Open &Database…"));
    export_action_->setText(tr("&Export Results…"));
    quit_action_->setText(tr("&Quit"));
    find_action_->setText(tr("&Find in Results"));
    settings_action_->setText(tr("&Settings…"));
    extract_all_action_->setText(tr("Extract &All Documents"));
    extract_document_action_->setText(tr("Extract This &Document"));
    pause_action_->setText(queue_->paused() ? tr("&Resume") : tr("&Pause"));
    cancel_action_->setText(tr("&Cancel Batch"));
    zoom_in_action_->setText(tr("Zoom &In"));
    zoom_out_action_->setText(tr("Zoom &Out"));
    fit_width_action_->setText(tr("Fit &Width"));
    fit_page_action_->setText(tr("Fit &Page"));
    next_page_action_->setText(tr("&Next Page"));
    previous_page_action_->setText(tr("Pre&vious Page"));
    help_action_->setText(tr("ClauseLens &Help"));
    about_action_->setText(tr("&About ClauseLens"));
    no_model_text_->setText(
        tr("<b>No model is set.</b> Documents are still read, segmented and searchable. To "
           "extract clauses, choose a GGUF model (for example Qwen2.5-3B-Instruct at Q4_K_M) "
           "in Edit → Settings → Model."));
    build_menus();
    update_recent_menus();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange && documents_dock_ != nullptr) {
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::connect_queue() {
    connect(queue_, &BatchQueue::database_failed, this, [this](const QString& message) {
        QMessageBox::critical(this, tr("Database"), message);
    });
    connect(queue_, &BatchQueue::documents_changed, this, &MainWindow::schedule_reload);
    connect(queue_, &BatchQueue::results_changed, this, &MainWindow::schedule_reload);
    connect(queue_, &BatchQueue::document_state_changed, this,
            [this](qint64 id, const QString& path, const QString& state) {
                if (const auto d = queue_->document(path)) {
                    documents_->set_batch_state(*d, state);
                } else {
                    BatchDocument doc;
                    doc.id = id;
                    doc.path = path;
                    doc.state = DocumentState::ingested;
                    documents_->set_batch_state(doc, state);
                }
            });
    connect(queue_, &BatchQueue::overall_progress, this,
            [this](double fraction, double eta, double tps, const QString& current) {
                progress_bar_->show();
                progress_bar_->setValue(qRound(fraction * 1000.0));
                progress_label_->setText(
                    tps > 0 ? tr("%1% · ETA %2 · %3 tokens/s · %4")
                                  .arg(qRound(fraction * 100.0))
                                  .arg(eta_text(eta))
                                  .arg(qRound(tps))
                                  .arg(current)
                            : tr("%1% · %2").arg(qRound(fraction * 100.0)).arg(current));
            });
    connect(queue_, &BatchQueue::batch_started, this, [this] {
        batch_dock_->show();
        update_actions();
    });
    connect(queue_, &BatchQueue::batch_finished, this, [this](const QString& summary) {
        if (queue_->model_loaded()) {
            results_dock_->raise(); // what the batch found
        }
        progress_bar_->hide();
        progress_label_->clear();
        statusBar()->showMessage(summary, 15000);
        schedule_reload();
        update_actions();
    });
    connect(queue_, &BatchQueue::busy_changed, this, [this] { update_actions(); });
    connect(queue_, &BatchQueue::paused_changed, this, [this](bool paused) {
        pause_action_->setText(paused ? tr("&Resume") : tr("&Pause"));
        pause_action_->setIcon(QApplication::style()->standardIcon(paused ? QStyle::SP_MediaPlay
                                                                          : QStyle::SP_MediaPause));
    });
    connect(queue_, &BatchQueue::model_state_changed, this, &MainWindow::update_model_state);
    connect(queue_, &BatchQueue::model_loading, this, [this](const QString& what) {
        // Not modal: results can be reviewed while the model loads.
        if (model_progress_ == nullptr) {
            model_progress_ = new QProgressDialog(this);
            model_progress_->setObjectName(QStringLiteral("ModelProgress"));
            model_progress_->setWindowTitle(tr("Loading the model"));
            model_progress_->setWindowModality(Qt::NonModal);
            model_progress_->setRange(0, 0);
            model_progress_->setCancelButton(nullptr);
            model_progress_->setMinimumDuration(0);
            model_progress_->setAutoClose(false);
            model_progress_->setAutoReset(false);
        }
        model_progress_->setLabelText(
            tr("%1\nThe model is loaded onto the device and the clause library's prompt is "
               "evaluated once.")
                .arg(what));
        model_progress_->show();
    });
    connect(queue_, &BatchQueue::password_needed, this, [this](const QString& path) {
        if (!pending_passwords_.contains(path)) {
            pending_passwords_ << path;
        }
        // Asked after this signal returns, one file at a time.
        QTimer::singleShot(0, this, &MainWindow::ask_next_password);
    });
    connect(queue_, &BatchQueue::classified, this, &MainWindow::on_classified);
    connect(queue_, &BatchQueue::classify_failed, this,
            [this](quint64 ticket, const QString& message) {
                if (ticket == classify_ticket_) {
                    popup_->show_failure(message);
                    place_popup();
                }
            });
    connect(queue_, &BatchQueue::classification_stored, this, [this](qint64 extraction_id) {
        statusBar()->showMessage(tr("The clause is stored as an accepted result."), 8000);
        reload_from_store();
        results_->select_extraction(extraction_id);
    });
    connect(queue_, &BatchQueue::classification_store_failed, this, [this](const QString& message) {
        QMessageBox::warning(this, tr("Storing the result"), message);
    });
}

void MainWindow::restore_layout() {
    const QByteArray geometry = settings_->window_geometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        resize(1280, 820);
    }
    const QByteArray state = settings_->window_state();
    if (state.isEmpty() || !restoreState(state)) {
        // First start: the page gets most of the room. Docks take sizes only
        // once the window is laid out.
        QTimer::singleShot(0, this, [this] {
            resizeDocks({documents_dock_}, {width() / 4}, Qt::Horizontal);
            resizeDocks({results_dock_}, {height() * 3 / 10}, Qt::Vertical);
        });
    }
}

// --- databases and documents ---

bool MainWindow::open_database(const QString& path) {
    try {
        core::Store store = core::Store::open(path);
        store_.emplace(std::move(store));
    } catch (const std::exception& e) {
        QMessageBox::critical(
            this, tr("Opening the database"),
            tr("ClauseLens cannot open %1:\n%2")
                .arg(QDir::toNativeSeparators(path), QString::fromUtf8(e.what())));
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    settings_->set_current_database(absolute);
    settings_->add_recent_database(absolute);
    queue_->open_database(absolute);
    segment_cache_.clear();
    shown_document_ = 0;
    page_view_->clear();
    documents_->clear();
    results_->set_store(&*store_, absolute);
    reload_from_store();
    update_recent_menus();
    setWindowFilePath(absolute);
    setWindowTitle(tr("ClauseLens — %1").arg(QFileInfo(absolute).fileName()));
    return true;
}

QString MainWindow::database_path() const {
    return store_ ? store_->path() : QString();
}

void MainWindow::add_paths(const QStringList& files_or_folders) {
    if (files_or_folders.isEmpty() || !store_) {
        return;
    }
    for (const QString& p : files_or_folders) {
        if (QFileInfo(p).isFile()) {
            settings_->add_recent_file(QFileInfo(p).absoluteFilePath());
        }
    }
    update_recent_menus();
    queue_->add(files_or_folders);
    batch_dock_->show();
    batch_dock_->raise();
}

void MainWindow::schedule_reload() {
    if (!reload_timer_->isActive()) {
        reload_timer_->start();
    }
}

void MainWindow::reload_from_store() {
    if (!store_) {
        return;
    }
    try {
        documents_->reload(*store_);
        results_->reload();
        QHash<qint64, int> counts;
        const ResultsModel* model = results_->model();
        for (int r = 0; r < model->rowCount(); ++r) {
            counts[model->row_at(r).document_id] += 1;
        }
        documents_->set_clause_counts(counts);
        QHash<qint64, bool> extracted;
        for (const core::RunInfo& run : store_->runs()) {
            for (const qint64 id : store_->run_document_ids(run.id)) {
                extracted.insert(id, true);
            }
        }
        documents_->set_extracted(extracted);
        segment_cache_.clear();
        if (shown_document_ == 0 && documents_->rowCount() > 0) {
            const QModelIndex first = documents_sorted_->index(0, 0);
            if (documents_sorted_->data(first, DocumentListModel::DocumentIdRole).toLongLong() !=
                0) {
                document_view_->setCurrentIndex(first);
            }
        }
        refresh_highlights();
    } catch (const std::exception& e) {
        statusBar()->showMessage(
            tr("Reading the database failed: %1").arg(QString::fromUtf8(e.what())), 10000);
    }
    update_actions();
}

void MainWindow::on_document_activated(const QModelIndex& index) {
    if (!index.isValid()) {
        return;
    }
    const qint64 id = index.data(DocumentListModel::DocumentIdRole).toLongLong();
    if (id == 0) {
        const QString message = index.siblingAtColumn(0).data(Qt::ToolTipRole).toString();
        statusBar()->showMessage(
            QString(message).replace(QStringLiteral("<br/>"), QStringLiteral(" — ")), 10000);
        return;
    }
    if (id != shown_document_) {
        show_document(id);
    }
}

void MainWindow::show_document(qint64 document_id, int page) {
    if (!store_ || document_id == 0) {
        return;
    }
    if (document_id != shown_document_) {
        const std::optional<core::Document> doc = store_->load_document(document_id);
        if (!doc) {
            return;
        }
        std::vector<QSizeF> sizes;
        for (const core::Page& p : doc->content.pages) {
            sizes.push_back(p.size);
        }
        shown_document_ = document_id;
        popup_->hide();
        page_view_->set_document(document_id, doc->path, sizes, passwords_.value(doc->path));
        const int row = documents_->row_of(document_id);
        if (row >= 0) {
            const QModelIndex source = documents_->index(row, 0);
            const QModelIndex shown = documents_sorted_->mapFromSource(source);
            if (document_view_->currentIndex().row() != shown.row()) {
                const QSignalBlocker block(document_view_->selectionModel());
                document_view_->setCurrentIndex(shown);
            }
        }
        refresh_highlights();
    }
    if (page >= 0) {
        page_view_->set_page(page);
    }
    update_actions();
}

void MainWindow::refresh_highlights() {
    if (!store_ || shown_document_ == 0) {
        return;
    }
    auto it = segment_cache_.find(shown_document_);
    if (it == segment_cache_.end()) {
        it = segment_cache_.insert(shown_document_, store_->segments(shown_document_));
    }
    QHash<qint64, const core::Segment*> by_id;
    const std::vector<core::Store::SegmentSpan> spans = store_->segment_spans(shown_document_);
    for (const core::Store::SegmentSpan& span : spans) {
        for (const core::Segment& s : *it) {
            if (s.index == span.index) {
                by_id.insert(span.id, &s);
                break;
            }
        }
    }
    std::vector<PageHighlight> highlights;
    const ResultsModel* model = results_->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        const core::ExtractionRow& row = model->row_at(r);
        if (row.document_id != shown_document_) {
            continue;
        }
        const core::Segment* segment = by_id.value(row.segment_id);
        if (segment == nullptr) {
            continue;
        }
        // One highlight per page the clause covers.
        std::map<int, std::vector<QRectF>> pages;
        for (const core::Segment::Box& b : segment->boxes) {
            pages[b.page].push_back(b.box);
        }
        for (auto& [page, boxes] : pages) {
            PageHighlight h;
            h.extraction_id = row.extraction_id;
            h.category = row.category;
            h.score = row.score;
            h.status = row.status;
            h.page = page;
            h.boxes = std::move(boxes);
            highlights.push_back(std::move(h));
        }
    }
    page_view_->set_highlights(std::move(highlights));
}

void MainWindow::jump_to_extraction(qint64 extraction_id) {
    const ResultsModel* model = results_->model();
    const int row = model->row_of(extraction_id);
    if (row < 0) {
        return;
    }
    const core::ExtractionRow& r = model->row_at(row);
    show_document(r.document_id, r.page);
    page_view_->flash(extraction_id);
}

// --- the engine ---

void MainWindow::apply_engine_settings() {
    const EngineSettings engine = engine_settings_from(*settings_);
    if (!engine.has_model()) {
        update_model_state(tr("No model — choose one in Settings"), false);
    }
    queue_->set_engine(engine);
}

void MainWindow::update_model_state(const QString& text, bool loaded) {
    if (model_progress_ != nullptr) {
        model_progress_->hide(); // loaded, failed, or another load begins
    }
    model_label_->setText(text);
    model_label_->setToolTip(text);
    no_model_banner_->setVisible(!loaded && !queue_->engine().has_model());
    if (!loaded && queue_->engine().has_model() && !text.isEmpty()) {
        // The model could not be loaded: say so where the user looks.
        statusBar()->showMessage(text, 15000);
    }
    update_actions();
}

void MainWindow::extract_all() {
    if (store_) {
        queue_->extract_documents(core::documents_with_text(*store_, {}));
    }
}

void MainWindow::extract_current() {
    if (shown_document_ != 0) {
        queue_->extract_documents({shown_document_});
    }
}

void MainWindow::on_classified(quint64 ticket, const ClassifyResult& result) {
    if (ticket != classify_ticket_) {
        return;
    }
    popup_->show_result(result);
    place_popup();
}

void MainWindow::place_popup() {
    popup_->adjustSize();
    const int margin = 12;
    const QSize size =
        popup_->sizeHint().boundedTo(page_view_->size() - QSize(2 * margin, 2 * margin));
    popup_->resize(size);
    popup_->move(page_view_->width() - size.width() - margin - 16, margin);
    popup_->raise();
}

void MainWindow::ask_next_password() {
    if (asking_password_ || pending_passwords_.isEmpty()) {
        return;
    }
    asking_password_ = true;
    const QString path = pending_passwords_.takeFirst();
    const std::optional<QString> password = PasswordDialog::ask(this, path);
    asking_password_ = false;
    if (password) {
        passwords_.insert(path, *password);
        queue_->retry_with_password(path, *password);
    }
    if (!pending_passwords_.isEmpty()) {
        QTimer::singleShot(0, this, &MainWindow::ask_next_password);
    }
}

void MainWindow::update_actions() {
    const bool busy = queue_->busy();
    const bool has_docs = documents_->rowCount() > 0;
    const bool can_extract = queue_->engine().has_model() && has_docs;
    extract_all_action_->setEnabled(can_extract);
    extract_document_action_->setEnabled(can_extract && shown_document_ != 0);
    pause_action_->setEnabled(busy);
    cancel_action_->setEnabled(busy);
    const bool has_page = page_view_->page_count() > 0;
    zoom_in_action_->setEnabled(has_page);
    zoom_out_action_->setEnabled(has_page);
    fit_width_action_->setEnabled(has_page);
    fit_page_action_->setEnabled(has_page);
    next_page_action_->setEnabled(has_page && page_view_->page() + 1 < page_view_->page_count());
    previous_page_action_->setEnabled(has_page && page_view_->page() > 0);
    export_action_->setEnabled(store_.has_value());
}

// --- dialogs ---

void MainWindow::open_files_dialog() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add PDF Contracts"), QString(), tr("PDF documents (*.pdf *.PDF)"));
    add_paths(files);
}

void MainWindow::open_folder_dialog() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add a Folder of Contracts"));
    if (!dir.isEmpty()) {
        add_paths({dir});
    }
}

void MainWindow::open_database_dialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Database"), QFileInfo(database_path()).absolutePath(),
        tr("ClauseLens databases (*.db *.sqlite);;All files (*)"));
    if (!path.isEmpty() && !queue_->busy()) {
        open_database(path);
    } else if (!path.isEmpty()) {
        QMessageBox::information(this, tr("Open Database"),
                                 tr("Wait for the running batch to finish or cancel it first."));
    }
}

void MainWindow::new_database_dialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("New Database"),
                                                      QFileInfo(database_path()).absolutePath(),
                                                      tr("ClauseLens databases (*.db)"));
    if (path.isEmpty()) {
        return;
    }
    if (queue_->busy()) {
        QMessageBox::information(this, tr("New Database"),
                                 tr("Wait for the running batch to finish or cancel it first."));
        return;
    }
    open_database(path);
}

void MainWindow::open_settings() {
    SettingsDialog dialog(*settings_, this);
    connect(&dialog, &SettingsDialog::settings_applied, this, &MainWindow::apply_engine_settings);
    dialog.exec();
}

void MainWindow::open_export() {
    if (!store_) {
        return;
    }
    ExportDialog dialog(store_->path(), results_->current_export_filter(), *settings_, this);
    dialog.exec();
}

void MainWindow::show_help() {
    HelpDialog dialog(this);
    dialog.exec();
}

void MainWindow::show_about() {
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::update_recent_menus() {
    if (recent_files_menu_ == nullptr) {
        return;
    }
    recent_files_menu_->clear();
    for (const QString& f : settings_->recent_files()) {
        QAction* a = recent_files_menu_->addAction(QDir::toNativeSeparators(f));
        connect(a, &QAction::triggered, this, [this, f] { add_paths({f}); });
    }
    recent_files_menu_->setEnabled(!recent_files_menu_->isEmpty());
    recent_databases_menu_->clear();
    for (const QString& db : settings_->recent_databases()) {
        QAction* a = recent_databases_menu_->addAction(QDir::toNativeSeparators(db));
        connect(a, &QAction::triggered, this, [this, db] {
            if (!queue_->busy()) {
                open_database(db);
            }
        });
    }
    recent_databases_menu_->setEnabled(!recent_databases_menu_->isEmpty());
}

// --- events ---

void MainWindow::closeEvent(QCloseEvent* event) {
    if (queue_->busy() && !closing_) {
        QMessageBox box(QMessageBox::Question, tr("Quit ClauseLens"), close_question(),
                        QMessageBox::Yes | QMessageBox::No, this);
        box.setObjectName(QStringLiteral("CloseQuestion"));
        box.setDefaultButton(QMessageBox::No);
        if (box.exec() != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    closing_ = true;
    queue_->shutdown();
    settings_->set_window_geometry(saveGeometry());
    settings_->set_window_state(saveState());
    settings_->sync();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppable_paths(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event) {
    if (!droppable_paths(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QStringList paths = droppable_paths(event->mimeData());
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        add_paths(paths);
    }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    // The document list and the page accept drops like the window does.
    if (document_view_ == nullptr || page_view_ == nullptr || popup_ == nullptr) {
        return QMainWindow::eventFilter(watched, event); // still being built
    }
    if (watched == document_view_->viewport() || watched == page_view_->viewport() ||
        watched == page_view_) {
        switch (event->type()) {
        case QEvent::DragEnter:
            dragEnterEvent(static_cast<QDragEnterEvent*>(event));
            return event->isAccepted();
        case QEvent::DragMove:
            dragMoveEvent(static_cast<QDragMoveEvent*>(event));
            return event->isAccepted();
        case QEvent::Drop:
            dropEvent(static_cast<QDropEvent*>(event));
            return true;
        case QEvent::Resize:
            if (watched == page_view_ && popup_->isVisible()) {
                place_popup();
            }
            break;
        default:
            break;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace clauselens::gui
