// SPDX-License-Identifier: MIT
#include "trayicon.h"

#include "lineicon.h"

#include <QAction>
#include <QFont>
#include <QIcon>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace securechat {

namespace {

    // The app's icon with the count in a red disc at its top right, as docks and trays show it.
    QIcon badged(int count)
    {
        constexpr int Size = 64;
        QPixmap pixmap = QIcon(QStringLiteral(":/icons/securechat.svg")).pixmap(Size, Size);
        if (count <= 0)
            return QIcon(pixmap);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QRectF disc(Size * 0.38, 0, Size * 0.62, Size * 0.62);
        painter.setPen(QPen(Qt::white, 3));
        painter.setBrush(QColor(0xc0, 0x20, 0x20));
        painter.drawEllipse(disc.adjusted(1.5, 1.5, -1.5, -1.5));
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(count > 9 ? 20 : 26);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(disc, Qt::AlignCenter, count > 99 ? QStringLiteral("99+") : QString::number(count));
        return QIcon(pixmap);
    }

} // namespace

TrayIcon::TrayIcon(QAction* doNotDisturb, QAction* quit, QObject* parent)
    : QObject(parent)
    , m_menu(std::make_unique<QMenu>())
    , m_icon(new QSystemTrayIcon(this))
    , m_doNotDisturb(doNotDisturb)
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    QAction* show = m_menu->addAction(tr("&Show SecureChat"), this, &TrayIcon::showRequested);
    show->setObjectName(QStringLiteral("trayShow"));
    m_menu->setDefaultAction(show);
    m_menu->addSeparator();
    m_menu->addAction(LineIcon::icon(QStringLiteral("host")), tr("&Host…"), this, &TrayIcon::hostRequested)
        ->setObjectName(QStringLiteral("trayHost"));
    m_menu
        ->addAction(
            LineIcon::icon(QStringLiteral("connect")), tr("&Connect…"), this, &TrayIcon::connectRequested)
        ->setObjectName(QStringLiteral("trayConnect"));
    m_menu->addSeparator();
    m_menu->addAction(doNotDisturb);
    m_menu->addSeparator();
    m_menu->addAction(quit);

    m_icon->setContextMenu(m_menu.get());
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showRequested();
    });
    connect(doNotDisturb, &QAction::toggled, this, &TrayIcon::updateIcon);
    updateIcon();
}

TrayIcon::~TrayIcon() = default;

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::show()
{
    m_icon->show();
}

void TrayIcon::setUnreadCount(int count)
{
    if (count == m_unread)
        return;
    m_unread = count;
    updateIcon();
}

QString TrayIcon::toolTip() const
{
    QString text = tr("SecureChat: no unread messages");
    if (m_unread == 1)
        text = tr("SecureChat: 1 unread message");
    else if (m_unread > 1)
        text = tr("SecureChat: %n unread messages", nullptr, m_unread);
    if (m_doNotDisturb->isChecked())
        text += u'\n' + tr("Do not disturb: no notifications");
    return text;
}

void TrayIcon::updateIcon()
{
    m_icon->setIcon(badged(m_unread));
    m_icon->setToolTip(toolTip());
}

} // namespace securechat
