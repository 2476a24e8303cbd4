#include "interrupt.h"

#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>

namespace clauselens::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void on_interrupt(int) {
    if (g_interrupted.exchange(true)) {
        std::_Exit(130); // a second Ctrl-C: leave at once; what is stored is complete
    }
}

} // namespace

const std::atomic<bool>& catch_interrupts() {
    std::signal(SIGINT, on_interrupt);
    return g_interrupted;
}

std::string duration_text(double seconds) {
    const long s = std::lround(seconds);
    char text[32];
    std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
    return text;
}

} // namespace clauselens::cli
