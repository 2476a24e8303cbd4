#include "core/pdf_reader.h"

#include "core/document_id.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <mutex>
#include <poppler-qt6.h>
#include <stdexcept>

namespace clauselens::core {

namespace {

// Poppler prints every syntax problem of a damaged file to stderr; ingestion
// reports failures through IngestError instead, so the chatter is dropped.
void quiet_poppler(const QString&, const QVariant&) {}

[[noreturn]] void fail(IngestError::Kind kind, const QString& path, const QString& what) {
    throw IngestError(kind, QStringLiteral("%1: %2").arg(path, what));
}

int rotation_degrees(Poppler::Page::Orientation orientation) {
    switch (orientation) {
    case Poppler::Page::Landscape:
        return 90;
    case Poppler::Page::UpsideDown:
        return 180;
    case Poppler::Page::Seascape:
        return 270;
    case Poppler::Page::Portrait:
        break;
    }
    return 0;
}

// Cheap checks before Poppler sees the file, so that each failure gets its
// own kind and message: missing, empty, not a PDF, cut short.
void check_file(const QString& path, qint64& size) {
    const QFileInfo info(path);
    if (!info.exists())
        fail(IngestError::Kind::unreadable, path, QStringLiteral("no such file"));
    if (!info.isFile())
        fail(IngestError::Kind::unreadable, path, QStringLiteral("not a file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(IngestError::Kind::unreadable, path,
             QStringLiteral("cannot read: %1; check its permissions").arg(file.errorString()));
    size = file.size();
    if (size == 0)
        fail(IngestError::Kind::empty, path, QStringLiteral("the file is empty (0 bytes)"));
    // PDF readers accept the header anywhere in the first 1024 bytes.
    if (!file.read(1024).contains("%PDF-"))
        fail(IngestError::Kind::not_pdf, path,
             QStringLiteral("not a PDF file (no %PDF- header); convert it to PDF first"));
    // A complete PDF ends with %%EOF (give or take trailing bytes). Without it
    // the file was cut short (an interrupted download or copy): Poppler may
    // still show some pages, but the contract would be silently incomplete.
    file.seek(std::max<qint64>(0, size - 1024));
    if (!file.read(1024).contains("%%EOF"))
        fail(IngestError::Kind::corrupt, path,
             QStringLiteral("the PDF is truncated (no end-of-file marker); copy or "
                            "download it again"));
}

} // namespace

PdfReader::PdfReader(const QString& path, const QString& password) : path_(path) {
    static std::once_flag quiet; // readers may run on several threads at once
    std::call_once(quiet, [] { Poppler::setDebugErrorFunction(quiet_poppler, QVariant()); });
    const QByteArray secret = password.toUtf8();
    document_ = Poppler::Document::load(path, secret, secret);
    if (!document_)
        fail(IngestError::Kind::corrupt, path,
             QStringLiteral("the PDF is damaged and cannot be opened; try to repair or "
                            "re-export it"));
    if (document_->isLocked()) {
        if (password.isEmpty())
            fail(IngestError::Kind::password_required, path,
                 QStringLiteral("the PDF is encrypted: give its password (--password)"));
        fail(IngestError::Kind::wrong_password, path,
             QStringLiteral("the password does not open this encrypted PDF; check it and "
                            "try again (--password)"));
    }
    if (document_->numPages() <= 0)
        fail(IngestError::Kind::empty, path, QStringLiteral("the PDF has no pages"));
}

PdfReader::~PdfReader() = default;

int PdfReader::pageCount() const {
    return document_->numPages();
}

QString PdfReader::title() const {
    return normalize_text(document_->info(QStringLiteral("Title"))).simplified();
}

RawPage PdfReader::readPage(int index) const {
    const std::unique_ptr<Poppler::Page> page = document_->page(index);
    if (!page)
        fail(IngestError::Kind::corrupt, path_,
             QStringLiteral("page %1 is damaged and cannot be read").arg(index + 1));
    RawPage raw;
    raw.size = page->pageSizeF(); // swapped for 90/270 degrees, like the boxes
    raw.rotation = rotation_degrees(page->orientation());
    // Rotate0 here means "as displayed": Poppler applies the page's /Rotate.
    const std::vector<std::unique_ptr<Poppler::TextBox>> boxes = page->textList();
    raw.words.reserve(boxes.size());
    // The direction most characters run (first to last character of a word)
    // decides the page's reading frame; votes weighted by word length.
    qsizetype votes[4] = {0, 0, 0, 0};
    for (const std::unique_ptr<Poppler::TextBox>& box : boxes) {
        const QString text = box->text();
        if (text.size() >= 2) {
            const QPointF d = box->charBoundingBox(static_cast<int>(text.size()) - 1).center() -
                              box->charBoundingBox(0).center();
            const int direction =
                std::abs(d.x()) >= std::abs(d.y()) ? (d.x() >= 0 ? 0 : 2) : (d.y() > 0 ? 1 : 3);
            votes[direction] += text.size();
        }
        raw.words.push_back({text, box->boundingBox(), box->hasSpaceAfter()});
    }
    const qsizetype* best = std::max_element(votes, votes + 4);
    raw.text_rotation = *best > votes[0] ? static_cast<int>(best - votes) * 90 : 0;
    return raw;
}

Document read_pdf(const QString& path, const ReadOptions& options) {
    Document document;
    document.path = path;
    check_file(path, document.file_size);
    try {
        document.sha256 = file_sha256(path);
    } catch (const std::runtime_error& error) {
        throw IngestError(IngestError::Kind::unreadable, QString::fromStdString(error.what()));
    }

    const PdfReader reader(path, options.password);
    const int pages = reader.pageCount();
    DocumentTextBuilder builder;
    for (int i = 0; i < pages; ++i) {
        if (options.progress && !options.progress(i, pages))
            throw std::runtime_error("cancelled");
        builder.add_page(reader.readPage(i));
    }
    if (options.progress)
        options.progress(pages, pages);
    document.title = reader.title();
    if (document.title.isEmpty())
        document.title = QFileInfo(path).fileName();
    document.content = builder.finish();

    // A scan has no text layer; a stray stamp or page number does not make one.
    qsizetype letters = 0;
    for (const QChar c : document.content.text)
        letters += c.isSpace() ? 0 : 1;
    if (letters < 20) {
        document.status = DocumentStatus::needs_ocr;
        document.content.text.clear();
        for (Page& page : document.content.pages) {
            page.words.clear();
            page.text_begin = page.text_end = 0;
        }
    }
    return document;
}

} // namespace clauselens::core
