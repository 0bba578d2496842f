// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace securechat {

/// SecureChat in the desktop's system tray: the icon carries the unread count (a badge, and the
/// tooltip), a click shows the window, and the menu offers Show, Host…, Connect…, Do not disturb
/// and Quit. The last two are the window's own actions, so both places stay in step.
class TrayIcon final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    TrayIcon(QAction* doNotDisturb, QAction* quit, QObject* parent = nullptr);
    ~TrayIcon() override;

    /// Whether the desktop has a tray to show the icon in.
    static bool isAvailable();

    void show();
    void setUnreadCount(int count);
    int unreadCount() const { return m_unread; }
    QString toolTip() const;
    QMenu* menu() const { return m_menu.get(); }
    QSystemTrayIcon* icon() const { return m_icon; }

Q_SIGNALS:
    void showRequested();
    void hostRequested();
    void connectRequested();

private:
    void updateIcon();

    std::unique_ptr<QMenu> m_menu; // a QMenu takes no QObject parent
    QSystemTrayIcon* m_icon = nullptr;
    QAction* m_doNotDisturb = nullptr;
    int m_unread = 0;
};

} // namespace securechat
