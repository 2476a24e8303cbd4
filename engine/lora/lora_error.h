#pragma once

#include <stdexcept>

namespace clauselens::lora {

// An adapter file that cannot be used (broken, not a LoRA adapter, or made
// for another base model), with a message a user can act on.
class LoraError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace clauselens::lora
