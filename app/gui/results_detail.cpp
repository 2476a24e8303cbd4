#include "gui/results_detail.h"

#include "gui/category_colors.h"
#include "gui/results_model.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace clauselens::gui {

namespace {

QString value_text(const QJsonValue& value) {
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue& item : value.toArray())
            parts << value_text(item);
        return parts.join(QStringLiteral("; "));
    }
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

} // namespace

ResultsDetail::ResultsDetail(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), where_(new QLabel(this)), score_(new QLabel(this)),
      status_(new QLabel(this)), clause_(new QPlainTextEdit(this)),
      fields_box_(new QGroupBox(tr("Fields"), this)), fields_form_(new QFormLayout),
      no_fields_(new QLabel(tr("This category has no fields."), fields_box_)),
      save_(new QPushButton(tr("&Save fields"), fields_box_)),
      revert_(new QPushButton(tr("Re&vert"), fields_box_)),
      accept_(new QPushButton(tr("&Accept"), this)), reject_(new QPushButton(tr("&Reject"), this)),
      reset_(new QPushButton(tr("Back to &model's answer"), this)) {
    QFont title_font = title_->font();
    title_font.setBold(true);
    title_->setFont(title_font);
    title_->setAccessibleName(tr("Category"));
    title_->setTextFormat(Qt::RichText);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    where_->setAccessibleName(tr("Location"));
    where_->setWordWrap(true);
    where_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    score_->setAccessibleName(tr("Score"));
    status_->setAccessibleName(tr("Status"));

    clause_->setReadOnly(true);
    clause_->setAccessibleName(tr("Clause text"));
    // Tab moves on to the fields instead of being swallowed by the text box.
    clause_->setTabChangesFocus(true);

    accept_->setAccessibleName(tr("Accept result"));
    accept_->setToolTip(tr("The result is right (A in the table)"));
    reject_->setAccessibleName(tr("Reject result"));
    reject_->setToolTip(tr("The result is wrong (R in the table)"));
    reset_->setAccessibleName(tr("Reset to the model's answer"));
    reset_->setToolTip(tr("Undo the review of this result and restore the model's fields"));
    save_->setAccessibleName(tr("Save fields"));
    save_->setToolTip(tr("Store the corrected fields; the model's answer is kept"));
    revert_->setAccessibleName(tr("Revert fields"));
    revert_->setToolTip(tr("Discard the changes in the form"));

    auto* info = new QHBoxLayout;
    info->addWidget(score_);
    info->addWidget(status_);
    info->addStretch(1);

    auto* review = new QHBoxLayout;
    review->addWidget(accept_);
    review->addWidget(reject_);
    review->addWidget(reset_);
    review->addStretch(1);

    auto* field_buttons = new QHBoxLayout;
    field_buttons->addStretch(1);
    field_buttons->addWidget(revert_);
    field_buttons->addWidget(save_);
    auto* fields_layout = new QVBoxLayout(fields_box_);
    fields_layout->addWidget(no_fields_);
    fields_layout->addLayout(fields_form_);
    fields_layout->addLayout(field_buttons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(where_);
    layout->addLayout(info);
    layout->addWidget(clause_, 1);
    layout->addWidget(fields_box_);
    layout->addLayout(review);

    connect(accept_, &QPushButton::clicked, this, &ResultsDetail::accept_requested);
    connect(reject_, &QPushButton::clicked, this, &ResultsDetail::reject_requested);
    connect(reset_, &QPushButton::clicked, this, &ResultsDetail::reset_requested);
    connect(save_, &QPushButton::clicked, this, [this] {
        if (extraction_id_ != 0 && fields_modified())
            emit save_requested(extraction_id_, form_fields_json());
    });
    connect(revert_, &QPushButton::clicked, this, [this] {
        for (FieldEdit& f : fields_)
            f.edit->setText(f.original_text);
        update_buttons();
    });

    show_row(nullptr, nullptr);
}

void ResultsDetail::show_row(const core::ExtractionRow* row, const core::ClauseLibrary* library) {
    if (!row) {
        extraction_id_ = 0;
        title_->setText(tr("No result selected"));
        where_->clear();
        score_->clear();
        status_->clear();
        clause_->clear();
        rebuild_fields({}, nullptr, {});
        no_fields_->setVisible(false);
        setEnabled(false);
        return;
    }
    setEnabled(true);
    // The same result again (its review changed): keep what the user is typing,
    // unless it is what was just saved.
    const auto compact = [](const QString& json) {
        return QJsonDocument::fromJson(json.toUtf8()).toJson(QJsonDocument::Compact);
    };
    const bool keep_form = row->extraction_id == extraction_id_ && fields_modified() &&
                           compact(form_fields_json()) != compact(row->fields_json);
    extraction_id_ = row->extraction_id;
    // The category's colour as on the page highlights.
    title_->setText(QStringLiteral("<span style=\"color:%1\">&#9632;</span> %2")
                        .arg(category_color(row->category).name(), row->category.toHtmlEscaped()));
    where_->setText(row->heading_path.isEmpty()
                        ? tr("%1, page %2").arg(row->document_title).arg(row->page + 1)
                        : tr("%1, page %2, %3")
                              .arg(row->document_title)
                              .arg(row->page + 1)
                              .arg(row->heading_path));
    score_->setText(tr("Score: %1%").arg(row->score * 100.0, 0, 'f', 0));
    status_->setText(tr("Status: %1").arg(ResultsModel::status_text(row->status)));
    // The PDF's line breaks inside a paragraph mean nothing to the reader: the
    // text box wraps the paragraph itself. Paragraph breaks stay.
    QString text = row->clause_text;
    text.replace(QStringLiteral("\n\n"), QStringLiteral("\x01"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\x01'), QStringLiteral("\n\n"));
    if (clause_->toPlainText() != text)
        clause_->setPlainText(text);
    if (!keep_form) {
        const QJsonDocument fields = QJsonDocument::fromJson(row->fields_json.toUtf8());
        rebuild_fields(fields.object(), library, row->category);
    }
    accept_->setEnabled(row->status != QLatin1String("accepted") &&
                        row->status != QLatin1String("edited"));
    reject_->setEnabled(row->status != QLatin1String("rejected"));
    reset_->setEnabled(row->status != QLatin1String("auto"));
}

void ResultsDetail::rebuild_fields(const QJsonObject& fields, const core::ClauseLibrary* library,
                                   const QString& category) {
    while (fields_form_->rowCount() > 0)
        fields_form_->removeRow(0);
    fields_.clear();
    // The library's fields first, in its order, then any other key the answer has.
    std::vector<const core::FieldSpec*> specs;
    if (library) {
        if (const core::ClauseCategory* c = library->find(category)) {
            for (const core::FieldSpec& spec : c->fields)
                specs.push_back(&spec);
        }
    }
    auto add = [this, &fields](const QString& key, const QString& label, const QString& tip,
                               bool list) {
        FieldEdit f;
        f.key = key;
        f.original = fields.value(key);
        f.list = list || f.original.isArray();
        f.original_text = value_text(f.original);
        f.edit = new QLineEdit(f.original_text, fields_box_);
        f.edit->setAccessibleName(label);
        f.edit->setToolTip(tip);
        if (f.list)
            f.edit->setPlaceholderText(tr("Names separated by ;"));
        connect(f.edit, &QLineEdit::textChanged, this, &ResultsDetail::update_buttons);
        connect(f.edit, &QLineEdit::returnPressed, save_, &QPushButton::click);
        fields_form_->addRow(label + QLatin1Char(':'), f.edit);
        // A layout shows a new child only once events run; F2 may come first.
        f.edit->show();
        fields_.push_back(f);
    };
    QStringList seen;
    for (const core::FieldSpec* spec : specs) {
        add(spec->key, spec->label.isEmpty() ? spec->key : spec->label,
            spec->description.isEmpty()
                ? core::field_type_name(spec->type)
                : tr("%1 (%2)").arg(spec->description, core::field_type_name(spec->type)),
            spec->type == core::FieldType::party_list);
        seen << spec->key;
    }
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!seen.contains(it.key()))
            add(it.key(), it.key(), {}, false);
    }
    no_fields_->setVisible(fields_.empty());
    update_buttons();
}

bool ResultsDetail::fields_modified() const {
    for (const FieldEdit& f : fields_) {
        if (f.edit->text() != f.original_text)
            return true;
    }
    return false;
}

QString ResultsDetail::form_fields_json() const {
    QJsonObject object;
    for (const FieldEdit& f : fields_) {
        const QString text = f.edit->text();
        if (text == f.original_text) {
            if (!f.original.isUndefined())
                object.insert(f.key, f.original);
            continue;
        }
        if (f.list) {
            QJsonArray items;
            for (const QString& part : text.split(QLatin1Char(';'))) {
                if (!part.trimmed().isEmpty())
                    items.append(part.trimmed());
            }
            object.insert(f.key, items);
        } else {
            object.insert(f.key, text.trimmed());
        }
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void ResultsDetail::focus_fields() {
    if (!fields_.empty()) {
        fields_.front().edit->setFocus(Qt::ShortcutFocusReason);
        fields_.front().edit->selectAll();
    }
}

QLineEdit* ResultsDetail::field_edit(const QString& key) const {
    for (const FieldEdit& f : fields_) {
        if (f.key == key)
            return f.edit;
    }
    return nullptr;
}

void ResultsDetail::update_buttons() {
    const bool modified = fields_modified();
    save_->setEnabled(modified);
    revert_->setEnabled(modified);
}

} // namespace clauselens::gui
