// The settings dialog driven through its widgets: the model tab reads a real
// GGUF file on a worker and shows what it is (or why it cannot be used), the
// library tab imports, validates, edits and exports clause libraries, and
// Apply writes everything to AppSettings.

#include "gui/library_editor.h"
#include "gui/settings_dialog.h"
#include "gui/settings_store.h"
#include "gui_test_support.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <catch2/catch.hpp>

using namespace clauselens;
using namespace clauselens::gui;

namespace {

QString label_text(const QDialog& dialog, const char* name) {
    auto* label = dialog.findChild<QLabel*>(QString::fromLatin1(name));
    REQUIRE(label != nullptr);
    return label->text();
}

bool label_shown(const QDialog& dialog, const char* name) {
    auto* label = dialog.findChild<QLabel*>(QString::fromLatin1(name));
    REQUIRE(label != nullptr);
    return !label->isHidden();
}

QString write_file(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
    return path;
}

} // namespace

TEST_CASE("Settings dialog shows the model's architecture, quantization and size") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    SettingsDialog dialog(settings);
    dialog.show();

    // Typed into the line edit, as a user would: read after the pause.
    auto* path = dialog.findChild<QLineEdit*>(QStringLiteral("model_path"));
    REQUIRE(path != nullptr);
    path->setText(test::tiny_model());
    REQUIRE(test::wait_until(
        [&] { return label_text(dialog, "model_architecture") == QLatin1String("llama"); },
        std::chrono::seconds(30)));
    CHECK(label_text(dialog, "model_quantization") == QLatin1String("Q8_0"));
    CHECK_FALSE(label_text(dialog, "model_size").isEmpty());
    CHECK(label_text(dialog, "model_layers") == QString::number(dialog.model_info().layers));
    CHECK_FALSE(label_shown(dialog, "model_error"));
    // Positions per segment: what the CUAD library's prompt needs, within the
    // context setting and the model's trained context.
    const int positions = std::min({AppSettings::k_default_context,
                                    extraction_positions(core::ClauseLibrary::cuad_default()),
                                    dialog.model_info().context_length});
    CHECK(dialog.positions_per_sequence() == positions);
    CHECK(dialog.estimated_bytes() ==
          estimated_device_bytes(dialog.model_info(), positions, AppSettings::k_default_batch));
    CHECK(label_text(dialog, "memory_estimate").contains(format_bytes(dialog.estimated_bytes())));

    // A larger batch: the estimate follows the spin box.
    auto* batch = dialog.findChild<QSpinBox*>(QStringLiteral("batch_size"));
    REQUIRE(batch != nullptr);
    batch->setValue(32);
    CHECK(dialog.estimated_bytes() == estimated_device_bytes(dialog.model_info(), positions, 32));
    // A smaller context than the prompt needs caps the positions.
    auto* context = dialog.findChild<QSpinBox*>(QStringLiteral("context_size"));
    REQUIRE(context != nullptr);
    context->setValue(512);
    CHECK(dialog.positions_per_sequence() == 512);
    CHECK(dialog.estimated_bytes() == estimated_device_bytes(dialog.model_info(), 512, 32));

    // A damaged file: the reason in red, the facts cleared, and Apply refuses it.
    QFile model(test::tiny_model());
    REQUIRE(model.open(QIODevice::ReadOnly));
    const QString broken =
        write_file(dir, QStringLiteral("broken.gguf"), model.read(model.size() / 3));
    dialog.set_model_path(broken);
    REQUIRE(test::wait_until([&] { return label_shown(dialog, "model_error"); },
                             std::chrono::seconds(30)));
    CHECK(label_text(dialog, "model_error").contains(QLatin1String("cannot be used")));
    CHECK(label_text(dialog, "model_architecture").isEmpty());
    CHECK_FALSE(dialog.apply());
    CHECK(settings.model_path().isEmpty());

    // The adapter field refuses a model that is not an adapter.
    dialog.set_adapter_path(test::tiny_model());
    REQUIRE(test::wait_until([&] { return !dialog.adapter_info().path.isEmpty(); },
                             std::chrono::seconds(30)));
    CHECK(label_text(dialog, "adapter_info").contains(QLatin1String("adapter")));
    CHECK_FALSE(dialog.adapter_info().ok());
}

TEST_CASE("Settings dialog lists the Vulkan devices from its worker") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.set_device(QStringLiteral("vk:99"));
    SettingsDialog dialog(settings);
    REQUIRE(test::wait_until([&] { return dialog.devices_loaded(); }, std::chrono::seconds(60)));
    auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("device_combo"));
    REQUIRE(combo != nullptr);
    // "Automatic", each device, and the missing device from the settings.
    CHECK(combo->count() == static_cast<int>(dialog.devices().size()) + 2);
    CHECK(combo->itemData(0).toString().isEmpty());
    CHECK(combo->currentData().toString() == QLatin1String("vk:99"));
    CHECK(combo->currentText().contains(QLatin1String("not found")));
    for (size_t i = 0; i < dialog.devices().size(); ++i) {
        CHECK(combo->itemData(static_cast<int>(i) + 1).toString() == dialog.devices()[i].id);
    }
    CHECK_FALSE(label_text(dialog, "device_status").isEmpty());
}

TEST_CASE("Settings dialog imports a clause library and shows a validation error") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    SettingsDialog dialog(settings);
    LibraryEditor* editor = dialog.library_editor();
    auto* table = dialog.findChild<QTableView*>(QStringLiteral("library_table"));
    REQUIRE(table != nullptr);
    CHECK(table->model()->rowCount() == 41); // the CUAD default

    // The test library (named "five categories") holds these categories.
    const core::ClauseLibrary expected =
        core::ClauseLibrary::load_file(test::five_category_library());
    REQUIRE(expected.categories.size() == 4);
    REQUIRE(editor->import_file(test::five_category_library()));
    REQUIRE(table->model()->rowCount() == 4);
    for (int row = 0; row < 4; ++row) {
        CHECK(table->model()->index(row, LibraryTableModel::name_column).data().toString() ==
              expected.categories[static_cast<size_t>(row)].name);
    }
    CHECK(editor->library() == expected);
    CHECK(table->model()->index(1, LibraryTableModel::name_column).data().toString() ==
          QLatin1String("Governing Law"));
    CHECK(table->model()->index(1, LibraryTableModel::fields_column).data().toString() ==
          QLatin1String("governing_law (jurisdiction)"));
    CHECK_FALSE(editor->message_is_error());

    const QString invalid = write_file(
        dir, QStringLiteral("invalid.json"),
        R"({"name": "Mine", "categories": [{"name": "Term"}, {"name": "Term", "description": "x"}]})");
    CHECK_FALSE(editor->import_file(invalid));
    CHECK(editor->message_is_error());
    CHECK(editor->message().contains(QLatin1String("categories[0].description")));
    CHECK(editor->message().contains(QLatin1String("invalid.json")));
    CHECK(table->model()->rowCount() == 4); // the library is unchanged

    const QString not_json = write_file(dir, QStringLiteral("notes.json"), "Governing law: NY");
    CHECK_FALSE(editor->import_file(not_json));
    CHECK(editor->message_is_error());

    // Apply keeps the imported file where it is.
    QSignalSpy applied(&dialog, &SettingsDialog::settings_applied);
    REQUIRE(dialog.apply());
    CHECK(applied.count() == 1);
    CHECK(settings.library_path() == test::five_category_library());
}

TEST_CASE("Library editor edits categories within the library's rules") {
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.set_library_path(test::five_category_library());
    SettingsDialog dialog(settings);
    LibraryEditor* editor = dialog.library_editor();
    LibraryTableModel* model = editor->model();
    REQUIRE(model->rowCount() == 4);

    // A duplicate name is refused with the reason; a new one is taken.
    CHECK_FALSE(model->setData(model->index(0, LibraryTableModel::name_column),
                               QStringLiteral("governing law")));
    CHECK(editor->message_is_error());
    CHECK(editor->message().contains(QLatin1String("unique")));
    CHECK_FALSE(model->setData(model->index(0, LibraryTableModel::description_column), QString()));
    REQUIRE(model->setData(model->index(0, LibraryTableModel::name_column),
                           QStringLiteral("Contracting Parties")));
    const int added = model->add_category();
    CHECK(added == 4);
    CHECK(model->rowCount() == 5);
    CHECK(model->index(4, LibraryTableModel::name_column).data().toString() ==
          QLatin1String("New category"));
    model->remove_categories({2});
    CHECK(model->rowCount() == 4);
    REQUIRE_NOTHROW(editor->library().validate());

    // Export writes what import reads back.
    const QString exported = dir.filePath(QStringLiteral("mine.json"));
    REQUIRE(editor->export_file(exported));
    CHECK(core::ClauseLibrary::load_file(exported) == editor->library());

    // An edited library is saved in the application's data folder on Apply.
    REQUIRE(dialog.apply());
    CHECK(settings.library_path() == SettingsDialog::edited_library_path());
    const core::ClauseLibrary saved = core::ClauseLibrary::load_file(settings.library_path());
    CHECK(saved.categories.front().name == QLatin1String("Contracting Parties"));
    CHECK(saved.categories.size() == 4);
    CHECK(saved.categories.back().name == QLatin1String("New category"));
    QFile::remove(SettingsDialog::edited_library_path());

    // Back to CUAD: no library file at all.
    editor->findChild<QPushButton*>(QStringLiteral("library_reset"))->click();
    CHECK(model->rowCount() == 41);
    REQUIRE(dialog.apply());
    CHECK(settings.library_path().isEmpty());
}

TEST_CASE("Settings dialog Apply stores model, adapter, device and sizes") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString ini = dir.filePath(QStringLiteral("settings.ini"));
    {
        AppSettings settings(ini);
        SettingsDialog dialog(settings);
        dialog.set_model_path(test::tiny_model());
        REQUIRE(test::wait_until(
            [&] { return dialog.model_info().ok() && !dialog.model_info().path.isEmpty(); },
            std::chrono::seconds(30)));
        dialog.findChild<QSpinBox*>(QStringLiteral("context_size"))->setValue(4096);
        dialog.findChild<QSpinBox*>(QStringLiteral("batch_size"))->setValue(8);
        dialog.findChild<QDoubleSpinBox*>(QStringLiteral("adapter_scale"))->setValue(0.5);
        REQUIRE(dialog.apply());
    }
    AppSettings settings(ini);
    CHECK(settings.model_path() == test::tiny_model());
    CHECK(settings.context_size() == 4096);
    CHECK(settings.batch_size() == 8);
    CHECK(settings.adapter_scale() == 0.5);
    CHECK(settings.device().isEmpty());
    CHECK(settings.library_path().isEmpty());

    // A dialog opened on these settings shows them.
    SettingsDialog again(settings);
    CHECK(again.findChild<QLineEdit*>(QStringLiteral("model_path"))->text() == test::tiny_model());
    CHECK(again.findChild<QSpinBox*>(QStringLiteral("context_size"))->value() == 4096);
    CHECK(again.findChild<QSpinBox*>(QStringLiteral("batch_size"))->value() == 8);
}

TEST_CASE("Library editor removes the selected categories with the Delete key") {
    LibraryEditor editor;
    editor.set_library(core::ClauseLibrary::load_file(test::five_category_library()));
    editor.show();
    editor.activateWindow(); // shortcuts reach the active window only
    REQUIRE(QTest::qWaitForWindowActive(&editor));
    auto* table = editor.findChild<QTableView*>(QStringLiteral("library_table"));
    REQUIRE(table != nullptr);
    const int rows = table->model()->rowCount();
    table->setFocus();
    table->selectRow(1);
    QTest::keyClick(table, Qt::Key_Delete);
    CHECK(table->model()->rowCount() == rows - 1);
    CHECK(editor.library().find(u"Governing Law") == nullptr);
    // The last category cannot go: a library needs one.
    table->selectAll();
    QTest::keyClick(table, Qt::Key_Delete);
    CHECK(table->model()->rowCount() == rows - 1);
    CHECK(editor.message_is_error());
}
