#include "gui/page_render_queue.h"

#include <algorithm>

namespace clauselens::gui {

namespace {
// Prefetches are cheap guesses (the next and previous pages); more than this
// waiting means the user moved on and the oldest guesses are worthless.
constexpr std::size_t k_max_prefetch = 4;
} // namespace

bool RenderJob::same_image(const RenderJob& other) const {
    return serial == other.serial && page == other.page &&
           qRound(dpi * 100.0) == qRound(other.dpi * 100.0);
}

bool RenderQueue::request(const RenderJob& job) {
    std::lock_guard lock(mutex_);
    if (pending_)
        ++superseded_;
    pending_.reset();
    if (in_flight_ && in_flight_->same_image(job) &&
        in_flight_generation_.load() == generation_.load()) {
        // Already being drawn: let it finish and answer this request.
        in_flight_->ticket = job.ticket;
        in_flight_->requested = true;
        return false;
    }
    abort_in_flight();
    std::erase_if(prefetch_, [&](const RenderJob& p) { return p.same_image(job); });
    pending_ = job;
    pending_->requested = true;
    return true;
}

bool RenderQueue::prefetch(const RenderJob& job) {
    std::lock_guard lock(mutex_);
    const auto same = [&](const RenderJob& p) {
        return p.same_image(job);
    };
    if ((pending_ && same(*pending_)) || (in_flight_ && same(*in_flight_)) ||
        std::any_of(prefetch_.begin(), prefetch_.end(), same))
        return false;
    prefetch_.push_back(job);
    prefetch_.back().requested = false;
    prefetch_.back().ticket = 0;
    while (prefetch_.size() > k_max_prefetch)
        prefetch_.pop_front();
    return true;
}

void RenderQueue::cancel_requests() {
    std::lock_guard lock(mutex_);
    if (pending_)
        ++superseded_;
    pending_.reset();
    if (in_flight_ && in_flight_->requested)
        abort_in_flight();
}

void RenderQueue::reset() {
    std::lock_guard lock(mutex_);
    superseded_ += (pending_ ? 1 : 0) + static_cast<int>(prefetch_.size());
    pending_.reset();
    prefetch_.clear();
    abort_in_flight();
}

void RenderQueue::stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    pending_.reset();
    prefetch_.clear();
    abort_in_flight();
}

std::optional<RenderJob> RenderQueue::take(quint64 serial) {
    std::lock_guard lock(mutex_);
    if (stopped_)
        return std::nullopt;
    for (;;) {
        std::optional<RenderJob> job;
        if (pending_) {
            job = pending_;
            pending_.reset();
        } else if (!prefetch_.empty()) {
            job = prefetch_.front();
            prefetch_.pop_front();
        } else {
            return std::nullopt;
        }
        if (job->serial > serial) {
            // For a document the worker is about to open: put it back.
            if (job->requested)
                pending_ = job;
            else
                prefetch_.push_front(*job);
            return std::nullopt;
        }
        if (job->serial < serial) {
            ++superseded_;
            continue;
        }
        in_flight_ = job;
        in_flight_generation_ = generation_.load();
        return job;
    }
}

std::optional<RenderJob> RenderQueue::finish() {
    std::lock_guard lock(mutex_);
    std::optional<RenderJob> job = in_flight_;
    in_flight_.reset();
    if (!job || stopped_ || in_flight_generation_.load() != generation_.load())
        return std::nullopt;
    return job;
}

bool RenderQueue::should_abort() const {
    return stopped_.load() || in_flight_generation_.load() != generation_.load();
}

int RenderQueue::superseded() const {
    std::lock_guard lock(mutex_);
    return superseded_;
}

void RenderQueue::abort_in_flight() {
    if (!in_flight_ || in_flight_generation_.load() != generation_.load())
        return; // nothing drawing, or already aborted
    ++generation_;
    ++superseded_;
}

} // namespace clauselens::gui
