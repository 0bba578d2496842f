// SPDX-License-Identifier: MIT
#pragma once

#include "notificationtext.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

namespace securechat {

/// Desktop notifications through the freedesktop Notifications service on a D-Bus session bus
/// (org.freedesktop.Notifications): one notification per conversation key, replaced in place as
/// messages arrive (replaces_id), withdrawn when the person has read them. Text is plain: when
/// the server renders markup in the body ("body-markup"), the body is escaped, so a peer's
/// "<b>" is shown, never obeyed. Nothing here blocks: every call is asynchronous.
class DesktopNotifier final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    static constexpr QLatin1String Service { "org.freedesktop.Notifications" };
    static constexpr QLatin1String Path { "/org/freedesktop/Notifications" };

    explicit DesktopNotifier(const QDBusConnection& bus, QObject* parent = nullptr);
    ~DesktopNotifier() override;

    /// Shows the conversation's notification, or replaces the one it has.
    void show(const QString& key, const NotificationText& text);
    /// Closes the conversation's notification, if it has one.
    void withdraw(const QString& key);

Q_SIGNALS:
    /// The person clicked the conversation's notification.
    void activated(const QString& key);

private Q_SLOTS:
    // Slots by name: QtDBus connects bus signals to these.
    void onActionInvoked(uint id, const QString& action);
    void onNotificationClosed(uint id, uint reason);

private:
    struct Entry {
        uint id = 0; ///< the server's id; 0 until it answered
        bool inFlight = false; ///< a Notify call has not been answered yet
        std::optional<NotificationText> next; ///< to show once it has (it replaces that one)
    };

    void send(const QString& key, const NotificationText& text);
    QString keyOf(uint id) const;

    QDBusConnection m_bus;
    QHash<QString, Entry> m_entries;
    bool m_bodyMarkup = true; // until the server says otherwise: escaping is the safe side
};

} // namespace securechat
