#pragma once

#include <stdexcept>

namespace clauselens::model {

// A model file that ClauseLens cannot run, with a message a user can act on.
class ModelError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace clauselens::model
