#pragma once
// Argument checks shared by the host side of the ops (ops_*.cpp): a wrong
// shape or a too small buffer is a std::invalid_argument naming the op, never
// a shader reading or writing out of bounds.

#include "vk/buffer.h"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace clauselens::vk::detail {

inline void require(bool ok, const std::string& message) {
    if (!ok) {
        throw std::invalid_argument(message);
    }
}

// Checks that a range is bound and holds at least `count` elements of
// `element_bytes` each.
inline void require_elements(const BufferRange& r, uint64_t count, uint64_t element_bytes,
                             const char* op, const char* what) {
    if (r.buffer == nullptr || r.size / element_bytes < count) {
        std::string message = op;
        message += ": ";
        message += what;
        message += " buffer holds fewer than ";
        message += std::to_string(count);
        message += " elements";
        throw std::invalid_argument(message);
    }
}

} // namespace clauselens::vk::detail
