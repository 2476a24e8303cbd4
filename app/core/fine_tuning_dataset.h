#pragma once
// Fine-tuning data from reviewed results: chat-format JSON Lines that a
// common trainer (e.g. Hugging Face TRL's SFTTrainer) takes as it is, so that
// a LoRA adapter trained on them answers the extractor's prompts better and
// loads back with --lora.
//
// One example per contract segment with at least one reviewed result of the
// run. Its messages are exactly what extraction prompts the model with (the
// system prompt with the clause library, the user message with the segment's
// text) and the answer the model should have written, in the exact shape of
// the library's answer schema:
//   accepted, edited  the category is in the answer, with its (edited) fields;
//   rejected          the category is left out: the example teaches the model
//                     not to name it there (a negative);
//   auto              a category the model chose and the reviewer left alone
//                     stays in the answer (the reviewer saw the segment and
//                     did not reject it), unless reviewed_only is set; one it
//                     passed over stays out.
// So a segment whose results were all rejected gives an example whose answer
// names the categories the reviewer did not reject, possibly none.
//
// The held-out part is split by document (never a segment of a training
// document), so that evaluating an adapter on it measures contracts it has
// not seen.

#include "core/clause_library.h"
#include "core/store.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace clauselens::core {

// Nothing to write (no run, no reviewed result) or a file that cannot be
// written; the message says what to do.
class DatasetError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct DatasetOptions {
    std::optional<qint64> run_id; // unset: the latest run with reviewed results
    // The library the prompts and answers are written in; unset: the run's
    // own (what the model saw). Results of categories it lacks are skipped.
    std::optional<ClauseLibrary> library;
    // The share of the documents whose examples are for training (0 < x <= 1);
    // the others are held out. At least one document is always for training.
    double train_share = 1.0;
    uint64_t seed = 0;          // which documents are held out
    bool reviewed_only = false; // leave out the model's answers nobody reviewed
};

struct DatasetExample {
    qint64 document_id = 0;
    qint64 segment_id = 0;
    std::string system;                  // the system message
    std::string user;                    // the user message with the segment
    std::string answer;                  // the assistant message: the answer JSON
    std::vector<std::string> categories; // named in the answer (positives)
    int negatives = 0;                   // rejected categories the answer leaves out

    // {"messages":[{"role":"system",...},{"role":"user",...},
    //  {"role":"assistant",...}]} on one line, without the newline.
    std::string jsonl() const;
};

struct DatasetDocument {
    qint64 id = 0;
    QString title;
    QByteArray sha256;
    QString path;
};

struct DatasetPart {
    std::vector<DatasetExample> examples; // by document, then segment order
    std::vector<DatasetDocument> documents;

    qint64 positives() const; // categories named, over all examples
    qint64 negatives() const; // rejected categories left out
    qint64 empty_answers() const;
};

struct FineTuningDataset {
    qint64 run_id = 0;
    ClauseLibrary library;
    DatasetPart train;
    DatasetPart held_out;
    // What was left out and why (a category the library lacks, an edited
    // value the answer schema does not allow), one line each.
    std::vector<std::string> skipped;
};

// Reads the run's reviewed results and builds the examples; every answer is
// checked against the library's answer schema with the grammar constrained
// decoding uses. Throws DatasetError (no such run, no reviewed results,
// a stored library that does not parse) or StoreError.
FineTuningDataset build_fine_tuning_dataset(const Store& store, const DatasetOptions& options);

// {"categories":[...],"fields":{...}}: compact, categories in the library's
// order, fields in the answer schema's order, as constrained decoding writes
// them when given in those orders. `fields` holds field keys with their JSON
// values.
std::string answer_json(const std::vector<std::string>& categories,
                        const std::vector<std::pair<std::string, std::string>>& fields);

// The files one dataset is written to, from the training file's name
// ("train.jsonl" -> "train.eval.jsonl", "train.eval-documents.txt").
struct DatasetFiles {
    QString train;
    QString held_out;           // the held-out examples
    QString held_out_documents; // sha256, title and path of each held-out document
};
DatasetFiles dataset_files(const QString& train_path);

// Writes the training file, and the two held-out files when with_held_out.
// Each file is replaced whole or not at all.
// Throws DatasetError naming the file.
void write_fine_tuning_dataset(const FineTuningDataset& dataset, const DatasetFiles& files,
                               bool with_held_out);

} // namespace clauselens::core
