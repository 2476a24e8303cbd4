#include "core/extraction_setup.h"

#include "core/document_id.h"
#include "core/extraction_prompts.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <set>

namespace clauselens::core {

namespace {

QString text_of(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

ExtractionPrompt extraction_prompt(const ClauseLibrary& library) {
    ExtractionPrompt p;
    std::string system(extraction_system_prompt());
    const std::string marker = "{{library}}";
    if (const size_t at = system.find(marker); at != std::string::npos) {
        system.replace(at, marker.size(), library.prompt_text());
    }
    p.system = system;
    p.user = std::string(extraction_user_prompt());
    p.answer_schema = library.answer_schema();
    for (const ClauseCategory& c : library.categories) {
        p.categories.push_back(c.name.toStdString());
    }
    return p;
}

ExtractionRunSettings extraction_run_settings(const ClauseLibrary& library,
                                              const ExtractorOptions& options,
                                              const Extractor& extractor) {
    ExtractionRunSettings settings;
    settings.model = QFileInfo(QString::fromStdString(options.model.string())).fileName() + " | " +
                     QString::fromStdString(extractor.model_name());
    QStringList adapters;
    for (const std::string& a : options.adapters) {
        adapters << QString::fromStdString(a);
    }
    settings.adapter = adapters.join(QLatin1Char(','));
    settings.library_json = QString::fromUtf8(library.to_json());
    QJsonObject s;
    s[QStringLiteral("prompt_system")] = text_of(extraction_system_prompt());
    s[QStringLiteral("prompt_user")] = text_of(extraction_user_prompt());
    s[QStringLiteral("chat_template")] = QString::fromStdString(options.chat_template);
    s[QStringLiteral("max_answer_tokens")] = static_cast<int>(options.max_answer_tokens);
    if (options.context > 0) {
        s[QStringLiteral("context")] = static_cast<int>(options.context);
    }
    s[QStringLiteral("max_segment_tokens")] = static_cast<int>(options.max_segment_tokens);
    settings.settings_json = QString::fromUtf8(QJsonDocument(s).toJson(QJsonDocument::Compact));
    for (const ClauseCategory& c : library.categories) {
        auto& keys = settings.category_fields[c.name.toStdString()];
        for (const FieldSpec& f : c.fields) {
            keys.push_back(f.key.toStdString());
        }
    }
    return settings;
}

std::vector<qint64> documents_with_text(const Store& store, const QStringList& files) {
    std::vector<qint64> ids;
    std::set<qint64> ok;
    for (const DocumentInfo& d : store.documents()) {
        if (d.status == DocumentStatus::ok) {
            ok.insert(d.id);
            if (files.isEmpty()) {
                ids.push_back(d.id);
            }
        }
    }
    if (files.isEmpty()) {
        return ids;
    }
    std::set<qint64> seen;
    for (const QString& f : files) {
        const auto id = store.find_document(file_sha256(f));
        if (id && ok.contains(*id) && seen.insert(*id).second) {
            ids.push_back(*id);
        }
    }
    return ids;
}

} // namespace clauselens::core
