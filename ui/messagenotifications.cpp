// SPDX-License-Identifier: MIT
#include "messagenotifications.h"

#include "desktopnotifier.h"
#include "notificationtext.h"
#include "sessiontab.h"
#include "settingsdialog.h"

#include <QDBusConnection>
#include <QSettings>

namespace securechat {

MessageNotifications::MessageNotifications(QSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{
}

MessageNotifications::~MessageNotifications() = default;

void MessageNotifications::useBus(const QDBusConnection& bus)
{
    delete m_notifier;
    m_notifier = new DesktopNotifier(bus, this);
    connect(m_notifier, &DesktopNotifier::activated, this, [this](const QString& key) {
        for (auto it = m_conversations.cbegin(); it != m_conversations.cend(); ++it) {
            if (it->key == key)
                Q_EMIT conversationRequested(it.key());
        }
    });
}

DesktopNotifier& MessageNotifications::notifier()
{
    if (!m_notifier)
        useBus(QDBusConnection::sessionBus()); // only now: nothing touches the bus before
    return *m_notifier;
}

void MessageNotifications::watch(SessionTab* tab)
{
    m_conversations.insert(tab, { QStringLiteral("conversation-%1").arg(++m_nextKey), {}, 0 });
    connect(tab, &SessionTab::unreadMessage, this,
        [this, tab](const ChatMessage& message) { onUnread(tab, message); });
    connect(tab, &SessionTab::titleChanged, this, [this, tab] {
        if (tab->unreadCount() == 0)
            onRead(tab);
    });
    connect(tab, &QObject::destroyed, this, [this, tab] { forget(tab); });
}

void MessageNotifications::onUnread(SessionTab* tab, const ChatMessage& message)
{
    const auto found = m_conversations.find(tab);
    if (found == m_conversations.end() || !m_settings.value(SettingsDialog::notificationsKey, true).toBool()
        || m_settings.value(doNotDisturbKey, false).toBool())
        return;
    Conversation& conversation = *found;
    conversation.latest << message;
    if (conversation.latest.size() > NotificationText::MaxLines)
        conversation.latest.removeFirst();
    ++conversation.unread;
    const bool showText = !m_settings.value(hideTextKey, false).toBool();
    notifier().show(
        conversation.key, NotificationText::of(conversation.latest, conversation.unread, showText));
}

void MessageNotifications::onRead(SessionTab* tab)
{
    const auto found = m_conversations.find(tab);
    if (found == m_conversations.end() || found->unread == 0)
        return;
    found->latest.clear();
    found->unread = 0;
    notifier().withdraw(found->key);
}

void MessageNotifications::forget(SessionTab* tab)
{
    onRead(tab);
    m_conversations.remove(tab);
}

} // namespace securechat
