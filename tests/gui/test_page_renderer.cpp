// The page renderer: pages of a real contract rendered in the worker thread at
// the size their dpi implies, newer requests superseding older ones, the cache
// answering repeated requests without rendering again.

#include "gui/page_image_cache.h"
#include "gui/page_render_queue.h"
#include "gui/page_renderer.h"
#include "page_test_fixture.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <catch2/catch.hpp>
#include <cmath>
#include <set>

using namespace clauselens;
using namespace clauselens::gui;
using namespace clauselens::gui::test;

namespace {

struct Received {
    int page;
    double dpi;
    QImage image;
    quint64 ticket;
};

// Collects what a renderer answers.
struct Listener {
    std::vector<Received> answers;
    QStringList failures;

    explicit Listener(PageRenderer& renderer) {
        QObject::connect(&renderer, &PageRenderer::rendered, &renderer,
                         [this](int page, double dpi, const QImage& image, quint64 ticket) {
                             answers.push_back({page, dpi, image, ticket});
                         });
        QObject::connect(&renderer, &PageRenderer::failed, &renderer,
                         [this](const QString& m) { failures << m; });
    }

    const Received* ticket(quint64 t) const {
        for (const Received& r : answers)
            if (r.ticket == t)
                return &r;
        return nullptr;
    }
};

} // namespace

TEST_CASE("the renderer draws a page at the size its dpi implies", "[page][renderer]") {
    const IngestedContract contract(small_contract_a());
    const QSizeF size = contract.page_sizes().at(0);
    PageRenderer renderer;
    Listener listener(renderer);
    QSignalSpy opened(&renderer, &PageRenderer::opened);
    renderer.open(contract.pdf);
    renderer.request(0, 72, 1);
    REQUIRE(wait_until([&] { return listener.ticket(1) != nullptr; }));
    REQUIRE(opened.count() == 1);
    CHECK(opened.at(0).at(0).toInt() == 4);

    const QImage at72 = listener.ticket(1)->image;
    CHECK(std::abs(at72.width() - size.width()) <= 1.0);
    CHECK(std::abs(at72.height() - size.height()) <= 1.0);

    renderer.request(0, 150, 2);
    REQUIRE(wait_until([&] { return listener.ticket(2) != nullptr; }));
    const QImage at150 = listener.ticket(2)->image;
    CHECK(std::abs(at150.width() - size.width() * 150.0 / 72.0) <= 1.0);
    CHECK(std::abs(at150.height() - size.height() * 150.0 / 72.0) <= 1.0);

    // For a HiDPI screen: twice the pixels, and the image says so.
    renderer.request(0, 144, 3, 2.0);
    REQUIRE(wait_until([&] { return listener.ticket(3) != nullptr; }));
    const QImage hidpi = listener.ticket(3)->image;
    CHECK(hidpi.devicePixelRatio() == Approx(2.0));
    CHECK(std::abs(hidpi.width() - 2 * size.width()) <= 1.0);
    CHECK(std::abs(hidpi.deviceIndependentSize().width() - size.width()) <= 1.0);

    // The page carries text: a good share of its pixels are not white paper.
    int ink = 0;
    for (int y = 0; y < at72.height(); ++y)
        for (int x = 0; x < at72.width(); ++x)
            ink += qGray(at72.pixel(x, y)) < 128 ? 1 : 0;
    CHECK(ink > 1000);
    CHECK(listener.failures.isEmpty());
}

TEST_CASE("a newer request supersedes the ones still waiting", "[page][renderer]") {
    const IngestedContract contract(small_contract_a());
    PageRenderer renderer;
    Listener listener(renderer);
    renderer.open(contract.pdf);
    // A heavy render occupies the worker while the view changes its mind
    // seven times; only the last wish (and at most the first, if it was
    // already drawn) is answered.
    renderer.request(0, 400, 1);
    for (quint64 t = 2; t <= 8; ++t)
        renderer.request(static_cast<int>(t % 4), 60.0 + static_cast<double>(t), t);
    renderer.request(2, 90, 9);
    REQUIRE(wait_until([&] { return listener.ticket(9) != nullptr; }));
    // Anything stale would arrive right behind it.
    wait_until([] { return false; }, std::chrono::milliseconds(300));

    std::set<quint64> tickets;
    for (const Received& r : listener.answers)
        tickets.insert(r.ticket);
    for (quint64 t = 2; t <= 8; ++t)
        CHECK(tickets.count(t) == 0);
    CHECK(listener.ticket(9)->page == 2);
    CHECK(renderer.renders_superseded() >= 7);
    CHECK(renderer.renders_completed() <= 2);
}

TEST_CASE("a cached page is answered without rendering it again", "[page][renderer]") {
    const IngestedContract contract(small_contract_a());
    PageRenderer renderer;
    Listener listener(renderer);
    renderer.open(contract.pdf);
    CHECK(renderer.cached(1, 72).isNull());
    renderer.request(1, 72, 1);
    REQUIRE(wait_until([&] { return listener.ticket(1) != nullptr; }));
    const int renders = renderer.renders_completed();
    CHECK(renders == 1);
    CHECK(renderer.cache_bytes() == listener.ticket(1)->image.sizeInBytes());

    renderer.request(1, 72, 2);
    CHECK(listener.ticket(2) == nullptr); // answered on the next turn, not inside request()
    REQUIRE(
        wait_until([&] { return listener.ticket(2) != nullptr; }, std::chrono::milliseconds(2000)));
    CHECK(renderer.renders_completed() == renders);
    CHECK(listener.ticket(2)->image == listener.ticket(1)->image);
    CHECK(!renderer.cached(1, 72).isNull());

    // A prefetch fills the cache without answering anyone.
    renderer.prefetch(2, 72);
    REQUIRE(wait_until([&] { return !renderer.cached(2, 72).isNull(); }));
    CHECK(renderer.renders_completed() == renders + 1);
    CHECK(listener.answers.size() == 2);

    // Another document empties the cache.
    renderer.open(small_contract_b());
    CHECK(renderer.cached(1, 72).isNull());
    CHECK(renderer.cache_bytes() == 0);
}

TEST_CASE("the cache stays within its byte budget, least recently used out", "[page][renderer]") {
    const QImage page(100, 100, QImage::Format_ARGB32); // 40 000 bytes
    PageImageCache cache(3 * page.sizeInBytes());
    cache.put(0, 72, page);
    cache.put(1, 72, page);
    cache.put(2, 72, page);
    CHECK(cache.size() == 3);
    CHECK(!cache.get(0, 72).isNull()); // page 0 is now the most recently used
    cache.put(3, 72, page);
    CHECK(cache.bytes() <= cache.capacity());
    CHECK(cache.contains(0, 72));
    CHECK_FALSE(cache.contains(1, 72)); // the least recently used went
    CHECK(cache.contains(2, 72));
    CHECK(cache.contains(3, 72));
    CHECK(cache.contains(3, 72.001)); // the same zoom computed twice
    CHECK_FALSE(cache.contains(3, 73));
    const QImage huge(2000, 2000, QImage::Format_ARGB32);
    cache.put(4, 72, huge); // larger than the whole budget: not kept, nothing evicted
    CHECK_FALSE(cache.contains(4, 72));
    CHECK(cache.size() == 3);

    // The renderer's own cache obeys its budget with real pages.
    const IngestedContract contract(small_contract_a());
    PageRenderer renderer(nullptr, 5 << 20); // room for two pages at 72 dpi
    Listener listener(renderer);
    renderer.open(contract.pdf);
    for (int p = 0; p < 4; ++p) {
        renderer.request(p, 72, static_cast<quint64>(p + 1));
        REQUIRE(wait_until([&] { return listener.ticket(static_cast<quint64>(p + 1)); }));
    }
    CHECK(renderer.cache_bytes() <= renderer.cache_capacity());
    CHECK(renderer.cached(0, 72).isNull());
    CHECK(!renderer.cached(3, 72).isNull());
}

TEST_CASE("the render queue keeps only the latest request", "[page][renderer]") {
    RenderQueue queue;
    CHECK(queue.request({1, 0, 72, 1, true}));
    CHECK(queue.request({1, 1, 72, 2, true}));
    const auto first = queue.take(1);
    REQUIRE(first);
    CHECK(first->ticket == 2);
    CHECK_FALSE(queue.should_abort());
    // The same image asked again while being drawn: it answers the new ticket.
    CHECK_FALSE(queue.request({1, 1, 72, 3, true}));
    CHECK_FALSE(queue.should_abort());
    const auto same = queue.finish();
    REQUIRE(same);
    CHECK(same->ticket == 3);
    // Another image: the one being drawn is aborted and not delivered.
    REQUIRE(queue.take(1) == std::nullopt);
    CHECK(queue.prefetch({1, 3, 72, 0, false}));
    CHECK_FALSE(queue.prefetch({1, 3, 72, 0, false}));
    const auto prefetch = queue.take(1);
    REQUIRE(prefetch);
    CHECK_FALSE(prefetch->requested);
    CHECK(queue.request({1, 2, 72, 4, true}));
    CHECK(queue.should_abort());
    CHECK(queue.finish() == std::nullopt);
    // Jobs for a document the worker has not opened yet wait for it.
    queue.reset();
    CHECK(queue.request({2, 0, 72, 5, true}));
    CHECK(queue.take(1) == std::nullopt);
    const auto next = queue.take(2);
    REQUIRE(next);
    CHECK(next->ticket == 5);
    CHECK(queue.finish());
    queue.stop();
    CHECK(queue.request({2, 0, 72, 6, true}));
    CHECK(queue.take(2) == std::nullopt);
}

TEST_CASE("the renderer reports a file it cannot open and shuts down promptly",
          "[page][renderer]") {
    {
        PageRenderer renderer;
        QSignalSpy failed(&renderer, &PageRenderer::failed);
        renderer.open(QStringLiteral("/nonexistent/contract.pdf"));
        renderer.request(0, 72, 1);
        REQUIRE(wait_until([&] { return failed.count() > 0; }, std::chrono::seconds(10)));
        CHECK(failed.at(0).at(0).toString().contains(QStringLiteral("contract.pdf")));
    }
    // Destroying the renderer in the middle of a heavy render aborts it.
    const IngestedContract contract(small_contract_a());
    QElapsedTimer timer;
    {
        auto renderer = std::make_unique<PageRenderer>();
        Listener listener(*renderer);
        renderer->open(contract.pdf);
        renderer->request(0, 72, 1);
        REQUIRE(wait_until([&] { return listener.ticket(1) != nullptr; }));
        renderer->request(0, 600, 2); // some 30 megapixels
        QThread::msleep(20);
        timer.start();
    }
    CHECK(timer.elapsed() < 3000);
}
