// SPDX-License-Identifier: MIT
#pragma once

#include "chatsession.h"
#include "session/chatclient.h"
#include "session/reconnector.h"
#include "trust/knownpeers.h"

#include <memory>

namespace securechat {

/// A session this person joined: ChatClient seen through the ChatSession interface. The trust
/// question stays asynchronous: trustRequired goes out, answerTrust() comes back.
class JoinedSession final : public ChatSession {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JoinedSession)

public:
    /// knownPeers: where "Always trust" is remembered and known hosts are looked up; may be null.
    JoinedSession(ClientOptions options, std::unique_ptr<KnownPeers> knownPeers, QObject* parent = nullptr);
    ~JoinedSession() override;

    void start();
    void answerTrust(ChatClient::TrustAnswer answer);
    /// Stops connecting at once, at whatever stage (the banner's Cancel); ended() follows.
    void cancel();
    /// Whether the person cancelled connecting (summary() then says "Cancelled").
    bool wasCancelled() const { return m_client->wasCancelled(); }
    /// "host:port" as connected to.
    QString endpoint() const { return m_endpoint; }
    /// The host's certificate chain, known from the handshake on (also while the person decides).
    QList<CertificateDetails> hostChain() const;
    /// Sends a message typed in an earlier session and never acknowledged (kept in the history's
    /// outbox) under its first id: the host shows it once, however often it was sent.
    void resendStored(const QString& id, const QString& text);
    /// Whether the host's person is being asked to let this one in (admission "ask").
    bool isWaitingForHost() const { return m_waitingForHost; }
    /// Brings the session back after a lost connection; Stop and Reconnect now go here.
    Reconnector& reconnector() const { return *m_reconnector; }
    /// Joined a TLS server that is no SecureChat host (openssl s_server, ncat --ssl): no roster,
    /// messages go as text lines.
    bool isPlainTlsServer() const
    {
        return m_client->state() == ChatClient::State::Joined && !m_client->isStructured();
    }
    /// Why the connection was lost, or why the session ended.
    QString endReason() const { return m_endReason; }

    QString title() const override { return m_endpoint; }
    QString ownNick() const override;
    QList<Participant> participants() const override;
    std::optional<HostTrust> hostTrust() const override { return m_client->hostTrust(); }
    Phase phase() const override;
    Security security() const override;
    QString summary() const override;
    QList<CertificateDetails> certificateChain(const QString& nick) const override;
    std::optional<SessionDetails> connectionDetails(const QString& nick) const override;
    QString defaultPeer() const override;
    void send(const QString& text) override;
    void end() override;

Q_SIGNALS:
    void trustRequired(const securechat::TrustAssessment& assessment);
    void trustRefused(const securechat::TrustAssessment& assessment);
    void waitingForHost();
    /// While reconnecting: the seconds until the next attempt changed (0: an attempt is under way).
    void reconnectCountdown(int secondsLeft);

private:
    void watchClient();
    /// Tells the person when the host's certificate is not the one its announcement named.
    void checkAnnouncement(const QByteArray& presentedSha256);
    /// The stage before the handshake ends: looking up, connecting or securing.
    QString connectingSummary() const;
    void watchReconnector();

    std::unique_ptr<KnownPeers> m_knownPeers; // before m_client, which points to it
    QList<QSslCertificate> m_ownChain;
    QString m_announcedFingerprint; // from the local network, if the person chose a discovered session
    QString m_endpoint;
    std::unique_ptr<ChatClient> m_client; // after m_knownPeers: destroyed first
    std::unique_ptr<Reconnector> m_reconnector; // after m_client, which it refers to
    bool m_joinedBefore = false;
    bool m_waitingForHost = false; // the host's person is asked whether to let this one in
    QString m_endReason;
};

} // namespace securechat
