#include "support/vk_context.h"

using namespace clauselens;

TEST_CASE("validation layer messages are collected", "[vk][validation]") {
    VK_TEST_CONTEXT(ctx);
    if (!ctx->instance.validation_enabled()) {
        WARN("SKIPPED: VK_LAYER_KHRONOS_validation is not installed");
        return;
    }
    // A deliberately invalid call (wrong sType) that drivers tolerate: the
    // layer must report it, which proves that messages reach the tests.
    ctx->instance.clear_validation_messages();
    VkFenceCreateInfo info{};
    info.sType = VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO;
    VkFence fence = VK_NULL_HANDLE;
    vkCreateFence(ctx->device.handle(), &info, nullptr, &fence);
    if (fence != VK_NULL_HANDLE) {
        vkDestroyFence(ctx->device.handle(), fence, nullptr);
    }
    const auto messages = ctx->instance.validation_messages();
    REQUIRE(!messages.empty());
    CHECK(messages[0].severity == "error");
    CHECK_THAT(messages[0].text, Catch::Contains("sType"));
    ctx->instance.clear_validation_messages(); // expected; do not fail the listener
}
