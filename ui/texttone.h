// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QObject>
#include <QPalette>

class QWidget;

namespace securechat {

/// The colours words and signs take besides the palette's own: a warning (red), an all-clear
/// (green) and an accent (blue: hosting, waiting).
/// Each starts from a hue chosen for light or dark palettes and is drawn towards the palette's
/// text colour until it reads at 4.5:1 (WCAG AA) on the background, whatever the desktop's
/// palette is.
class TextTone final {
public:
    enum class Tone { Plain, Warning, AllClear, Accent };

    TextTone() = delete;

    /// The colour of `tone` on the palette's `background` role.
    static QColor color(
        Tone tone, const QPalette& palette, QPalette::ColorRole background = QPalette::Window);

    /// Gives a widget's text the tone (Plain: the palette's own text colour again), worked out
    /// again when the application's palette changes.
    static void apply(QWidget* widget, Tone tone, QPalette::ColorRole background = QPalette::Window);

    /// WCAG 2's contrast ratio of two colours, from 1 (none) to 21 (black on white).
    static double contrast(const QColor& a, const QColor& b);
};

/// Keeps a widget's TextTone across palette changes (a desktop switching to a dark theme).
class ToneKeeper final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToneKeeper)

public:
    ToneKeeper(QWidget* widget, TextTone::Tone tone, QPalette::ColorRole background);

    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    TextTone::Tone m_tone;
    QPalette::ColorRole m_background;
};

} // namespace securechat
