// SPDX-License-Identifier: MIT
#include "discovery/sessionbrowser.h"

#include "discovery/announcementformat.h"
#include "discovery/avahiqtpoll.h"
#include "discovery/discoveryerrors.h"

#include <QTimer>

#include <avahi-client/client.h>
#include <avahi-client/lookup.h>
#include <avahi-common/address.h>
#include <avahi-common/error.h>
#include <avahi-common/strlst.h>

namespace securechat {

namespace {
    QList<QByteArray> txtItems(AvahiStringList* txt)
    {
        QList<QByteArray> items;
        for (AvahiStringList* item = txt; item; item = avahi_string_list_get_next(item)) {
            items << QByteArray(reinterpret_cast<const char*>(avahi_string_list_get_text(item)),
                static_cast<qsizetype>(avahi_string_list_get_size(item)));
        }
        return items;
    }

    QString addressText(const AvahiAddress* address)
    {
        char text[AVAHI_ADDRESS_STR_MAX] = {};
        return address ? QString::fromLatin1(avahi_address_snprint(text, sizeof text, address)) : QString();
    }
} // namespace

// Avahi calls plain C functions; these hand each call to the browser it was made for.
struct SessionBrowserCallbacks {
    static void client(AvahiClient* client, AvahiClientState state, void* browser)
    {
        if (state == AVAHI_CLIENT_FAILURE)
            static_cast<SessionBrowser*>(browser)->failAndStop(avahi_client_errno(client));
    }

    static void browse(AvahiServiceBrowser*, AvahiIfIndex interfaceIndex, AvahiProtocol protocol,
        AvahiBrowserEvent event, const char* name, const char* type, const char* domain,
        AvahiLookupResultFlags, void* browser)
    {
        static_cast<SessionBrowser*>(browser)->onBrowserEvent(
            interfaceIndex, protocol, event, name, type, domain);
    }

    static void resolve(AvahiServiceResolver* resolver, AvahiIfIndex interfaceIndex, AvahiProtocol,
        AvahiResolverEvent event, const char* name, const char*, const char* domain, const char* hostName,
        const AvahiAddress* address, uint16_t port, AvahiStringList* txt, AvahiLookupResultFlags,
        void* browser)
    {
        auto* self = static_cast<SessionBrowser*>(browser);
        const SessionBrowser::Instance instance { interfaceIndex, QString::fromUtf8(name),
            QString::fromUtf8(domain) };
        if (event != AVAHI_RESOLVER_FOUND) {
            // It did not answer in time: leave it unlisted, as if it had never been announced.
            self->m_resolvers.remove(instance);
            avahi_service_resolver_free(resolver);
            return;
        }
        const AnnouncementFormat::TxtFields fields = AnnouncementFormat::decodeTxt(txtItems(txt));
        self->onResolved(instance,
            { instance.serviceName, QString::fromUtf8(hostName), addressText(address), port, fields.nickname,
                fields.protocolVersion, fields.fingerprint });
    }
};

SessionBrowser::SessionBrowser(QObject* parent)
    : QObject(parent)
    , m_poll(std::make_unique<AvahiQtPoll>())
{
}

SessionBrowser::~SessionBrowser()
{
    stopBrowsing();
}

void SessionBrowser::start()
{
    if (m_client || m_failed)
        return;
    int error = AVAHI_OK;
    // Without AVAHI_CLIENT_NO_FAIL: no daemon means no discovery, said once, and nothing more.
    m_client = avahi_client_new(
        m_poll->api(), AvahiClientFlags {}, &SessionBrowserCallbacks::client, this, &error);
    if (!m_client) {
        failAndStop(error);
        return;
    }
    // IPv4 only: an address a person can read and type, and what the host listens on.
    m_browser = avahi_service_browser_new(m_client, AVAHI_IF_UNSPEC, AVAHI_PROTO_INET,
        AnnouncementFormat::ServiceType, nullptr, AvahiLookupFlags {}, &SessionBrowserCallbacks::browse,
        this);
    if (!m_browser)
        failAndStop(avahi_client_errno(m_client));
}

void SessionBrowser::onBrowserEvent(
    int interfaceIndex, int protocol, int event, const char* name, const char* type, const char* domain)
{
    switch (event) {
    case AVAHI_BROWSER_NEW: {
        const Instance instance { interfaceIndex, QString::fromUtf8(name), QString::fromUtf8(domain) };
        if (m_resolvers.contains(instance))
            return;
        // The resolver stays while the service does, so a changed TXT record is seen too.
        AvahiServiceResolver* resolver = avahi_service_resolver_new(m_client, interfaceIndex, protocol, name,
            type, domain, AVAHI_PROTO_INET, AvahiLookupFlags {}, &SessionBrowserCallbacks::resolve, this);
        if (resolver)
            m_resolvers.insert(instance, resolver);
        break;
    }
    case AVAHI_BROWSER_REMOVE:
        forget({ interfaceIndex, QString::fromUtf8(name), QString::fromUtf8(domain) });
        break;
    case AVAHI_BROWSER_FAILURE:
        failAndStop(avahi_client_errno(m_client));
        break;
    default: // ALL_FOR_NOW, CACHE_EXHAUSTED: the list goes on living
        break;
    }
}

void SessionBrowser::onResolved(const Instance& instance, const DiscoveredSession& session)
{
    if (!m_resolvers.contains(instance) || m_sessions.value(instance.serviceName) == session)
        return;
    m_sessions.insert(instance.serviceName, session);
    QMetaObject::invokeMethod(
        this, [this, session] { Q_EMIT sessionFound(session); }, Qt::QueuedConnection);
}

void SessionBrowser::forget(const Instance& instance)
{
    if (AvahiServiceResolver* resolver = m_resolvers.take(instance))
        avahi_service_resolver_free(resolver);
    // Still seen on another interface: still there.
    for (auto it = m_resolvers.cbegin(); it != m_resolvers.cend(); ++it) {
        if (it.key().serviceName == instance.serviceName)
            return;
    }
    if (m_sessions.remove(instance.serviceName)) {
        QMetaObject::invokeMethod(
            this, [this, name = instance.serviceName] { Q_EMIT sessionLost(name); }, Qt::QueuedConnection);
    }
}

void SessionBrowser::failAndStop(int avahiError)
{
    if (std::exchange(m_failed, true))
        return;
    const QStringList lost = m_sessions.keys();
    m_sessions.clear();
    const QString reason = DiscoveryErrors::unavailable(avahiError);
    QMetaObject::invokeMethod(
        this,
        [this, lost, reason] {
            for (const QString& name : lost)
                Q_EMIT sessionLost(name);
            Q_EMIT unavailable(reason);
        },
        Qt::QueuedConnection);
    // Avahi objects cannot be freed from inside their own callbacks.
    QTimer::singleShot(0, this, &SessionBrowser::stopBrowsing);
}

void SessionBrowser::stopBrowsing()
{
    // Freeing the client frees its browser and resolvers too.
    if (m_client)
        avahi_client_free(m_client);
    m_client = nullptr;
    m_browser = nullptr;
    m_resolvers.clear();
}

} // namespace securechat
