#pragma once
// Writes a LoRA adapter with random factors for a given base model, in the
// GGUF form that llama.cpp's converter produces: for tests of adapter loading
// and application, and for benchmarks of the adapters' run-time cost.

#include <cstdint>
#include <filesystem>
#include <string>

namespace clauselens::lora {

struct TestAdapterOptions {
    std::filesystem::path base;   // the model the adapter is for
    std::filesystem::path output; // written atomically
    uint32_t rank = 8;
    float alpha = 16.0f;
    uint64_t seed = 0;
    bool f16 = false; // store the factors as F16 instead of F32
};

// Adapts every attention and feed-forward matrix of every layer (the usual
// "all linear layers" target of LoRA training), with factors whose product
// changes the outputs visibly. Throws for a base model that cannot be read.
// Returns a one-line summary.
std::string make_test_adapter(const TestAdapterOptions& options);

} // namespace clauselens::lora
