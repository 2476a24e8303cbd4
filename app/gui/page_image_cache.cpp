#include "gui/page_image_cache.h"

namespace clauselens::gui {

QImage PageImageCache::get(int page, double dpi) {
    const auto it = index_.find({page, dpi_key(dpi)});
    if (it == index_.end())
        return {};
    entries_.splice(entries_.begin(), entries_, it->second);
    return it->second->image;
}

bool PageImageCache::contains(int page, double dpi) const {
    return index_.count({page, dpi_key(dpi)}) != 0;
}

void PageImageCache::put(int page, double dpi, const QImage& image) {
    const Key key{page, dpi_key(dpi)};
    if (const auto it = index_.find(key); it != index_.end()) {
        bytes_ -= it->second->image.sizeInBytes();
        entries_.erase(it->second);
        index_.erase(it);
    }
    const qint64 size = image.sizeInBytes();
    if (image.isNull() || size > capacity_)
        return;
    evict_to(capacity_ - size);
    entries_.push_front({key, image});
    index_[key] = entries_.begin();
    bytes_ += size;
}

void PageImageCache::clear() {
    entries_.clear();
    index_.clear();
    bytes_ = 0;
}

void PageImageCache::evict_to(qint64 limit) {
    while (bytes_ > limit && !entries_.empty()) {
        const Entry& last = entries_.back();
        bytes_ -= last.image.sizeInBytes();
        index_.erase(last.key);
        entries_.pop_back();
    }
}

} // namespace clauselens::gui
