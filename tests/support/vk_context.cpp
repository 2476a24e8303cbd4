// The validation listener below needs Catch2's event-listener interface.
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include "support/vk_context.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace clauselens::test {

VkContext::VkContext(uint32_t index)
    : instance_owner_(std::make_unique<vk::Instance>(
          vk::InstanceOptions{.validation = true, .print_validation = true})),
      device_owner_(std::make_unique<vk::Device>(*instance_owner_, index)),
      ops_owner_(std::make_unique<vk::Ops>(*device_owner_)), instance(*instance_owner_),
      device(*device_owner_), ops(*ops_owner_) {}

VkContext::~VkContext() {
    ops_owner_.reset();
    device_owner_.reset();
    const auto messages = instance.validation_messages();
    if (!messages.empty()) {
        std::fprintf(stderr, "FAILED: %zu Vulkan validation message(s) while closing the device\n",
                     messages.size());
        std::fflush(stderr);
        std::_Exit(3);
    }
}

bool vulkan_required() {
    const char* env = std::getenv("CLAUSELENS_REQUIRE_VULKAN");
    return env != nullptr && std::strcmp(env, "1") == 0;
}

namespace {

std::unique_ptr<VkContext> make_context() {
    // Probe first with a separate instance so that a machine without any
    // driver gives nullptr rather than an exception in every test.
    uint32_t index = 0;
    try {
        vk::Instance probe(vk::InstanceOptions{.validation = false, .print_validation = false});
        const char* choice = std::getenv("CLAUSELENS_TEST_DEVICE");
        index = probe.select(choice != nullptr ? choice : "");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "no Vulkan device for the tests: %s\n", e.what());
        return nullptr;
    }
    return std::make_unique<VkContext>(index);
}

} // namespace

static bool context_created = false;

VkContext* vk_context() {
    static std::unique_ptr<VkContext> context = make_context();
    context_created = true;
    return context.get();
}

// Any validation warning or error during a test case fails it: the message
// has been printed, and the process exits non-zero, which CTest reports as a
// failure of exactly that test case (each runs in its own process).
struct ValidationListener : Catch::TestEventListenerBase {
    using TestEventListenerBase::TestEventListenerBase;

    void testCaseEnded(const Catch::TestCaseStats& stats) override {
        VkContext* ctx = context_created ? vk_context() : nullptr;
        if (ctx == nullptr) {
            return;
        }
        const auto messages = ctx->instance.validation_messages();
        if (!messages.empty()) {
            std::fprintf(stderr, "FAILED: %zu Vulkan validation message(s) during '%s'\n",
                         messages.size(), stats.testInfo.name.c_str());
            std::fflush(stderr);
            std::_Exit(3);
        }
    }
};

CATCH_REGISTER_LISTENER(ValidationListener)

} // namespace clauselens::test
