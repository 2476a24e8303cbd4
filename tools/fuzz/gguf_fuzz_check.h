#pragma once
// The body of the GGUF fuzz target, shared with the regression test that
// replays every input the fuzzer ever found: parse, walk everything the
// reader exposes, and write the file back out and read it again.

#include <cstddef>
#include <span>

namespace clauselens::fuzz {

// Returns true if `bytes` parsed as GGUF, false if the reader rejected it with
// a GgufError (the expected outcome for most inputs). Throws std::logic_error
// when the reader or writer contradicts itself; any other exception or a
// crash is a bug as well.
bool check_gguf_input(std::span<const std::byte> bytes);

} // namespace clauselens::fuzz
