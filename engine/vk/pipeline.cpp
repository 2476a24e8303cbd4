#include "vk/pipeline.h"

#include "vk/device.h"
#include "vk/vk_error.h"

#include <stdexcept>

namespace clauselens::vk {

Pipeline::Pipeline(Device& device, const PipelineDesc& desc)
    : name_(desc.name), buffer_count_(desc.buffer_count),
      push_constant_bytes_(desc.push_constant_bytes) {
    const VkDevice dev = device.handle();
    if (desc.spirv.empty() || desc.spirv[0] != 0x07230203u) {
        throw std::invalid_argument("shader '" + desc.name + "' is not SPIR-V");
    }
    const std::string what = "shader '" + desc.name + "'";

    std::vector<VkDescriptorSetLayoutBinding> bindings(desc.buffer_count);
    for (uint32_t i = 0; i < desc.buffer_count; ++i) {
        bindings[i].binding = i;
        bindings[i].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
        bindings[i].descriptorCount = 1;
        bindings[i].stageFlags = VK_SHADER_STAGE_COMPUTE_BIT;
    }
    VkDescriptorSetLayoutCreateInfo set_info{};
    set_info.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO;
    set_info.bindingCount = desc.buffer_count;
    set_info.pBindings = bindings.data();
    VkDescriptorSetLayout set_layout = VK_NULL_HANDLE;
    check(vkCreateDescriptorSetLayout(dev, &set_info, nullptr, &set_layout),
          ("creating the descriptor layout of " + what).c_str());
    set_layout_ = DescriptorSetLayoutHandle(dev, set_layout);

    VkPushConstantRange push{};
    push.stageFlags = VK_SHADER_STAGE_COMPUTE_BIT;
    push.size = desc.push_constant_bytes;
    VkPipelineLayoutCreateInfo layout_info{};
    layout_info.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO;
    layout_info.setLayoutCount = 1;
    layout_info.pSetLayouts = &set_layout;
    layout_info.pushConstantRangeCount = desc.push_constant_bytes > 0 ? 1 : 0;
    layout_info.pPushConstantRanges = &push;
    VkPipelineLayout layout = VK_NULL_HANDLE;
    check(vkCreatePipelineLayout(dev, &layout_info, nullptr, &layout),
          ("creating the pipeline layout of " + what).c_str());
    layout_ = PipelineLayoutHandle(dev, layout);

    VkShaderModuleCreateInfo module_info{};
    module_info.sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO;
    module_info.codeSize = desc.spirv.size_bytes();
    module_info.pCode = desc.spirv.data();
    VkShaderModule module = VK_NULL_HANDLE;
    check(vkCreateShaderModule(dev, &module_info, nullptr, &module), ("loading " + what).c_str());
    ShaderModuleHandle module_owner(dev, module);

    std::vector<VkSpecializationMapEntry> entries(desc.spec_constants.size());
    for (uint32_t i = 0; i < entries.size(); ++i) {
        entries[i].constantID = i;
        entries[i].offset = i * sizeof(uint32_t);
        entries[i].size = sizeof(uint32_t);
    }
    VkSpecializationInfo spec{};
    spec.mapEntryCount = static_cast<uint32_t>(entries.size());
    spec.pMapEntries = entries.data();
    spec.dataSize = desc.spec_constants.size() * sizeof(uint32_t);
    spec.pData = desc.spec_constants.data();

    VkComputePipelineCreateInfo pipeline_info{};
    pipeline_info.sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO;
    pipeline_info.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
    pipeline_info.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
    pipeline_info.stage.module = module;
    pipeline_info.stage.pName = "main";
    pipeline_info.stage.pSpecializationInfo = entries.empty() ? nullptr : &spec;
    pipeline_info.layout = layout;
    VkPipeline pipeline = VK_NULL_HANDLE;
    check(vkCreateComputePipelines(dev, VK_NULL_HANDLE, 1, &pipeline_info, nullptr, &pipeline),
          ("building the pipeline of " + what).c_str());
    pipeline_ = PipelineHandle(dev, pipeline);
}

} // namespace clauselens::vk
