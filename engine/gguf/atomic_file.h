#pragma once
// A file that appears under its final name only when completely written:
// data goes to a temporary file in the same folder, which commit() syncs and
// renames over the destination. Destroyed without commit(), the temporary
// file is removed, so a failure (disk full, crash of the writer's caller)
// never leaves a partial file behind under the final name.

#include "gguf/unique_fd.h"

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace clauselens::gguf {

class AtomicFile {
public:
    // Throws GgufError naming the destination and the OS reason.
    explicit AtomicFile(const std::filesystem::path& destination);
    ~AtomicFile();

    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Buffers small writes; large ones go straight to the file.
    void write(std::span<const std::byte> bytes);
    // Flushes, syncs, closes and renames. fsync and close are where a full
    // disk shows up on some file systems, so their errors are reported too.
    void commit();

private:
    void flush();
    void write_all(std::span<const std::byte> bytes);
    [[noreturn]] void fail(const std::string& what) const;

    std::filesystem::path destination_;
    std::filesystem::path temp_path_;
    UniqueFd fd_;
    std::vector<std::byte> buffer_;
    bool committed_ = false;
};

} // namespace clauselens::gguf
