// libFuzzer target for PDF ingestion: arbitrary bytes as a PDF file through
// read_pdf (Poppler, then our layout: reading order, running lines, hyphens,
// normalisation). Every failure must be an exception (IngestError or a
// cancellation); a crash or a sanitizer report is a bug, ours or Poppler's.
// Poppler itself is not instrumented, so coverage guidance comes from our
// layout code. Build with the `fuzz` preset; run with run_fuzz.sh (NAME pdf).

#include "core/pdf_reader.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // read_pdf reads files; one per fuzzing process, rewritten for each input.
    static const QString path =
        QStringLiteral("/tmp/clauselens-fuzz-pdf-%1.pdf").arg(static_cast<qint64>(getpid()));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return 0;
    }
    file.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size));
    file.close();
    try {
        clauselens::core::ReadOptions options;
        // Bound the work per input: a mutated page tree can claim many pages.
        options.progress = [](int page, int) {
            return page < 50;
        };
        const clauselens::core::Document doc = clauselens::core::read_pdf(path, options);
        // Walk what came out, so that inconsistent offsets would be touched.
        for (const auto& page : doc.content.pages) {
            for (const auto& word : page.words) {
                if (word.begin < 0 || word.begin + word.text.size() > doc.content.text.size()) {
                    std::terminate(); // a word outside the document text: a layout bug
                }
            }
        }
    } catch (const std::exception&) {
        // Rejected input: what every malformed file must produce.
    }
    return 0;
}
