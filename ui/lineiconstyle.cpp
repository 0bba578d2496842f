// SPDX-License-Identifier: MIT
#include "lineiconstyle.h"

#include "lineicon.h"

#include <QPainter>
#include <QStyleOption>

namespace securechat {

LineIconStyle::LineIconStyle(const QString& key)
    : QProxyStyle(key)
{
}

QString LineIconStyle::iconName(StandardPixmap pixmap)
{
    switch (pixmap) {
    case SP_DialogOkButton:
    case SP_DialogYesButton:
    case SP_DialogApplyButton:
        return QStringLiteral("ok");
    case SP_DialogCancelButton:
    case SP_DialogNoButton:
    case SP_DialogCloseButton:
    case SP_DialogDiscardButton:
        return QStringLiteral("close");
    case SP_DialogSaveButton:
        return QStringLiteral("save");
    case SP_DialogOpenButton:
        return QStringLiteral("open");
    case SP_DialogResetButton:
        return QStringLiteral("reset");
    case SP_DialogHelpButton:
        return QStringLiteral("help");
    case SP_ToolBarHorizontalExtensionButton:
        return QStringLiteral("more");
    case SP_ToolBarVerticalExtensionButton:
        return QStringLiteral("more-down");
    default:
        return QString();
    }
}

QIcon LineIconStyle::standardIcon(
    StandardPixmap icon, const QStyleOption* option, const QWidget* widget) const
{
    if (const QString name = iconName(icon); !name.isEmpty())
        return LineIcon::icon(name);
    return QProxyStyle::standardIcon(icon, option, widget);
}

void LineIconStyle::drawPrimitive(
    PrimitiveElement element, const QStyleOption* option, QPainter* painter, const QWidget* widget) const
{
    if (element != PE_IndicatorTabClose) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    // The stock close button is a red box that shouts on every tab: a quiet cross instead, on a
    // soft square while the mouse is over it (the tab bar's button raises itself then).
    const bool enabled = option->state.testFlag(State_Enabled);
    if (enabled && option->state & (State_Raised | State_Sunken)) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(option->palette.mid());
        painter->drawRoundedRect(QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        painter->restore();
    }
    LineIcon::icon(QStringLiteral("close"))
        .paint(painter, option->rect, Qt::AlignCenter, enabled ? QIcon::Normal : QIcon::Disabled);
}

} // namespace securechat
