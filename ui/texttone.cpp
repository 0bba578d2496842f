// SPDX-License-Identifier: MIT
#include "texttone.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cmath>

namespace securechat {

namespace {

    constexpr double Readable = 4.5;

    double relativeLuminance(const QColor& colour)
    {
        auto channel = [](float value) {
            return value <= 0.03928f ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF());
    }

    // Each hue's shade for a light background and for a dark one.
    QColor hue(TextTone::Tone tone, bool onDark)
    {
        switch (tone) {
        case TextTone::Tone::Warning:
            return onDark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x30, 0x30);
        case TextTone::Tone::AllClear:
            return onDark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
        case TextTone::Tone::Accent:
        case TextTone::Tone::Plain:
            break;
        }
        return onDark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x2d, 0x6f, 0xc4);
    }

    QColor mixed(const QColor& from, const QColor& to, double share)
    {
        auto mix = [share](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * share)); };
        return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()), mix(from.blue(), to.blue()));
    }

} // namespace

double TextTone::contrast(const QColor& a, const QColor& b)
{
    const double first = relativeLuminance(a);
    const double second = relativeLuminance(b);
    return (std::max(first, second) + 0.05) / (std::min(first, second) + 0.05);
}

QColor TextTone::color(Tone tone, const QPalette& palette, QPalette::ColorRole background)
{
    const QColor text = palette.color(QPalette::WindowText);
    if (tone == Tone::Plain)
        return text;
    const QColor behind = palette.color(background);
    const bool dark = behind.lightnessF() < text.lightnessF();
    const QColor base = hue(tone, dark);
    // As much of the hue as reads, rather than none: a tenth of the way to the text colour at a time.
    QColor readable = base;
    for (int tenths = 1; tenths <= 10 && contrast(readable, behind) < Readable; ++tenths)
        readable = mixed(base, text, tenths / 10.0);
    return readable;
}

void TextTone::apply(QWidget* widget, Tone tone, QPalette::ColorRole background)
{
    delete widget->findChild<ToneKeeper*>(QString(), Qt::FindDirectChildrenOnly);
    widget->setPalette(QPalette()); // the window's again, without an earlier tone
    if (tone == Tone::Plain)
        return;
    QPalette palette;
    palette.setColor(QPalette::WindowText, color(tone, widget->palette(), background));
    widget->setPalette(palette);
    new ToneKeeper(widget, tone, background);
}

ToneKeeper::ToneKeeper(QWidget* widget, TextTone::Tone tone, QPalette::ColorRole background)
    : QObject(widget)
    , m_tone(tone)
    , m_background(background)
{
    widget->installEventFilter(this);
}

bool ToneKeeper::eventFilter(QObject* watched, QEvent* event)
{
    // The window's new palette reaches the widget as a change of its own; once all of it has
    // arrived, the tone is worked out against it again if it no longer fits.
    if (event->type() == QEvent::PaletteChange) {
        auto* widget = static_cast<QWidget*>(watched);
        QTimer::singleShot(0, widget, [widget, tone = m_tone, background = m_background] {
            const QPalette around
                = widget->parentWidget() ? widget->parentWidget()->palette() : QApplication::palette(widget);
            if (widget->palette().color(QPalette::WindowText) != TextTone::color(tone, around, background))
                TextTone::apply(widget, tone, background);
        });
    }
    return false;
}

} // namespace securechat
