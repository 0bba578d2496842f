// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "protocol/chatmessage.h"
#include "protocol/protocol.h"
#include "session/disconnect.h"
#include "session/hostoptions.h"
#include "session/quietmemoryrelease.h"
#include "tls/sessiondetails.h"
#include "trust/admission.h"
#include "trust/knownclients.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>

#include <deque>
#include <optional>

class QTimer;

namespace securechat {

class HostedPeer;
class PeerConnection;
class TlsListener;

/// Someone waiting for the host's answer before joining (admission "ask").
struct JoinRequest final {
    int id = 0;
    QString nick; ///< the name it asked for
    QString endpoint; ///< "ADDR:PORT"
    QString fingerprint; ///< SHA-256 of its certificate, "AB:CD:..."; empty without one
    QString check; ///< how its certificate was checked, in words
};

/// Hosts a chat session: accepts peers, keeps the roster, and relays every message to every other
/// participant (the host's own person included) in one order, fixed by a sequence number.
class ChatHost final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatHost)

public:
    explicit ChatHost(HostOptions options, QObject* parent = nullptr);
    ~ChatHost() override;

    Status start();
    /// Says goodbye to every peer, flushes, closes; emits stopped() when the last one is gone.
    void stop(const QString& reason = {});

    QHostAddress address() const;
    quint16 port() const;
    QString fingerprint() const;
    QString nick() const { return m_options.nick; }
    /// Everyone in the session, the host first.
    QList<Participant> participants() const;
    /// The certificate chain a joined participant presented; empty without one or for an unknown nick.
    QList<QSslCertificate> certificateChainOf(const QString& nick) const;
    /// A joined participant's TLS session as the host sees it; nullopt for an unknown nick.
    std::optional<SessionDetails> sessionDetailsOf(const QString& nick) const;
    /// How many connections were dropped before or instead of joining (each one was also reported
    /// by peerRejected): plaintext, garbage, failed or stalled handshakes, refusals.
    int rejectedConnections() const { return m_rejectedConnections; }

    /// The host's own person says something; returns it as everyone will see it.
    ChatMessage sendMessage(const QString& text);

    QList<JoinRequest> joinRequests() const;
    /// Lets a waiting peer in; `remember` keeps its certificate as a known client.
    Status admit(int requestId, bool remember = false);
    /// Turns a waiting peer away; it is told why.
    Status refuse(int requestId, const QString& reason = {});
    /// Removes a participant, telling it why; `block` also refuses its certificate from then on.
    Status remove(const QString& nick, const QString& reason = {}, bool block = false);
    /// The host's person compared the safety number with a participant: its certificate becomes a
    /// verified known client (admitted without a question from then on) and everyone's roster says so.
    Status markVerified(const QString& nick);
    const KnownClients& knownClients() const { return m_knownClients; }

Q_SIGNALS:
    void messageReceived(const securechat::ChatMessage& message);
    void participantJoined(const securechat::Participant& participant);
    /// A participant whose connection was lost is back within the grace period, under its name.
    void participantRejoined(const securechat::Participant& participant);
    void participantLeft(const QString& nick, const QString& reason);
    void participantRenamed(const QString& oldNick, const QString& newNick);
    void rosterChanged();
    /// One line for the log: a connection that was dropped before or instead of joining.
    void peerRejected(const QString& who, const QString& reason);
    /// Someone waits for the host's answer (admit() or refuse()).
    void joinRequested(const securechat::JoinRequest& request);
    /// A request is answered, timed out, or its peer left.
    void joinRequestEnded(int requestId);
    void stopped();

private:
    void onPeerEncrypted(PeerConnection* connection);
    HostedPeer* joinedPeer(const QString& nick) const;
    void onFrame(HostedPeer* peer, const Frame& frame);
    void onPeerFinished(HostedPeer* peer, const Disconnect& reason);
    /// A peer asks to join: admitted, refused or made to wait, as the admission mode says.
    /// `rejoining`: the peer says it is back after a lost connection (hello's "rejoined").
    void requestJoin(HostedPeer* peer, const QString& requestedNick, bool rejoining = false);
    void wait(HostedPeer* peer, const QString& requestedNick);
    void refuseEntry(HostedPeer* peer, const QString& why);
    HostedPeer* takeWaiting(int requestId);
    void join(HostedPeer* peer, const QString& requestedNick);
    /// Keeps a lost participant's name for its certificate during the grace period.
    bool reserve(HostedPeer* peer, const Disconnect& reason);
    void rejoin(HostedPeer* peer, const QByteArray& digest);
    /// The joined participant with this certificate and name, whose connection `peer` replaces.
    HostedPeer* staleConnection(const HostedPeer* peer, const QByteArray& digest, const QString& nick) const;
    void replace(HostedPeer* stale, HostedPeer* peer);
    /// Gives a participant who is back its name, and tells the others "bob reconnected".
    void welcomeBack(HostedPeer* peer, const QString& nick);
    void expireReservation(const QByteArray& digest);
    /// Removes a participant whose name is kept while it is away; it cannot rejoin under it.
    Status removeReserved(const QString& nick, const QString& reason, bool block);
    void relay(HostedPeer* sender, const Frame& frame);
    void rename(HostedPeer* peer, const QString& requestedNick);
    void broadcast(const Frame& frame, const HostedPeer* except = nullptr);
    /// Holds back `sender` while any queue is congested; releases everyone once none is.
    void applyBackpressure(HostedPeer* sender);
    void onDrained(HostedPeer* peer);
    ChatMessage sequence(const QString& id, const QString& from, const QString& text);
    bool isNickTaken(const QString& nick) const;
    QString uniqueNick(const QString& requested) const;
    Participant describePeer(const PeerConnection& connection);
    QList<QSslError> acceptableClientErrors(const QList<QSslError>& errors) const;
    static QByteArray certificateDigest(const HostedPeer& peer);
    void rememberMessageId(const QString& id, qint64 seq);

    HostOptions m_options;
    TlsListener* m_listener = nullptr;
    QList<HostedPeer*> m_peers; // in the order they arrived
    struct Waiting {
        HostedPeer* peer;
        JoinRequest request;
        QTimer* timeout;
    };
    QHash<int, Waiting> m_waiting;
    int m_lastRequestId = 0;
    KnownClients m_knownClients;
    QSet<HostedPeer*> m_congested; // recipients whose queue is past the high-water mark
    QuietMemoryRelease m_quietMemoryRelease; // what a flood's queues held goes back once it is over
    qint64 m_lastSeq = 0;
    int m_guestCounter = 0;
    int m_rejectedConnections = 0;
    bool m_stopping = false;
    struct Reservation {
        Participant participant;
        QTimer* expiry;
    };
    QHash<QByteArray, Reservation> m_reserved; // by certificate digest, names kept for lost participants
    QHash<QString, qint64> m_seqById; // recent message ids, so a resent message is not relayed twice
    std::deque<QString> m_recentIds;
};

} // namespace securechat

Q_DECLARE_METATYPE(securechat::JoinRequest)
