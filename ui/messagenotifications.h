// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/chatmessage.h"

#include <QHash>
#include <QLatin1String>
#include <QList>
#include <QObject>

class QDBusConnection;
class QSettings;

namespace securechat {

class DesktopNotifier;
class SessionTab;

/// Decides when a message becomes a desktop notification: only for a conversation the person is
/// not looking at (its tab reports it unread), only while notifications are on in the settings,
/// and never while Do not disturb is on. One notification per conversation, updated as messages
/// arrive and withdrawn once the person reads them; clicking it asks for that conversation.
class MessageNotifications final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageNotifications)

public:
    static constexpr QLatin1String doNotDisturbKey { "doNotDisturb" }; ///< bool, default false
    static constexpr QLatin1String hideTextKey { "notifications/hideText" }; ///< bool, default false

    explicit MessageNotifications(QSettings& settings, QObject* parent = nullptr);
    ~MessageNotifications() override;

    /// Where notifications go: the session bus's Notifications service unless set.
    void useBus(const QDBusConnection& bus);
    void watch(SessionTab* tab);

Q_SIGNALS:
    /// The person clicked the notification of tab's conversation.
    void conversationRequested(securechat::SessionTab* tab);

private:
    struct Conversation {
        QString key;
        QList<ChatMessage> latest; // the last few unread, for the preview
        int unread = 0;
    };

    DesktopNotifier& notifier();
    void onUnread(SessionTab* tab, const ChatMessage& message);
    void onRead(SessionTab* tab);
    void forget(SessionTab* tab);

    QSettings& m_settings;
    DesktopNotifier* m_notifier = nullptr;
    QHash<SessionTab*, Conversation> m_conversations;
    int m_nextKey = 0;
};

} // namespace securechat
