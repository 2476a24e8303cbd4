#pragma once
// An extraction run over stored documents: every segment of every document
// through the Extractor, results written per document in one transaction,
// so that a run cancelled (Ctrl-C) or killed resumes where it stopped without
// lost or duplicated results.

#include "core/extractor.h"
#include "core/store.h"

#include <QString>
#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace clauselens::core {

struct ExtractionRunSettings {
    QString model;         // what the run records: file name and description
    QString adapter;       // adapters as given, or empty
    QString library_json;  // the clause library, stored with the run
    QString settings_json; // batch size, prompts' version...
    // The field keys of each category, to split the answer's fields.
    std::map<std::string, std::vector<std::string>> category_fields;
};

struct ExtractionProgress {
    int documents_done = 0;
    int documents_total = 0;
    qint64 segments_done = 0;
    qint64 segments_total = 0;
    uint64_t tokens = 0;
    double seconds = 0;
    QString current;        // the document being read
    qint64 document_id = 0; // its id (0 before the first document)
    qint64 run_id = 0;      // the run the results go to
};

struct ExtractionSummary {
    qint64 run_id = 0;
    bool resumed = false; // an unfinished run with these settings continued
    bool cancelled = false;
    int documents = 0;         // processed now
    int documents_skipped = 0; // done before (resume)
    qint64 segments = 0;
    qint64 categories_found = 0; // chosen (segment, category) pairs stored
    uint64_t tokens = 0;
    double seconds = 0;
};

ExtractionSummary run_extraction(Store& store, Extractor& extractor,
                                 const ExtractionRunSettings& settings,
                                 const std::vector<qint64>& document_ids,
                                 const std::function<void(const ExtractionProgress&)>& progress,
                                 const std::atomic<bool>* cancel);

// The records of one segment's answer: a row per chosen category (with its
// fields) and per passed-over category scored above the floor.
std::vector<ExtractionRecord> records_of(const SegmentAnswer& answer, qint64 segment_id,
                                         const ExtractionRunSettings& settings);

} // namespace clauselens::core
