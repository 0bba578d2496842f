// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/chatmessage.h"
#include "protocol/protocol.h"
#include "session/clientoptions.h"
#include "session/disconnect.h"
#include "session/keepalive.h"
#include "session/reconnectpolicy.h"
#include "tls/sessiondetails.h"
#include "trust/trustevaluator.h"
#include "trust/trustwords.h"

#include <QAbstractSocket>
#include <QObject>

#include <optional>

namespace securechat {

class PeerConnection;

/// Joins a chat session. Trust is decided during the handshake (CA, pin, known peer); an unknown
/// certificate becomes a question (trustRequired) answered with answerTrust(), and until then
/// nothing is sent or delivered. Messages sent before the session is joined are queued. A structured
/// host that stays silent is pinged, and a connection it no longer answers on is lost (Network).
class ChatClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatClient)

public:
    /// Resolving (the host name), Connecting (TCP), Securing (the TLS handshake), AwaitingTrust
    /// (the person decides about the certificate), Joining (hello, and the host's admission).
    enum class State {
        Idle,
        Resolving,
        Connecting,
        Securing,
        AwaitingTrust,
        Joining,
        Joined,
        Closing,
        Disconnected
    };
    Q_ENUM(State)
    enum class TrustAnswer { TrustOnce, AlwaysTrust, Cancel };

    explicit ChatClient(ClientOptions options, QObject* parent = nullptr);
    ~ChatClient() override;

    void connectToHost();
    void answerTrust(TrustAnswer answer);
    /// Returns the message id; the message goes out as soon as the session is joined.
    QString sendMessage(const QString& text);
    /// Queues a message typed in an earlier session and kept unacknowledged (the stored outbox),
    /// under its first id, so that the host's de-duplication shows it once however often it went.
    void resendMessage(const QString& id, const QString& text);
    /// Takes back every message not yet sent on this connection: they were written for the host
    /// of an earlier connection and another one answered. Effective until the state is Joined
    /// (stateChanged comes before anything queued is sent). Returns how many were taken back.
    int withdrawQueued();
    void requestNick(const QString& nick);
    /// The person compared the safety number with the host's person: the host's certificate is
    /// remembered in the known peers as verified, and from then on reads "verified by you".
    Status markHostVerified();
    /// Sends what is queued, says goodbye and closes. Waits for the session if still joining.
    void disconnectFromHost();
    /// Stops a connection attempt at once, at whatever stage it is; disconnected() follows, and
    /// what is queued stays unsent. Does nothing once joined.
    void cancel();
    /// Whether the last attempt ended because cancel() stopped it.
    bool wasCancelled() const { return m_cancelled; }

    State state() const { return m_state; }
    QString nick() const { return m_nick; }
    bool isStructured() const { return m_structured; }
    const QList<Participant>& participants() const { return m_participants; }
    SessionDetails sessionDetails() const;
    /// How the person came to trust the host; Unsettled until then.
    HostTrust hostTrust() const { return m_hostTrust; }
    int unacknowledgedCount() const { return static_cast<int>(m_unacknowledged.size()); }
    /// How the last connection ended, for deciding whether to reconnect (connectToHost() again).
    const ConnectionEnd& lastEnd() const { return m_lastEnd; }

Q_SIGNALS:
    void stateChanged(securechat::ChatClient::State state);
    void trustRequired(const securechat::TrustAssessment& assessment);
    /// The host's certificate was refused (changed, expired, ...); disconnected() follows.
    void trustRefused(const securechat::TrustAssessment& assessment);
    void joined();
    /// The host asks its person before letting this client in (admission "ask").
    void waitingForHost(const QString& text);
    void messageReceived(const securechat::ChatMessage& message);
    void messageAcknowledged(const QString& id, qint64 seq);
    /// The message was written to a host that acknowledges nothing (text mode): it is as sent as
    /// it gets, and no messageAcknowledged will come for it. So for what waited for the connection.
    void messageUnconfirmable(const QString& id);
    void participantJoined(const securechat::Participant& participant);
    /// Someone whose connection was lost is back under the same name (the host kept it for them).
    void participantRejoined(const securechat::Participant& participant);
    void participantLeft(const QString& nick, const QString& reason);
    void participantRenamed(const QString& oldNick, const QString& newNick);
    void rosterChanged();
    /// markHostVerified() recorded the host: hostTrust() says so now.
    void hostVerified();
    /// The host reported a problem with something we sent (an error frame).
    void hostError(const QString& code, const QString& text);
    void disconnected(const securechat::Disconnect& reason);

private:
    void onSslErrors(const QList<QSslError>& errors);
    void onEncrypted();
    void onSocketStateChanged(QAbstractSocket::SocketState socketState);
    void proceed();
    void onLine(const QString& line);
    void onFrame(const Frame& frame);
    void onFinished(const Disconnect& reason);
    void enterJoined();
    void sendQueued();
    void setState(State state);
    /// Whether the known peers hold this host's certificate as verified with the safety number.
    bool isVerifiedKnownPeer(const QByteArray& sha256) const;

    ClientOptions m_options;
    Keepalive m_keepalive;
    PeerConnection* m_connection = nullptr;
    State m_state = State::Idle;
    QString m_nick;
    HostTrust m_hostTrust = HostTrust::Unsettled;
    bool m_structured = false;
    bool m_closeRequested = false;
    bool m_cancelled = false;
    std::optional<TrustAssessment> m_pendingTrust;
    std::optional<TrustAssessment> m_refusal;
    QList<Participant> m_participants;
    QList<Frame> m_unacknowledged; // in the order written; resent after a reconnect
    qsizetype m_sentThisConnection = 0; // how many of m_unacknowledged went out on this connection
    QString m_byeReason;
    bool m_byeReceived = false; // a bye arrived, with or without a reason
    bool m_closedByHost = false; // a goodbye, a removal or a refusal: the host does not want us back now
    ConnectionEnd m_lastEnd;
    // A certificate the person trusted once is trusted for this session's reconnects, and only it.
    std::optional<QByteArray> m_trustedOnce;
    SessionDetails m_lastSession; // kept after the connection ends, for display
};

} // namespace securechat
