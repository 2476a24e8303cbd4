#include "embedded_shaders.h"

#include <stdexcept>
#include <string>

namespace clauselens::shaders {

std::span<const uint32_t> spirv(std::string_view name) {
    for (const Shader& s : all()) {
        if (s.name == name) {
            return s.spirv;
        }
    }
    throw std::out_of_range("no embedded shader named '" + std::string(name) + "'");
}

} // namespace clauselens::shaders
