#pragma once
// Which type each tensor of a model gets when it is quantized to one of the
// file types users know from other GGUF tools. The rules are those of
// llama.cpp's quantizer, so a Q4_K_M file made here has the same types on
// the same tensors as one downloaded from a model hub, and sizes and quality
// compare one to one.

#include "gguf/gguf_types.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace clauselens::model {

// The targets of `clauselens-cli quantize`.
enum class QuantMix {
    q8_0,   // Q8_0 everywhere
    q4_0,   // Q4_0, with Q6_K for the classifier
    q4_k_m, // Q4_K, with Q6_K for the classifier and some attention values
            // and feed-forward down projections, Q5_K for fused QKV
};

// "Q8_0", "Q4_0", "Q4_K_M", in that order.
std::span<const std::string_view> quant_mix_names();
std::string_view quant_mix_name(QuantMix mix);
// Case-insensitive: "q4_k_m" and "Q4_K_M" both give QuantMix::q4_k_m.
std::optional<QuantMix> quant_mix_from_name(std::string_view name);

// The value of general.file_type for a file of this mix: llama.cpp's
// LLAMA_FTYPE numbers (MOSTLY_Q8_0 = 7, MOSTLY_Q4_0 = 2, MOSTLY_Q4_K_M = 15).
uint32_t quant_mix_file_type(QuantMix mix);

// What the rules need to know about the model as a whole.
struct MixModel {
    std::string_view arch;  // general.architecture: "llama", "qwen2", "phi3"
    uint32_t n_layer = 0;   // <arch>.block_count
    bool has_output = true; // false: token_embd.weight doubles as the classifier
};

struct MixType {
    gguf::TensorType type;   // what the tensor is stored as
    gguf::TensorType wanted; // what the rules asked for: differs from `type`
                             // when the rows are not a whole number of its blocks
    bool quantized;          // false: 1-D tensors and non-weights, copied as they are
};

// The type of tensor `name` of `shape` (ggml order, shape[0] the row length),
// stored as `input` in the unquantized model. Tensors that are not quantized
// (norms, biases, rope factors: anything 1-D, or not named *.weight) keep
// `input`. A row length that the wanted type's blocks do not divide falls
// back as llama.cpp does, to the nearest type the engine computes with:
// Q6_K and Q5_K to Q8_0, Q4_K to Q4_0 (the same size; llama.cpp's Q5_0 is
// not an engine type), and when even 32 does not divide it to F16 (F16 and
// BF16 inputs keep their type).
MixType quant_mix_type(QuantMix mix, const MixModel& model, std::string_view name,
                       std::span<const uint64_t> shape, gguf::TensorType input);

} // namespace clauselens::model
