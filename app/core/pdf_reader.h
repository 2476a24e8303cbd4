#pragma once
// Reading a PDF contract into a Document. PdfReader is the one class that
// talks to Poppler (Poppler-Qt6); everything after the words of a page is
// text_layout's job.

#include "core/document.h"
#include "core/ingest_error.h"
#include "core/text_layout.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>

namespace Poppler {
class Document;
}

namespace clauselens::core {

struct ReadOptions {
    QString password; // for encrypted PDFs (user or owner password)
    // Called before each page (0-based) with the page count, and once more with
    // (pages, pages) when done; returning false before a page
    // cancels: read_pdf then throws std::runtime_error("cancelled").
    std::function<bool(int page, int pages)> progress;
};

// Opens, checks and reads a PDF: sha256, path, title, file_size, status and
// content. Throws IngestError (its kind says why) for files it cannot read;
// a PDF without a text layer is returned with status needs_ocr.
Document read_pdf(const QString& path, const ReadOptions& options = {});

// The Poppler adapter. One page is loaded at a time and released before the
// next, so memory is bounded by a page (plus the text gathered so far).
class PdfReader {
public:
    // Throws IngestError: corrupt, password_required, wrong_password, empty.
    PdfReader(const QString& path, const QString& password);
    ~PdfReader();
    PdfReader(const PdfReader&) = delete;
    PdfReader& operator=(const PdfReader&) = delete;

    int pageCount() const;
    QString title() const;             // metadata Title, trimmed; may be empty
    RawPage readPage(int index) const; // words in page points, as displayed

private:
    QString path_;
    std::unique_ptr<Poppler::Document> document_;
};

} // namespace clauselens::core
