// SPDX-License-Identifier: MIT
// Dialog buttons as a desktop that puts icons on them shows them (X11 and most Linux desktops;
// offscreen shows none).
#pragma once

#include "lineiconstyle.h"

#include <QApplication>
#include <QPushButton>
#include <QStringList>

namespace securechat::test {

class ButtonsWithIcons final : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;
    int styleHint(StyleHint hint, const QStyleOption* option, const QWidget* widget,
        QStyleHintReturn* returnData) const override
    {
        if (hint == SH_DialogButtonBox_ButtonsHaveIcons)
            return 1;
        return QProxyStyle::styleHint(hint, option, widget, returnData);
    }
};

// The app's style with icons on dialog buttons, for as long as it lives.
class IconsOnDialogButtons final {
public:
    IconsOnDialogButtons()
        : m_previous(QApplication::style()->name())
    {
        QApplication::setStyle(new ButtonsWithIcons(new LineIconStyle(m_previous)));
    }
    ~IconsOnDialogButtons() { QApplication::setStyle(m_previous); }
    Q_DISABLE_COPY_MOVE(IconsOnDialogButtons)

private:
    QString m_previous;
};

// The buttons of a window that show no icon, by their text.
inline QStringList buttonsWithoutIcon(const QWidget& window)
{
    QStringList bare;
    for (const QPushButton* button : window.findChildren<QPushButton*>()) {
        if (button->icon().isNull())
            bare.append(button->text());
    }
    return bare;
}

} // namespace securechat::test
