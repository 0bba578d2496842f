// SPDX-License-Identifier: MIT
#pragma once

#include "session/disconnect.h"
#include "session/reconnectpolicy.h"

#include <QDeadlineTimer>
#include <QNetworkInformation>
#include <QObject>
#include <QTimer>

namespace securechat {

class ChatClient;

/// Keeps a joined ChatClient in its session: when its connection is lost (ReconnectPolicy says
/// which losses count) it connects again after 1, 2, 4 ... 60 s, or at once when the network comes
/// back (QNetworkInformation, where a backend is available). Every attempt verifies the host as the
/// first connection did. Whoever shows the session listens to ended(), not to the client's
/// disconnected(), which also reports each failed attempt.
class Reconnector final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Reconnector)

public:
    explicit Reconnector(ChatClient& client, QObject* parent = nullptr);

    /// Between a lost connection and the session being joined again.
    bool isReconnecting() const { return m_reconnecting; }
    /// Waiting for the next attempt (rather than making one).
    bool isWaiting() const { return m_attemptTimer.isActive(); }
    /// Whole seconds until the next attempt (at least 1); 0 when not waiting.
    int secondsLeft() const;

    /// Skips the rest of the wait.
    void reconnectNow();
    /// What QNetworkInformation reports, once a connection was lost: back online, a wait for the
    /// next attempt is cut short; anything else changes nothing.
    void onReachabilityChanged(QNetworkInformation::Reachability reachability);
    /// Gives up reconnecting: ended() follows at once while waiting, when the attempt under way
    /// ends, or (still joined) when the connection is next lost.
    void stop();

Q_SIGNALS:
    /// The connection is lost, or an attempt failed; the next attempt comes in `seconds`.
    void reconnectScheduled(int seconds, const securechat::Disconnect& reason);
    /// Once a second while waiting.
    void countdown(int secondsLeft);
    void reconnected();
    /// The session is over for good: left, refused, or no longer reconnecting.
    void ended(const securechat::Disconnect& reason);

private:
    void onDisconnected(const Disconnect& reason);
    void onJoined();
    void watchNetwork();
    void attempt();

    ChatClient& m_client;
    ReconnectPolicy m_policy;
    QTimer m_attemptTimer;
    QTimer m_tick;
    QDeadlineTimer m_deadline;
    Disconnect m_lastReason;
    bool m_reconnecting = false;
    bool m_stopped = false;
    bool m_watchingNetwork = false;
};

} // namespace securechat
