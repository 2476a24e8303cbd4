// Fine-tuning data from reviewed results, on three real cuad-dev contracts
// with results stored against their real segments: the exact prompts the
// extractor uses, answers in the exact shape of the answer schema (checked by
// the engine's grammar and by an independent validator), rejected categories
// left out, edited fields in, a deterministic split by document, and the files
// and counts `clauselens-cli dataset` writes.

#include "core/clause_library.h"
#include "core/extraction_setup.h"
#include "core/fine_tuning_dataset.h"
#include "core/ingest_batch.h"
#include "core/store.h"
#include "sample/grammar.h"
#include "sample/json_schema.h"
#include "schema_testing.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

using namespace clauselens;
using namespace clauselens::core;

namespace {

const QString k_cuad = QStringLiteral(CLAUSELENS_SHARED_DATA_DIR "/cuad-dev/");
const QString k_adams = k_cuad + "ADAMSGOLFINC_03_21_2005-EX-10.17-ENDORSEMENT_AGREEMENT.pdf";
const QString k_hydron =
    k_cuad + "HYDRONTECHNOLOGIESINC_03_31_1997-EX-10.47-SPONSORSHIP_AGREEMENT.pdf";
const QString k_steel =
    k_cuad + "SteelVaultCorp_20081224_10-K_EX-10.16_3074935_EX-10.16_Affiliate_Agreement.pdf";

struct StoredSegment {
    qint64 id = 0;
    std::string text;
};

// The three contracts ingested into a temporary store, with one run of the
// CUAD library whose results were then reviewed:
//   Adams  parties segment: Parties accepted, Agreement Date left auto
//          law segment: Governing Law edited, Non-Compete passed over (auto)
//          term segment: Expiration Date rejected (its only result)
//          another segment: Document Name, auto and unreviewed (no example)
//   Hydron first segment: Document Name accepted
//   Steel  first segment: Parties rejected, Exclusivity accepted
struct DatasetStore {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("dataset.db"));
    Store store = Store::open(path);
    ClauseLibrary library = ClauseLibrary::cuad_default();
    qint64 run = 0;
    qint64 adams = 0, hydron = 0, steel = 0;
    StoredSegment parties, law, term, adams_other, hydron_first, steel_first;
    std::map<std::string, qint64> ids; // "document/category" -> extraction id

    DatasetStore() {
        REQUIRE(ingest_files(store, {k_adams, k_hydron, k_steel}, {}).count(FileResult::ingested) ==
                3);
        adams = store
                    .find_documents(QStringLiteral("ADAMSGOLFINC_03_21_2005-EX-10.17-"
                                                   "ENDORSEMENT_AGREEMENT.pdf"))
                    .at(0);
        for (const DocumentInfo& d : store.documents()) {
            if (d.path == k_hydron) {
                hydron = d.id;
            } else if (d.path == k_steel) {
                steel = d.id;
            }
        }
        REQUIRE(hydron != 0);
        REQUIRE(steel != 0);
        parties = segment_with(adams, "This Agreement is entered into on");
        law = segment_with(adams, "governed and construed according to the laws");
        term = segment_with(adams, "The Term of this Agreement shall be");
        adams_other = other_segment(adams, {parties.id, law.id, term.id});
        hydron_first = first_segment(hydron);
        steel_first = first_segment(steel);
        REQUIRE(std::set<qint64>{parties.id, law.id, term.id}.size() == 3);

        run = store.add_run(QStringLiteral("qwen2.5-3b-instruct-q4_k_m.gguf"), {},
                            QString::fromUtf8(library.to_json()), QStringLiteral("{}"));
        const auto rec = [](const StoredSegment& s, const char* category, const char* fields,
                            double score, bool chosen = true) {
            return ExtractionRecord{s.id, QString::fromUtf8(category), QString::fromUtf8(fields),
                                    score, chosen};
        };
        store.store_run_document(
            run, adams,
            {rec(adams_other, "Document Name", R"({"document_name":"ENDORSEMENT AGREEMENT"})", 0.7),
             rec(parties, "Parties", R"({"parties":["TOM WATSON","ADAMS GOLF, LTD."]})", 0.93),
             rec(parties, "Agreement Date", R"({"agreement_date":"January 13, 2005"})", 0.66),
             rec(law, "Governing Law", R"({"governing_law":"Kansas"})", 0.81),
             rec(law, "Non-Compete", "{}", 0.2, false),
             rec(term, "Expiration Date", R"({"expiration_date":"2004-09-01"})", 0.42)},
            40);
        store.store_run_document(run, hydron,
                                 {rec(hydron_first, "Document Name",
                                      R"({"document_name":"SPONSORSHIP AGREEMENT"})", 0.9)},
                                 20);
        store.store_run_document(
            run, steel,
            {rec(steel_first, "Parties", R"({"parties":["Steel Vault"]})", 0.5),
             rec(steel_first, "Exclusivity", "{}", 0.3)},
            20);
        read_ids();
        store.review_extractions(
            {ids["adams/Parties"], ids["hydron/Document Name"], ids["steel/Exclusivity"]},
            QStringLiteral("accepted"));
        store.review_extractions({ids["adams/Governing Law"]}, QStringLiteral("edited"),
                                 QStringLiteral(R"({"governing_law":"State of Kansas"})"));
        store.review_extractions({ids["adams/Expiration Date"], ids["steel/Parties"]},
                                 QStringLiteral("rejected"));
    }

    StoredSegment segment_with(qint64 doc, const char* words) const {
        for (const Segment& s : store.segments(doc)) {
            if (s.text.contains(QString::fromUtf8(words))) {
                return {stored_id(doc, s.index), s.text.toStdString()};
            }
        }
        FAIL("no segment contains " << words);
        return {};
    }

    StoredSegment other_segment(qint64 doc, const std::set<qint64>& taken) const {
        for (const Segment& s : store.segments(doc)) {
            const qint64 id = stored_id(doc, s.index);
            if (!taken.contains(id)) {
                return {id, s.text.toStdString()};
            }
        }
        FAIL("no other segment");
        return {};
    }

    StoredSegment first_segment(qint64 doc) const {
        const std::vector<Segment> segments = store.segments(doc);
        REQUIRE(!segments.empty());
        return {stored_id(doc, segments.front().index), segments.front().text.toStdString()};
    }

    qint64 stored_id(qint64 doc, int index) const {
        for (const Store::SegmentSpan& span : store.segment_spans(doc)) {
            if (span.index == index) {
                return span.id;
            }
        }
        FAIL("no stored segment " << index);
        return 0;
    }

    void read_ids() {
        ExtractionFilter all;
        all.include_passed_over = true;
        store.for_each_extraction(all, [&](const ExtractionRow& row) {
            const std::string doc = row.document_id == adams    ? "adams"
                                    : row.document_id == hydron ? "hydron"
                                                                : "steel";
            ids[doc + "/" + row.category.toStdString()] = row.extraction_id;
        });
        REQUIRE(ids.size() == 9);
    }
};

const DatasetExample& example_of(const FineTuningDataset& d, qint64 segment_id) {
    for (const DatasetPart* part : {&d.train, &d.held_out}) {
        for (const DatasetExample& e : part->examples) {
            if (e.segment_id == segment_id) {
                return e;
            }
        }
    }
    FAIL("no example for segment " << segment_id);
    throw std::logic_error("unreachable");
}

// The answer against the library's answer schema, twice: the grammar that
// constrained decoding uses, and the sample tests' independent validator.
void check_valid(const std::string& answer, const ClauseLibrary& library) {
    INFO(answer);
    const sample::Grammar grammar = sample::compile_json_schema(library.answer_schema());
    sample::GrammarState state(grammar);
    CHECK(state.advance(answer));
    CHECK(state.complete());
    const auto schema = sample::test::Json::parse(library.answer_schema());
    CHECK(sample::test::validate(sample::test::Json::parse(answer), schema).empty());
}

QStringList lines_of(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    CHECK(text.endsWith(u'\n'));
    return text.split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("dataset: one example per reviewed segment, in the extractor's prompt format",
          "[dataset]") {
    DatasetStore s;
    const FineTuningDataset d = build_fine_tuning_dataset(s.store, {});
    CHECK(d.run_id == s.run);
    CHECK(d.library == s.library);
    CHECK(d.skipped.empty());
    CHECK(d.held_out.examples.empty());
    CHECK(d.held_out.documents.empty());
    // Adams: parties, law, term (its first segment has no reviewed result);
    // Hydron and Steel: their first segments.
    REQUIRE(d.train.examples.size() == 5);
    CHECK(d.train.documents.size() == 3);

    const ExtractionPrompt prompt = extraction_prompt(s.library);
    for (const DatasetExample& e : d.train.examples) {
        CHECK(e.segment_id != s.adams_other.id);
        CHECK(e.system == prompt.system);
        CHECK(e.system.find("- Governing Law: ") != std::string::npos); // the library is in it
        check_valid(e.answer, s.library);
        // The line a trainer reads: the three messages, nothing else.
        const nlohmann::json line = nlohmann::json::parse(e.jsonl());
        REQUIRE(line.size() == 1);
        const nlohmann::json& m = line.at("messages");
        REQUIRE(m.size() == 3);
        CHECK(m[0] == nlohmann::json{{"role", "system"}, {"content", prompt.system}});
        CHECK(m[1] == nlohmann::json{{"role", "user"}, {"content", e.user}});
        CHECK(m[2] == nlohmann::json{{"role", "assistant"}, {"content", e.answer}});
        CHECK(e.jsonl().find('\n') == std::string::npos);
    }

    // The user message is the extractor's, with the segment's stored text.
    const DatasetExample& parties = example_of(d, s.parties.id);
    CHECK(parties.user == prompt.user_message(s.parties.text));
    CHECK(parties.user == "Contract segment:\n" + s.parties.text + "\n");
    CHECK(parties.user.find("{{segment}}") == std::string::npos);

    // Accepted, and the model's other answer in the segment (left auto) stays;
    // categories in the library's order, fields in the schema's.
    CHECK(
        parties.answer ==
        R"({"categories":["Parties","Agreement Date"],"fields":{"parties":["TOM WATSON","ADAMS GOLF, LTD."],"agreement_date":"January 13, 2005"}})");
    CHECK(parties.negatives == 0);
    // Edited: the edited value, not the model's; the passed-over category stays out.
    const DatasetExample& law = example_of(d, s.law.id);
    CHECK(law.answer ==
          R"({"categories":["Governing Law"],"fields":{"governing_law":"State of Kansas"}})");
    // Only rejected: an example whose answer names nothing, a negative.
    const DatasetExample& term = example_of(d, s.term.id);
    CHECK(term.answer == R"({"categories":[],"fields":{}})");
    CHECK(term.negatives == 1);
    CHECK(term.categories.empty());
    // Parties rejected, Exclusivity accepted.
    const DatasetExample& steel = example_of(d, s.steel_first.id);
    CHECK(steel.answer == R"({"categories":["Exclusivity"],"fields":{}})");
    CHECK(steel.negatives == 1);
    CHECK(example_of(d, s.hydron_first.id).answer ==
          R"({"categories":["Document Name"],"fields":{"document_name":"SPONSORSHIP AGREEMENT"}})");

    // Parties, Agreement Date, Governing Law, Exclusivity, Document Name.
    CHECK(d.train.positives() == 5);
    CHECK(d.train.negatives() == 2);
    CHECK(d.train.empty_answers() == 1);

    SECTION("reviewed_only leaves the unreviewed model answers out") {
        DatasetOptions o;
        o.reviewed_only = true;
        const FineTuningDataset r = build_fine_tuning_dataset(s.store, o);
        CHECK(
            example_of(r, s.parties.id).answer ==
            R"({"categories":["Parties"],"fields":{"parties":["TOM WATSON","ADAMS GOLF, LTD."]}})");
        CHECK(r.train.positives() == 4);
    }
    SECTION("an edit the answer schema does not allow leaves its segment out, saying why") {
        s.store.review_extractions({s.ids["hydron/Document Name"]}, QStringLiteral("edited"),
                                   QStringLiteral(R"({"governing_law":"Ohio"})"));
        std::string long_value(250, 'x');
        s.store.review_extractions(
            {s.ids["adams/Governing Law"]}, QStringLiteral("edited"),
            QString::fromStdString(R"({"governing_law":")" + long_value + R"("})"));
        const FineTuningDataset r = build_fine_tuning_dataset(s.store, {});
        CHECK(r.train.examples.size() == 3);
        REQUIRE(r.skipped.size() == 2);
        CHECK(r.skipped[0].find("does not fit the clause library's answer schema") !=
              std::string::npos);
        CHECK(r.skipped[1].find("'governing_law' is not a field of Document Name") !=
              std::string::npos);
    }
    SECTION("a run without reviewed results has nothing to write") {
        const qint64 fresh = s.store.add_run(QStringLiteral("m.gguf"), {},
                                             QString::fromUtf8(s.library.to_json()), {});
        DatasetOptions o;
        o.run_id = fresh;
        CHECK_THROWS_WITH(build_fine_tuning_dataset(s.store, o),
                          Catch::Contains("has no reviewed results"));
        // By default the latest run WITH reviewed results is taken.
        CHECK(build_fine_tuning_dataset(s.store, {}).run_id == s.run);
        o.run_id = 999;
        CHECK_THROWS_WITH(build_fine_tuning_dataset(s.store, o), Catch::Contains("no run 999"));
    }
}

TEST_CASE("dataset: held-out documents are split by document, the same for the same seed",
          "[dataset]") {
    DatasetStore s;
    DatasetOptions o;
    o.train_share = 0.5; // of 3 documents: 1 for training, 2 held out
    std::set<std::set<qint64>> splits;
    for (uint64_t seed = 0; seed < 8; ++seed) {
        o.seed = seed;
        const FineTuningDataset a = build_fine_tuning_dataset(s.store, o);
        const FineTuningDataset b = build_fine_tuning_dataset(s.store, o);
        REQUIRE(a.train.documents.size() == 1);
        REQUIRE(a.held_out.documents.size() == 2);
        std::set<qint64> train;
        for (const DatasetDocument& doc : a.train.documents) {
            train.insert(doc.id);
        }
        std::set<qint64> held;
        for (const DatasetDocument& doc : a.held_out.documents) {
            held.insert(doc.id);
        }
        CHECK(train.size() + held.size() == 3);
        for (const DatasetExample& e : a.train.examples) {
            CHECK(train.contains(e.document_id));
        }
        for (const DatasetExample& e : a.held_out.examples) {
            CHECK(held.contains(e.document_id));
        }
        CHECK(a.train.examples.size() + a.held_out.examples.size() == 5);
        // Deterministic: the same seed, the same split, the same lines.
        CHECK(b.train.documents.front().sha256 == a.train.documents.front().sha256);
        REQUIRE(b.held_out.examples.size() == a.held_out.examples.size());
        for (size_t i = 0; i < a.held_out.examples.size(); ++i) {
            CHECK(b.held_out.examples[i].jsonl() == a.held_out.examples[i].jsonl());
        }
        splits.insert(train);
    }
    // The seed chooses: eight seeds do not all hold out the same documents.
    CHECK(splits.size() >= 2);
}

TEST_CASE("dataset: files and the command line", "[dataset][cli]") {
    DatasetStore s;
    DatasetOptions o;
    o.train_share = 0.7; // of 3 documents: 2 for training, 1 held out
    o.seed = 3;
    const FineTuningDataset d = build_fine_tuning_dataset(s.store, o);
    const DatasetFiles files = dataset_files(s.dir.filePath(QStringLiteral("train.jsonl")));
    CHECK(files.held_out == s.dir.filePath(QStringLiteral("train.eval.jsonl")));
    CHECK(files.held_out_documents == s.dir.filePath(QStringLiteral("train.eval-documents.txt")));
    write_fine_tuning_dataset(d, files, true);

    const QStringList train = lines_of(files.train);
    REQUIRE(train.size() == static_cast<qsizetype>(d.train.examples.size()));
    for (qsizetype i = 0; i < train.size(); ++i) {
        CHECK(train[i].toStdString() == d.train.examples[static_cast<size_t>(i)].jsonl());
    }
    CHECK(lines_of(files.held_out).size() == static_cast<qsizetype>(d.held_out.examples.size()));
    const QStringList held = lines_of(files.held_out_documents);
    REQUIRE(held.size() == 1);
    const DatasetDocument& doc = d.held_out.documents.front();
    CHECK(held[0] == QString::fromLatin1(doc.sha256) + u'\t' + doc.title + u'\t' + doc.path);

    // The command writes the same files and says what is in them.
    const QString out = s.dir.filePath(QStringLiteral("cli.jsonl"));
    QProcess p;
    p.start(QStringLiteral(CLAUSELENS_CLI),
            {QStringLiteral("dataset"), QStringLiteral("--db"), s.path, QStringLiteral("-o"), out,
             QStringLiteral("--split"), QStringLiteral("0.7"), QStringLiteral("--seed"),
             QStringLiteral("3")});
    REQUIRE(p.waitForFinished(60000));
    const QString stdout_text = QString::fromUtf8(p.readAllStandardOutput());
    INFO(stdout_text.toStdString() << p.readAllStandardError().toStdString());
    CHECK(p.exitCode() == 0);
    // Seed 3 holds out Hydron (1 example, Document Name accepted).
    REQUIRE(d.held_out.documents.size() == 1);
    CHECK(d.held_out.documents.front().id == s.hydron);
    CHECK(stdout_text ==
          QStringLiteral("run %1, clause library CUAD v1 (41 categories)\n"
                         "%2: 4 examples (4 positives, 2 negatives, 1 with no category) from 2 "
                         "documents\n"
                         "%3: 1 example (1 positive, 0 negatives, 0 with no category) from 1 "
                         "document\n"
                         "%4: the held-out documents\n")
              .arg(s.run)
              .arg(out, s.dir.filePath(QStringLiteral("cli.eval.jsonl")),
                   s.dir.filePath(QStringLiteral("cli.eval-documents.txt"))));
    CHECK(lines_of(out) == train);
    CHECK(lines_of(s.dir.filePath(QStringLiteral("cli.eval-documents.txt"))) == held);
}
