// AppSettings: every persisted value survives a round trip through the
// settings file, defaults hold when nothing is stored, bad values fall back,
// and recent lists stay at 10 entries, newest first, without duplicates.

#include "gui/settings_engine.h"
#include "gui/settings_store.h"

#include <QFile>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace clauselens::gui;

TEST_CASE("AppSettings has the documented defaults") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    AppSettings s(dir.filePath(QStringLiteral("settings.ini")));
    CHECK(s.model_path().isEmpty());
    CHECK(s.context_size() == 8192);
    CHECK(s.batch_size() == 16);
    CHECK(s.adapter_scale() == 1.0);
    CHECK(s.device().isEmpty());
    CHECK(s.export_format() == QLatin1String("csv"));
    CHECK(s.export_scope() == QLatin1String("all"));
    CHECK(s.export_excel_bom());
    CHECK(s.export_columns().isEmpty());
    CHECK(s.recent_files().isEmpty());
    CHECK(s.window_geometry().isEmpty());
}

TEST_CASE("AppSettings round trip through the file") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString ini = dir.filePath(QStringLiteral("settings.ini"));
    const QByteArray geometry("\x01\x02\x00\xff geometry", 14);
    {
        AppSettings s(ini);
        s.set_model_path(QStringLiteral("/models/qwen2.5-3b-q4_k_m.gguf"));
        s.set_adapter_path(QStringLiteral("/models/cuad-lora.gguf"));
        s.set_adapter_scale(0.75);
        s.set_device(QStringLiteral("vk:1"));
        s.set_context_size(4096);
        s.set_batch_size(32);
        s.set_library_path(QStringLiteral("/libraries/nda.json"));
        s.set_last_export_folder(QStringLiteral("/exports"));
        s.set_export_format(QStringLiteral("json"));
        s.set_export_excel_bom(false);
        s.set_export_scope(QStringLiteral("accepted"));
        s.set_export_columns({QStringLiteral("document"), QStringLiteral("score")});
        s.set_current_database(QStringLiteral("/data/contracts.db"));
        s.set_window_geometry(geometry);
        s.set_window_state(QByteArray("state"));
        s.sync();
        CHECK(s.location() == ini);
    }
    REQUIRE(QFile::exists(ini));
    AppSettings s(ini);
    CHECK(s.model_path() == QLatin1String("/models/qwen2.5-3b-q4_k_m.gguf"));
    CHECK(s.adapter_path() == QLatin1String("/models/cuad-lora.gguf"));
    CHECK(s.adapter_scale() == 0.75);
    CHECK(s.device() == QLatin1String("vk:1"));
    CHECK(s.context_size() == 4096);
    CHECK(s.batch_size() == 32);
    CHECK(s.library_path() == QLatin1String("/libraries/nda.json"));
    CHECK(s.last_export_folder() == QLatin1String("/exports"));
    CHECK(s.export_format() == QLatin1String("json"));
    CHECK_FALSE(s.export_excel_bom());
    CHECK(s.export_scope() == QLatin1String("accepted"));
    CHECK(s.export_columns() == QStringList{QStringLiteral("document"), QStringLiteral("score")});
    CHECK(s.current_database() == QLatin1String("/data/contracts.db"));
    CHECK(s.window_geometry() == geometry);
    CHECK(s.window_state() == QByteArray("state"));
}

TEST_CASE("AppSettings falls back to defaults for values out of range") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    AppSettings s(dir.filePath(QStringLiteral("settings.ini")));
    s.set_context_size(0);
    s.set_batch_size(100000);
    s.set_adapter_scale(-1);
    s.set_export_format(QStringLiteral("xlsx"));
    s.set_export_scope(QStringLiteral("everything"));
    CHECK(s.context_size() == AppSettings::k_default_context);
    CHECK(s.batch_size() == AppSettings::k_default_batch);
    CHECK(s.adapter_scale() == 1.0);
    CHECK(s.export_format() == QLatin1String("csv"));
    CHECK(s.export_scope() == QLatin1String("all"));
}

TEST_CASE("Recent files and databases keep the 10 newest, newest first, each once") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString ini = dir.filePath(QStringLiteral("settings.ini"));
    {
        AppSettings s(ini);
        for (int i = 0; i < 14; ++i) {
            s.add_recent_file(QStringLiteral("/contracts/%1.pdf").arg(i));
            s.add_recent_database(QStringLiteral("/db/%1.db").arg(i));
        }
        s.add_recent_file(QStringLiteral("/contracts/7.pdf")); // again: moves to the front
        s.add_recent_file(QString());                          // ignored
        s.sync();
    }
    AppSettings s(ini);
    const QStringList files = s.recent_files();
    REQUIRE(files.size() == 10);
    CHECK(files.first() == QLatin1String("/contracts/7.pdf"));
    CHECK(files.count(QStringLiteral("/contracts/7.pdf")) == 1);
    CHECK(files[1] == QLatin1String("/contracts/13.pdf"));
    // 7 moved to the front, so the oldest kept is still 4.
    CHECK(files.last() == QLatin1String("/contracts/4.pdf"));
    CHECK_FALSE(files.contains(QStringLiteral("/contracts/3.pdf")));
    const QStringList dbs = s.recent_databases();
    REQUIRE(dbs.size() == 10);
    CHECK(dbs.first() == QLatin1String("/db/13.db"));
    CHECK(dbs.last() == QLatin1String("/db/4.db"));
    s.clear_recent_files();
    CHECK(s.recent_files().isEmpty());
    CHECK(s.recent_databases().size() == 10);
}

TEST_CASE("engine_settings_from hands the saved engine settings to the worker") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    AppSettings s(dir.filePath(QStringLiteral("settings.ini")));
    CHECK_FALSE(engine_settings_from(s).has_model());
    CHECK(engine_settings_from(s).context == AppSettings::k_default_context);
    s.set_model_path(QStringLiteral("/models/m.gguf"));
    s.set_adapter_path(QStringLiteral("/models/a.gguf"));
    s.set_adapter_scale(2.5);
    s.set_device(QStringLiteral("vk:0"));
    s.set_context_size(2048);
    s.set_batch_size(4);
    s.set_library_path(QStringLiteral("/libraries/l.json"));
    const EngineSettings e = engine_settings_from(s);
    CHECK(e.model_path == QLatin1String("/models/m.gguf"));
    CHECK(e.adapter_path == QLatin1String("/models/a.gguf"));
    CHECK(e.adapter_scale == 2.5);
    CHECK(e.device == QLatin1String("vk:0"));
    CHECK(e.context == 2048);
    CHECK(e.batch == 4);
    CHECK(e.max_answer_tokens == EngineSettings{}.max_answer_tokens);
    CHECK(e.library_path == QLatin1String("/libraries/l.json"));
}
