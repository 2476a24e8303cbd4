#include "gguf/mapped_file.h"

#include "gguf/gguf_error.h"
#include "gguf/unique_fd.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <utility>

namespace clauselens::gguf {

namespace {

[[noreturn]] void throw_os_error(const std::string& path, const char* what) {
    throw GgufError(path, std::string(what) + ": " + std::strerror(errno));
}

} // namespace

MappedFile MappedFile::open(const std::string& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) {
        throw_os_error(path, "cannot open");
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) {
        throw_os_error(path, "cannot stat");
    }
    if (!S_ISREG(st.st_mode)) {
        throw GgufError(path, "not a regular file");
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size == 0) {
        // mmap cannot map zero bytes; the parser reports the empty file.
        return MappedFile();
    }
    void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.get(), 0);
    if (data == MAP_FAILED) {
        throw_os_error(path, "cannot map");
    }
    return MappedFile(static_cast<const std::byte*>(data), size);
}

MappedFile::~MappedFile() {
    unmap();
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        unmap();
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

void MappedFile::unmap() {
    if (data_ != nullptr) {
        ::munmap(const_cast<std::byte*>(data_), size_);
        data_ = nullptr;
        size_ = 0;
    }
}

} // namespace clauselens::gguf
