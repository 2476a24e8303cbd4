#include "gguf/atomic_file.h"

#include "gguf/gguf_error.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace clauselens::gguf {

namespace {

constexpr std::size_t k_buffer_size = std::size_t{1} << 20;

} // namespace

AtomicFile::AtomicFile(const std::filesystem::path& destination) : destination_(destination) {
    static std::atomic<unsigned> counter{0};
    // A hidden name unique to this process; built with += because GCC 12
    // reports a false -Wrestrict for "." + string.
    std::string base = ".";
    base += destination.filename().string();
    base += ".tmp.";
    base += std::to_string(::getpid());
    base += '.';
    // O_EXCL makes creation atomic; retry on the rare name collision.
    for (int attempt = 0; attempt < 100; ++attempt) {
        temp_path_ = destination.parent_path() / (base + std::to_string(counter++));
        fd_ = UniqueFd(::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
        if (fd_ || errno != EEXIST) {
            break;
        }
    }
    if (!fd_) {
        fail("cannot create temporary file " + quote(temp_path_.string()));
    }
    buffer_.reserve(k_buffer_size);
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        fd_.reset();
        ::unlink(temp_path_.c_str());
    }
}

void AtomicFile::write(std::span<const std::byte> bytes) {
    if (buffer_.size() + bytes.size() > k_buffer_size) {
        flush();
    }
    if (bytes.size() >= k_buffer_size) {
        write_all(bytes);
    } else {
        buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
    }
}

void AtomicFile::commit() {
    flush();
    if (::fsync(fd_.get()) != 0) {
        fail("cannot sync temporary file");
    }
    if (fd_.close() != 0) {
        fail("cannot close temporary file");
    }
    if (::rename(temp_path_.c_str(), destination_.c_str()) != 0) {
        fail("cannot rename temporary file " + quote(temp_path_.string()) + " to it");
    }
    committed_ = true;
}

void AtomicFile::flush() {
    write_all(buffer_);
    buffer_.clear();
}

void AtomicFile::write_all(std::span<const std::byte> bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd_.get(), bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            fail("write failed");
        }
        bytes = bytes.subspan(static_cast<std::size_t>(n));
    }
}

void AtomicFile::fail(const std::string& what) const {
    throw GgufError(destination_.string(), what + ": " + std::strerror(errno));
}

} // namespace clauselens::gguf
