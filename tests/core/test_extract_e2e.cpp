// Extraction end to end, through the command line as a user runs it: a tiny
// random-weight model extracts from two real cuad-dev contracts, the run is
// interrupted with Ctrl-C (SIGINT) after the first contract is stored and
// started again; then every stored answer is checked against the library's
// answer schema, the CSV export against the stored results, and eval against
// the gold labels. Random weights make the answers meaningless: what is
// tested is that every step's output is well formed and that nothing is lost
// or stored twice.

#include "core/clause_library.h"
#include "schema_testing.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <csignal>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sqlite3.h>
#include <string>
#include <sys/types.h>
#include <vector>

using namespace clauselens;
using Json = sample::test::Json;

namespace {

const QString k_cuad = QStringLiteral(CLAUSELENS_SHARED_DATA_DIR "/cuad-dev/");
// Four pages each; the shorter one first, so that the run is interrupted
// while the longer one is being read.
const QStringList k_contracts = {
    QStringLiteral("ADUROBIOTECH_INC_06_02_2020-EX-10.7-CONSULTING_AGREEMENT_1"),
    QStringLiteral("SteelVaultCorp_20081224_10-K_EX-10.16_3074935_EX-10.16_Affiliate_Agreement"),
};
const QString k_library =
    QStringLiteral(CLAUSELENS_TEST_DATA_DIR "/extraction/cuad-two-no-fields.json");
// Small budgets keep the test within a few minutes on lavapipe; they are
// recorded with the run, which the test checks too.
// Under the two-category library without fields, the tiny model of seed 3
// finishes its answers within 96 tokens and names categories, so that the
// export has rows.
constexpr int k_answer_tokens = 96;
constexpr int k_segment_tokens = 16;

struct Output {
    int rc = -1;
    std::string out;
    std::string err;
};

Output cli(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(CLAUSELENS_CLI), args);
    REQUIRE(p.waitForStarted());
    REQUIRE(p.waitForFinished(600000));
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    return {p.exitCode(), p.readAllStandardOutput().toStdString(),
            p.readAllStandardError().toStdString()};
}

// Rows of a query, each column as text ("NULL" for null).
std::vector<std::vector<std::string>> query(const QString& db_path, const char* sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(db_path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    INFO(sql);
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK);
    std::vector<std::vector<std::string>> rows;
    while (sqlite3_step(st) == SQLITE_ROW) {
        std::vector<std::string>& row = rows.emplace_back();
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
            const unsigned char* text = sqlite3_column_text(st, c);
            row.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "NULL");
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rows;
}

long long number(const QString& db_path, const char* sql) {
    const auto rows = query(db_path, sql);
    REQUIRE(rows.size() == 1);
    return std::stoll(rows[0][0]);
}

// RFC 4180 records: quoted fields may hold commas, quotes ("") and line ends.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            record.push_back(std::move(field));
            field.clear();
            records.push_back(std::move(record));
            record.clear();
            ++i;
        } else {
            field += c;
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE(field.empty()); // the last record ends with CRLF
    REQUIRE(record.empty());
    return records;
}

std::string read_file(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll().toStdString();
}

// Gold answers per category for the two contracts, read from the labels.
std::map<std::string, int> gold_counts(const QString& labels) {
    std::set<std::string> contracts;
    for (const QString& c : k_contracts) {
        contracts.insert(c.toStdString());
    }
    std::map<std::string, int> counts;
    std::string line;
    for (const char c : read_file(labels) + "\n") {
        if (c != '\n') {
            line += c;
            continue;
        }
        if (!line.empty()) {
            const nlohmann::json l = nlohmann::json::parse(line);
            if (contracts.contains(l.at("contract_id").get<std::string>())) {
                ++counts[l.at("category").get<std::string>()];
            }
        }
        line.clear();
    }
    return counts;
}

// The answer of each segment as the run stored it (one row per category the
// model chose, with that category's fields, and one per category it passed
// over with a score above the floor), put together again and checked
// against the library's answer schema.
void check_answers(const QString& db) {
    const auto runs = query(db, "SELECT library_json FROM runs");
    REQUIRE(runs.size() == 1);
    const core::ClauseLibrary library =
        core::ClauseLibrary::from_json(QByteArray::fromStdString(runs[0][0]));
    const Json schema = Json::parse(library.answer_schema());
    std::map<std::string, std::set<std::string>> field_keys;
    for (const core::ClauseCategory& c : library.categories) {
        auto& keys = field_keys[c.name.toStdString()];
        for (const core::FieldSpec& f : c.fields) {
            keys.insert(f.key.toStdString());
        }
    }

    std::map<std::string, Json> answers; // by segment id
    for (const auto& row :
         query(db, "SELECT segment_id, category, fields_json, score, chosen FROM extractions "
                   "ORDER BY segment_id, id")) {
        INFO("segment " << row[0] << ": " << row[1] << " " << row[2] << " score " << row[3]);
        REQUIRE(field_keys.contains(row[1]));
        const double score = std::stod(row[3]);
        CHECK(score >= 0.0);
        CHECK(score <= 1.0 + 1e-9);
        const Json fields = Json::parse(row[2]);
        REQUIRE(fields.is_object());
        Json& answer = answers[row[0]];
        if (answer.is_null()) {
            answer = Json{{"categories", Json::array()}, {"fields", Json::object()}};
        }
        if (row[4] == "0") {
            CHECK(fields.empty()); // passed over: a score, no fields
            continue;
        }
        answer["categories"].push_back(row[1]);
        for (const auto& [key, value] : fields.items()) {
            CHECK(field_keys[row[1]].contains(key));
            CHECK_FALSE(answer["fields"].contains(key));
            answer["fields"][key] = value;
        }
    }
    for (const auto& [segment, answer] : answers) {
        INFO("segment " << segment << ": " << answer.dump());
        CHECK(sample::test::validate(answer, schema).empty());
    }
}

} // namespace

TEST_CASE("extract end to end: interrupted and resumed, answers valid, export and eval",
          "[core][extraction][e2e][vk]") {
    // QProcess wants an application object.
    static int argc = 1;
    static char name[] = "test_extract_e2e";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    QElapsedTimer clock;
    clock.start();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString model = dir.filePath(QStringLiteral("tiny.gguf"));
    const QString db = dir.filePath(QStringLiteral("contracts.db"));
    const Output made =
        cli({QStringLiteral("make-test-model"), QStringLiteral("--preset"), QStringLiteral("tiny"),
             QStringLiteral("--type"), QStringLiteral("q8_0"), QStringLiteral("--seed"),
             QStringLiteral("3"), QStringLiteral("-o"), model});
    REQUIRE(made.rc == 0);

    QStringList extract = {QStringLiteral("extract"),
                           QStringLiteral("--db"),
                           db,
                           QStringLiteral("-m"),
                           model,
                           QStringLiteral("--library"),
                           k_library,
                           QStringLiteral("--max-answer-tokens"),
                           QString::number(k_answer_tokens),
                           QStringLiteral("--max-segment-tokens"),
                           QString::number(k_segment_tokens)};
    for (const QString& c : k_contracts) {
        extract << k_cuad + c + QStringLiteral(".pdf");
    }

    // Ctrl-C once the first contract is stored: its progress line says
    // "documents 1/2" when the second one starts.
    {
        QProcess p;
        p.start(QStringLiteral(CLAUSELENS_CLI), extract);
        REQUIRE(p.waitForStarted());
        std::string err;
        while (err.find("documents 1/2") == std::string::npos) {
            INFO(err);
            REQUIRE(p.state() == QProcess::Running);
            p.waitForReadyRead(1000);
            err += p.readAllStandardError().toStdString();
        }
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        REQUIRE(p.waitForFinished(600000));
        err += p.readAllStandardError().toStdString();
        INFO(err);
        CHECK(p.exitStatus() == QProcess::NormalExit);
        CHECK(p.exitCode() == 130);
        CHECK(err.find("interrupted: run the same command again to continue this run") !=
              std::string::npos);
        CHECK(number(db, "SELECT count(*) FROM run_documents") == 1);
        CHECK(number(db, "SELECT count(*) FROM runs WHERE finished_at IS NULL") == 1);
    }
    const long long rows_of_first = number(db, "SELECT count(*) FROM extractions");

    // The same command continues the run with the second contract only.
    const Output resumed = cli(extract);
    INFO(resumed.err);
    REQUIRE(resumed.rc == 0);
    const long long second_segments =
        number(db, "SELECT count(*) FROM segments s JOIN documents d ON d.id = s.document_id "
                   "WHERE d.title LIKE 'SteelVault%'");
    CHECK(second_segments > 10);
    CHECK(resumed.out.starts_with("run 1 (continued): 1 documents (1 done before), " +
                                  std::to_string(second_segments) + " segments, "));

    // The run: finished, both contracts, every segment once, its budgets.
    const auto run = query(db, "SELECT finished_at, settings_json FROM runs");
    REQUIRE(run.size() == 1);
    CHECK(run[0][0] != "NULL");
    const nlohmann::json settings = nlohmann::json::parse(run[0][1]);
    CHECK(settings.at("max_answer_tokens") == k_answer_tokens);
    CHECK(settings.at("max_segment_tokens") == k_segment_tokens);
    CHECK(number(db, "SELECT count(*) FROM run_documents") == 2);
    CHECK(number(db, "SELECT sum(segments) FROM run_documents") ==
          number(db, "SELECT count(*) FROM segments"));
    // No duplicates: one row per (run, segment, category), and the first
    // contract's rows were not written again.
    const long long rows = number(db, "SELECT count(*) FROM extractions");
    CHECK(rows > rows_of_first);
    CHECK(rows == number(db, "SELECT count(*) FROM (SELECT DISTINCT run_id, segment_id, category "
                             "FROM extractions)"));
    CHECK(number(db, "SELECT count(*) FROM extractions e JOIN segments s ON s.id = e.segment_id "
                     "JOIN documents d ON d.id = s.document_id WHERE d.title LIKE 'ADURO%'") ==
          rows_of_first);
    // Both contracts have scored segments: the answers reached the list of
    // categories within the budget.
    CHECK(number(db, "SELECT count(DISTINCT s.document_id) FROM extractions e "
                     "JOIN segments s ON s.id = e.segment_id") == 2);

    check_answers(db);

    // CSV: the header, then one row per chosen result, each well formed.
    const QString csv_path = dir.filePath(QStringLiteral("results.csv"));
    const Output exported =
        cli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"),
             QStringLiteral("csv"), QStringLiteral("-o"), csv_path});
    INFO(exported.err);
    REQUIRE(exported.rc == 0);
    const auto csv = parse_csv(read_file(csv_path));
    REQUIRE_FALSE(csv.empty());
    CHECK(csv[0] == std::vector<std::string>{"document", "page", "heading_path", "category",
                                             "clause_text", "fields", "score", "status", "run"});
    const long long chosen = number(db, "SELECT count(*) FROM extractions WHERE chosen = 1");
    CHECK(chosen > 0); // the export is checked on real rows
    CHECK(static_cast<long long>(csv.size()) - 1 == chosen);
    const std::set<std::string> titles = {k_contracts[0].toStdString() + ".pdf",
                                          k_contracts[1].toStdString() + ".pdf"};
    for (size_t i = 1; i < csv.size(); ++i) {
        INFO("CSV record " << i);
        REQUIRE(csv[i].size() == 9);
        CHECK(titles.contains(csv[i][0]));
        CHECK(std::stoi(csv[i][1]) >= 1);
        CHECK(std::stoi(csv[i][1]) <= 4);
        CHECK(nlohmann::json::parse(csv[i][5]).is_object());
        CHECK(std::stod(csv[i][6]) >= 0.0);
        CHECK(csv[i][7] == "auto");
        CHECK(csv[i][8].starts_with("tiny.gguf | "));
        CHECK(csv[i][8].ends_with(" (run 1)"));
    }

    // eval: the table, with the gold answers of the two contracts.
    const QString labels = k_cuad + QStringLiteral("cuad-dev-labels.jsonl");
    const Output eval =
        cli({QStringLiteral("eval"), QStringLiteral("--db"), db, QStringLiteral("--gold"), labels});
    INFO(eval.out << eval.err);
    REQUIRE(eval.rc == 0);
    CHECK(eval.out.starts_with("run 1 (model tiny.gguf"));
    CHECK(eval.out.find("2 contract(s)") != std::string::npos);
    CHECK(std::regex_search(eval.out, std::regex("\ncategory +gold +pred +TP +P +R +F1 +AUPR "
                                                 "+P@80R +P@90R\n")));
    const std::map<std::string, int> gold = gold_counts(labels);
    int gold_total = 0;
    for (const char* category : {"Non-Compete", "Insurance"}) {
        const auto it = gold.find(category);
        const int n = it == gold.end() ? 0 : it->second;
        gold_total += n;
        INFO(category);
        CHECK(std::regex_search(
            eval.out, std::regex("\n" + std::string(category) + " +" + std::to_string(n) + " ")));
    }
    CHECK(gold_total > 0);
    // Every gold category of the two contracts is listed; overall counts all.
    int listed = 0;
    for (const auto& [category, n] : gold) {
        listed += n;
    }
    CHECK(std::regex_search(eval.out, std::regex("\noverall +" + std::to_string(listed) + " ")));

    WARN("end to end in " << clock.elapsed() / 1000 << " s");
}
