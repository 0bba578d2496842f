// SPDX-License-Identifier: MIT
#include "session/keepalive.h"

namespace securechat {

Keepalive::Keepalive(const SessionLimits& limits, QObject* parent)
    : QObject(parent)
    , m_idleBeforePing(limits.idleBeforePing)
    , m_pongTimeout(limits.pongTimeout)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Keepalive::onTimeout);
}

void Keepalive::start()
{
    m_awaitingPong = false;
    m_timer.start(m_idleBeforePing);
}

void Keepalive::stop()
{
    m_awaitingPong = false;
    m_timer.stop();
}

void Keepalive::noteActivity()
{
    if (m_timer.isActive())
        start();
}

void Keepalive::onTimeout()
{
    if (m_awaitingPong) {
        m_awaitingPong = false;
        Q_EMIT unresponsive();
        return;
    }
    m_awaitingPong = true;
    m_timer.start(m_pongTimeout);
    Q_EMIT pingDue();
}

} // namespace securechat
