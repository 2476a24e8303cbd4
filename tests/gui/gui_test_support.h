#pragma once
// What the GUI tests share: contracts from ../shared/data/cuad-dev, a tiny
// random-weight model made once per test binary, a fresh database folder, and
// waiting on the event loop for something to happen.

#include <QString>
#include <QTemporaryDir>
#include <chrono>
#include <functional>

namespace clauselens::gui::test {

// Path of a cuad-dev contract by the start of its file name, e.g. "SteelVault".
QString cuad_pdf(const QString& name_start);

// The two small contracts the GUI tests drop (4 pages each).
QString small_contract_a(); // SteelVaultCorp ... Affiliate_Agreement.pdf
QString small_contract_b(); // ADUROBIOTECH ... CONSULTING_AGREEMENT_1.pdf

// A `tiny` Q8_0 test model, written once per process (engine test-model maker).
QString tiny_model();

// A small clause library (tests/data/extraction/cuad-five.json).
QString five_category_library();

// Processes events until pred() is true or the timeout passes; returns pred().
bool wait_until(const std::function<bool()>& pred,
                std::chrono::milliseconds timeout = std::chrono::seconds(120));

} // namespace clauselens::gui::test
