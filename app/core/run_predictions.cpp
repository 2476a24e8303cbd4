#include "core/run_predictions.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <map>

namespace clauselens::core {

QString gold_contract_of(const DocumentInfo& document, const std::vector<GoldLabel>& gold) {
    QHash<QString, QString> contract_by_name;
    for (const GoldLabel& g : gold) {
        contract_by_name.insert(g.contract_id, g.contract_id);
        if (!g.cuad_title.isEmpty()) {
            contract_by_name.insert(g.cuad_title, g.contract_id);
        }
    }
    // completeBaseName keeps inner dots: "X_EX-10.17-AGREEMENT.pdf" -> "X_EX-10.17-AGREEMENT".
    const QString candidates[] = {QFileInfo(document.path).completeBaseName(), document.title,
                                  QFileInfo(document.title).completeBaseName()};
    for (const QString& name : candidates) {
        const auto it = contract_by_name.constFind(name);
        if (!name.isEmpty() && it != contract_by_name.constEnd()) {
            return *it;
        }
    }
    return {};
}

RunPredictions run_predictions(const Store& store, qint64 run_id,
                               const std::vector<GoldLabel>& gold,
                               const RunPredictionOptions& options) {
    ExtractionFilter filter;
    filter.run_id = run_id;
    filter.include_passed_over = true;
    std::vector<ExtractionRow> rows;
    QSet<qint64> run_documents;
    for (const qint64 id : store.run_document_ids(run_id)) {
        run_documents.insert(id);
    }
    store.for_each_extraction(filter, [&](const ExtractionRow& row) {
        run_documents.insert(row.document_id);
        rows.push_back(row);
    });

    RunPredictions out;
    // Documents of the run in id order, each mapped to its contract once.
    std::map<qint64, QString> contract_of;
    for (const DocumentInfo& d : store.documents()) {
        if (!run_documents.contains(d.id)) {
            continue;
        }
        const QString contract = gold_contract_of(d, gold);
        contract_of.emplace(d.id, contract);
        if (contract.isEmpty()) {
            out.unlabelled_documents.append(d.title);
        } else if (!out.contracts.contains(contract)) {
            out.contracts.append(contract);
        }
    }
    out.contracts.sort();

    const QSet<QString> evaluated(out.contracts.begin(), out.contracts.end());
    for (const GoldLabel& g : gold) {
        if (evaluated.contains(g.contract_id)) {
            out.gold.push_back(g);
        }
    }
    for (const ExtractionRow& row : rows) {
        const QString& contract = contract_of[row.document_id];
        if (contract.isEmpty()) {
            continue;
        }
        if (options.min_score && row.score < *options.min_score) {
            continue;
        }
        bool chosen = row.chosen;
        if (options.reviewed) {
            if (row.status == QLatin1String("rejected")) {
                continue;
            }
            chosen = chosen || row.status == QLatin1String("accepted") ||
                     row.status == QLatin1String("edited");
        }
        out.predictions.push_back(
            Prediction{contract, row.category, row.clause_text, row.score, chosen});
    }
    return out;
}

} // namespace clauselens::core
