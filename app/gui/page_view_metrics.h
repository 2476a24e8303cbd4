#pragma once
// Layout and zoom constants of the page view, shared by its source files
// (layout, painting, input). Not part of the view's interface.

#include "gui/page_image_cache.h"
#include "gui/page_view.h"

#include <algorithm>
#include <array>

namespace clauselens::gui::page_view_metrics {

// Grey space around the page, in logical pixels.
inline constexpr int k_margin = 12;
// Points to logical pixels at zoom 1.0 (a 96 dpi screen).
inline constexpr double k_pixels_per_point_at_100 = 96.0 / 72.0;
// The largest render kept for one page (in device pixels): at extreme zoom on
// a HiDPI screen a page would otherwise need gigabytes; beyond this it is
// scaled up a little instead.
inline constexpr double k_max_render_pixels = 48.0e6;
// The zoom levels zoom_in()/zoom_out() step through.
inline constexpr std::array<double, 15> k_zoom_steps = {0.25, 0.33, 0.5,  0.67, 0.75, 0.9, 1.0, 1.1,
                                                        1.25, 1.5,  1.75, 2.0,  2.5,  3.0, 4.0};
// One notch of a mouse wheel.
inline constexpr int k_wheel_notch = 120;

inline double next_zoom_step(double zoom) {
    const auto it = std::find_if(k_zoom_steps.begin(), k_zoom_steps.end(),
                                 [zoom](double z) { return z > zoom * 1.01; });
    return it == k_zoom_steps.end() ? PageView::k_max_zoom : *it;
}

inline double previous_zoom_step(double zoom) {
    const auto it = std::find_if(k_zoom_steps.rbegin(), k_zoom_steps.rend(),
                                 [zoom](double z) { return z < zoom * 0.99; });
    return it == k_zoom_steps.rend() ? PageView::k_min_zoom : *it;
}

inline bool same_dpi(double a, double b) {
    return PageImageCache::dpi_key(a) == PageImageCache::dpi_key(b);
}

} // namespace clauselens::gui::page_view_metrics
