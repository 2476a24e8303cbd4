#pragma once
// Test models and adapters written once per test binary into the temp folder.

#include <filesystem>
#include <string>

namespace clauselens::test {

// A tiny model of weight type `type` (seed 21), llama unless `arch` says
// otherwise (qwen2, phi3).
const std::filesystem::path& lora_base_model(const std::string& type,
                                             const std::string& arch = "llama");
// A random rank-`rank` adapter for lora_base_model(type, arch), seed `seed`.
const std::filesystem::path& lora_adapter(const std::string& type, uint32_t rank, uint64_t seed,
                                          const std::string& arch = "llama");

} // namespace clauselens::test
