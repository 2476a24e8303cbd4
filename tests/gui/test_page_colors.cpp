// Category colours: the same category always gets the same colour, CUAD's
// categories spread over the palette, and every colour shows on white paper
// and on a dark window.

#include "core/clause_library.h"
#include "gui/category_colors.h"

#include <QSet>
#include <catch2/catch.hpp>

using namespace clauselens;
using namespace clauselens::gui;

TEST_CASE("category colours are stable, spread and readable", "[page][colors]") {
    const core::ClauseLibrary cuad = core::ClauseLibrary::cuad_default();
    REQUIRE(cuad.categories.size() == 41);
    QSet<QRgb> distinct;
    for (const core::ClauseCategory& c : cuad.categories) {
        const QColor colour = category_color(c.name);
        CHECK(colour == category_color(c.name));
        // Case and surrounding spaces do not change a category's colour.
        CHECK(colour == category_color(QLatin1Char(' ') + c.name.toUpper()));
        distinct.insert(colour.rgb());
        // Dark enough to tint white paper, light enough for a dark window.
        CHECK(colour.lightnessF() > 0.25);
        CHECK(colour.lightnessF() < 0.75);
        CHECK(colour.hsvSaturationF() > 0.4);
    }
    // 41 categories over the palette: most colours in use, not a few repeated.
    CHECK(distinct.size() >= category_palette_size() * 3 / 4);

    CHECK(status_color(QStringLiteral("accepted")) != status_color(QStringLiteral("rejected")));
    CHECK(status_color(QStringLiteral("auto")) != status_color(QStringLiteral("edited")));
    CHECK(status_color(QStringLiteral("Accepted")) == status_color(QStringLiteral("accepted")));
    CHECK(status_color(QStringLiteral("unknown")).hsvSaturation() == 0);
}
