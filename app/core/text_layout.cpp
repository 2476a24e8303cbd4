#include "core/text_layout.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace clauselens::core {

QString normalize_text(const QString& text) {
    QString out;
    out.reserve(text.size() + 4);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        switch (c) {
        case 0xFB00:
            out += QLatin1String("ff");
            break;
        case 0xFB01:
            out += QLatin1String("fi");
            break;
        case 0xFB02:
            out += QLatin1String("fl");
            break;
        case 0xFB03:
            out += QLatin1String("ffi");
            break;
        case 0xFB04:
            out += QLatin1String("ffl");
            break;
        case 0xFB05:
        case 0xFB06:
            out += QLatin1String("st");
            break;
        case 0x00A0:
        case 0x202F:
        case 0x205F:
        case 0x3000:
            out += QLatin1Char(' ');
            break;
        // A soft hyphen is only visible at a line break, where it means the
        // same as a hyphen; elsewhere it is invisible.
        case 0x00AD:
            if (i + 1 == text.size())
                out += QLatin1Char('-');
            break;
        case 0x200B:
        case 0xFEFF:
            break; // zero-width: nothing to keep
        default:
            if (c >= 0x2000 && c <= 0x200A)
                out += QLatin1Char(' ');
            else
                out += text.at(i);
        }
    }
    return out.normalized(QString::NormalizationForm_C);
}

QString running_line_key(const QString& line) {
    QString key;
    key.reserve(line.size());
    bool space = false;
    for (const QChar c : line) {
        if (c.isSpace()) {
            space = !key.isEmpty();
            continue;
        }
        if (space)
            key += QLatin1Char(' ');
        space = false;
        key += c.isDigit() ? QChar(u'#') : c.toLower();
    }
    return key;
}

bool is_page_number(const QString& line) {
    static const QRegularExpression number(QStringLiteral(
        u"^(page\\s*)?[-\u2013\u2014(\\[]?\\s*(#+|[ivxlc]{1,6})\\s*[-\u2013\u2014)\\]]?"
        u"(\\s*(of|/)\\s*#+)?$"));
    return number.match(running_line_key(line)).hasMatch();
}

QString LayoutLine::text() const {
    QString out;
    for (const RawWord& word : words) {
        if (!out.isEmpty())
            out += QLatin1Char(' ');
        out += word.text;
    }
    return out;
}

namespace {

// A full-width visual line before columns are found: its words left to right.
struct Row {
    std::vector<RawWord> words;
    double top = 0, bottom = 0;
    double height() const { return bottom - top; }
};

struct Interval {
    double a, b;
    double width() const { return b - a; }
};

double median(std::vector<double> values, double fallback) {
    if (values.empty())
        return fallback;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

QRectF bounds(const std::vector<RawWord>& words) {
    QRectF box;
    for (const RawWord& word : words)
        box = box.isNull() ? word.box : box.united(word.box);
    return box;
}

// Words into rows: a word joins the row it overlaps most vertically (at least
// half the smaller height), so sub- and superscripts stay on their line.
std::vector<Row> make_rows(std::vector<RawWord> words) {
    std::sort(words.begin(), words.end(), [](const RawWord& x, const RawWord& y) {
        return x.box.center().y() < y.box.center().y();
    });
    std::vector<Row> rows;
    for (RawWord& word : words) {
        Row* best = nullptr;
        double best_overlap = 0;
        // Rows are sorted by centre, so only the last few can overlap.
        for (auto it = rows.rbegin(); it != rows.rend() && it - rows.rbegin() < 4; ++it) {
            const double overlap =
                std::min(it->bottom, word.box.bottom()) - std::max(it->top, word.box.top());
            const double smaller = std::min(it->height(), word.box.height());
            if (overlap >= 0.5 * smaller && overlap > best_overlap) {
                best = &*it;
                best_overlap = overlap;
            }
        }
        if (best == nullptr) {
            rows.push_back(Row{{}, word.box.top(), word.box.bottom()});
            best = &rows.back();
        }
        best->top = std::min(best->top, word.box.top());
        best->bottom = std::max(best->bottom, word.box.bottom());
        best->words.push_back(std::move(word));
    }
    for (Row& row : rows) {
        std::stable_sort(
            row.words.begin(), row.words.end(),
            [](const RawWord& x, const RawWord& y) { return x.box.left() < y.box.left(); });
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& x, const Row& y) { return x.top < y.top; });
    return rows;
}

// The horizontal spaces of [left, right] that a row leaves free and that are
// at least min_width wide: the candidates for a column gutter.
std::vector<Interval> free_space(const Row& row, double left, double right, double min_width) {
    std::vector<Interval> out;
    double x = left;
    for (const RawWord& word : row.words) {
        if (word.box.left() - x >= min_width)
            out.push_back({x, word.box.left()});
        x = std::max(x, word.box.right());
    }
    if (right - x >= min_width)
        out.push_back({x, right});
    return out;
}

std::vector<Interval> intersect(const std::vector<Interval>& x, const std::vector<Interval>& y,
                                double min_width) {
    std::vector<Interval> out;
    for (const Interval& i : x) {
        for (const Interval& j : y) {
            const Interval k{std::max(i.a, j.a), std::min(i.b, j.b)};
            if (k.width() >= min_width)
                out.push_back(k);
        }
    }
    return out;
}

// Marks paragraph starts in one stream of lines (a column or the full width):
// a vertical gap clearly larger than the usual line gap, or a line that
// follows a short line and is indented or starts like a new sentence.
void mark_paragraphs(std::vector<LayoutLine>& lines, double typical_gap) {
    if (lines.empty())
        return;
    double left = lines.front().box.left(), right = lines.front().box.right();
    for (const LayoutLine& line : lines) {
        left = std::min(left, line.box.left());
        right = std::max(right, line.box.right());
    }
    const double width = std::max(1.0, right - left);
    lines.front().paragraph_start = true;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const LayoutLine& prev = lines[i - 1];
        LayoutLine& line = lines[i];
        const double h = std::min(prev.box.height(), line.box.height());
        const double gap = line.box.top() - prev.box.bottom();
        const bool prev_short = prev.box.right() < left + 0.75 * width;
        const QChar first = line.words.front().text.front();
        const bool starts_sentence = first.isUpper() || first.isDigit() ||
                                     QStringLiteral("([\"'\u201c\u2022\u00a7").contains(first);
        const bool indented = line.box.left() > prev.box.left() + h;
        line.paragraph_start = gap > 1.5 * h || gap > typical_gap + 0.5 * h || gap < -h ||
                               (prev_short && (starts_sentence || indented));
    }
}

LayoutLine make_line(std::vector<RawWord> words) {
    LayoutLine line;
    line.box = bounds(words);
    line.words = std::move(words);
    return line;
}

} // namespace

QRectF to_reading_frame(const QRectF& box, const QSizeF& size, int text_rotation) {
    const double w = size.width(), h = size.height();
    switch (text_rotation) {
    case 90:
        return QRectF(box.top(), w - box.right(), box.height(), box.width());
    case 180:
        return QRectF(w - box.right(), h - box.bottom(), box.width(), box.height());
    case 270:
        return QRectF(h - box.bottom(), box.left(), box.height(), box.width());
    default:
        return box;
    }
}

QRectF from_reading_frame(const QRectF& box, const QSizeF& size, int text_rotation) {
    const double w = size.width(), h = size.height();
    switch (text_rotation) {
    case 90:
        return QRectF(w - box.bottom(), box.left(), box.height(), box.width());
    case 180:
        return QRectF(w - box.right(), h - box.bottom(), box.width(), box.height());
    case 270:
        return QRectF(box.top(), h - box.right(), box.height(), box.width());
    default:
        return box;
    }
}

PageLayout layout_page(const RawPage& page) {
    PageLayout out;
    out.size = page.size;
    out.rotation = page.rotation;
    out.text_rotation = page.text_rotation;
    out.frame_size = page.text_rotation % 180 == 0 ? page.size : page.size.transposed();

    std::vector<RawWord> words;
    words.reserve(page.words.size());
    for (const RawWord& word : page.words) {
        QString text = normalize_text(word.text).trimmed();
        if (!text.isEmpty() && word.box.width() >= 0 && word.box.height() > 0)
            words.push_back({std::move(text),
                             to_reading_frame(word.box, page.size, page.text_rotation),
                             word.space_after});
    }
    if (words.empty())
        return out;
    const std::vector<Row> rows = make_rows(std::move(words));

    double left = rows.front().words.front().box.left(), right = left;
    std::vector<double> heights;
    std::vector<double> gaps;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        left = std::min(left, rows[i].words.front().box.left());
        for (const RawWord& word : rows[i].words)
            right = std::max(right, word.box.right());
        heights.push_back(rows[i].height());
        if (i > 0 && rows[i].top > rows[i - 1].bottom)
            gaps.push_back(rows[i].top - rows[i - 1].bottom);
    }
    const double line_height = median(heights, 10.0);
    const double typical_gap = median(gaps, 0.2 * line_height);
    const double width = right - left;
    // Word spaces, even in justified text, stay below one line height; column
    // gutters are wider.
    const double gutter_min = std::max(6.0, line_height);

    // Lines go to the page in streams (full-width runs, then each column of a
    // two-column run); paragraphs are found within a stream.
    std::vector<LayoutLine> stream;
    const auto flush = [&](std::vector<LayoutLine>& lines) {
        mark_paragraphs(lines, typical_gap);
        for (LayoutLine& line : lines)
            out.lines.push_back(std::move(line));
        lines.clear();
    };
    std::size_t i = 0;
    while (i < rows.size()) {
        // The longest run of rows from i that leave some space free in common.
        std::vector<Interval> common = free_space(rows[i], left, right, gutter_min);
        std::size_t j = i + 1;
        // A page has a few hundred rows at most; the cap keeps a hostile page
        // with thousands of rows from costing quadratic time.
        while (j < rows.size() && j - i < 500) {
            std::vector<Interval> next =
                intersect(common, free_space(rows[j], left, right, gutter_min), gutter_min);
            if (next.empty())
                break;
            common = std::move(next);
            ++j;
        }
        // A gutter: inside the text, both sides wide, and both sides running
        // text (rows filling their side) in at least three rows. Tables with
        // short cells fail the last test and are read row by row.
        const Interval* gutter = nullptr;
        for (const Interval& g : common) {
            if (g.a < left + 0.25 * width || g.b > right - 0.25 * width)
                continue;
            int left_rows = 0, right_rows = 0;
            double left_fill = 0, right_fill = 0;
            for (std::size_t k = i; k < j; ++k) {
                double lmin = g.a, lmax = left, rmin = right, rmax = g.b;
                for (const RawWord& word : rows[k].words) {
                    if (word.box.right() <= g.a) {
                        lmin = std::min(lmin, word.box.left());
                        lmax = std::max(lmax, word.box.right());
                    } else {
                        rmin = std::min(rmin, word.box.left());
                        rmax = std::max(rmax, word.box.right());
                    }
                }
                if (lmax > lmin) {
                    ++left_rows;
                    left_fill += (lmax - lmin) / (g.a - left);
                }
                if (rmax > rmin) {
                    ++right_rows;
                    right_fill += (rmax - rmin) / (right - g.b);
                }
            }
            if (left_rows >= 3 && right_rows >= 3 && left_fill / left_rows >= 0.5 &&
                right_fill / right_rows >= 0.5 &&
                (gutter == nullptr || g.width() > gutter->width()))
                gutter = &g;
        }
        if (gutter == nullptr) {
            stream.push_back(make_line(rows[i].words));
            ++i;
            continue;
        }
        flush(stream);
        std::vector<LayoutLine> left_lines, right_lines;
        for (std::size_t k = i; k < j; ++k) {
            std::vector<RawWord> l, r;
            for (const RawWord& word : rows[k].words)
                (word.box.right() <= gutter->a ? l : r).push_back(word);
            if (!l.empty())
                left_lines.push_back(make_line(std::move(l)));
            if (!r.empty())
                right_lines.push_back(make_line(std::move(r)));
        }
        flush(left_lines);
        flush(right_lines);
        i = j;
    }
    flush(stream);
    return out;
}

void DocumentTextBuilder::add_page(const RawPage& page) {
    pages_.push_back(layout_page(page));
}

namespace {

// Running headers and footers sit in these top and bottom fractions of a page,
// measured from the page's edges and also from its text's edges: EDGAR filings
// often print a small page in the upper part of the sheet, with the page
// number in the middle of the paper.
constexpr double kMarginZone = 0.08;

struct TextExtent {
    double top = 0, bottom = 0;            // of all lines
    double last_top = 0, first_bottom = 0; // of the lowest and highest line
};

TextExtent extent_of(const std::vector<const LayoutLine*>& lines) {
    TextExtent e;
    if (lines.empty())
        return e;
    e.top = e.last_top = lines.front()->box.top();
    e.bottom = e.first_bottom = lines.front()->box.bottom();
    for (const LayoutLine* line : lines) {
        e.top = std::min(e.top, line->box.top());
        e.bottom = std::max(e.bottom, line->box.bottom());
        e.first_bottom = std::min(e.first_bottom, line->box.bottom());
        e.last_top = std::max(e.last_top, line->box.top());
    }
    return e;
}

// 't' or 'b' when the line lies in the top or bottom zone, else 0. size is
// that of the reading frame.
char zone_of(const LayoutLine& line, const QSizeF& size, const TextExtent& text) {
    const double band = kMarginZone * size.height();
    // The text's own edges mark a header or footer only when there is body
    // text between the two bands; a page of a few short lines is all body.
    const bool text_has_body = text.bottom - text.top > 2 * band;
    const double top_limit = text_has_body ? std::max(band, text.top + band) : band;
    const double bottom_limit =
        text_has_body ? std::min(size.height() - band, text.bottom - band) : size.height() - band;
    if (line.box.bottom() <= top_limit)
        return 't';
    if (line.box.top() >= bottom_limit)
        return 'b';
    return 0;
}

// The highest or lowest line of the page (with those level with it).
bool is_extreme(const LayoutLine& line, const TextExtent& text) {
    return line.box.bottom() <= text.first_bottom + 1 || line.box.top() >= text.last_top - 1;
}

std::vector<const LayoutLine*> pointers(const std::vector<LayoutLine>& lines) {
    std::vector<const LayoutLine*> out;
    out.reserve(lines.size());
    for (const LayoutLine& line : lines)
        out.push_back(&line);
    return out;
}

bool ends_hyphenated(const QString& word) {
    return word.size() >= 3 && word.endsWith(QLatin1Char('-')) &&
           word.at(word.size() - 2).isLetter();
}

} // namespace

DocumentText DocumentTextBuilder::finish() {
    // A line is a running header/footer when its key (digits as '#') appears
    // in the same zone on at least half of the pages, and on three or more.
    QHash<QString, int> counts;
    for (const PageLayout& page : pages_) {
        const TextExtent extent = extent_of(pointers(page.lines));
        QSet<QString> seen;
        for (const LayoutLine& line : page.lines) {
            if (const char zone = zone_of(line, page.frame_size, extent))
                seen.insert(QLatin1Char(zone) + running_line_key(line.text()));
        }
        for (const QString& key : seen)
            ++counts[key];
    }
    const int repeat_min = std::max(3, (page_count() + 1) / 2);

    DocumentText out;
    out.pages.reserve(pages_.size());
    for (std::size_t p = 0; p < pages_.size(); ++p) {
        PageLayout& layout = pages_[p];
        // First the repeated lines go, then a page number that is left at the
        // top or bottom of the page's text (or in the page's margin zones).
        const TextExtent extent = extent_of(pointers(layout.lines));
        std::vector<const LayoutLine*> kept;
        for (const LayoutLine& line : layout.lines) {
            const char zone = zone_of(line, layout.frame_size, extent);
            if (zone == 0 ||
                counts.value(QLatin1Char(zone) + running_line_key(line.text())) < repeat_min)
                kept.push_back(&line);
        }
        const TextExtent rest = extent_of(kept);
        const double band = kMarginZone * layout.frame_size.height();
        std::erase_if(kept, [&](const LayoutLine* line) {
            const bool margin =
                line->box.bottom() <= band || line->box.top() >= layout.frame_size.height() - band;
            return (margin || is_extreme(*line, rest)) && is_page_number(line->text());
        });

        Page page;
        page.number = static_cast<int>(p);
        page.size = layout.size;
        page.rotation = layout.rotation;
        if (!kept.empty() && !out.text.isEmpty())
            out.text += QLatin1String("\n\n");
        page.text_begin = out.text.size();
        bool join_next = false; // the previous line ended in a hyphen to join
        for (std::size_t k = 0; k < kept.size(); ++k) {
            const LayoutLine& line = *kept[k];
            if (k > 0 && !join_next)
                out.text += QLatin1String(line.paragraph_start ? "\n\n" : "\n");
            // Join "indemni-" + "fication": the next line of the same paragraph
            // starts in lower case. Both halves keep their own boxes.
            const LayoutLine* next = k + 1 < kept.size() ? kept[k + 1] : nullptr;
            const bool join = next != nullptr && !next->paragraph_start &&
                              ends_hyphenated(line.words.back().text) &&
                              next->words.front().text.front().isLower();
            for (std::size_t w = 0; w < line.words.size(); ++w) {
                Word word{line.words[w].text,
                          from_reading_frame(line.words[w].box, layout.size, layout.text_rotation),
                          0};
                if (w > 0)
                    out.text += QLatin1Char(' ');
                if (join && w + 1 == line.words.size())
                    word.text.chop(1);
                word.begin = out.text.size();
                out.text += word.text;
                page.words.push_back(std::move(word));
            }
            join_next = join;
        }
        page.text_end = out.text.size();
        out.pages.push_back(std::move(page));
        layout.lines.clear(); // the laid-out words are in the text now
        layout.lines.shrink_to_fit();
    }
    pages_.clear();
    return out;
}

} // namespace clauselens::core
