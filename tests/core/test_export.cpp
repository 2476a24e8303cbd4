// CSV (RFC 4180, formula injection, BOM) and JSON export of extraction
// results, with the accepted-only, category and document filters.

#include "core/exporter.h"
#include "core/store.h"
#include "store_test_data.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace clauselens::core;
using clauselens::test::make_document;
using clauselens::test::TestDocument;

namespace {

// Parses RFC 4180 text back into rows of cells: the test's own reader, so
// that the escaping is checked by reading, not only by comparing strings.
std::vector<QStringList> parse_csv(const QString& text) {
    std::vector<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << cell;
            cell.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            row << cell;
            cell.clear();
            rows.push_back(row);
            row.clear();
            ++i;
        } else {
            REQUIRE(c != u'\n'); // a bare LF outside quotes is not RFC 4180
            cell += c;
        }
    }
    REQUIRE(cell.isEmpty());
    REQUIRE(row.isEmpty());
    return rows;
}

struct Fixture {
    QTemporaryDir dir;
    Store store = Store::open(dir.filePath("s.db"));
    qint64 lease_id = 0;

    Fixture() {
        TestDocument lease =
            make_document("Lease", {"Rent is due monthly", "Governed by Texas law", "placeholder"});
        // Clause text a hostile PDF could carry: a formula, quotes, commas, newlines.
        lease.segments[2].text = "=HYPERLINK(\"http://x\",\"click\"), then\r\nmore\nlines";
        lease_id = store.add_document(lease.doc, lease.segments);
        const TestDocument nda = make_document("NDA", {"Confidential information, as defined"});
        store.add_document(nda.doc, nda.segments);

        const auto segs = store.segments(lease_id);
        const qint64 run = store.add_run("tiny-q4", "lora-1", "{}", "{}");
        const auto seg_id = [&](const char* query) {
            return store.search(query).at(0).segment_id;
        };
        const qint64 rent =
            store.add_extraction(run, seg_id("rent"), "Rent", R"({"period":"monthly"})", 0.91);
        const qint64 law = store.add_extraction(run, seg_id("texas"), "Governing Law",
                                                R"({"jurisdiction":"Texas"})", 0.5);
        store.add_extraction(run, seg_id("hyperlink"), "-5 days", R"j({"note":"@SUM(A1)"})j", 0.25);
        const qint64 nda_ex = store.add_extraction(run, seg_id("confidential"), "Governing Law",
                                                   R"({"jurisdiction":""})", 0.125);
        store.set_extraction_status(rent, "accepted");
        store.set_extraction_status(law, "edited", R"({"jurisdiction":"State of Texas"})", "fixed");
        store.set_extraction_status(nda_ex, "rejected");
    }

    QByteArray csv(const ExportFilter& filter = {}, const ExportOptions& options = {}) {
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        export_csv(store, filter, options, out);
        return out.data();
    }
    QByteArray json(const ExportFilter& filter = {}, const ExportOptions& options = {}) {
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        export_json(store, filter, options, out);
        return out.data();
    }
};

} // namespace

TEST_CASE("CSV fields are quoted and neutralised", "[export]") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("") == "");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("cr\rhere") == "\"cr\rhere\"");
    CHECK(csv_field("=1+2") == "'=1+2");
    CHECK(csv_field("+1") == "'+1");
    CHECK(csv_field("-5 days") == "'-5 days");
    CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_field("\tx") == "'\tx");
    CHECK(csv_field("\rx") == "\"'\rx\"");
    CHECK(csv_field("=a,b") == "\"'=a,b\"");
    CHECK(csv_field("a=b") == "a=b");
    CHECK(csv_field("-5", false) == "-5");
}

TEST_CASE("CSV export is RFC 4180 with every column", "[export]") {
    Fixture f;
    const QByteArray bytes = f.csv();
    CHECK_FALSE(bytes.startsWith("\xEF\xBB\xBF"));
    CHECK(bytes.startsWith(
        "document,page,heading_path,category,clause_text,fields,score,status,run\r\n"));
    const auto rows = parse_csv(QString::fromUtf8(bytes));
    REQUIRE(rows.size() == 5);
    for (const QStringList& row : rows) {
        CHECK(row.size() == 9);
    }
    // Rows by document, then segment order.
    CHECK(rows[1] == QStringList{"Lease", "1", "1 > 1", "Rent", "Rent is due monthly",
                                 R"({"period":"monthly"})", "0.91", "accepted", "tiny-q4 (run 1)"});
    CHECK(rows[2][5] == R"({"jurisdiction":"State of Texas"})");
    CHECK(rows[2][7] == "edited");
    CHECK(rows[3][1] == "3");
    CHECK(rows[3][3] == "'-5 days");
    CHECK(rows[3][4] == "'=HYPERLINK(\"http://x\",\"click\"), then\r\nmore\nlines");
    CHECK(rows[3][6] == "0.25");
    CHECK(rows[4][0] == "NDA");
    CHECK(rows[4][7] == "rejected");
}

TEST_CASE("CSV export can start with a BOM and pick columns", "[export]") {
    Fixture f;
    ExportOptions options;
    options.excel_bom = true;
    options.columns = {"status", "document"};
    const QByteArray bytes = f.csv({}, options);
    REQUIRE(bytes.startsWith("\xEF\xBB\xBF"));
    const auto rows = parse_csv(QString::fromUtf8(bytes.mid(3)));
    REQUIRE(rows.size() == 5);
    CHECK(rows[0] == QStringList{"status", "document"});
    CHECK(rows[1] == QStringList{"accepted", "Lease"});
    options.columns = {"nonsense"};
    CHECK_THROWS_WITH(f.csv({}, options), Catch::Contains("unknown export column 'nonsense'"));
}

TEST_CASE("exports filter by status, category and document", "[export]") {
    Fixture f;
    const auto categories = [&](const ExportFilter& filter) {
        QStringList out;
        for (const QStringList& row : parse_csv(QString::fromUtf8(f.csv(filter)))) {
            out << row[0] + "/" + row[3];
        }
        out.removeFirst(); // the header
        return out;
    };
    ExportFilter accepted;
    accepted.accepted_only = true;
    CHECK(categories(accepted) == QStringList{"Lease/Rent", "Lease/Governing Law"});
    ExportFilter law;
    law.category = "Governing Law";
    CHECK(categories(law) == QStringList{"Lease/Governing Law", "NDA/Governing Law"});
    ExportFilter by_title;
    by_title.document_sha_or_title = "NDA";
    CHECK(categories(by_title) == QStringList{"NDA/Governing Law"});
    ExportFilter by_sha;
    by_sha.document_sha_or_title = QString::fromLatin1(f.store.documents()[0].sha256.left(10));
    CHECK(categories(by_sha).size() == 3);
    ExportFilter by_id;
    by_id.document_id = f.lease_id;
    by_id.category = "Governing Law";
    by_id.accepted_only = true;
    CHECK(categories(by_id) == QStringList{"Lease/Governing Law"});
    ExportFilter unknown;
    unknown.document_sha_or_title = "No Such Contract";
    CHECK_THROWS_WITH(f.csv(unknown), Catch::Contains("no document"));
    ExportFilter short_sha;
    short_sha.document_sha_or_title = QString::fromLatin1(f.store.documents()[0].sha256.left(4));
    CHECK_THROWS_AS(f.csv(short_sha), StoreError); // too short to be a sha256 prefix
}

TEST_CASE("JSON export parses back with every field", "[export]") {
    Fixture f;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.json(), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(doc.isArray());
    const QJsonArray rows = doc.array();
    REQUIRE(rows.size() == 4);
    const QJsonObject first = rows[0].toObject();
    CHECK(first["document"].toObject()["title"].toString() == "Lease");
    CHECK(first["document"].toObject()["sha256"].toString().size() == 64);
    CHECK(first["page"].toInt() == 1);
    CHECK(first["heading_path"].toString() == "1 > 1");
    CHECK(first["category"].toString() == "Rent");
    CHECK(first["clause_text"].toString() == "Rent is due monthly");
    CHECK(first["fields"].toObject()["period"].toString() == "monthly");
    CHECK(first["score"].toDouble() == Approx(0.91));
    CHECK(first["status"].toString() == "accepted");
    CHECK(first["run"].toObject()["model"].toString() == "tiny-q4");
    CHECK(first["run"].toObject()["adapter"].toString() == "lora-1");
    // Text is not neutralised in JSON: it is exactly the clause.
    CHECK(rows[2].toObject()["clause_text"].toString().startsWith("=HYPERLINK(\"http://x\""));
    CHECK(rows[2].toObject()["category"].toString() == "-5 days");

    ExportFilter none;
    none.category = "Nothing";
    const QJsonDocument empty = QJsonDocument::fromJson(f.json(none), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    CHECK(empty.array().isEmpty());

    ExportOptions options;
    options.columns = {"category", "score"};
    const QJsonObject narrow = QJsonDocument::fromJson(f.json({}, options)).array()[0].toObject();
    CHECK(narrow.keys() == QStringList{"category", "score"});
}

TEST_CASE("an export that cannot be written says so", "[export]") {
    Fixture f;
    // A device whose writes fail, as a file does on a full disk.
    class FullDisk : public QIODevice {
    protected:
        qint64 readData(char*, qint64) override { return -1; }
        qint64 writeData(const char*, qint64) override { return -1; }
    };
    FullDisk out;
    out.open(QIODevice::WriteOnly);
    CHECK_THROWS_WITH(export_csv(f.store, {}, {}, out), Catch::Contains("could not write"));
    CHECK_THROWS_WITH(export_json(f.store, {}, {}, out), Catch::Contains("could not write"));
}
