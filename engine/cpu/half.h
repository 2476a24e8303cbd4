#pragma once
// IEEE 754 binary16 <-> binary32, exact in the 16 -> 32 direction and rounded
// to nearest-even in the other, as GGUF's F16 tensors are written.

#include <cstdint>

namespace clauselens::cpu {

float half_to_float(uint16_t h);
uint16_t float_to_half(float f);

} // namespace clauselens::cpu
