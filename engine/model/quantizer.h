#pragma once
// Quantizes an unquantized (F32, F16 or BF16) GGUF model to Q8_0, Q4_0 or
// Q4_K_M: every weight matrix gets the type quant_mix chooses, everything else
// (metadata, vocabulary, norms) is copied unchanged. The output appears under
// its name only once completely written.

#include "gguf/gguf_types.h"
#include "model/quant_mix.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace clauselens::model {

// One tensor as written, reported while the output is written.
struct QuantizedTensor {
    std::string name;
    gguf::TensorType from;
    gguf::TensorType to;
    gguf::TensorType wanted; // differs from `to` when the rows did not fit its blocks
    uint64_t row_length;     // ne[0]
    uint64_t n_elements;
    uint64_t bytes_in;
    uint64_t bytes_out;
    size_t index; // 0-based, in file order
    size_t count; // tensors in the file
};

struct QuantizeOptions {
    std::filesystem::path input;
    std::filesystem::path output;
    QuantMix mix = QuantMix::q4_k_m;
    // Threads that quantize the rows of each tensor; 0: one per hardware thread.
    unsigned n_threads = 0;
    // Called after each tensor is written.
    std::function<void(const QuantizedTensor&)> progress;
};

struct QuantizeSummary {
    uint64_t file_bytes_in = 0;
    uint64_t file_bytes_out = 0;
    uint64_t n_elements = 0; // over all tensors
    uint64_t tensor_bytes_out = 0;
    size_t n_tensors = 0;
    size_t n_quantized = 0; // tensors whose type quant_mix chose
    // Tensors stored in another type than the mix wanted because their rows
    // are not a whole number of its blocks.
    std::vector<QuantizedTensor> fallbacks;
    unsigned n_threads = 0;
    double seconds = 0.0;

    // Bits per weight of the tensor data written.
    double bits_per_weight() const {
        return n_elements == 0 ? 0.0 : 8.0 * static_cast<double>(tensor_bytes_out) / n_elements;
    }
};

// Throws ModelError when a weight matrix is already quantized (or of a type
// that cannot be converted), gguf::GgufError for a file that cannot be read
// or written. Nothing is left under options.output on failure.
QuantizeSummary quantize_model(const QuantizeOptions& options);

} // namespace clauselens::model
