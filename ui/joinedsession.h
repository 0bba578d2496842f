// SPDX-License-Identifier: MIT
#pragma once

#include "chatsession.h"
#include "session/chatclient.h"
#include "session/reconnector.h"
#include "session/samehostcheck.h"
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
    /// Connects again in this same session (the tab stays, with what it shows) once it has
    /// ended: with options, as the person chose them again in Connect…, or as before. Messages
    /// never acknowledged go out again under their ids, so the host shows each once.
    void restart();
    void restart(ClientOptions options);
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
    /// The last attempt ended before it joined, not by the person's choice: "Could not connect:
    /// nobody is listening on 127.0.0.1:7447."; empty otherwise.
    QString failure() const { return m_failure; }
    /// What the person can do about failure(), or empty.
    QString failureAdvice() const { return m_failureAdvice; }
    /// Whether this session was ever joined (then Reconnect, else Try again).
    bool joinedBefore() const { return m_joinedBefore; }

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
    Status markVerified(const QString& nick) override;
    bool isVerified(const QString& nick) const override;
    void send(const QString& text) override;
    void end() override;

Q_SIGNALS:
    void trustRequired(const securechat::TrustAssessment& assessment);
    void trustRefused(const securechat::TrustAssessment& assessment);
    void waitingForHost();
    /// While reconnecting: the seconds until the next attempt changed (0: an attempt is under way).
    void reconnectCountdown(int secondsLeft);

private:
    void createClient(ClientOptions options);
    void watchClient();
    /// Tells the person when the host's certificate is not the one its announcement named.
    void checkAnnouncement(const QByteArray& presentedSha256);
    /// On joining: when another certificate answers than the host this tab joined before, says
    /// that this is a new conversation and keeps what was written to the earlier host from it.
    void checkSameHost();
    /// The stage before the handshake ends: looking up, connecting or securing.
    QString connectingSummary() const;
    void watchReconnector();

    std::unique_ptr<KnownPeers> m_knownPeers; // before m_client, which points to it
    ClientOptions m_options; // as connected with, for restart()
    QList<QSslCertificate> m_ownChain;
    QString m_announcedFingerprint; // from the local network, if the person chose a discovered session
    QString m_endpoint;
    std::unique_ptr<ChatClient> m_client; // after m_knownPeers: destroyed first
    std::unique_ptr<Reconnector> m_reconnector; // after m_client, which it refers to
    bool m_joinedBefore = false;
    SameHostCheck m_sameHost; // across restart(), which makes a new client
    bool m_anotherHost = false; // the last join reached another certificate than the one before
    bool m_waitingForHost = false; // the host's person is asked whether to let this one in
    ChatClient::State m_furthest = ChatClient::State::Idle; // of the current attempt
    QString m_endReason;
    QString m_failure;
    QString m_failureAdvice;
    QList<std::pair<QString, QString>> m_unacknowledged; // id and text, in the order sent
};

} // namespace securechat
