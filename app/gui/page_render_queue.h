#pragma once
// What the page renderer's worker thread should render next, shared between
// the GUI thread (which asks) and the worker (which takes). A view only ever
// wants its latest request: a new request replaces the one still waiting and
// aborts the one being rendered (unless it is the very same page and
// resolution), so scrolling through pages or zooming with the wheel never
// builds a backlog of renders nobody will look at. Prefetches (the pages next
// to the one shown) wait behind requests.

#include <QtGlobal>
#include <atomic>
#include <deque>
#include <mutex>
#include <optional>

namespace clauselens::gui {

struct RenderJob {
    quint64 serial = 0; // which opened document it is for
    int page = 0;
    double dpi = 0;
    quint64 ticket = 0;     // the requester's, handed back with the image
    bool requested = false; // false: a prefetch, only filling the cache
    // Set on the image in the worker, where the image is not shared yet:
    // setting it later in the GUI thread would copy the whole image.
    double device_pixel_ratio = 1.0;

    bool same_image(const RenderJob& other) const;
};

class RenderQueue {
public:
    // --- GUI thread ---
    // Replaces any waiting request; aborts the render in flight unless it is
    // the same image, which then carries the new ticket. True when the worker
    // has something new to take.
    bool request(const RenderJob& job);
    // Queues a render for the cache, behind requests; at most a few wait, the
    // newest kept. False when it was already waiting or being rendered.
    bool prefetch(const RenderJob& job);
    // The requester no longer waits for anything (it found its image in the
    // cache): drop the waiting request and abort a requested render in flight.
    void cancel_requests();
    // A new document: everything waiting is dropped, the render in flight aborted.
    void reset();
    // For good: take() returns nothing any more and renders abort.
    void stop();

    // --- worker thread ---
    // The next job for the document `serial` that the worker has open, now in
    // flight. Jobs for an older document are dropped; a job for a newer one
    // stays (the worker has not opened that document yet) and nothing is returned.
    std::optional<RenderJob> take(quint64 serial);
    // The job in flight when it is still wanted (its ticket may have changed
    // since take()), nullopt when it was superseded meanwhile.
    std::optional<RenderJob> finish();
    // Polled by the renderer while it draws the job in flight.
    bool should_abort() const;

    // For tests and diagnostics: jobs dropped or aborted since construction.
    int superseded() const;

private:
    void abort_in_flight(); // mutex held

    mutable std::mutex mutex_;
    std::optional<RenderJob> pending_;
    std::deque<RenderJob> prefetch_;
    std::optional<RenderJob> in_flight_;
    std::atomic<quint64> generation_{0};
    std::atomic<quint64> in_flight_generation_{0};
    std::atomic<bool> stopped_{false};
    int superseded_ = 0;
};

} // namespace clauselens::gui
