#pragma once
// The results of one stored extraction run as predictions to score against
// gold labels (evaluation.h), with the run's documents matched to the gold
// labels' contracts.

#include "core/evaluation.h"
#include "core/store.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace clauselens::core {

struct RunPredictionOptions {
    // Use review decisions: results a reviewer rejected are dropped, and
    // accepted or edited ones count as answers. Without it every stored
    // result counts as the model left it, rejected ones included, since the
    // run measures the model.
    bool reviewed = false;
    // Drop results scoring below this.
    std::optional<double> min_score;
};

struct RunPredictions {
    std::vector<Prediction> predictions; // of the contracts below only
    std::vector<GoldLabel> gold;         // the gold labels of those contracts
    QStringList contracts;            // the run's documents that have gold labels, by contract id
    QStringList unlabelled_documents; // the run's documents without gold labels, by title
};

// The gold contract of a stored document: the contract_id or CUAD title that
// equals the document's file name without its extension (the cuad-dev PDFs
// are named <contract_id>.pdf; CUAD's own PDFs <cuad_title>.pdf), or else its
// title or the title without an extension. Empty if there is none.
QString gold_contract_of(const DocumentInfo& document, const std::vector<GoldLabel>& gold);

// The run's documents are those it has finished (run_documents) and those it
// stored results for. Documents without gold labels are listed and left out;
// gold contracts that are not in the run are left out too, so that a run
// over some of the labelled contracts is scored on those alone.
RunPredictions run_predictions(const Store& store, qint64 run_id,
                               const std::vector<GoldLabel>& gold,
                               const RunPredictionOptions& options = {});

} // namespace clauselens::core
