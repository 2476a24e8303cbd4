#pragma once
// Ctrl-C for long commands (ingest, extract): the first asks the work to stop
// at the next safe point (nothing half-stored), a second leaves at once.

#include <atomic>
#include <string>

namespace clauselens::cli {

// Installs the SIGINT handler and returns the flag it sets.
const std::atomic<bool>& catch_interrupts();

// "m:ss" for progress lines and summaries.
std::string duration_text(double seconds);

} // namespace clauselens::cli
