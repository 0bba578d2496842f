// SPDX-License-Identifier: MIT
#pragma once

#include "discovery/discoveredsession.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

struct AvahiClient;
struct AvahiServiceBrowser;
struct AvahiServiceResolver;

namespace securechat {

class AvahiQtPoll;

/// Lists the SecureChat sessions announced on the local network, live, through avahi-daemon.
///
/// After start(), sessionFound() comes for each session once it is resolved (and again when its
/// announcement changes), sessionLost() when it goes away. Without avahi-daemon, unavailable()
/// comes once and nothing else happens. Signals are always queued, never emitted from inside
/// Avahi, so their slots may delete the browser.
class SessionBrowser final : public QObject {
    Q_OBJECT
public:
    explicit SessionBrowser(QObject* parent = nullptr);
    ~SessionBrowser() override;
    Q_DISABLE_COPY_MOVE(SessionBrowser)

    void start();

    /// The sessions found and not lost so far, in no particular order.
    QList<DiscoveredSession> sessions() const { return m_sessions.values(); }

Q_SIGNALS:
    void sessionFound(const securechat::DiscoveredSession& session);
    void sessionLost(const QString& serviceName);
    /// "Local network discovery is unavailable: ..."; at most once per browser.
    void unavailable(const QString& reason);

private:
    friend struct SessionBrowserCallbacks;

    /// One announcement as seen on one network interface; a session can be seen on several.
    struct Instance final {
        int interfaceIndex = 0;
        QString serviceName;
        QString domain;
        friend bool operator==(const Instance&, const Instance&) = default;
        friend size_t qHash(const Instance& instance, size_t seed = 0)
        {
            return qHashMulti(seed, instance.interfaceIndex, instance.serviceName, instance.domain);
        }
    };

    void onBrowserEvent(
        int interfaceIndex, int protocol, int event, const char* name, const char* type, const char* domain);
    void onResolved(const Instance& instance, const DiscoveredSession& session);
    void forget(const Instance& instance);
    void failAndStop(int avahiError);
    void stopBrowsing();

    std::unique_ptr<AvahiQtPoll> m_poll;
    AvahiClient* m_client = nullptr;
    AvahiServiceBrowser* m_browser = nullptr;
    QHash<Instance, AvahiServiceResolver*> m_resolvers;
    QHash<QString, DiscoveredSession> m_sessions; ///< by service name, as last reported
    bool m_failed = false;
};

} // namespace securechat
