// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "chatsession.h"
#include "session/chathost.h"

#include <QDateTime>
#include <QHash>

#include <memory>

namespace securechat {

class SessionAnnouncer;

/// A session this person hosts: ChatHost seen through the ChatSession interface.
class HostedSession final : public ChatSession {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostedSession)

public:
    explicit HostedSession(HostOptions options, QObject* parent = nullptr);
    ~HostedSession() override;

    /// Starts listening; fails with a reason (address in use, ...) and then the session is unusable.
    Status start();

    /// "0.0.0.0:7447" (the address and port actually bound).
    QString listeningOn() const;
    /// The host's SHA-256 fingerprint, "AB:CD:...", to read out to peers.
    QString fingerprint() const;
    const ChatHost& host() const { return *m_host; }
    ChatHost& host() { return *m_host; }
    Admission admission() const { return m_admission; }
    /// Announces the session on the local network until it ends; how that goes comes as notices
    /// ("local network discovery is unavailable" at most once).
    void announceOnLocalNetwork();
    bool isAnnounced() const;

    QString title() const override;
    QString ownNick() const override;
    QList<Participant> participants() const override;
    Phase phase() const override { return m_phase; }
    Security security() const override;
    QString summary() const override;
    QList<CertificateDetails> certificateChain(const QString& nick) const override;
    std::optional<SessionDetails> connectionDetails(const QString& nick) const override;
    QString defaultPeer() const override;
    Status markVerified(const QString& nick) override;
    bool isVerified(const QString& nick) const override;
    void send(const QString& text) override;
    void end() override;

private:
    void watchHost();
    void setPhase(Phase phase);
    /// Warns when a nickname this host verified (or always admits) arrives with another certificate.
    void checkKnownNick(const Participant& participant);

    QList<QSslCertificate> m_ownChain;
    Admission m_admission;
    QString m_knownClientsFile;
    Phase m_phase = Phase::Connecting;
    quint16 m_port = 0; // as listened on, also once ended
    SessionAnnouncer* m_announcer = nullptr; // a child; null unless announced
    QHash<QString, QDateTime> m_joinedAt; // by nick: when each peer joined, for session details
    std::unique_ptr<ChatHost> m_host; // last: destroyed first, while what its signals reach exists
};

} // namespace securechat
