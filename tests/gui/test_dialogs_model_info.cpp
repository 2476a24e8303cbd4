// Model, adapter and device facts for the settings dialog: read from a real
// (tiny, random-weight) GGUF model through the engine's reader, and from
// damaged files that must give a message rather than a crash.

#include "core/clause_library.h"
#include "gui/model_info.h"
#include "gui_test_support.h"

#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace clauselens::gui;

namespace {

QByteArray read_all(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

QString write_file(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
    return path;
}

} // namespace

TEST_CASE("read_model_info reads architecture, shape and quantization of the tiny model") {
    const ModelInfo info = read_model_info(test::tiny_model());
    INFO(info.error.toStdString());
    REQUIRE(info.ok());
    CHECK(info.architecture == QLatin1String("llama"));
    CHECK(info.quantization == QLatin1String("Q8_0"));
    CHECK(info.name.contains(QLatin1String("tiny")));
    CHECK(info.layers > 0);
    CHECK(info.embedding > 0);
    CHECK(info.context_length > 0);
    CHECK(info.heads > 0);
    CHECK(info.kv_heads > 0);
    CHECK(info.kv_dim == info.embedding / info.heads * info.kv_heads);
    CHECK(info.vocabulary > 0);
    CHECK(info.file_size == QFileInfo(test::tiny_model()).size());
    // Every weight is a parameter; the token embedding table alone has
    // vocabulary * embedding of them.
    CHECK(info.parameters >= qint64{info.vocabulary} * info.embedding);
    CHECK(info.weight_bytes > 0);
    CHECK(info.weight_bytes < info.file_size);
}

TEST_CASE("estimated_device_bytes grows with context and batch as the KV cache does") {
    const ModelInfo info = read_model_info(test::tiny_model());
    REQUIRE(info.ok());
    const qint64 base = estimated_device_bytes(info, 1024, 4);
    CHECK(base > info.weight_bytes);
    // Doubling the context adds exactly one more KV cache of the same size:
    // 2 (K, V) * layers * (batch + 1) * 1024 positions * kv_dim * 2 bytes.
    const qint64 kv_1024 = 2LL * info.layers * 5 * 1024 * info.kv_dim * 2;
    CHECK(estimated_device_bytes(info, 2048, 4) - base == kv_1024);
    // One more sequence adds its cache and one logit row.
    const qint64 one_seq =
        2LL * info.layers * 1024 * info.kv_dim * 2 + (2LL * info.embedding + info.vocabulary) * 4;
    CHECK(estimated_device_bytes(info, 1024, 5) - base == one_seq);
    CHECK(estimated_device_bytes(ModelInfo{}, 1024, 4) == 0);
}

TEST_CASE("extraction_positions grows with the clause library's prompt") {
    const int cuad = extraction_positions(clauselens::core::ClauseLibrary::cuad_default());
    const int four = extraction_positions(
        clauselens::core::ClauseLibrary::load_file(test::five_category_library()));
    // A segment (1024) and an answer (192) on top of the prompt.
    CHECK(four > 1024 + 192);
    CHECK(cuad > four + 1000); // 41 described categories against 4
}

TEST_CASE("read_model_info reports damaged and foreign files without crashing") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QByteArray model = read_all(test::tiny_model());

    SECTION("truncated in the tensor data") {
        const ModelInfo info = read_model_info(
            write_file(dir, QStringLiteral("cut.gguf"), model.left(model.size() / 2)));
        CHECK_FALSE(info.ok());
        CHECK_FALSE(info.error.isEmpty());
        CHECK(info.architecture.isEmpty());
    }
    SECTION("truncated in the header") {
        const ModelInfo info =
            read_model_info(write_file(dir, QStringLiteral("head.gguf"), model.left(40)));
        CHECK_FALSE(info.ok());
    }
    SECTION("a huge metadata count") {
        QByteArray hostile = model.left(64);
        // GGUF v3 header: magic, version (u32), tensor count (u64), kv count (u64).
        for (int i = 16; i < 24; ++i) {
            hostile[i] = '\xff';
        }
        const ModelInfo info = read_model_info(write_file(dir, QStringLiteral("kv.gguf"), hostile));
        CHECK_FALSE(info.ok());
    }
    SECTION("not a GGUF file") {
        const ModelInfo info = read_model_info(
            write_file(dir, QStringLiteral("contract.gguf"), read_all(test::small_contract_a())));
        CHECK_FALSE(info.ok());
    }
    SECTION("no file") {
        const ModelInfo info = read_model_info(dir.filePath(QStringLiteral("missing.gguf")));
        CHECK_FALSE(info.ok());
        CHECK(info.error.contains(QLatin1String("missing.gguf")));
    }
}

TEST_CASE("read_adapter_info refuses a model that is not an adapter") {
    const AdapterInfo info = read_adapter_info(test::tiny_model());
    CHECK_FALSE(info.ok());
    CHECK(info.error.contains(QLatin1String("adapter")));
    CHECK(info.base_architecture == QLatin1String("llama"));
}

TEST_CASE("list_devices names each device vk:N in order") {
    QString error;
    const std::vector<DeviceChoice> devices = list_devices(&error);
    // Test machines may have no Vulkan driver; then the reason is given.
    if (devices.empty()) {
        WARN("no Vulkan device: " << error.toStdString());
        return;
    }
    for (size_t i = 0; i < devices.size(); ++i) {
        CHECK(devices[i].id == QStringLiteral("vk:%1").arg(i));
        CHECK_FALSE(devices[i].name.isEmpty());
        CHECK(devices[i].memory_bytes > 0);
    }
}

TEST_CASE("format_bytes and format_count make short labels") {
    CHECK(format_count(999) == QLatin1String("999"));
    CHECK(format_count(3'212'749'824).endsWith(QLatin1String(" B")));
    CHECK(format_bytes(1536).contains(QLatin1String("KiB")));
}
