// SPDX-License-Identifier: MIT
#include "lineiconstyle.h"

#include <QIcon>

// The icons live in this static library (see MainWindow); a style may exist before any window.
static void initLineIconResources()
{
    Q_INIT_RESOURCE(securechat);
}

namespace securechat {

LineIconStyle::LineIconStyle(const QString& key)
    : QProxyStyle(key)
{
    initLineIconResources();
}

QString LineIconStyle::iconPath(StandardPixmap pixmap)
{
    switch (pixmap) {
    case SP_DialogOkButton:
    case SP_DialogYesButton:
    case SP_DialogApplyButton:
        return QStringLiteral(":/icons/ok.svg");
    case SP_DialogCancelButton:
    case SP_DialogNoButton:
    case SP_DialogCloseButton:
    case SP_DialogDiscardButton:
        return QStringLiteral(":/icons/close.svg");
    case SP_DialogSaveButton:
        return QStringLiteral(":/icons/save.svg");
    case SP_DialogOpenButton:
        return QStringLiteral(":/icons/open.svg");
    case SP_DialogResetButton:
        return QStringLiteral(":/icons/reset.svg");
    case SP_DialogHelpButton:
        return QStringLiteral(":/icons/help.svg");
    default:
        return QString();
    }
}

QIcon LineIconStyle::standardIcon(
    StandardPixmap icon, const QStyleOption* option, const QWidget* widget) const
{
    if (const QString path = iconPath(icon); !path.isEmpty())
        return QIcon(path);
    return QProxyStyle::standardIcon(icon, option, widget);
}

} // namespace securechat
