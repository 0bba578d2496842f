// SPDX-License-Identifier: MIT
#pragma once

#include "disconnect.h"
#include "protocol.h"
#include "sessionlimits.h"

#include <QObject>
#include <QTimer>

namespace securechat {

class PeerConnection;

/// A frame encoded once for both kinds of peer, so relaying to many peers encodes it twice at most.
struct EncodedFrame final {
    explicit EncodedFrame(const Frame& frame);
    QByteArray structured;
    QByteArray text;
};

/// One peer as the host sees it: speaks the peer's mode (structured frames, or text lines) both
/// ways, so the host deals in frames only; and pings a silent structured peer, dropping it if it
/// does not answer.
class HostedPeer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostedPeer)

public:
    /// Takes ownership of the encrypted connection and opens it.
    HostedPeer(PeerConnection* connection, Participant participant, const SessionLimits& limits,
        QObject* parent = nullptr);

    const Participant& participant() const { return m_participant; }
    const QString& nick() const { return m_participant.nick; }
    void setNick(const QString& nick) { m_participant.nick = nick; }
    bool isStructured() const { return m_participant.structured; }
    bool hasJoined() const { return m_joined; }
    void markJoined() { m_joined = true; }
    const QString& endpoint() const { return m_endpoint; }
    const PeerConnection& connection() const { return *m_connection; }

    void send(const Frame& frame);
    void send(const EncodedFrame& frame);
    /// Sends a last frame, then closes gracefully.
    void closeWith(const Frame& farewell);
    void abort(const Disconnect& reason);

Q_SIGNALS:
    /// Text-mode lines arrive here as frames too: a "msg", or a "nick" for "/nick NAME".
    void frameReceived(const securechat::Frame& frame);
    void malformedFrame(const QString& error);
    void finished(const securechat::Disconnect& reason);

private:
    void onLine(const QString& line);
    void onIdle();

    PeerConnection* m_connection;
    Participant m_participant;
    SessionLimits m_limits;
    QString m_endpoint;
    QTimer m_idleTimer;
    bool m_awaitingPong = false;
    bool m_joined = false;
};

} // namespace securechat
