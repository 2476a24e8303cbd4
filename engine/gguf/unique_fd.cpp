#include "gguf/unique_fd.h"

#include <unistd.h>

namespace clauselens::gguf {

int UniqueFd::close() {
    if (fd_ < 0) {
        return 0;
    }
    // Linux releases the descriptor even when close() fails, so never retry.
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
}

void UniqueFd::reset() {
    static_cast<void>(close());
}

} // namespace clauselens::gguf
