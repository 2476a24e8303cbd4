#include "passage_args.h"

#include "core/store.h"

#include <QFileInfo>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace clauselens::cli {

bool PassageArgs::take(const Args& args, size_t& i) {
    const std::string& arg = args[i];
    if (arg == "--doc") {
        doc_ = take_value(args, i);
        if (doc_.empty()) {
            throw UsageError("option --doc: give a document id, sha256 or title");
        }
    } else if (arg == "--page") {
        page_ = static_cast<int>(parse_int(arg, take_value(args, i), 1, 1000000));
    } else if (arg == "--rect") {
        rect_ = parse_rect(arg, take_value(args, i));
    } else {
        return false;
    }
    return true;
}

void PassageArgs::require_all() const {
    if (doc_.empty()) {
        throw UsageError("missing --doc ID|SHA|TITLE");
    }
    if (!page_) {
        throw UsageError("missing --page N (pages count from 1)");
    }
    if (!rect_) {
        throw UsageError("missing --rect x,y,w,h (PDF points from the page's top left corner)");
    }
}

PassageTarget PassageArgs::resolve(const core::Store& store) const {
    require_all();
    return PassageTarget{resolve_document(store, doc_), *page_ - 1, *rect_};
}

QRectF parse_rect(const std::string& option, const std::string& value) {
    const auto bad = [&](const std::string& why) {
        return UsageError("option " + option + ": '" + value + "' " + why);
    };
    const QStringList parts = QString::fromStdString(value).split(u',');
    if (parts.size() != 4) {
        throw bad("is not x,y,w,h (four numbers in PDF points, e.g. 72,100,300,40)");
    }
    double v[4];
    for (int k = 0; k < 4; ++k) {
        const std::string part = parts[k].trimmed().toStdString();
        char* end = nullptr;
        errno = 0;
        v[k] = std::strtod(part.c_str(), &end);
        if (part.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(v[k])) {
            throw bad("is not x,y,w,h: '" + part + "' is not a number");
        }
    }
    if (v[2] <= 0 || v[3] <= 0) {
        throw bad("has no area: width and height must be positive");
    }
    return QRectF(v[0], v[1], v[2], v[3]);
}

qint64 resolve_document(const core::Store& store, const std::string& name) {
    const QString text = QString::fromStdString(name);
    std::vector<qint64> ids = store.find_documents(text);
    // A plain number is also an id; a number that is also a title or sha
    // prefix of another document is ambiguous and reported as such.
    bool is_number = false;
    const qint64 id = text.toLongLong(&is_number);
    if (is_number && id > 0) {
        for (const core::DocumentInfo& info : store.documents()) {
            if (info.id == id) {
                ids.push_back(id);
            }
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.empty()) {
        throw std::runtime_error("no document in " +
                                 QFileInfo(store.path()).absoluteFilePath().toStdString() +
                                 " has the id, sha256 or title '" + name + "'");
    }
    if (ids.size() > 1) {
        QStringList list;
        for (const qint64 d : ids) {
            list << QString::number(d);
        }
        throw std::runtime_error("'" + name + "' fits documents " +
                                 list.join(QStringLiteral(", ")).toStdString() +
                                 ": give the id or the full sha256");
    }
    return ids.front();
}

} // namespace clauselens::cli
