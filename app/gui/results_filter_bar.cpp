#include "gui/results_filter_bar.h"

#include "gui/category_colors.h"
#include "gui/results_filter.h"
#include "gui/results_model.h"

#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPixmap>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>

namespace clauselens::gui {

namespace {

// A small square of the category's colour, as on the page highlights.
QIcon swatch(const QColor& color) {
    QPixmap pixmap(12, 12);
    pixmap.fill(color);
    return QIcon(pixmap);
}

// Selects the item holding data, or the first ("All ...") when none does;
// true when the choice stayed.
bool select_data(QComboBox* box, const QVariant& data) {
    const int found = data.isValid() ? box->findData(data) : -1;
    box->setCurrentIndex(found >= 0 ? found : 0);
    return found >= 0 || !data.isValid();
}

} // namespace

ResultsFilterBar::ResultsFilterBar(ResultsFilter* filter, QWidget* parent)
    : QWidget(parent), filter_(filter), run_(new QComboBox(this)), category_(new QComboBox(this)),
      document_(new QComboBox(this)), status_(new QToolButton(this)),
      min_score_(new QSpinBox(this)), search_(new QLineEdit(this)), count_(new QLabel(this)),
      note_(new QLabel(this)) {
    search_->setPlaceholderText(tr("Search clause text (Ctrl+F)"));
    search_->setClearButtonEnabled(true);
    search_->setAccessibleName(tr("Search results"));
    search_->setToolTip(tr("Full-text search: words, \"exact phrases\", AND, OR, NOT, prefix*"));

    run_->setAccessibleName(tr("Extraction run"));
    // Long file names must not push the other filters out of a narrow panel.
    run_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    run_->setMinimumContentsLength(24);
    run_->setVisible(false); // shown once there is more than one run to choose from
    category_->setAccessibleName(tr("Category filter"));
    category_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    category_->setMinimumContentsLength(18);
    category_->addItem(tr("All categories"));
    document_->setAccessibleName(tr("Document filter"));
    document_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    document_->setMinimumContentsLength(24);
    document_->addItem(tr("All documents"));

    status_->setAccessibleName(tr("Status filter"));
    status_->setPopupMode(QToolButton::InstantPopup);
    status_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* menu = new QMenu(status_);
    const std::pair<const char*, QString> statuses[] = {
        {"auto", ResultsModel::status_text(QStringLiteral("auto"))},
        {"accepted", ResultsModel::status_text(QStringLiteral("accepted"))},
        {"edited", ResultsModel::status_text(QStringLiteral("edited"))},
        {"rejected", ResultsModel::status_text(QStringLiteral("rejected"))},
    };
    for (const auto& [status, text] : statuses) {
        QAction* action = menu->addAction(swatch(status_color(QLatin1String(status))), text);
        action->setCheckable(true);
        connect(action, &QAction::toggled, this, &ResultsFilterBar::apply_statuses);
        status_actions_.emplace_back(QLatin1String(status), action);
    }
    status_->setMenu(menu);

    min_score_->setRange(0, 100);
    min_score_->setSuffix(tr("%"));
    min_score_->setAccessibleName(tr("Minimum score"));
    min_score_->setToolTip(tr("Hide results the model is less confident about"));
    auto* min_score_label = new QLabel(tr("Min. &score:"), this);
    min_score_label->setBuddy(min_score_);

    count_->setAccessibleName(tr("Results shown"));
    note_->setAccessibleName(tr("Search note"));
    note_->setVisible(false);

    auto* top = new QHBoxLayout;
    top->addWidget(search_, 1);
    top->addWidget(count_);
    auto* filters = new QHBoxLayout;
    filters->addWidget(run_);
    filters->addWidget(category_);
    filters->addWidget(document_);
    filters->addWidget(status_);
    filters->addWidget(min_score_label);
    filters->addWidget(min_score_);
    filters->addStretch(1);
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top, 0, 0);
    layout->addLayout(filters, 1, 0);
    layout->addWidget(note_, 2, 0);

    apply_statuses(); // the button's text

    connect(category_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->set_category(category_->currentData().toString()); });
    connect(document_, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant id = document_->currentData();
        filter_->set_document(id.isValid() ? std::optional<qint64>(id.toLongLong()) : std::nullopt);
    });
    connect(run_, &QComboBox::currentIndexChanged, this, &ResultsFilterBar::run_changed);
    connect(min_score_, &QSpinBox::valueChanged, this,
            [this](int percent) { filter_->set_min_score(percent / 100.0); });
    // Search once typing pauses: one query per word typed would be wasted work.
    search_timer_.setSingleShot(true);
    search_timer_.setInterval(250);
    connect(&search_timer_, &QTimer::timeout, this, &ResultsFilterBar::apply_search);
    connect(search_, &QLineEdit::textChanged, this, [this] { search_timer_.start(); });
    connect(search_, &QLineEdit::returnPressed, this, &ResultsFilterBar::search_now);
}

void ResultsFilterBar::set_store(const core::Store* store) {
    store_ = store;
    search_->setEnabled(store_ != nullptr);
    if (!search_->text().trimmed().isEmpty())
        search_now();
}

void ResultsFilterBar::refresh_choices(const ResultsModel& model,
                                       const std::vector<core::RunInfo>& runs) {
    {
        const QSignalBlocker block(run_);
        const QVariant chosen = run_->currentData();
        run_->clear();
        run_->addItem(tr("All runs"));
        for (const core::RunInfo& run : runs) {
            QString model_name = run.model.section(QLatin1Char('/'), -1);
            if (!run.adapter.isEmpty())
                model_name += QStringLiteral(" + ") + run.adapter.section(QLatin1Char('/'), -1);
            run_->addItem(
                tr("Run %1: %2 (%3)").arg(run.id).arg(model_name, run.started_at.left(10)), run.id);
        }
        select_data(run_, chosen);
        run_->setVisible(runs.size() > 1);
    }
    {
        const QSignalBlocker block(category_);
        const QVariant chosen = category_->currentData();
        category_->clear();
        category_->addItem(tr("All categories"));
        for (const QString& category : model.categories())
            category_->addItem(swatch(category_color(category)), category, category);
        if (!select_data(category_, chosen))
            filter_->set_category({});
    }
    {
        const QSignalBlocker block(document_);
        const QVariant chosen = document_->currentData();
        document_->clear();
        document_->addItem(tr("All documents"));
        for (const auto& [id, title] : model.documents())
            document_->addItem(title, id);
        if (!select_data(document_, chosen))
            filter_->set_document(std::nullopt);
    }
}

std::optional<qint64> ResultsFilterBar::run() const {
    const QVariant id = run_->currentData();
    return id.isValid() ? std::optional<qint64>(id.toLongLong()) : std::nullopt;
}

void ResultsFilterBar::set_counts(int shown, int total) {
    count_->setText(shown == total ? tr("%n result(s)", nullptr, total)
                                   : tr("%1 of %n result(s)", nullptr, total).arg(shown));
}

void ResultsFilterBar::focus_search() {
    search_->setFocus(Qt::ShortcutFocusReason);
    search_->selectAll();
}

void ResultsFilterBar::search_now() {
    search_timer_.stop();
    apply_search();
}

QAction* ResultsFilterBar::status_action(const QString& status) const {
    for (const auto& [name, action] : status_actions_) {
        if (name == status)
            return action;
    }
    return nullptr;
}

void ResultsFilterBar::apply_statuses() {
    QSet<QString> statuses;
    QStringList names;
    for (const auto& [status, action] : status_actions_) {
        if (action->isChecked()) {
            statuses.insert(status);
            names << ResultsModel::status_text(status);
        }
    }
    // Every status ticked is the same as none: no filter.
    if (statuses.size() == static_cast<qsizetype>(status_actions_.size()))
        statuses.clear();
    status_->setText(statuses.isEmpty() ? tr("Status: all")
                                        : tr("Status: %1").arg(names.join(QStringLiteral(", "))));
    filter_->set_statuses(statuses);
}

void ResultsFilterBar::apply_search() {
    QString note;
    if (!store_ || search_->text().trimmed().isEmpty()) {
        filter_->clear_search();
    } else {
        const ResultsFilter::SearchOutcome outcome = filter_->set_search(*store_, search_->text());
        if (!outcome.message.isEmpty())
            note = tr("Search failed: %1").arg(outcome.message);
        else if (outcome.as_phrase)
            note = tr("Searched for the exact phrase (the text is not a search expression).");
    }
    note_->setText(note);
    note_->setVisible(!note.isEmpty());
    emit search_note(note);
}

} // namespace clauselens::gui
