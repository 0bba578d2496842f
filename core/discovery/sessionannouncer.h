// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

struct AvahiClient;
struct AvahiEntryGroup;

namespace securechat {

class AvahiQtPoll;

/// What a host tells the local network about the session it is listening for.
struct SessionAnnouncement final {
    QString nickname;
    quint16 port = 0;
    QString protocolVersion;
    QString fingerprint; ///< SHA-256 of the host's certificate, in any usual spelling
    QString serviceName; ///< empty: "<nickname> on <host name>"
};

/// Announces one session as `_securechat._tcp` through avahi-daemon while it is started, and
/// withdraws it on stop() or destruction. Renames the service when its name is taken
/// ("alice on laptop #2") and announces again after avahi-daemon restarts.
///
/// Signals are always queued, never emitted from inside Avahi, so their slots may stop or
/// delete the announcer.
class SessionAnnouncer final : public QObject {
    Q_OBJECT
public:
    explicit SessionAnnouncer(QObject* parent = nullptr);
    ~SessionAnnouncer() override;
    Q_DISABLE_COPY_MOVE(SessionAnnouncer)

    /// Starts announcing, replacing an earlier announcement. Returns why it cannot (an invalid
    /// fingerprint, no port, a nickname too long), or nothing once started: what happens next
    /// comes as signals.
    Status start(const SessionAnnouncement& announcement);
    void stop();

    bool isAnnounced() const { return m_announced; }
    /// The name as published, which differs from the one asked for after a collision.
    QString serviceName() const { return m_serviceName; }

Q_SIGNALS:
    /// The network now knows the session under this name (again, after a daemon restart).
    void announced(const QString& serviceName);
    /// "Local network discovery is unavailable: ..."; it is announced later if avahi-daemon comes.
    void unavailable(const QString& reason);
    /// The announcement failed for good until the next start().
    void failed(const QString& reason);

private:
    friend struct SessionAnnouncerCallbacks;

    void connectToDaemon();
    void disconnectFromDaemon();
    void onClientState(AvahiClient* client, int state);
    void onGroupState(AvahiEntryGroup* group, int state);
    void publish(AvahiClient* client);
    int addService();
    void takeAlternativeName();
    void reportUnavailable(int avahiError);
    void reportFailure(const QString& reason);
    template <typename Signal> void emitLater(Signal signal, const QString& text);

    std::unique_ptr<AvahiQtPoll> m_poll;
    AvahiClient* m_client = nullptr;
    AvahiEntryGroup* m_group = nullptr;
    SessionAnnouncement m_announcement;
    QList<QByteArray> m_txtItems;
    QString m_serviceName;
    bool m_announced = false;
    bool m_unavailableReported = false;
    quint64 m_generation = 0; ///< bumped by start() and stop(): queued signals of an older one are dropped
};

} // namespace securechat
