#include "gui/category_colors.h"

#include <QByteArray>
#include <array>
#include <cstdint>

namespace clauselens::gui {

namespace {

// Twenty hues, ordered so that neighbours differ strongly, all dark enough to
// tint white paper visibly at low opacity and light enough to show on a dark
// palette. Based on well-known qualitative palettes for categorical data.
constexpr std::array<QRgb, 20> k_palette = {
    0xff1f77b4, // blue
    0xffe6550d, // orange
    0xff2ca02c, // green
    0xffd62728, // red
    0xff9467bd, // purple
    0xff8c564b, // brown
    0xffe377c2, // pink
    0xff17becf, // cyan
    0xffbcbd22, // olive
    0xff3182bd, // steel blue
    0xfffd8d3c, // light orange
    0xff31a354, // mid green
    0xffde2d26, // bright red
    0xff756bb1, // lavender
    0xffa55194, // plum
    0xff00a087, // teal
    0xffc49c00, // ochre
    0xff4c72b0, // slate blue
    0xffdd8452, // sand
    0xff637939, // moss
};

// FNV-1a over the UTF-8 bytes: unlike qHash it is not seeded per process, so
// a category keeps its colour from one run to the next.
std::uint32_t stable_hash(const QString& text) {
    std::uint32_t h = 2166136261u;
    for (const char c : text.trimmed().toCaseFolded().toUtf8()) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    return h;
}

} // namespace

QColor category_color(const QString& category) {
    return QColor::fromRgba(k_palette[stable_hash(category) % k_palette.size()]);
}

QColor status_color(const QString& status) {
    const QString s = status.trimmed().toLower();
    if (s == QLatin1String("accepted"))
        return QColor(0x2e, 0x9e, 0x4f); // green: confirmed by a person
    if (s == QLatin1String("rejected"))
        return QColor(0xc6, 0x28, 0x28); // red: dismissed
    if (s == QLatin1String("edited"))
        return QColor(0xd9, 0x8e, 0x04); // amber: a person changed the answer
    if (s == QLatin1String("auto"))
        return QColor(0x3f, 0x7c, 0xc4); // blue: the model's answer, unreviewed
    return QColor(0x80, 0x80, 0x80);
}

int category_palette_size() {
    return static_cast<int>(k_palette.size());
}

} // namespace clauselens::gui
