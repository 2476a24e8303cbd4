#include "model/quant_mix.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace clauselens::model {

namespace {

using T = gguf::TensorType;

constexpr std::string_view k_names[] = {"Q8_0", "Q4_0", "Q4_K_M"};
constexpr QuantMix k_mixes[] = {QuantMix::q8_0, QuantMix::q4_0, QuantMix::q4_k_m};

bool contains(std::string_view name, std::string_view part) {
    return name.find(part) != std::string_view::npos;
}

bool ends_with(std::string_view name, std::string_view tail) {
    return name.size() >= tail.size() && name.substr(name.size() - tail.size()) == tail;
}

// The N of "blk.N.", or -1 for a tensor outside the layers.
int64_t layer_of(std::string_view name) {
    constexpr std::string_view prefix = "blk.";
    if (!name.starts_with(prefix)) {
        return -1;
    }
    int64_t layer = -1;
    const char* first = name.data() + prefix.size();
    const char* last = name.data() + name.size();
    const auto [end, error] = std::from_chars(first, last, layer);
    return error == std::errc() && end != first && end != last && *end == '.' ? layer : -1;
}

// llama.cpp's choice of the layers whose attention values and feed-forward
// down projections get more bits: the first and last eighth, where errors hurt
// most, and every third layer in between.
bool use_more_bits(int64_t layer, int64_t n_layer) {
    if (layer < 0) {
        return false;
    }
    return layer < n_layer / 8 || layer >= 7 * n_layer / 8 || (layer - n_layer / 8) % 3 == 2;
}

T wanted_type(QuantMix mix, const MixModel& model, std::string_view name, uint64_t row) {
    const T base = mix == QuantMix::q8_0 ? T::q8_0 : mix == QuantMix::q4_0 ? T::q4_0 : T::q4_k;
    const bool classifier =
        name == "output.weight" || (!model.has_output && name == "token_embd.weight");
    if (classifier) {
        // The classifier decides every token: Q6_K unless the file is Q8_0
        // already, Q8_0 when its rows do not fit the K-quant blocks.
        if (base == T::q8_0 || row % 256 != 0) {
            return T::q8_0;
        }
        return T::q6_k;
    }
    if (mix != QuantMix::q4_k_m) {
        return base;
    }
    const int64_t n_layer = model.n_layer;
    if (contains(name, "attn_v.weight") || contains(name, "ffn_down")) {
        return use_more_bits(layer_of(name), n_layer) ? T::q6_k : T::q4_k;
    }
    if (contains(name, "attn_qkv.weight")) {
        return T::q5_k; // Phi-3's fused query/key/value projection
    }
    return T::q4_k;
}

bool fits(T type, uint64_t row) {
    return row % gguf::tensor_type_info(type).block_size == 0;
}

} // namespace

std::span<const std::string_view> quant_mix_names() {
    return k_names;
}

std::string_view quant_mix_name(QuantMix mix) {
    return k_names[static_cast<size_t>(std::find(std::begin(k_mixes), std::end(k_mixes), mix) -
                                       std::begin(k_mixes))];
}

std::optional<QuantMix> quant_mix_from_name(std::string_view name) {
    for (size_t i = 0; i < std::size(k_names); ++i) {
        const std::string_view candidate = k_names[i];
        const bool same = std::equal(
            name.begin(), name.end(), candidate.begin(), candidate.end(),
            [](char a, char b) { return std::toupper(static_cast<unsigned char>(a)) == b; });
        if (same) {
            return k_mixes[i];
        }
    }
    return std::nullopt;
}

uint32_t quant_mix_file_type(QuantMix mix) {
    switch (mix) {
    case QuantMix::q8_0:
        return 7;
    case QuantMix::q4_0:
        return 2;
    case QuantMix::q4_k_m:
        return 15;
    }
    return 0;
}

MixType quant_mix_type(QuantMix mix, const MixModel& model, std::string_view name,
                       std::span<const uint64_t> shape, gguf::TensorType input) {
    if (shape.size() < 2 || !ends_with(name, "weight")) {
        return {input, input, false};
    }
    const uint64_t row = shape[0];
    const T wanted = wanted_type(mix, model, name, row);
    T type = wanted;
    if (!fits(type, row)) {
        type = type == T::q4_k ? T::q4_0 : type == T::q8_0 || type == T::q4_0 ? type : T::q8_0;
    }
    if (!fits(type, row)) {
        type = input == T::f32 ? T::f16 : input;
    }
    return {type, wanted, true};
}

} // namespace clauselens::model
