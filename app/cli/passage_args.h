#pragma once
// The options that name a passage on a page, shared by `passage` and
// `classify`: --doc ID|SHA|TITLE --page N --rect x,y,w,h. Pages are 1-based on
// the command line, as a PDF viewer shows them; the core API is 0-based.
// Rectangles are in PDF points, origin at the top left of the displayed page
// (see core/passage.h).

#include "cli_args.h"

#include <QRectF>
#include <optional>
#include <string>

namespace clauselens::core {
class Store;
}

namespace clauselens::cli {

struct PassageTarget {
    qint64 document_id = 0;
    int page0 = 0; // 0-based
    QRectF rect;   // in page points
};

class PassageArgs {
public:
    // Consumes args[i] (and its value) when it is --doc, --page or --rect and
    // returns true; false for any other argument. UsageError for a bad value.
    bool take(const Args& args, size_t& i);
    // UsageError when one of the three options is missing: call it before
    // opening the store, so that a usage mistake is reported as such.
    void require_all() const;
    // require_all(), then the document looked up; std::runtime_error
    // when the document is not in the store or the name fits several.
    PassageTarget resolve(const core::Store& store) const;

    static constexpr const char* k_help =
        "  --doc ID|SHA|TITLE      the document: its id, its sha256 (or 8+ leading hex\n"
        "                          digits) or its exact title\n"
        "  --page N                the page, from 1\n"
        "  --rect x,y,w,h          the area, in PDF points (1/72 inch) from the top left\n"
        "                          corner of the page as displayed\n";

private:
    std::string doc_;
    std::optional<int> page_; // 1-based
    std::optional<QRectF> rect_;
};

// "x,y,w,h" with w and h positive, or UsageError naming the option.
QRectF parse_rect(const std::string& option, const std::string& value);

// A document named by id, sha256 (or a prefix of 8+ hex digits) or exact
// title; std::runtime_error if none or several fit.
qint64 resolve_document(const core::Store& store, const std::string& name);

} // namespace clauselens::cli
