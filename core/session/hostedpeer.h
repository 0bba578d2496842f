// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/protocol.h"
#include "session/disconnect.h"
#include "session/keepalive.h"
#include "session/sessionlimits.h"
#include "session/tokenbucket.h"

#include <QObject>

#include <optional>

namespace securechat {

class PeerConnection;

/// A frame encoded at most once for each kind of peer, and only for the kinds that receive it: relaying
/// to many peers encodes it twice at most, and a session of text-mode peers never pays for JSON
/// (which was half the host's CPU per relayed line). Lives no longer than the frame it refers to.
class EncodedFrame final {
public:
    explicit EncodedFrame(const Frame& frame)
        : m_frame(frame)
    {
    }
    const QByteArray& structured() const;
    const QByteArray& text() const;

private:
    const Frame& m_frame;
    mutable std::optional<QByteArray> m_structured;
    mutable std::optional<QByteArray> m_text;
};

/// One peer as the host sees it: speaks the peer's mode (structured frames, or text lines) both
/// ways, so the host deals in frames only; and pings a silent structured peer, dropping it if it
/// does not answer.
class HostedPeer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostedPeer)

public:
    /// Takes ownership of the encrypted connection; nothing is read from it before start().
    HostedPeer(PeerConnection* connection, Participant participant, const SessionLimits& limits,
        QObject* parent = nullptr);
    /// Opens the connection. Called once the owner has connected to every signal, so that no line
    /// that was already buffered is reported to nobody.
    void start();

    const Participant& participant() const { return m_participant; }
    const QString& nick() const { return m_participant.nick; }
    void setNick(const QString& nick) { m_participant.nick = nick; }
    /// Its certificate is one the host chose to always admit (`compared`: after comparing the
    /// safety number with it): the roster says so.
    void markKnownToHost(bool compared = false)
    {
        m_participant.verified = m_participant.knownToHost = true;
        m_participant.comparedByHost = compared;
    }
    bool isStructured() const { return m_participant.structured; }
    bool hasJoined() const { return m_joined; }
    void markJoined() { m_joined = true; }
    /// Waiting for the host's answer: nothing of the session reaches it, nothing of it the session.
    bool isWaiting() const { return m_waiting; }
    void markWaiting(bool waiting = true) { m_waiting = waiting; }
    const QString& endpoint() const { return m_endpoint; }
    const PeerConnection& connection() const { return *m_connection; }

    void send(const Frame& frame);
    void send(const EncodedFrame& frame);
    /// A line for a text-mode peer only, where no frame says it in words (see TextModeFormat).
    void sendTextLine(const QByteArray& line);
    /// Sends a last frame, then closes gracefully; `reason` is what finished() will say.
    void closeWith(const Frame& farewell, const Disconnect& reason = {});
    /// The host ended it on purpose (a goodbye, a removal, a broken limit), rather than losing it.
    bool isClosedByHost() const { return m_closedByHost; }
    void abort(const Disconnect& reason);

    /// Why the host is not reading from the peer for now.
    enum HoldReason { CongestedQueue = 1, RateLimit = 2 };
    /// Stops reading from the peer until every reason is released; the first time, the peer is
    /// told why its messages are slow.
    void holdBack(HoldReason reason);
    void release(HoldReason reason);
    bool isHeldBack(HoldReason reason) const { return (m_holds & reason) != 0; }
    /// Counts a message it sent (its text's length in characters, a byte each for ASCII) against
    /// its rate; returns how long to hold it back (0: none).
    std::chrono::milliseconds chargeRate(qsizetype bytes);

Q_SIGNALS:
    /// Text-mode lines arrive here as frames too: a "msg", or a "nick" for "/nick NAME".
    void frameReceived(const securechat::Frame& frame);
    void malformedFrame(const QString& error);
    void finished(const securechat::Disconnect& reason);
    /// Its outbound queue passed the high-water mark / drained again (PeerConnection).
    void congested();
    void drained();

private:
    void onLine(const QString& line);

    PeerConnection* m_connection;
    Participant m_participant;
    QString m_endpoint;
    Keepalive m_keepalive;
    Disconnect m_closeReason; // why the host closes it (a broken limit, a removal), if it does
    bool m_closedByHost = false;
    bool m_joined = false;
    bool m_waiting = false;
    bool m_toldToSlowDown = false;
    int m_holds = 0; // HoldReason flags
    TokenBucket m_lineRate;
    TokenBucket m_byteRate;
};

} // namespace securechat
