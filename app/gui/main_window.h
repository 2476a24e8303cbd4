#pragma once
// The analyst's window: documents on the left, the page in the centre, the
// results and the batch below. It owns the GUI thread's read connection to the
// store and wires the parts together; all work that could take time (Poppler,
// the engine, writes to the store) happens in the parts' workers.

#include "core/store.h"
#include "gui/engine_types.h"
#include "gui/settings_store.h"

#include <QHash>
#include <QMainWindow>
#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QProgressDialog;
class QTimer;
class QTreeView;
class QSortFilterProxyModel;

namespace clauselens::gui {

class BatchPanel;
class BatchQueue;
class ClassificationPopup;
class DocumentListModel;
class PageView;
class ResultsPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // settings_ini: where settings live (tests pass their own); empty: the
    // platform's place for ClauseLens.
    explicit MainWindow(const QString& settings_ini = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens (creating if needed) a database and shows its documents and results.
    bool open_database(const QString& path);
    QString database_path() const;
    // Adds PDFs and folders: ingestion, then extraction when a model is set.
    void add_paths(const QStringList& files_or_folders);
    // Shows a stored document, optionally at a page (0-based).
    void show_document(qint64 document_id, int page = -1);
    // Goes to an extraction's page and flashes its highlight.
    void jump_to_extraction(qint64 extraction_id);
    // Applies the engine settings saved in AppSettings (after the dialog).
    void apply_engine_settings();
    void open_settings();
    void open_export();

    AppSettings& settings() { return *settings_; }
    BatchQueue* queue() const { return queue_; }
    PageView* page_view() const { return page_view_; }
    ResultsPanel* results() const { return results_; }
    BatchPanel* batch_panel() const { return batch_panel_; }
    DocumentListModel* documents() const { return documents_; }
    QTreeView* document_view() const { return document_view_; }
    ClassificationPopup* classification_popup() const { return popup_; }
    const core::Store* store() const { return store_ ? &*store_ : nullptr; }
    QLabel* model_label() const { return model_label_; }
    QWidget* no_model_banner() const { return no_model_banner_; }
    // Whether closing asks before stopping a running batch (tests answer it).
    static QString close_question();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void build_actions();
    void build_menus();
    void build_docks();
    void build_status_bar();
    void connect_queue();
    void restore_layout();
    void update_recent_menus();
    void update_model_state(const QString& text, bool loaded);
    void update_actions();
    void schedule_reload();
    void reload_from_store();
    void refresh_highlights();
    void on_document_activated(const QModelIndex& index);
    void on_classified(quint64 ticket, const ClassifyResult& result);
    void ask_next_password();
    void place_popup();
    void open_files_dialog();
    void open_folder_dialog();
    void open_database_dialog();
    void new_database_dialog();
    void extract_all();
    void extract_current();
    void show_help();
    void show_about();
    void retranslate();

    std::unique_ptr<AppSettings> settings_;
    std::optional<core::Store> store_;
    BatchQueue* queue_ = nullptr;
    DocumentListModel* documents_ = nullptr;
    QSortFilterProxyModel* documents_sorted_ = nullptr;
    QTreeView* document_view_ = nullptr;
    PageView* page_view_ = nullptr;
    ResultsPanel* results_ = nullptr;
    BatchPanel* batch_panel_ = nullptr;
    ClassificationPopup* popup_ = nullptr;
    QWidget* no_model_banner_ = nullptr;
    QLabel* no_model_text_ = nullptr;
    QDockWidget* documents_dock_ = nullptr;
    QDockWidget* results_dock_ = nullptr;
    QDockWidget* batch_dock_ = nullptr;
    QLabel* model_label_ = nullptr;
    QLabel* progress_label_ = nullptr;
    QProgressBar* progress_bar_ = nullptr;
    QLabel* page_label_ = nullptr;
    QTimer* reload_timer_ = nullptr;
    QProgressDialog* model_progress_ = nullptr;

    QMenu* recent_files_menu_ = nullptr;
    QMenu* recent_databases_menu_ = nullptr;
    QAction* open_action_ = nullptr;
    QAction* open_folder_action_ = nullptr;
    QAction* new_db_action_ = nullptr;
    QAction* open_db_action_ = nullptr;
    QAction* export_action_ = nullptr;
    QAction* quit_action_ = nullptr;
    QAction* find_action_ = nullptr;
    QAction* settings_action_ = nullptr;
    QAction* extract_all_action_ = nullptr;
    QAction* extract_document_action_ = nullptr;
    QAction* pause_action_ = nullptr;
    QAction* cancel_action_ = nullptr;
    QAction* zoom_in_action_ = nullptr;
    QAction* zoom_out_action_ = nullptr;
    QAction* fit_width_action_ = nullptr;
    QAction* fit_page_action_ = nullptr;
    QAction* next_page_action_ = nullptr;
    QAction* previous_page_action_ = nullptr;
    QAction* help_action_ = nullptr;
    QAction* about_action_ = nullptr;

    qint64 shown_document_ = 0;
    QHash<qint64, std::vector<core::Segment>> segment_cache_;
    QHash<QString, QString> passwords_; // given in this session, for rendering
    QStringList pending_passwords_;
    bool asking_password_ = false;
    quint64 classify_ticket_ = 0;
    bool closing_ = false;
};

} // namespace clauselens::gui
