#pragma once
// Owns a POSIX file descriptor and closes it exactly once.

#include <utility>

namespace clauselens::gguf {

class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd() { reset(); }

    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }

    // Closes now and returns close()'s result, for callers that must know
    // whether the last buffered writes reached the disk.
    int close();
    void reset();

private:
    int fd_ = -1;
};

} // namespace clauselens::gguf
