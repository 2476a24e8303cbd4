#pragma once
// The one exception type of the GGUF code. A message always says which field
// was wrong and, for problems in a file, at which byte offset, because "invalid
// file" alone leaves the user with nothing to act on.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace clauselens::gguf {

class GgufError : public std::runtime_error {
public:
    // what() reads "<field>: <problem> (at offset <offset>)".
    GgufError(std::string field, std::string problem,
              std::optional<std::uint64_t> offset = std::nullopt);

    // The part of the file (or the argument) that was wrong, e.g.
    // "tensor 'blk.0.attn_q.weight' ne[1]" or "metadata key 'general.alignment'".
    const std::string& field() const { return field_; }
    // What was wrong with it, without the field and the offset.
    const std::string& problem() const { return problem_; }
    // Byte offset in the file, absent for errors that are not about file content.
    std::optional<std::uint64_t> offset() const { return offset_; }

    // The same error with `outer` in front of the field, used while unwinding
    // out of nested structures: "element 3" + "string length" -> "element 3 string length".
    GgufError within(const std::string& outer) const;
    // The same error with the file's path in front of the message; field() is unchanged.
    GgufError in_file(const std::string& path) const;

private:
    GgufError(const std::string& message, std::string field, std::string problem,
              std::optional<std::uint64_t> offset);

    std::string field_;
    std::string problem_;
    std::optional<std::uint64_t> offset_;
};

// A name from a file, made safe for a message: in single quotes, bytes
// outside printable ASCII as \xNN, and cut after 80 bytes, because a hostile
// file can put anything (terminal escapes, 60 kB keys) into a name.
std::string quote(std::string_view name);

} // namespace clauselens::gguf
