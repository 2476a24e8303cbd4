#pragma once
// The rendered pages a view keeps at hand: going back to the previous page or
// to a zoom level seen a moment ago shows it at once instead of rendering it
// again. Bounded by bytes, least recently used first out. Used from one
// thread only (the GUI thread); not synchronised.

#include <QImage>
#include <cstdint>
#include <list>
#include <map>
#include <utility>

namespace clauselens::gui {

class PageImageCache {
public:
    explicit PageImageCache(qint64 capacity_bytes) : capacity_(capacity_bytes) {}

    // dpi is compared at a resolution of 1/100 dpi, so that the same zoom
    // computed twice finds the same entry.
    static int dpi_key(double dpi) { return static_cast<int>(dpi * 100.0 + 0.5); }

    // The image of (page, dpi), marked as most recently used; a null image when absent.
    QImage get(int page, double dpi);
    bool contains(int page, double dpi) const;
    // Adds or replaces; evicts the least recently used entries until the total
    // fits. An image larger than the whole capacity is not kept.
    void put(int page, double dpi, const QImage& image);
    void clear();

    qint64 bytes() const { return bytes_; }
    qint64 capacity() const { return capacity_; }
    int size() const { return static_cast<int>(entries_.size()); }

private:
    using Key = std::pair<int, int>; // page, dpi_key
    struct Entry {
        Key key;
        QImage image;
    };
    void evict_to(qint64 limit);

    qint64 capacity_;
    qint64 bytes_ = 0;
    std::list<Entry> entries_; // most recently used first
    std::map<Key, std::list<Entry>::iterator> index_;
};

} // namespace clauselens::gui
