#pragma once
// A whole file mapped read-only into memory. The descriptor is closed as soon
// as the mapping exists; the mapping lives until this object is destroyed.

#include <cstddef>
#include <span>
#include <string>

namespace clauselens::gguf {

class MappedFile {
public:
    MappedFile() = default;
    // Throws GgufError naming the path and the OS reason.
    static MappedFile open(const std::string& path);
    ~MappedFile();

    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;

    std::span<const std::byte> bytes() const { return {data_, size_}; }

private:
    MappedFile(const std::byte* data, std::size_t size) : data_(data), size_(size) {}
    void unmap();

    const std::byte* data_ = nullptr;
    std::size_t size_ = 0;
};

} // namespace clauselens::gguf
