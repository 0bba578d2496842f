// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QWidget;

namespace securechat {

/// Keeps windows inside the available area of their screen: at a scale factor of 2 a 1600×1000
/// screen is 800×500 in Qt's units, smaller than the sizes some windows ask for.
class ScreenFit final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenFit)

public:
    /// Fits every window of the app (dialogs, message boxes) as it is shown, while it exists.
    explicit ScreenFit(QObject* parent = nullptr);

    /// Shrinks window, frame and all, to fit its screen (never below what its layout needs),
    /// and moves it back onto the screen when it is off it.
    static void fit(QWidget* window);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace securechat
