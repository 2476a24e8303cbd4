// Extraction on a tiny random-weight model: the answers' plumbing, not their
// meaning. Every complete answer parses under the library's schema; sharing
// the prompt prefix and batching change nothing; a cancelled run resumes
// without lost or duplicated results.

#include "core/clause_library.h"
#include "core/extraction_run.h"
#include "core/extraction_setup.h"
#include "core/extractor.h"
#include "core/store.h"
#include "model/test_model_maker.h"
#include "store_test_data.h"

#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <unistd.h>

using namespace clauselens;

namespace {

const std::filesystem::path& tiny_model() {
    static const std::filesystem::path path = [] {
        model::TestModelOptions o;
        o.preset = "tiny";
        o.type = "q8_0";
        o.seed = 5;
        o.output = std::filesystem::temp_directory_path() /
                   ("clauselens-extraction-tiny-" + std::to_string(::getpid()) + ".gguf");
        model::make_test_model(o);
        return o.output;
    }();
    return path;
}

core::ClauseLibrary five_categories() {
    return core::ClauseLibrary::load_file(QStringLiteral(CLAUSELENS_TEST_DATA_DIR) +
                                          QStringLiteral("/extraction/cuad-five.json"));
}

const std::vector<std::string> k_segments = {
    "This Agreement shall be governed by the laws of the State of Delaware.",
    "Either party may terminate this Agreement for any reason upon thirty days' written notice.",
    "Licensee shall maintain general liability insurance of at least $1,000,000.",
    "ENDORSEMENT AGREEMENT between Adams Golf, Ltd. and Tom Watson.",
    "During the Term, Consultant shall not provide services to any competitor of the Company.",
};

// The answer's JSON against the library's answer shape.
void check_answer(const core::SegmentAnswer& a, const core::ClauseLibrary& library) {
    std::set<std::string> names;
    std::set<std::string> keys;
    for (const core::ClauseCategory& c : library.categories) {
        names.insert(c.name.toStdString());
        for (const core::FieldSpec& f : c.fields) {
            keys.insert(f.key.toStdString());
        }
    }
    for (const core::CategoryScore& s : a.scores) {
        CHECK(names.contains(s.category));
        CHECK(s.score >= 0.0);
        CHECK(s.score <= 1.0 + 1e-9);
    }
    if (!a.complete) {
        return;
    }
    const nlohmann::json doc = nlohmann::json::parse(a.json);
    REQUIRE(doc.is_object());
    REQUIRE(doc.size() == 2);
    REQUIRE(doc.at("categories").is_array());
    CHECK(doc.at("categories").size() <= 8);
    for (const auto& c : doc.at("categories")) {
        CHECK(names.contains(c.get<std::string>()));
    }
    for (const auto& [key, value] : doc.at("fields").items()) {
        CHECK(keys.contains(key));
    }
    // Chosen categories are scored and marked.
    for (const std::string& c : a.categories) {
        CHECK(std::any_of(a.scores.begin(), a.scores.end(), [&](const core::CategoryScore& s) {
            return s.category == c && s.chosen;
        }));
    }
}

} // namespace

TEST_CASE("extraction: answers follow the schema, and prefix sharing and batching change nothing",
          "[extraction][vk]") {
    const core::ClauseLibrary library = five_categories();
    core::ExtractorOptions options;
    options.model = tiny_model();
    options.batch = 5;
    options.max_answer_tokens = 96;
    core::Extractor shared(options, core::extraction_prompt(library));
    CHECK(shared.prefix_tokens() > 100);
    const std::vector<core::SegmentAnswer> answers = shared.extract(k_segments);
    REQUIRE(answers.size() == k_segments.size());
    size_t scored = 0;
    for (const core::SegmentAnswer& a : answers) {
        check_answer(a, library);
        CHECK(a.answer_tokens > 0);
        CHECK(a.answer_tokens <= options.max_answer_tokens);
        // JSON allows a little whitespace before the document.
        CHECK(a.json.find_first_not_of(" \t\n\r") == a.json.find('{'));
        scored += a.scores.size();
    }
    // The list of categories is where the grammar branches first: every
    // segment gets scores there.
    CHECK(scored >= k_segments.size());

    // One segment at a time, and without the shared prefix: the same answers.
    options.batch = 1;
    options.share_prefix = false;
    core::Extractor alone(options, core::extraction_prompt(library));
    for (size_t i = 0; i < 2; ++i) {
        const core::SegmentAnswer a = alone.classify(k_segments[i]);
        CHECK(a.json == answers[i].json);
        REQUIRE(a.scores.size() == answers[i].scores.size());
        for (size_t k = 0; k < a.scores.size(); ++k) {
            CHECK(a.scores[k].category == answers[i].scores[k].category);
            CHECK(a.scores[k].score == Approx(answers[i].scores[k].score).epsilon(1e-3));
        }
    }
}

TEST_CASE("extraction: a cancelled run resumes without lost or duplicated results",
          "[extraction][vk]") {
    QTemporaryDir dir;
    const core::ClauseLibrary library = five_categories();
    core::ExtractorOptions options;
    options.model = tiny_model();
    options.batch = 4;
    options.max_answer_tokens = 64;
    core::Extractor extractor(options, core::extraction_prompt(library));
    core::ExtractionRunSettings settings;
    settings.model = QStringLiteral("tiny");
    settings.library_json = QString::fromUtf8(library.to_json());
    settings.settings_json = QStringLiteral("{}");
    for (const core::ClauseCategory& c : library.categories) {
        for (const core::FieldSpec& f : c.fields) {
            settings.category_fields[c.name.toStdString()].push_back(f.key.toStdString());
        }
    }
    auto fill = [&](core::Store& store) {
        std::vector<qint64> ids;
        for (const QString& title : {QStringLiteral("first"), QStringLiteral("second")}) {
            QStringList paragraphs;
            for (const std::string& s : k_segments) {
                paragraphs << title + QStringLiteral(": ") + QString::fromStdString(s);
            }
            const test::TestDocument d = test::make_document(title, paragraphs.mid(0, 3));
            ids.push_back(store.add_document(d.doc, d.segments));
        }
        return ids;
    };

    // The whole run at once, for reference.
    core::Store whole = core::Store::open(dir.filePath(QStringLiteral("whole.db")));
    const std::vector<qint64> whole_ids = fill(whole);
    const core::ExtractionSummary reference =
        core::run_extraction(whole, extractor, settings, whole_ids, {}, nullptr);
    CHECK(reference.documents == 2);
    CHECK(reference.segments == 6);
    CHECK_FALSE(reference.cancelled);

    // Cancelled when the second document starts, then run again.
    core::Store store = core::Store::open(dir.filePath(QStringLiteral("resumed.db")));
    const std::vector<qint64> ids = fill(store);
    std::atomic<bool> cancel{false};
    const core::ExtractionSummary first = core::run_extraction(
        store, extractor, settings, ids,
        [&](const core::ExtractionProgress& p) {
            if (p.documents_done == 1) {
                cancel = true;
            }
        },
        &cancel);
    CHECK(first.cancelled);
    CHECK(first.documents == 1);
    CHECK(store.run_has_document(first.run_id, ids[0]));
    CHECK_FALSE(store.run_has_document(first.run_id, ids[1]));
    const qint64 rows_after_cancel = store.count("extractions");

    const core::ExtractionSummary second =
        core::run_extraction(store, extractor, settings, ids, {}, nullptr);
    CHECK(second.resumed);
    CHECK(second.run_id == first.run_id);
    CHECK(second.documents_skipped == 1);
    CHECK(second.documents == 1);
    CHECK_FALSE(second.cancelled);
    CHECK(store.count("extractions") >= rows_after_cancel);
    // Exactly the rows of the uninterrupted run: none lost, none twice.
    CHECK(store.count("extractions") == whole.count("extractions"));
    CHECK(store.count("run_documents") == 2);

    // A finished run is not continued: the same settings start a new one.
    const core::ExtractionSummary third =
        core::run_extraction(store, extractor, settings, ids, {}, nullptr);
    CHECK_FALSE(third.resumed);
    CHECK(third.run_id != first.run_id);
}
