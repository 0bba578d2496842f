// SPDX-License-Identifier: MIT
#include "desktopnotifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace securechat {

namespace {

    const QLatin1String Interface("org.freedesktop.Notifications");
    const QLatin1String DefaultAction("default");

} // namespace

DesktopNotifier::DesktopNotifier(const QDBusConnection& bus, QObject* parent)
    : QObject(parent)
    , m_bus(bus)
{
    m_bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
        SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this,
        SLOT(onNotificationClosed(uint, uint)));
    const QDBusMessage ask
        = QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("GetCapabilities"));
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(ask), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher* call) {
        call->deleteLater();
        const QDBusPendingReply<QStringList> capabilities = *call;
        if (capabilities.isValid())
            m_bodyMarkup = capabilities.value().contains(QStringLiteral("body-markup"));
    });
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::show(const QString& key, const NotificationText& text)
{
    Entry& entry = m_entries[key];
    if (entry.inFlight) {
        entry.next = text; // replaces the one on its way, once its id is known
        return;
    }
    send(key, text);
}

void DesktopNotifier::send(const QString& key, const NotificationText& text)
{
    Entry& entry = m_entries[key];
    entry.inFlight = true;
    QDBusMessage notify = QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    const QVariantMap hints { { QStringLiteral("category"), QStringLiteral("im.received") },
        { QStringLiteral("desktop-entry"), QStringLiteral("securechat") } };
    notify << QStringLiteral("SecureChat") << entry.id << QStringLiteral("securechat") << text.summary
           << (m_bodyMarkup ? text.body.toHtmlEscaped() : text.body)
           << QStringList { DefaultAction, tr("Open") } << hints << -1;
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(notify), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, key](QDBusPendingCallWatcher* call) {
        call->deleteLater();
        const QDBusPendingReply<uint> reply = *call;
        const auto found = m_entries.find(key);
        if (found == m_entries.end())
            return; // withdrawn meanwhile
        found->inFlight = false;
        if (reply.isValid())
            found->id = reply.value();
        if (found->next) {
            const NotificationText next = *std::exchange(found->next, std::nullopt);
            send(key, next);
        }
    });
}

void DesktopNotifier::withdraw(const QString& key)
{
    const auto found = m_entries.find(key);
    if (found == m_entries.end())
        return;
    if (found->id != 0) {
        const QDBusMessage close
            = QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("CloseNotification"))
            << found->id;
        m_bus.asyncCall(close);
    }
    m_entries.erase(found);
}

QString DesktopNotifier::keyOf(uint id) const
{
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it->id == id && id != 0)
            return it.key();
    }
    return {};
}

void DesktopNotifier::onActionInvoked(uint id, const QString& action)
{
    const QString key = keyOf(id);
    if (!key.isEmpty() && action == DefaultAction)
        Q_EMIT activated(key);
}

void DesktopNotifier::onNotificationClosed(uint id, uint /*reason*/)
{
    // The next message of that conversation makes a new notification rather than replace a gone one.
    const QString key = keyOf(id);
    if (!key.isEmpty() && !m_entries.value(key).inFlight)
        m_entries.remove(key);
}

} // namespace securechat
