#pragma once
// Test models and adapters written once per test binary into the temp folder.

#include <filesystem>
#include <string>

namespace clauselens::test {

// A tiny llama model of weight type `type` (seed 21).
const std::filesystem::path& lora_base_model(const std::string& type);
// A random rank-`rank` adapter for lora_base_model(type), seed `seed`.
const std::filesystem::path& lora_adapter(const std::string& type, uint32_t rank, uint64_t seed);

} // namespace clauselens::test
