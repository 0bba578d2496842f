// SPDX-License-Identifier: MIT
// Colour contrast as WCAG 2 measures it, and the palettes the looks are checked on.
#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QPalette>
#include <QRect>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

namespace securechat::test {

// WCAG 2 relative luminance and contrast ratio.
inline double luminance(const QColor& colour)
{
    auto linear = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF());
}

inline double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The pixel of `area` that stands out most from `background`: the ink of whatever is drawn there.
inline QColor strongestAgainst(const QImage& image, const QRect& area, const QColor& background)
{
    QColor strongest = background;
    const QRect inside = area.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y) {
        for (int x = inside.left(); x <= inside.right(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (contrast(pixel, background) > contrast(strongest, background))
                strongest = pixel;
        }
    }
    return strongest;
}

inline QPalette fusionLight()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

// A dark palette as a desktop hands one to Qt: every role set, the disabled text dimmed.
struct DarkColours {
    QColor window, button, base, alternateBase, text, disabledText, highlight;
};

inline QPalette darkPalette(const DarkColours& colours)
{
    QPalette palette(colours.button, colours.window); // light, mid, dark, shadow from the button
    palette.setColor(QPalette::Base, colours.base);
    palette.setColor(QPalette::AlternateBase, colours.alternateBase);
    palette.setColor(QPalette::ToolTipBase, colours.base);
    for (const QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText,
             QPalette::ToolTipText, QPalette::BrightText, QPalette::HighlightedText }) {
        palette.setColor(role, colours.text);
        palette.setColor(QPalette::Disabled, role, colours.disabledText);
    }
    palette.setColor(QPalette::PlaceholderText, colours.disabledText);
    palette.setColor(QPalette::Highlight, colours.highlight);
    palette.setColor(QPalette::Link, colours.highlight.lighter(130));
    palette.setColor(QPalette::LinkVisited, colours.highlight.lighter(110));
    return palette;
}

// The dark Fusion that many Qt apps and qt6ct offer.
inline QPalette fusionDark()
{
    return darkPalette({ QColor(0x35, 0x35, 0x35), QColor(0x35, 0x35, 0x35), QColor(0x2a, 0x2a, 0x2a),
        QColor(0x42, 0x42, 0x42), QColor(0xff, 0xff, 0xff), QColor(0x7f, 0x7f, 0x7f),
        QColor(0x2a, 0x82, 0xda) });
}

// KDE Plasma's Breeze Dark colour scheme.
inline QPalette breezeDark()
{
    return darkPalette({ QColor(0x2a, 0x2e, 0x32), QColor(0x31, 0x36, 0x3b), QColor(0x1b, 0x1e, 0x20),
        QColor(0x23, 0x26, 0x29), QColor(0xfc, 0xfc, 0xfc), QColor(0x6e, 0x71, 0x75),
        QColor(0x3d, 0xae, 0xe9) });
}

// qt6ct's "darker" colour scheme (QT_QPA_PLATFORMTHEME=qt6ct): a light AlternateBase on a dark window.
inline QPalette qt6ctDarker()
{
    return darkPalette({ QColor(0x22, 0x20, 0x20), QColor(0x42, 0x42, 0x45), QColor(0x3d, 0x3d, 0x3d),
        QColor(0x5c, 0x5b, 0x5a), QColor(0xff, 0xff, 0xff), QColor(0x80, 0x80, 0x80),
        QColor(0x12, 0x60, 0x8a) });
}

// Every palette above, by name, for data-driven tests.
inline QList<std::pair<const char*, QPalette>> everyPalette()
{
    return { { "Fusion light", fusionLight() }, { "Fusion dark", fusionDark() },
        { "Breeze Dark", breezeDark() }, { "qt6ct darker", qt6ctDarker() } };
}

// A "palette" column with a row for each of everyPalette().
inline void addPaletteRows()
{
    QTest::addColumn<QPalette>("palette");
    for (const auto& [name, palette] : everyPalette())
        QTest::newRow(name) << palette;
}

} // namespace securechat::test
