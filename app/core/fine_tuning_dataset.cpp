#include "core/fine_tuning_dataset.h"

#include "core/extraction_setup.h"
#include "sample/grammar.h"
#include "sample/json_schema.h"

#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

namespace clauselens::core {

namespace {

using Json = nlohmann::ordered_json;

bool is_reviewed(const QString& status) {
    return status != QLatin1String("auto");
}

bool is_accepted(const QString& status) {
    return status == QLatin1String("accepted") || status == QLatin1String("edited");
}

// The reviewed results of one segment, as the store lists them.
struct SegmentRows {
    qint64 document_id = 0;
    qint64 segment_id = 0;
    std::string text;
    std::vector<ExtractionRow> rows;
};

// All results of the run, grouped by segment in store order (document,
// segment order), keeping only segments with a review decision.
std::vector<SegmentRows> reviewed_segments(const Store& store, qint64 run_id) {
    std::vector<SegmentRows> segments;
    ExtractionFilter filter;
    filter.run_id = run_id;
    filter.include_passed_over = true; // a reviewer may accept a category the model passed over
    store.for_each_extraction(filter, [&](const ExtractionRow& row) {
        if (segments.empty() || segments.back().segment_id != row.segment_id) {
            segments.push_back(
                {row.document_id, row.segment_id, row.clause_text.toStdString(), {}});
        }
        segments.back().rows.push_back(row);
    });
    std::erase_if(segments, [](const SegmentRows& s) {
        return std::none_of(s.rows.begin(), s.rows.end(),
                            [](const ExtractionRow& r) { return is_reviewed(r.status); });
    });
    return segments;
}

qint64 latest_reviewed_run(const Store& store) {
    const std::vector<RunInfo> runs = store.runs();
    if (runs.empty()) {
        throw DatasetError("the database " + store.path().toStdString() +
                           " has no extraction runs: extract clauses first (clauselens-cli "
                           "extract), then review the results (clauselens-cli review)");
    }
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
        bool reviewed = false;
        ExtractionFilter filter;
        filter.run_id = run->id;
        filter.include_passed_over = true;
        store.for_each_extraction(filter, [&](const ExtractionRow& row) {
            reviewed = reviewed || is_reviewed(row.status);
        });
        if (reviewed) {
            return run->id;
        }
    }
    throw DatasetError("no run in " + store.path().toStdString() +
                       " has reviewed results: accept, edit or reject results first "
                       "(clauselens-cli review), then write the dataset");
}

// The library's field keys of each category, and every category's position.
struct LibraryIndex {
    std::map<std::string, std::set<std::string>> fields; // category -> its keys
    std::map<std::string, size_t> category_order;
    std::map<std::string, size_t> field_order;

    explicit LibraryIndex(const ClauseLibrary& library) {
        for (const ClauseCategory& c : library.categories) {
            const std::string name = c.name.toStdString();
            category_order.emplace(name, category_order.size());
            auto& keys = fields[name];
            for (const FieldSpec& f : c.fields) {
                keys.insert(f.key.toStdString());
                field_order.emplace(f.key.toStdString(), field_order.size());
            }
        }
    }
};

std::string row_name(const ExtractionRow& row) {
    return "result " + std::to_string(row.extraction_id) + " (" + row.category.toStdString() +
           ", " + row.document_title.toStdString() + " page " + std::to_string(row.page + 1) + ")";
}

// The example of one reviewed segment, or the reason it is left out.
struct Built {
    std::optional<DatasetExample> example;
    std::string skipped;
};

Built build_example(const SegmentRows& segment, const ExtractionPrompt& prompt,
                    const ClauseLibrary& library, const LibraryIndex& index,
                    const sample::Grammar& grammar, bool reviewed_only,
                    std::vector<std::string>& skipped) {
    std::set<std::string> rejected;
    for (const ExtractionRow& row : segment.rows) {
        if (row.status == QLatin1String("rejected")) {
            rejected.insert(row.category.toStdString());
        }
    }
    std::set<std::string> named;
    std::vector<std::pair<std::string, std::string>> fields;
    for (const ExtractionRow& row : segment.rows) {
        const std::string category = row.category.toStdString();
        const bool take =
            is_accepted(row.status) || (row.status == QLatin1String("auto") && row.chosen &&
                                        !reviewed_only && !rejected.contains(category));
        if (!take || named.contains(category)) {
            continue;
        }
        const auto keys = index.fields.find(category);
        if (keys == index.fields.end()) {
            skipped.push_back(row_name(row) + ": the clause library '" +
                              library.name.toStdString() +
                              "' has no such category; the result is left out");
            continue;
        }
        Json values;
        try {
            values = Json::parse(row.fields_json.isEmpty() ? std::string("{}")
                                                           : row.fields_json.toStdString());
        } catch (const Json::exception&) {
            return {{},
                    row_name(row) + ": its fields are not JSON; edit them (clauselens-cli "
                                    "review --edit) to write this segment's example"};
        }
        if (!values.is_object()) {
            return {{},
                    row_name(row) + ": its fields are not a JSON object; edit them "
                                    "(clauselens-cli review --edit)"};
        }
        for (const auto& [key, value] : values.items()) {
            if (!keys->second.contains(key)) {
                return {{},
                        row_name(row) + ": '" + key + "' is not a field of " + category +
                            " in the clause library; edit the fields (clauselens-cli "
                            "review --edit) to write this segment's example"};
            }
            if (!value.is_null()) { // an edit that clears a value
                fields.emplace_back(key, value.dump());
            }
        }
        named.insert(category);
    }

    DatasetExample e;
    e.document_id = segment.document_id;
    e.segment_id = segment.segment_id;
    e.system = prompt.system;
    e.user = prompt.user_message(segment.text);
    for (const std::string& c : rejected) {
        if (!named.contains(c)) {
            ++e.negatives;
        }
    }
    e.categories.assign(named.begin(), named.end());
    std::sort(e.categories.begin(), e.categories.end(), [&](const auto& a, const auto& b) {
        return index.category_order.at(a) < index.category_order.at(b);
    });
    std::sort(fields.begin(), fields.end(), [&](const auto& a, const auto& b) {
        return index.field_order.at(a.first) < index.field_order.at(b.first);
    });
    e.answer = answer_json(e.categories, fields);

    // The grammar constrained decoding uses: an answer it would not let the
    // model write would teach the model something it can never answer.
    sample::GrammarState state(grammar);
    if (!state.advance(e.answer) || !state.complete()) {
        return {{},
                "segment " + std::to_string(segment.segment_id) + " of " +
                    segment.rows.front().document_title.toStdString() + ": the answer " + e.answer +
                    " does not fit the clause library's answer schema (too many "
                    "categories, or a field value too long or of the wrong type); edit "
                    "the fields (clauselens-cli review --edit)"};
    }
    return {std::move(e), {}};
}

// Documents in a fixed order that does not depend on database ids, then
// shuffled with the seed by a Fisher-Yates shuffle whose steps are fixed here
// (std::shuffle's are not), so a seed names the same split everywhere.
std::vector<DatasetDocument> shuffled(std::vector<DatasetDocument> documents, uint64_t seed) {
    std::sort(
        documents.begin(), documents.end(),
        [](const DatasetDocument& a, const DatasetDocument& b) { return a.sha256 < b.sha256; });
    std::mt19937_64 rng(seed);
    for (size_t i = documents.size(); i > 1; --i) {
        const size_t j = static_cast<size_t>(rng() % i);
        std::swap(documents[i - 1], documents[j]);
    }
    return documents;
}

} // namespace

std::string DatasetExample::jsonl() const {
    Json messages = Json::array();
    messages.push_back(Json{{"role", "system"}, {"content", system}});
    messages.push_back(Json{{"role", "user"}, {"content", user}});
    messages.push_back(Json{{"role", "assistant"}, {"content", answer}});
    return Json{{"messages", std::move(messages)}}.dump();
}

qint64 DatasetPart::positives() const {
    qint64 n = 0;
    for (const DatasetExample& e : examples) {
        n += static_cast<qint64>(e.categories.size());
    }
    return n;
}

qint64 DatasetPart::negatives() const {
    qint64 n = 0;
    for (const DatasetExample& e : examples) {
        n += e.negatives;
    }
    return n;
}

qint64 DatasetPart::empty_answers() const {
    return std::count_if(examples.begin(), examples.end(),
                         [](const DatasetExample& e) { return e.categories.empty(); });
}

std::string answer_json(const std::vector<std::string>& categories,
                        const std::vector<std::pair<std::string, std::string>>& fields) {
    Json answer = Json::object();
    answer["categories"] = categories;
    Json values = Json::object();
    for (const auto& [key, value] : fields) {
        values[key] = Json::parse(value);
    }
    answer["fields"] = std::move(values);
    return answer.dump();
}

FineTuningDataset build_fine_tuning_dataset(const Store& store, const DatasetOptions& options) {
    if (!(options.train_share > 0.0 && options.train_share <= 1.0)) {
        throw DatasetError("the training share must be more than 0 and at most 1");
    }
    FineTuningDataset data;
    if (options.run_id) {
        const std::vector<RunInfo> runs = store.runs();
        if (std::none_of(runs.begin(), runs.end(),
                         [&](const RunInfo& r) { return r.id == *options.run_id; })) {
            throw DatasetError("no run " + std::to_string(*options.run_id) + " in " +
                               store.path().toStdString() +
                               " (clauselens-cli review --list shows the runs' results)");
        }
        data.run_id = *options.run_id;
    } else {
        data.run_id = latest_reviewed_run(store);
    }
    if (options.library) {
        data.library = *options.library;
    } else {
        try {
            data.library = ClauseLibrary::from_json(store.run_library(data.run_id));
        } catch (const ClauseLibraryError& e) {
            throw DatasetError("the clause library stored with run " + std::to_string(data.run_id) +
                               ": " + e.what() + "; give the library with --library");
        }
    }

    const std::vector<SegmentRows> segments = reviewed_segments(store, data.run_id);
    if (segments.empty()) {
        throw DatasetError("run " + std::to_string(data.run_id) +
                           " has no reviewed results: accept, edit or reject some first "
                           "(clauselens-cli review)");
    }
    const ExtractionPrompt prompt = extraction_prompt(data.library);
    const sample::Grammar grammar = sample::compile_json_schema(prompt.answer_schema);
    const LibraryIndex index(data.library);

    std::vector<DatasetExample> examples;
    std::map<qint64, DatasetDocument> documents;
    for (const SegmentRows& segment : segments) {
        Built b = build_example(segment, prompt, data.library, index, grammar,
                                options.reviewed_only, data.skipped);
        if (!b.example) {
            data.skipped.push_back(b.skipped);
            continue;
        }
        const ExtractionRow& row = segment.rows.front();
        documents.try_emplace(segment.document_id,
                              DatasetDocument{row.document_id, row.document_title,
                                              row.document_sha256, row.document_path});
        examples.push_back(std::move(*b.example));
    }

    std::vector<DatasetDocument> order;
    for (const auto& [id, d] : documents) {
        order.push_back(d);
    }
    order = shuffled(std::move(order), options.seed);
    const size_t n_train =
        options.train_share >= 1.0
            ? order.size()
            : std::max<size_t>(1, static_cast<size_t>(std::floor(
                                      options.train_share * static_cast<double>(order.size()))));
    std::set<qint64> train_ids;
    for (size_t i = 0; i < order.size(); ++i) {
        (i < n_train ? data.train : data.held_out).documents.push_back(order[i]);
        if (i < n_train) {
            train_ids.insert(order[i].id);
        }
    }
    for (DatasetExample& e : examples) {
        (train_ids.contains(e.document_id) ? data.train : data.held_out)
            .examples.push_back(std::move(e));
    }
    return data;
}

DatasetFiles dataset_files(const QString& train_path) {
    QString stem = train_path;
    if (stem.endsWith(QLatin1String(".jsonl"))) {
        stem.chop(6);
    }
    return {train_path, stem + QStringLiteral(".eval.jsonl"),
            stem + QStringLiteral(".eval-documents.txt")};
}

namespace {

void write_file(const QString& path, const QByteArray& bytes) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        throw DatasetError("cannot write " + QFileInfo(path).absoluteFilePath().toStdString() +
                           ": " + f.errorString().toStdString());
    }
}

QByteArray jsonl_of(const DatasetPart& part) {
    QByteArray out;
    for (const DatasetExample& e : part.examples) {
        out += QByteArray::fromStdString(e.jsonl());
        out += '\n';
    }
    return out;
}

} // namespace

void write_fine_tuning_dataset(const FineTuningDataset& dataset, const DatasetFiles& files,
                               bool with_held_out) {
    write_file(files.train, jsonl_of(dataset.train));
    if (!with_held_out) {
        return;
    }
    write_file(files.held_out, jsonl_of(dataset.held_out));
    // Tab-separated: sha256, title, path; the paths can be given to
    // `extract` to run an adapter on exactly these documents.
    QByteArray list;
    for (const DatasetDocument& d : dataset.held_out.documents) {
        list += d.sha256 + '\t' + d.title.toUtf8() + '\t' + d.path.toUtf8() + '\n';
    }
    write_file(files.held_out_documents, list);
}

} // namespace clauselens::core
