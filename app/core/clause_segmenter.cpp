#include "core/clause_segmenter.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace clauselens::core {

namespace {

// ---------------------------------------------------------------------------
// Headings

enum class HeadingKind {
    article,      // Article IV, ARTICLE 5 - TERM
    decimal,      // 1. / 1.1 / Section 12.1 (depth = number of components)
    letter_lower, // (a) a) a.
    letter_upper, // (A) A.
    roman_lower,  // (iv) iv)
    roman_upper,  // (IV) IV.
};

// One numbering token at the start of a line, before the level is known.
// "12.3(b)" gives two: 12.3 and (b).
struct HeadingToken {
    HeadingKind kind = HeadingKind::decimal; // letters and romans are resolved later
    int depth = 1;                           // decimal only
    QString token;                           // "12.3", "b", "iv", "Article IV"
    QString label;                           // as shown in the path: "12.3", "(b)"
    bool ambiguous = false;                  // letters that are also roman numerals
};

struct ParsedHeading {
    std::vector<HeadingToken> tokens;
    qsizetype length = 0; // characters of the line taken by the numbering
};

bool is_roman(QStringView s) {
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (!QStringLiteral("ivxlcdmIVXLCDM").contains(c))
            return false;
    return true;
}

int roman_value(QStringView s) {
    auto value = [](QChar c) {
        switch (c.toLower().unicode()) {
        case 'i':
            return 1;
        case 'v':
            return 5;
        case 'x':
            return 10;
        case 'l':
            return 50;
        case 'c':
            return 100;
        case 'd':
            return 500;
        case 'm':
            return 1000;
        default:
            return 0;
        }
    };
    int total = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const int v = value(s[i]);
        if (i + 1 < s.size() && v < value(s[i + 1]))
            total -= v;
        else
            total += v;
    }
    return total;
}

// A letter or roman token; whether "i", "v", "x"... is a letter or a numeral
// is decided against the headings before it (see HeadingStack).
HeadingToken letter_token(const QString& token, const QString& label) {
    HeadingToken t;
    const bool upper = token[0].isUpper();
    t.token = token;
    t.label = label;
    if (is_roman(token)) {
        t.kind = upper ? HeadingKind::roman_upper : HeadingKind::roman_lower;
        // A multi-character token like "iv" or "ii" can only be a numeral;
        // "aa" never reaches here.
        t.ambiguous = token.size() == 1;
    } else {
        t.kind = upper ? HeadingKind::letter_upper : HeadingKind::letter_lower;
    }
    return t;
}

// The numbering at the start of `line` (already left-trimmed), if any.
ParsedHeading parse_heading(QStringView line) {
    ParsedHeading result;

    // "Article IV", "ARTICLE 5 - TERM", "Section 12", "SECTION 12.1". What
    // follows must look like a title or the end of the line, so that a wrapped
    // reference ("Section 4.1 hereof") is not taken for a heading.
    static const QRegularExpression named(QStringLiteral(
        R"(^((?i:article|section))\s+([0-9]{1,3}(?:\.[0-9]{1,3})*|[IVXLCDMivxlcdm]{1,7})\.?)"
        R"((?=\s*$|\s*[-–—:.]|\s+[A-Z(\["“]))"));
    // "1." "1.1" "1.1." "12.3(b)": a bare number without a dot ("2005 and")
    // is not a heading.
    static const QRegularExpression decimal(
        QStringLiteral(R"(^([0-9]{1,3}(?:\.[0-9]{1,3})+|[0-9]{1,3}(?=\.))\.?(?=\s|$|\())"));
    static const QRegularExpression sub_paren(
        QStringLiteral(R"(^\(([A-Za-z]{1,2}|[ivxlcdmIVXLCDM]{1,6})\))"));
    // "(a)", "a)", "A.", "iv." followed by space (or a quote, as in B."PRODUCT").
    static const QRegularExpression paren(
        QStringLiteral(R"(^\(([A-Za-z]{1,2}|[ivxlcdmIVXLCDM]{1,6})\)(?=\s|$))"));
    static const QRegularExpression closing(QStringLiteral(R"(^([a-z]|[ivxlcdm]{1,6})\)(?=\s))"));
    static const QRegularExpression dotted(
        QStringLiteral(R"(^([A-Za-z]|[ivxlcdmIVXLCDM]{1,6})\.(?=\s|["“]))"));

    if (auto m = named.match(line); m.hasMatch()) {
        HeadingToken t;
        const QString number = m.captured(2);
        const bool is_article =
            m.captured(1).compare(QLatin1String("article"), Qt::CaseInsensitive) == 0;
        t.kind = is_article ? HeadingKind::article : HeadingKind::decimal;
        t.depth = is_article ? 0 : int(number.count(QLatin1Char('.'))) + 1;
        t.token = number;
        t.label = m.captured(1) + QLatin1Char(' ') + number;
        result.tokens.push_back(t);
        result.length = m.capturedLength(0);
        return result;
    }
    if (auto m = decimal.match(line); m.hasMatch()) {
        HeadingToken t;
        t.kind = HeadingKind::decimal;
        t.token = m.captured(1);
        t.depth = int(t.token.count(QLatin1Char('.'))) + 1;
        t.label = t.token;
        result.tokens.push_back(t);
        result.length = m.capturedLength(0);
        // "12.3(b)(ii)": the sub-numbering belongs to the same heading.
        for (;;) {
            auto sub = sub_paren.match(line.mid(result.length));
            if (!sub.hasMatch())
                break;
            result.tokens.push_back(letter_token(sub.captured(1), sub.captured(0)));
            result.length += sub.capturedLength(0);
        }
        return result;
    }
    if (auto m = paren.match(line); m.hasMatch()) {
        result.tokens.push_back(letter_token(m.captured(1), m.captured(0)));
        result.length = m.capturedLength(0);
        return result;
    }
    if (auto m = closing.match(line); m.hasMatch()) {
        result.tokens.push_back(letter_token(m.captured(1), m.captured(0)));
        result.length = m.capturedLength(0);
        return result;
    }
    if (auto m = dotted.match(line); m.hasMatch()) {
        result.tokens.push_back(letter_token(m.captured(1), m.captured(0)));
        result.length = m.capturedLength(0);
        return result;
    }
    return result;
}

// The open headings, outermost first. Articles and decimal numbers have a
// fixed order (Article > 1 > 1.1 > 1.1.1); letters and romans nest in
// whatever order the document uses, so a letter or roman closes back to its
// last sibling of the same kind if one is open, and nests otherwise.
class HeadingStack {
public:
    void push(HeadingToken token) {
        if (token.ambiguous)
            token.kind = resolve(token);
        if (token.kind == HeadingKind::article || token.kind == HeadingKind::decimal) {
            const int rank = token.kind == HeadingKind::article ? 0 : token.depth;
            while (!entries_.empty() && rank_of(entries_.back()) >= rank)
                entries_.pop_back();
            // "12.3" does not belong under an open "2": close numbers that
            // are not its prefix.
            if (token.kind == HeadingKind::decimal) {
                while (!entries_.empty() && entries_.back().kind == HeadingKind::decimal &&
                       !token.token.startsWith(entries_.back().token + QLatin1Char('.')))
                    entries_.pop_back();
            }
        } else {
            for (std::size_t i = entries_.size(); i-- > 0;) {
                if (entries_[i].kind == token.kind) {
                    entries_.resize(i);
                    break;
                }
            }
        }
        entries_.push_back(std::move(token));
    }

    QString path() const {
        QStringList labels;
        for (const HeadingToken& e : entries_)
            labels << e.label;
        return labels.join(QStringLiteral(" > "));
    }

private:
    static int rank_of(const HeadingToken& t) {
        if (t.kind == HeadingKind::article)
            return 0;
        if (t.kind == HeadingKind::decimal)
            return t.depth;
        return 1000; // letters and romans sit below any numbered section
    }

    const HeadingToken* last_of(HeadingKind kind) const {
        for (auto it = entries_.rbegin(); it != entries_.rend(); ++it)
            if (it->kind == kind)
                return &*it;
        return nullptr;
    }

    // "(i)" after "(h)" is a letter, "(v)" after "(iv)" a numeral; with no
    // such sibling "i" starts a list of numerals and "c", "d", "l", "m", "v",
    // "x" are letters.
    HeadingKind resolve(const HeadingToken& t) const {
        const bool upper = t.token[0].isUpper();
        const HeadingKind letter = upper ? HeadingKind::letter_upper : HeadingKind::letter_lower;
        const HeadingKind roman = upper ? HeadingKind::roman_upper : HeadingKind::roman_lower;
        if (const HeadingToken* prev = last_of(letter);
            prev && prev->token.size() == 1 && prev->token[0].unicode() + 1 == t.token[0].unicode())
            return letter;
        if (const HeadingToken* prev = last_of(roman);
            prev && roman_value(prev->token) + 1 == roman_value(t.token))
            return roman;
        return t.token.compare(QLatin1String("i"), Qt::CaseInsensitive) == 0 ? roman : letter;
    }

    std::vector<HeadingToken> entries_;
};

// ---------------------------------------------------------------------------
// Lines and blocks

struct Line {
    qsizetype begin = 0; // first non-blank character
    qsizetype end = 0;   // one past the last non-blank character
    bool blank() const { return begin == end; }
};

std::vector<Line> split_lines(const QString& text) {
    std::vector<Line> lines;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype stop = text.indexOf(QLatin1Char('\n'), start);
        if (stop < 0)
            stop = text.size();
        Line line{start, stop};
        while (line.begin < line.end && text[line.begin].isSpace())
            ++line.begin;
        while (line.end > line.begin && text[line.end - 1].isSpace())
            --line.end;
        lines.push_back(line);
        start = stop + 1;
    }
    return lines;
}

// A block is a paragraph or a numbered item within one: the unit that gets a
// heading path before titles are attached and long blocks are cut.
struct Block {
    qsizetype begin = 0;
    qsizetype end = 0;
    ParsedHeading heading;
    bool title = false; // a heading or caption with no body of its own
    QString path;
};

bool ends_sentence_or_item(QStringView line) {
    if (line.isEmpty())
        return true;
    static const QString enders = QStringLiteral(".:;!?");
    QStringView s = line;
    // A closing quote or bracket after the punctuation: `"Term".` `(b).)`
    while (s.size() > 1 && QStringLiteral("\"”’)]").contains(s.back()))
        s.chop(1);
    if (enders.contains(s.back()))
        return true;
    // "(a) ...; and" / "(b) ...; or": the next line starts a sibling item.
    return line.endsWith(QLatin1String(" and")) || line.endsWith(QLatin1String(" or"));
}

// "...covered by this" (then a page break, then "Agreement and shall"): a
// line ending in a lower-case word without punctuation is mid-sentence.
bool ends_in_lower_word(QStringView line) {
    return !line.isEmpty() && line.back().isLower();
}

// A caption such as "12. Governing Law.", "TERM OF CONTRACT" or "(b)": kept
// with the body that follows it rather than standing alone.
bool is_title(QStringView block, const ParsedHeading& heading) {
    QStringView rest = block.mid(heading.length).trimmed();
    if (rest.isEmpty())
        return !heading.tokens.empty();
    if (rest.size() > 100 || rest.contains(QLatin1Char('\n')))
        return false;
    if (QStringLiteral(",;:").contains(rest.back()))
        return false;
    const auto words = rest.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() > 12)
        return false;
    bool has_letter = false;
    bool all_upper = true;
    bool title_case = true;
    static const QSet<QString> small_words = {
        QStringLiteral("of"),   QStringLiteral("and"),  QStringLiteral("the"),
        QStringLiteral("to"),   QStringLiteral("for"),  QStringLiteral("in"),
        QStringLiteral("on"),   QStringLiteral("or"),   QStringLiteral("a"),
        QStringLiteral("an"),   QStringLiteral("by"),   QStringLiteral("with"),
        QStringLiteral("from"), QStringLiteral("upon"), QStringLiteral("at"),
    };
    for (QStringView w : words) {
        for (QChar c : w) {
            if (c.isLetter()) {
                has_letter = true;
                if (c.isLower())
                    all_upper = false;
            }
        }
        qsizetype first = 0;
        while (first < w.size() && !w[first].isLetter())
            ++first;
        if (first < w.size() && w[first].isLower() &&
            !small_words.contains(w.mid(first).toString()))
            title_case = false;
    }
    if (!has_letter)
        return !heading.tokens.empty();
    // A numbered caption may end with a period ("Governing Law."); an
    // unnumbered line must be all capitals ("WITNESSETH") or a short title
    // without a period, else it is a sentence.
    if (!heading.tokens.empty())
        return title_case;
    return all_upper ||
           (title_case && words.size() <= 8 && !QStringLiteral(".!?").contains(rest.back()));
}

std::vector<Block> find_blocks(const QString& text) {
    const std::vector<Line> lines = split_lines(text);
    std::vector<Block> blocks;
    bool blank_before = false;
    const Line* previous = nullptr;
    for (const Line& line : lines) {
        if (line.blank()) {
            blank_before = true;
            continue;
        }
        const QStringView content = QStringView(text).mid(line.begin, line.end - line.begin);
        ParsedHeading heading = parse_heading(content);
        bool start = false;
        if (!previous) {
            start = true;
        } else {
            const QStringView prev =
                QStringView(text).mid(previous->begin, previous->end - previous->begin);
            const Block& last = blocks.back();
            const bool prev_done =
                ends_sentence_or_item(prev) ||
                is_title(QStringView(text).mid(last.begin, last.end - last.begin), last.heading);
            if (blank_before) {
                // A paragraph break inside a sentence (a page break, or a
                // hard-wrapped source) does not end the block: the next line
                // goes on in lower case after a line with no end punctuation.
                const bool continues = heading.tokens.empty() && !prev_done &&
                                       (content[0].isLower() || ends_in_lower_word(prev));
                start = !continues;
            } else {
                // Inside a paragraph a numbered line starts an item only
                // after a finished line; "...as set out in\n(a) above" or
                // "...under\nSection 4.1 hereof" are wrapped references.
                start = !heading.tokens.empty() && prev_done;
            }
        }
        if (start) {
            Block b;
            b.begin = line.begin;
            b.end = line.end;
            b.heading = std::move(heading);
            blocks.push_back(std::move(b));
        } else {
            blocks.back().end = line.end;
        }
        previous = &line;
        blank_before = false;
    }
    return blocks;
}

// ---------------------------------------------------------------------------
// Sentences

// Tokens after which a period does not end a sentence.
bool is_abbreviation(QStringView word) {
    static const QSet<QString> abbreviations = {
        QStringLiteral("inc"),    QStringLiteral("ltd"),    QStringLiteral("co"),
        QStringLiteral("corp"),   QStringLiteral("no"),     QStringLiteral("nos"),
        QStringLiteral("sec"),    QStringLiteral("secs"),   QStringLiteral("art"),
        QStringLiteral("arts"),   QStringLiteral("mr"),     QStringLiteral("mrs"),
        QStringLiteral("ms"),     QStringLiteral("dr"),     QStringLiteral("st"),
        QStringLiteral("vs"),     QStringLiteral("v"),      QStringLiteral("para"),
        QStringLiteral("paras"),  QStringLiteral("fig"),    QStringLiteral("jr"),
        QStringLiteral("sr"),     QStringLiteral("llc"),    QStringLiteral("l.l.c"),
        QStringLiteral("l.p"),    QStringLiteral("n.a"),    QStringLiteral("ave"),
        QStringLiteral("blvd"),   QStringLiteral("approx"), QStringLiteral("dept"),
        QStringLiteral("est"),    QStringLiteral("ref"),    QStringLiteral("cf"),
        QStringLiteral("viz"),    QStringLiteral("incl"),   QStringLiteral("p"),
        QStringLiteral("pp"),     QStringLiteral("ch"),     QStringLiteral("cl"),
        QStringLiteral("subsec"),
    };
    while (!word.isEmpty() && QStringLiteral("(\"“'‘[").contains(word.front()))
        word = word.mid(1);
    if (word.isEmpty())
        return false;
    // Single initials ("J. Smith") and dotted forms ("U.S.", "e.g.", "i.e.").
    if (word.size() == 1 && word[0].isLetter())
        return true;
    if (word.contains(QLatin1Char('.')))
        return true;
    return abbreviations.contains(word.toString().toLower());
}

// Start offsets of the sentences after the first within [begin, end).
std::vector<qsizetype> sentence_starts(const QString& text, qsizetype begin, qsizetype end) {
    std::vector<qsizetype> starts;
    static const QString closers = QStringLiteral("\"”’')]");
    for (qsizetype i = begin; i < end; ++i) {
        const QChar c = text[i];
        if (c != QLatin1Char('.') && c != QLatin1Char('!') && c != QLatin1Char('?'))
            continue;
        qsizetype j = i + 1;
        while (j < end && closers.contains(text[j]))
            ++j;
        if (j >= end || !text[j].isSpace())
            continue;
        qsizetype k = j;
        while (k < end && text[k].isSpace())
            ++k;
        if (k >= end)
            continue;
        const QChar next = text[k];
        if (!(next.isUpper() || next.isDigit() || QStringLiteral("(\"“[").contains(next)))
            continue;
        if (c == QLatin1Char('.')) {
            qsizetype w = i;
            while (w > begin && !text[w - 1].isSpace())
                --w;
            if (is_abbreviation(QStringView(text).mid(w, i - w)))
                continue;
        }
        starts.push_back(k);
    }
    return starts;
}

struct Span {
    qsizetype begin = 0;
    qsizetype end = 0;
    QString path;
};

qsizetype trim_end(const QString& text, qsizetype begin, qsizetype end) {
    while (end > begin && text[end - 1].isSpace())
        --end;
    return end;
}

// Cuts [begin, end) into parts of at most max_chars, at the last sentence
// boundary that fits, else at the last whitespace, else hard.
void split_long(const QString& text, qsizetype begin, qsizetype end, qsizetype max_chars,
                const QString& path, std::vector<Span>& out) {
    const std::vector<qsizetype> starts = sentence_starts(text, begin, end);
    qsizetype start = begin;
    while (end - start > max_chars) {
        const qsizetype limit = start + max_chars;
        qsizetype cut = -1;
        // The last sentence start with the part before it within the limit;
        // but a sentence that opens a numbered item ("...Period.   3.05 The
        // licenses") is the better cut when it is not too near the start, as
        // a clause seldom runs across its own number.
        qsizetype item_cut = -1;
        auto it = std::upper_bound(starts.begin(), starts.end(), limit);
        while (it != starts.begin()) {
            --it;
            if (*it <= start)
                break;
            if (trim_end(text, start, *it) - start > max_chars)
                continue;
            if (cut < 0)
                cut = *it;
            if (*it - start < max_chars / 4)
                break;
            const QStringView rest = QStringView(text).mid(*it, end - *it);
            if (!parse_heading(rest).tokens.empty()) {
                item_cut = *it;
                break;
            }
        }
        if (item_cut >= 0)
            cut = item_cut;
        if (cut < 0) {
            for (qsizetype i = limit; i > start; --i) {
                if (text[i].isSpace()) {
                    cut = i;
                    break;
                }
            }
        }
        if (cut < 0)
            cut = limit;
        out.push_back({start, trim_end(text, start, cut), path});
        start = cut;
        while (start < end && text[start].isSpace())
            ++start;
    }
    if (start < end)
        out.push_back({start, end, path});
}

} // namespace

ClauseSegmenter::ClauseSegmenter(SegmenterOptions options) : options_(options) {
    options_.max_chars = std::max<qsizetype>(options_.max_chars, 1);
}

std::vector<Segment> ClauseSegmenter::segment(const DocumentText& doc) const {
    const QString& text = doc.text;
    std::vector<Block> blocks = find_blocks(text);

    HeadingStack stack;
    for (Block& b : blocks) {
        for (const HeadingToken& t : b.heading.tokens)
            stack.push(t);
        b.path = stack.path();
        b.title = is_title(QStringView(text).mid(b.begin, b.end - b.begin), b.heading);
    }

    // Captions join the body after them, so "12. Governing Law." and its
    // paragraph are one candidate, under the body's heading path.
    std::vector<Block> merged;
    qsizetype pending_begin = -1;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        Block b = blocks[i];
        if (pending_begin >= 0) {
            b.begin = pending_begin;
            pending_begin = -1;
        }
        if (b.title && i + 1 < blocks.size()) {
            pending_begin = b.begin;
            continue;
        }
        merged.push_back(std::move(b));
    }

    std::vector<Span> spans;
    for (const Block& b : merged) {
        if (b.end - b.begin > options_.max_chars)
            split_long(text, b.begin, b.end, options_.max_chars, b.path, spans);
        else
            spans.push_back({b.begin, b.end, b.path});
    }

    // Spans under min_chars join the next one (the last joins the previous).
    std::vector<Span> kept;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        Span s = spans[i];
        if (s.end - s.begin < options_.min_chars) {
            if (i + 1 < spans.size()) {
                spans[i + 1].begin = s.begin;
                continue;
            }
            if (!kept.empty()) {
                kept.back().end = s.end;
                continue;
            }
        }
        kept.push_back(std::move(s));
    }

    // Words in text order, for the boxes of each span.
    struct PlacedWord {
        qsizetype begin;
        qsizetype end;
        int page;
        QRectF box;
    };
    std::vector<PlacedWord> words;
    for (const Page& p : doc.pages)
        for (const Word& w : p.words)
            words.push_back({w.begin, w.begin + w.text.size(), p.number, w.box});
    std::sort(words.begin(), words.end(),
              [](const PlacedWord& a, const PlacedWord& b) { return a.begin < b.begin; });

    auto page_at = [&doc](qsizetype offset) {
        int number = doc.pages.empty() ? 0 : doc.pages.front().number;
        for (const Page& p : doc.pages)
            if (p.text_begin <= offset)
                number = p.number;
        return number;
    };

    std::vector<Segment> segments;
    segments.reserve(kept.size());
    for (const Span& s : kept) {
        Segment seg;
        seg.index = int(segments.size());
        seg.heading_path = s.path;
        seg.begin = s.begin;
        seg.end = s.end;
        seg.text = text.mid(s.begin, s.end - s.begin);
        seg.page_first = page_at(s.begin);
        seg.page_last = page_at(std::max(s.begin, s.end - 1));
        auto it = std::lower_bound(
            words.begin(), words.end(), s.begin,
            [](const PlacedWord& w, qsizetype offset) { return w.begin < offset; });
        for (; it != words.end() && it->begin < s.end; ++it)
            if (it->end <= s.end)
                seg.boxes.push_back({it->page, it->box});
        segments.push_back(std::move(seg));
    }
    return segments;
}

DocumentText text_only_document(const QString& text) {
    DocumentText doc;
    doc.text = text;
    Page page;
    page.number = 0;
    page.text_begin = 0;
    page.text_end = text.size();
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i].isSpace())
            ++i;
        const qsizetype start = i;
        while (i < text.size() && !text[i].isSpace())
            ++i;
        if (i > start)
            page.words.push_back({text.mid(start, i - start), QRectF(), start});
    }
    doc.pages.push_back(std::move(page));
    return doc;
}

} // namespace clauselens::core
