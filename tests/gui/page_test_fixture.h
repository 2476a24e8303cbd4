#pragma once
// What the page view tests share: one cuad-dev contract ingested into a fresh
// store, so that tests can compare what the view shows and selects with the
// words that ingestion stored for the same PDF.

#include "core/document.h"
#include "core/ingest_batch.h"
#include "core/store.h"
#include "gui_test_support.h"

#include <QFile>
#include <QTemporaryDir>
#include <memory>
#include <stdexcept>
#include <vector>

namespace clauselens::gui::test {

struct IngestedContract {
    QTemporaryDir dir;
    std::unique_ptr<core::Store> store;
    qint64 id = 0;
    QString pdf;
    core::Document document;

    explicit IngestedContract(const QString& pdf_path) : pdf(pdf_path) {
        store = std::make_unique<core::Store>(
            core::Store::open(dir.filePath(QStringLiteral("clauselens.db"))));
        const core::BatchSummary summary = core::ingest_files(*store, {pdf}, {});
        if (summary.files.size() != 1 || summary.files[0].result != core::FileResult::ingested)
            throw std::runtime_error("the test contract did not ingest");
        id = store->documents().at(0).id;
        document = *store->load_document(id);
    }

    std::vector<QSizeF> page_sizes() const {
        std::vector<QSizeF> sizes;
        for (const core::Page& page : document.content.pages)
            sizes.push_back(page.size);
        return sizes;
    }

    // The stored words `first`, `first+1`, ... of a page that spell `phrase`
    // (words separated by single spaces), or none.
    std::vector<core::Word> find_words(int page, const QString& phrase) const {
        const QStringList wanted = phrase.split(QLatin1Char(' '));
        const std::vector<core::Word>& words =
            document.content.pages.at(static_cast<std::size_t>(page)).words;
        for (std::size_t i = 0; i + wanted.size() <= words.size(); ++i) {
            bool match = true;
            for (qsizetype k = 0; k < wanted.size() && match; ++k)
                match = words[i + static_cast<std::size_t>(k)].text == wanted[k];
            if (match)
                return {words.begin() + static_cast<std::ptrdiff_t>(i),
                        words.begin() + static_cast<std::ptrdiff_t>(i) + wanted.size()};
        }
        return {};
    }
};

// The plain text cuad-dev ships next to a contract's PDF.
inline QString cuad_text(const QString& pdf_path) {
    QString txt = pdf_path;
    txt.replace(QStringLiteral(".pdf"), QStringLiteral(".txt"));
    QFile file(txt);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace clauselens::gui::test
