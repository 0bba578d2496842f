// SPDX-License-Identifier: MIT
#include "session/quietmemoryrelease.h"

#include "base/freedmemory.h"

namespace securechat {

namespace {
    // A flood that filled a slow reader's queue left ~15 MB with glibc for good; a second without
    // traffic is over long before anyone looks, and a MiB is far above a conversation's chatter.
    constexpr std::chrono::seconds DefaultCheckInterval { 1 };
    constexpr qint64 DefaultBurstBytes = 1024 * 1024;
} // namespace

QuietMemoryRelease::QuietMemoryRelease(
    std::chrono::milliseconds checkInterval, qint64 burstBytes, Release release, QObject* parent)
    : QObject(parent)
    , m_release(std::move(release))
    , m_burstBytes(burstBytes)
{
    m_timer.setInterval(checkInterval);
    connect(&m_timer, &QTimer::timeout, this, &QuietMemoryRelease::check);
    m_timer.start();
}

QuietMemoryRelease::QuietMemoryRelease(QObject* parent)
    : QuietMemoryRelease(DefaultCheckInterval, DefaultBurstBytes, &returnFreedMemoryToSystem, parent)
{
}

void QuietMemoryRelease::check()
{
    const bool quiet = m_traffic == m_trafficAtLastCheck;
    m_trafficAtLastCheck = m_traffic;
    if (!quiet || m_traffic - m_trafficAtLastRelease < m_burstBytes)
        return;
    m_trafficAtLastRelease = m_traffic;
    m_release();
}

} // namespace securechat
