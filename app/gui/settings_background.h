#pragma once
// Runs a piece of slow work (reading a model header, listing Vulkan devices,
// writing an export) on a thread of its own and hands the result to the GUI
// thread, so that the dialogs never block the event loop.

#include <QObject>
#include <QThread>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace clauselens::gui {

// Calls work() on a new thread, then done(result) on context's thread (the
// GUI thread) through a queued connection. If context is destroyed first,
// done is never called: a dialog closed while its worker runs is safe. work
// must not throw (catch inside and return the error as part of the result).
// The thread deletes itself when it has finished.
template <class Work, class Done>
void run_in_background(QObject* context, Work work, Done done) {
    using Result = std::invoke_result_t<Work&>;
    auto result = std::make_shared<std::optional<Result>>();
    QThread* thread =
        QThread::create([result, work = std::move(work)]() mutable { result->emplace(work()); });
    QObject::connect(thread, &QThread::finished, context,
                     [result, done = std::move(done)]() mutable {
                         if (result->has_value()) {
                             done(std::move(**result));
                         }
                     });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace clauselens::gui
