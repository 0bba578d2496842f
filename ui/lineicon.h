// SPDX-License-Identifier: MIT
#pragma once

#include "texttone.h"

#include <QIcon>
#include <QPalette>

class QAbstractButton;

namespace securechat {

/// The app's line icons: the one-colour drawings of resources/icons (close, ok, host, copy…),
/// painted in the colour of the application palette's button text at the moment they are drawn,
/// so that they read on a light palette and on a dark one, and a palette change shows at the
/// next repaint. The coloured icons (locks, shields, the app's own) keep their colours.
class LineIcon final {
public:
    LineIcon() = delete;

    /// name: the file in resources/icons without ".svg", e.g. "close"; tone: a colour other than
    /// the button text's for a sign that should stand out (TextTone::Tone::Accent for hosting).
    static QIcon icon(const QString& name, TextTone::Tone tone = TextTone::Tone::Plain);

    /// The colour a line icon takes in a mode: button text (or its tone), the disabled button
    /// text for a disabled control, highlighted text on a selection.
    static QColor strokeColor(
        const QPalette& palette, QIcon::Mode mode, TextTone::Tone tone = TextTone::Tone::Plain);

    /// Gives a button of a dialog's button row the icon `name` where the style puts icons on
    /// dialog buttons, as Qt does for the standard ones (OK, Cancel…) beside it.
    static void decorateDialogButton(QAbstractButton* button, const QString& name);
};

} // namespace securechat
