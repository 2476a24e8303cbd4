// libFuzzer target for the GGUF reader (and, through the round trip, the
// writer). Build with the `fuzz` preset; run with run_fuzz.sh.

#include "gguf_fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // An exception escaping from here (a std::logic_error from a failed
    // consistency check, or anything that is not GgufError) aborts, and
    // libFuzzer saves the input as a crash.
    clauselens::fuzz::check_gguf_input(std::as_bytes(std::span(data, size)));
    return 0;
}
