#pragma once
// SPIR-V of every compute shader in shaders/, compiled by glslc at build time
// and linked into the binary.

#include <cstdint>
#include <span>
#include <string_view>

namespace clauselens::shaders {

struct Shader {
    std::string_view name; // variant name, e.g. "matvec_f16"
    std::span<const uint32_t> spirv;
};

std::span<const Shader> all();

// Throws std::out_of_range naming the variant when it was not built.
std::span<const uint32_t> spirv(std::string_view name);

} // namespace clauselens::shaders
