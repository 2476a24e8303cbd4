#include "core/extraction_run.h"

#include <QElapsedTimer>
#include <nlohmann/json.hpp>

namespace clauselens::core {

std::vector<ExtractionRecord> records_of(const SegmentAnswer& answer, qint64 segment_id,
                                         const ExtractionRunSettings& settings) {
    std::vector<ExtractionRecord> out;
    for (const CategoryScore& s : answer.scores) {
        nlohmann::json fields = nlohmann::json::object();
        if (s.chosen) {
            const auto keys = settings.category_fields.find(s.category);
            if (keys != settings.category_fields.end()) {
                for (const std::string& key : keys->second) {
                    const auto value = answer.fields.find(key);
                    if (value != answer.fields.end()) {
                        fields[key] = nlohmann::json::parse(value->second);
                    }
                }
            }
        }
        out.push_back({segment_id, QString::fromStdString(s.category),
                       QString::fromStdString(fields.dump()), s.score, s.chosen});
    }
    return out;
}

ExtractionSummary run_extraction(Store& store, Extractor& extractor,
                                 const ExtractionRunSettings& settings,
                                 const std::vector<qint64>& document_ids,
                                 const std::function<void(const ExtractionProgress&)>& progress,
                                 const std::atomic<bool>* cancel) {
    ExtractionSummary summary;
    if (const auto run = store.unfinished_run(settings.model, settings.adapter,
                                              settings.library_json, settings.settings_json)) {
        summary.run_id = *run;
        summary.resumed = true;
    } else {
        summary.run_id = store.add_run(settings.model, settings.adapter, settings.library_json,
                                       settings.settings_json);
    }

    ExtractionProgress p;
    p.run_id = summary.run_id;
    p.documents_total = static_cast<int>(document_ids.size());
    std::vector<qint64> todo;
    for (const qint64 id : document_ids) {
        if (store.run_has_document(summary.run_id, id)) {
            ++summary.documents_skipped;
            ++p.documents_done;
        } else {
            todo.push_back(id);
            p.segments_total += static_cast<qint64>(store.segment_spans(id).size());
        }
    }
    QElapsedTimer clock;
    clock.start();
    const uint64_t tokens_before = extractor.tokens_evaluated();
    for (const qint64 id : todo) {
        if (cancel != nullptr && cancel->load()) {
            summary.cancelled = true;
            break;
        }
        const std::vector<Segment> segments = store.segments(id);
        const std::vector<Store::SegmentSpan> spans = store.segment_spans(id);
        std::vector<std::string> texts;
        for (const Segment& s : segments) {
            texts.push_back(s.text.toStdString());
        }
        const auto info = store.load_document(id);
        p.current = info ? info->title : QString::number(id);
        p.document_id = id;
        if (progress) {
            progress(p);
        }
        // The document's answers come in batches; progress after each.
        std::vector<SegmentAnswer> answers;
        const size_t step = 64;
        for (size_t first = 0; first < texts.size() && !(cancel && cancel->load()); first += step) {
            const std::vector<std::string> part(
                texts.begin() + static_cast<std::ptrdiff_t>(first),
                texts.begin() + static_cast<std::ptrdiff_t>(std::min(texts.size(), first + step)));
            for (SegmentAnswer& a : extractor.extract(part, cancel)) {
                answers.push_back(std::move(a));
            }
            p.segments_done += static_cast<qint64>(part.size());
            p.tokens = extractor.tokens_evaluated() - tokens_before;
            p.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
            if (progress) {
                progress(p);
            }
        }
        if (answers.size() < texts.size()) {
            // Cancelled inside the document: nothing of it is stored, and
            // the next run does it again whole.
            summary.cancelled = true;
            break;
        }
        std::vector<ExtractionRecord> records;
        for (size_t i = 0; i < answers.size(); ++i) {
            for (ExtractionRecord& r : records_of(answers[i], spans[i].id, settings)) {
                summary.categories_found += r.chosen ? 1 : 0;
                records.push_back(std::move(r));
            }
        }
        store.store_run_document(summary.run_id, id, records, static_cast<qint64>(segments.size()));
        ++summary.documents;
        summary.segments += static_cast<qint64>(segments.size());
        ++p.documents_done;
    }
    summary.tokens = extractor.tokens_evaluated() - tokens_before;
    summary.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
    if (!summary.cancelled) {
        store.finish_run(summary.run_id);
    }
    return summary;
}

} // namespace clauselens::core
