#pragma once
// A compute pipeline: one SPIR-V shader, its storage-buffer bindings
// (0..buffer_count-1, in order), a push-constant block, and specialization
// constants (ids 0..n-1, e.g. the workgroup size).

#include "vk/handle.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace clauselens::vk {

class Device;

struct PipelineDesc {
    std::string name; // shows up in errors and timings
    std::span<const uint32_t> spirv;
    uint32_t buffer_count = 0;
    uint32_t push_constant_bytes = 0;
    std::vector<uint32_t> spec_constants;
};

class Pipeline {
public:
    Pipeline(Device& device, const PipelineDesc& desc);

    const std::string& name() const { return name_; }
    uint32_t buffer_count() const { return buffer_count_; }
    uint32_t push_constant_bytes() const { return push_constant_bytes_; }
    VkPipeline handle() const { return pipeline_.get(); }
    VkPipelineLayout layout() const { return layout_.get(); }
    VkDescriptorSetLayout set_layout() const { return set_layout_.get(); }

private:
    std::string name_;
    uint32_t buffer_count_ = 0;
    uint32_t push_constant_bytes_ = 0;
    DescriptorSetLayoutHandle set_layout_;
    PipelineLayoutHandle layout_;
    PipelineHandle pipeline_;
};

} // namespace clauselens::vk
