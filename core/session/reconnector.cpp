// SPDX-License-Identifier: MIT
#include "session/reconnector.h"

#include "session/chatclient.h"

namespace securechat {

Reconnector::Reconnector(ChatClient& client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    m_attemptTimer.setSingleShot(true);
    m_tick.setInterval(std::chrono::seconds(1));
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_attemptTimer, &QTimer::timeout, this, &Reconnector::attempt);
    connect(&m_tick, &QTimer::timeout, this, [this] { Q_EMIT countdown(secondsLeft()); });
    connect(&client, &ChatClient::disconnected, this, &Reconnector::onDisconnected);
    connect(&client, &ChatClient::joined, this, &Reconnector::onJoined);
}

int Reconnector::secondsLeft() const
{
    if (!isWaiting())
        return 0;
    // Rounded to the nearest second, as a clock is read: the tick may come a little early or late.
    return std::max(1, static_cast<int>((m_deadline.remainingTime() + 500) / 1000));
}

void Reconnector::reconnectNow()
{
    if (isWaiting())
        attempt();
}

void Reconnector::stop()
{
    m_stopped = true;
    if (isWaiting()) {
        m_attemptTimer.stop();
        m_tick.stop();
        m_reconnecting = false;
        Q_EMIT ended(m_lastReason);
    } else if (m_reconnecting) {
        m_client.disconnectFromHost(); // the attempt under way ends, and ended() follows
    }
    // Still joined: the next lost connection ends the session.
}

void Reconnector::onDisconnected(const Disconnect& reason)
{
    ConnectionEnd end = m_client.lastEnd();
    end.closedByPerson = end.closedByPerson || m_stopped;
    if (!ReconnectPolicy::shouldReconnect(end)) {
        m_reconnecting = false;
        Q_EMIT ended(reason);
        return;
    }
    m_reconnecting = true;
    m_lastReason = reason;
    const std::chrono::seconds delay = m_policy.nextDelay();
    m_deadline.setRemainingTime(delay);
    m_attemptTimer.start(delay);
    m_tick.start();
    watchNetwork();
    Q_EMIT reconnectScheduled(static_cast<int>(delay.count()), reason);
}

void Reconnector::onJoined()
{
    m_policy.reset();
    if (std::exchange(m_reconnecting, false))
        Q_EMIT reconnected();
}

void Reconnector::attempt()
{
    m_attemptTimer.stop();
    m_tick.stop();
    m_client.connectToHost();
}

void Reconnector::watchNetwork()
{
    if (std::exchange(m_watchingNetwork, true))
        return;
    // Loaded only once a connection is lost: most sessions never need it. Without a backend
    // (no NetworkManager, a container) the schedule alone brings the session back.
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
        &Reconnector::onReachabilityChanged);
}

void Reconnector::onReachabilityChanged(QNetworkInformation::Reachability reachability)
{
    if (reachability == QNetworkInformation::Reachability::Online)
        reconnectNow();
}

} // namespace securechat
