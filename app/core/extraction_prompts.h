#pragma once
// The extraction prompts of resources/prompts, compiled in.

#include <string_view>

namespace clauselens::core {

// The system message; "{{library}}" stands for the clause library.
std::string_view extraction_system_prompt();
// The user message of one segment; "{{segment}}" stands for its text.
std::string_view extraction_user_prompt();

} // namespace clauselens::core
