// SPDX-License-Identifier: MIT
#include "discovery/sessionannouncer.h"

#include "discovery/announcementformat.h"
#include "discovery/avahiqtpoll.h"
#include "discovery/discoveryerrors.h"

#include <QTimer>

#include <avahi-client/client.h>
#include <avahi-client/publish.h>
#include <avahi-common/alternative.h>
#include <avahi-common/error.h>
#include <avahi-common/malloc.h>
#include <avahi-common/strlst.h>

namespace securechat {

// Avahi calls plain C functions; these hand each call to the announcer it was made for.
struct SessionAnnouncerCallbacks {
    static void client(AvahiClient* client, AvahiClientState state, void* announcer)
    {
        static_cast<SessionAnnouncer*>(announcer)->onClientState(client, state);
    }

    static void group(AvahiEntryGroup* group, AvahiEntryGroupState state, void* announcer)
    {
        static_cast<SessionAnnouncer*>(announcer)->onGroupState(group, state);
    }
};

namespace {
    // A bound on renames: Avahi's names go "#2", "#3"...; past this something else is wrong.
    constexpr int MaxRenames = 20;
} // namespace

SessionAnnouncer::SessionAnnouncer(QObject* parent)
    : QObject(parent)
    , m_poll(std::make_unique<AvahiQtPoll>())
{
}

SessionAnnouncer::~SessionAnnouncer()
{
    disconnectFromDaemon();
}

Status SessionAnnouncer::start(const SessionAnnouncement& announcement)
{
    stop();
    if (announcement.port == 0)
        return Status::failure(tr("A session cannot be announced without the port it listens on."));
    if (announcement.nickname.trimmed().isEmpty())
        return Status::failure(tr("A session cannot be announced without a nickname."));
    AnnouncementFormat::EncodedTxt txt = AnnouncementFormat::encodeTxt(
        { announcement.nickname, announcement.protocolVersion, announcement.fingerprint });
    if (!txt.ok())
        return Status::failure(txt.error);
    m_announcement = announcement;
    m_txtItems = std::move(txt.items);
    m_serviceName = announcement.serviceName;
    connectToDaemon();
    return succeeded();
}

void SessionAnnouncer::stop()
{
    ++m_generation;
    disconnectFromDaemon();
    m_serviceName.clear();
    m_unavailableReported = false;
}

void SessionAnnouncer::connectToDaemon()
{
    int error = AVAHI_OK;
    // NO_FAIL: wait for avahi-daemon when it is not running yet instead of failing.
    AvahiClient* client = avahi_client_new(
        m_poll->api(), AVAHI_CLIENT_NO_FAIL, &SessionAnnouncerCallbacks::client, this, &error);
    if (!client) {
        reportUnavailable(error); // not even the D-Bus system bus is there
        return;
    }
    m_client = client;
}

void SessionAnnouncer::disconnectFromDaemon()
{
    // Freeing the client frees its entry group, which withdraws the announcement.
    if (m_client)
        avahi_client_free(m_client);
    m_client = nullptr;
    m_group = nullptr;
    m_announced = false;
}

void SessionAnnouncer::onClientState(AvahiClient* client, int state)
{
    switch (state) {
    case AVAHI_CLIENT_S_RUNNING:
        m_unavailableReported = false;
        publish(client);
        break;
    case AVAHI_CLIENT_S_COLLISION:
    case AVAHI_CLIENT_S_REGISTERING:
        // The daemon is (re)naming this host: announce again once it runs under its new name.
        if (m_group)
            avahi_entry_group_reset(m_group);
        m_announced = false;
        if (m_announcement.serviceName.isEmpty())
            m_serviceName.clear();
        break;
    case AVAHI_CLIENT_CONNECTING:
        reportUnavailable(AVAHI_ERR_NO_DAEMON);
        break;
    case AVAHI_CLIENT_FAILURE: {
        const int error = avahi_client_errno(client);
        m_announced = false;
        // The client cannot be freed from inside its own callback.
        const quint64 generation = m_generation;
        if (error == AVAHI_ERR_DISCONNECTED) {
            // avahi-daemon stopped or restarted: wait for it with a new client.
            reportUnavailable(error);
            QTimer::singleShot(0, this, [this, generation] {
                if (generation != m_generation)
                    return;
                disconnectFromDaemon();
                connectToDaemon();
            });
        } else {
            reportFailure(DiscoveryErrors::announcementFailed(error));
            QTimer::singleShot(0, this, [this, generation] {
                if (generation == m_generation)
                    disconnectFromDaemon();
            });
        }
        break;
    }
    default:
        break;
    }
}

void SessionAnnouncer::publish(AvahiClient* client)
{
    if (!m_group) {
        m_group = avahi_entry_group_new(client, &SessionAnnouncerCallbacks::group, this);
        if (!m_group) {
            reportFailure(DiscoveryErrors::announcementFailed(avahi_client_errno(client)));
            return;
        }
    }
    if (!avahi_entry_group_is_empty(m_group))
        return;
    if (m_serviceName.isEmpty()) {
        m_serviceName = AnnouncementFormat::serviceName(
            m_announcement.nickname, QString::fromUtf8(avahi_client_get_host_name(client)));
    }
    int result = addService();
    // Another service of this daemon already has the name: Avahi says so at once.
    for (int renames = 0; result == AVAHI_ERR_COLLISION && renames < MaxRenames; ++renames) {
        takeAlternativeName();
        result = addService();
    }
    if (result == AVAHI_OK)
        result = avahi_entry_group_commit(m_group);
    if (result != AVAHI_OK) {
        avahi_entry_group_reset(m_group);
        reportFailure(DiscoveryErrors::announcementFailed(result));
    }
}

int SessionAnnouncer::addService()
{
    AvahiStringList* txt = nullptr;
    // avahi_string_list_add_arbitrary() prepends: add from the last item to keep the order.
    for (auto item = m_txtItems.crbegin(); item != m_txtItems.crend(); ++item) {
        txt = avahi_string_list_add_arbitrary(
            txt, reinterpret_cast<const uint8_t*>(item->constData()), static_cast<size_t>(item->size()));
    }
    const int result = avahi_entry_group_add_service_strlst(m_group, AVAHI_IF_UNSPEC, AVAHI_PROTO_UNSPEC,
        AvahiPublishFlags {}, m_serviceName.toUtf8().constData(), AnnouncementFormat::ServiceType, nullptr,
        nullptr, m_announcement.port, txt);
    avahi_string_list_free(txt);
    return result;
}

void SessionAnnouncer::takeAlternativeName()
{
    char* alternative = avahi_alternative_service_name(m_serviceName.toUtf8().constData());
    m_serviceName = QString::fromUtf8(alternative);
    avahi_free(alternative);
}

void SessionAnnouncer::onGroupState(AvahiEntryGroup* group, int state)
{
    switch (state) {
    case AVAHI_ENTRY_GROUP_ESTABLISHED:
        m_announced = true;
        emitLater(&SessionAnnouncer::announced, m_serviceName);
        break;
    case AVAHI_ENTRY_GROUP_COLLISION:
        // Another host on the network has the name: take the next one and announce again.
        m_announced = false;
        takeAlternativeName();
        avahi_entry_group_reset(group);
        publish(avahi_entry_group_get_client(group));
        break;
    case AVAHI_ENTRY_GROUP_FAILURE:
        m_announced = false;
        reportFailure(
            DiscoveryErrors::announcementFailed(avahi_client_errno(avahi_entry_group_get_client(group))));
        break;
    default:
        break;
    }
}

void SessionAnnouncer::reportUnavailable(int avahiError)
{
    if (std::exchange(m_unavailableReported, true))
        return;
    emitLater(&SessionAnnouncer::unavailable, DiscoveryErrors::unavailable(avahiError));
}

void SessionAnnouncer::reportFailure(const QString& reason)
{
    emitLater(&SessionAnnouncer::failed, reason);
}

template <typename Signal> void SessionAnnouncer::emitLater(Signal signal, const QString& text)
{
    QMetaObject::invokeMethod(
        this,
        [this, signal, text, generation = m_generation] {
            if (generation == m_generation)
                Q_EMIT(this->*signal)(text);
        },
        Qt::QueuedConnection);
}

} // namespace securechat
