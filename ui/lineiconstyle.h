// SPDX-License-Identifier: MIT
#pragma once

#include <QProxyStyle>

namespace securechat {

/// The application's style with the dialog buttons' icons (OK, Cancel, Close, Yes, No…), the
/// tabs' close buttons and the toolbar's "more" arrows drawn as the app's own line icons
/// (LineIcon), so that a dialog does not mix a stock green arrow and red X with the toolbar's
/// icons, and all of them follow the palette.
/// Everything else is the wrapped style's.
class LineIconStyle final : public QProxyStyle {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineIconStyle)

public:
    /// key: the style to wrap, as QStyleFactory names it (e.g. QApplication::style()->name()).
    explicit LineIconStyle(const QString& key);

    /// The line icon (LineIcon::icon's name) that replaces a standard pixmap; empty for the others.
    static QString iconName(StandardPixmap pixmap);

    QIcon standardIcon(StandardPixmap icon, const QStyleOption* option = nullptr,
        const QWidget* widget = nullptr) const override;
    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
        const QWidget* widget = nullptr) const override;
};

} // namespace securechat
