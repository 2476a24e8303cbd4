#pragma once
// Documents built by hand for the store and export tests, so that they do not
// depend on PDF ingestion: each paragraph becomes one segment on its own page.

#include "core/document.h"

#include <QCryptographicHash>
#include <QStringList>
#include <vector>

namespace clauselens::test {

struct TestDocument {
    core::Document doc;
    std::vector<core::Segment> segments;
};

inline TestDocument make_document(const QString& title, const QStringList& paragraphs,
                                  const QString& headings_prefix = QStringLiteral("1")) {
    TestDocument t;
    t.doc.title = title;
    t.doc.path = QStringLiteral("/contracts/") + title + QStringLiteral(".pdf");
    t.doc.sha256 = QCryptographicHash::hash(title.toUtf8(), QCryptographicHash::Sha256).toHex();
    QString& text = t.doc.content.text;
    for (int i = 0; i < paragraphs.size(); ++i) {
        if (i > 0) {
            text += QStringLiteral("\n\n");
        }
        core::Page page;
        page.number = i;
        page.size = QSizeF(612, 792);
        page.text_begin = text.size();
        core::Segment seg;
        seg.index = i;
        seg.heading_path = headings_prefix + QStringLiteral(" > ") + QString::number(i + 1);
        seg.begin = text.size();
        seg.page_first = i;
        seg.page_last = i;
        qreal x = 72;
        for (const QString& word : paragraphs[i].split(u' ', Qt::SkipEmptyParts)) {
            if (text.size() > seg.begin) {
                text += u' ';
            }
            const QRectF box(x, 100 + i, 6.0 * word.size(), 12);
            page.words.push_back(core::Word{word, box, text.size()});
            seg.boxes.push_back(core::Segment::Box{i, box});
            text += word;
            x += box.width() + 4;
        }
        seg.end = text.size();
        seg.text = text.mid(seg.begin, seg.end - seg.begin);
        page.text_end = text.size();
        t.doc.content.pages.push_back(std::move(page));
        t.segments.push_back(std::move(seg));
    }
    t.doc.file_size = text.size() * 3;
    return t;
}

} // namespace clauselens::test
