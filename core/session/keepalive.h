// SPDX-License-Identifier: MIT
#pragma once

#include "session/sessionlimits.h"

#include <QObject>
#include <QTimer>

namespace securechat {

/// Notices a structured peer gone silent: a connection whose other end stopped (a frozen process,
/// a relay or NAT that forwards nothing) looks open to TCP for many minutes. After
/// SessionLimits::idleBeforePing without a line from the peer it asks for a ping; when nothing at
/// all arrives within pongTimeout after that, the peer is unresponsive. The host keeps one per
/// participant, the client one for its host.
class Keepalive final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Keepalive)

public:
    explicit Keepalive(const SessionLimits& limits, QObject* parent = nullptr);

    /// Starts (or restarts) watching, as if a line had just arrived.
    void start();
    void stop();
    /// A line arrived from the peer: it is alive.
    void noteActivity();
    bool isActive() const { return m_timer.isActive(); }

Q_SIGNALS:
    /// Send the peer a ping now.
    void pingDue();
    /// No line arrived within the pong timeout after the ping.
    void unresponsive();

private:
    void onTimeout();

    QTimer m_timer;
    std::chrono::milliseconds m_idleBeforePing;
    std::chrono::milliseconds m_pongTimeout;
    bool m_awaitingPong = false;
};

} // namespace securechat
