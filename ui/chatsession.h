// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "protocol/chatmessage.h"
#include "protocol/protocol.h"
#include "tls/certificatedetails.h"
#include "tls/sessiondetails.h"
#include "trust/trustwords.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace securechat {

/// One chat session as a tab shows it, whether the person hosts it (HostedSession, over
/// ChatHost) or joined it (JoinedSession, over ChatClient), so one tab class serves both.
class ChatSession : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatSession)

public:
    /// Reconnecting: a joined session lost its connection and is getting it back.
    enum class Phase { Connecting, AwaitingTrust, Joining, Active, Reconnecting, Ended };
    Q_ENUM(Phase)
    /// What the lock in the status bar shows. Only Verified is ever drawn as secure.
    enum class Security {
        Insecure, ///< not connected
        Pending, ///< connecting, or waiting for a decision
        Listening, ///< hosting, nobody connected yet
        Unverified, ///< encrypted, but someone's certificate was not checked
        Verified, ///< encrypted, and every identity checked (CA, pin, known) or trusted by the person
    };
    Q_ENUM(Security)
    /// Whether the person's own message was confirmed by the host.
    enum class Delivery {
        Unconfirmable, ///< a text-mode host confirms nothing
        Awaiting, ///< an acknowledgement will come (messageDelivered)
        Confirmed, ///< already in the session's order (the host's own messages)
    };

    ~ChatSession() override;

    /// Short, for a tab: "127.0.0.1:7447", "Hosting on port 7447".
    virtual QString title() const = 0;
    virtual QString ownNick() const = 0;
    virtual QList<Participant> participants() const = 0;
    /// How the person trusted the host they joined; none when they are the host.
    virtual std::optional<HostTrust> hostTrust() const { return std::nullopt; }
    /// Whose point of view the trust words take.
    Viewer viewer() const { return hostTrust() ? Viewer::Joiner : Viewer::Host; }
    virtual Phase phase() const = 0;
    virtual Security security() const = 0;
    /// One line for the status bar, e.g. "TLS 1.3 · TLS_AES_256_GCM_SHA384 · X25519 · verified by CA".
    virtual QString summary() const = 0;
    /// The certificate chain of a participant, as far as this side knows it (may be empty).
    virtual QList<CertificateDetails> certificateChain(const QString& nick) const = 0;
    /// The connection to a participant's side: a joined session has one (to the host) and
    /// ignores nick; a host has one per peer.
    virtual std::optional<SessionDetails> connectionDetails(const QString& nick) const = 0;
    /// The participant whose certificate and connection are meant when nobody is selected.
    virtual QString defaultPeer() const = 0;
    /// The person compared the safety number with nick's person and says it matched: recorded for
    /// good (a joiner can verify only the host) and shown in the participant list at once.
    virtual Status markVerified(const QString& nick) = 0;
    /// Whether the person verified nick's current certificate with the safety number.
    virtual bool isVerified(const QString& nick) const = 0;

    virtual void send(const QString& text) = 0;
    /// Leaves the session (joined) or closes it for everyone (hosted); ended() follows.
    virtual void end() = 0;

    qint64 messagesSent() const { return m_sent; }
    qint64 messagesReceived() const { return m_received; }

Q_SIGNALS:
    void phaseChanged(securechat::ChatSession::Phase phase);
    /// summary() or security() changed.
    void statusChanged();
    void messageReceived(const securechat::ChatMessage& message);
    void messageSent(const securechat::ChatMessage& message, securechat::ChatSession::Delivery delivery);
    void messageDelivered(const QString& id);
    /// A message that was Awaiting went to a host that confirms nothing: no messageDelivered will
    /// come for it, and it is as sent as it gets.
    void messageUnconfirmable(const QString& id);
    void participantJoined(const securechat::Participant& participant);
    /// Someone whose connection was lost is back, under the same name.
    void participantRejoined(const securechat::Participant& participant);
    void participantLeft(const QString& nick, const QString& reason);
    void participantRenamed(const QString& oldNick, const QString& newNick);
    void rosterChanged();
    /// Something the person should read in the chat view; problem: shown as an error.
    void notice(const QString& text, bool problem);
    void ended(const QString& reason);

protected:
    explicit ChatSession(QObject* parent = nullptr);

private:
    qint64 m_sent = 0;
    qint64 m_received = 0;
};

} // namespace securechat
