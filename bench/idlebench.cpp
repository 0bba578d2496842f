// SPDX-License-Identifier: MIT
#include "idlebench.h"

#include "procstats.h"

#include <sys/epoll.h>
#include <unistd.h>

namespace securechat::bench {

namespace {

    constexpr int64_t QuietNs = 500'000'000;

} // namespace

IdleBench::IdleBench(IdleOptions options)
    : m_options(std::move(options))
{
}

IdleBench::~IdleBench()
{
    m_peers.clear();
    if (m_epollFd >= 0)
        ::close(m_epollFd);
    if (m_context)
        SSL_CTX_free(m_context);
}

IdleResult IdleBench::run()
{
    m_context = TlsPeer::newClientContext(m_options.caFile);
    m_epollFd = epoll_create1(EPOLL_CLOEXEC);
    if (!m_context || m_epollFd < 0) {
        m_result.error = "cannot set up TLS or epoll";
        return m_result;
    }
    const int64_t start = ProcStats::nowNs();
    const int64_t deadline = start + static_cast<int64_t>(m_options.timeLimitSeconds * 1e9);
    const double serverCpu0 = ProcStats::cpuSeconds(m_options.serverPid);
    const double ownCpu0 = ProcStats::ownCpuSeconds();
    m_result.rssBeforeKiB = ProcStats::residentKiB(m_options.serverPid);

    if (connectUpTo(m_options.checkpoint, deadline)) {
        settle(deadline);
        m_result.rssAtCheckpointKiB = ProcStats::residentKiB(m_options.serverPid);
        if (connectUpTo(m_options.peers, deadline)) {
            m_result.connectSeconds = static_cast<double>(ProcStats::nowNs() - start) / 1e9;
            settle(deadline);
            m_result.rssAtAllKiB = ProcStats::residentKiB(m_options.serverPid);
        }
    }
    m_result.serverCpuSeconds = ProcStats::cpuSeconds(m_options.serverPid) - serverCpu0;
    m_result.loadgenCpuSeconds = ProcStats::ownCpuSeconds() - ownCpu0;
    if (m_result.dropped > 0 && m_result.error.empty())
        m_result.error = std::to_string(m_result.dropped) + " peers were dropped";
    const IdleResult result = m_result; // the aborts below would count as drops
    // Abrupt on purpose: closing a thousand peers gracefully is not what is measured.
    for (auto& peer : m_peers)
        peer->abort();
    return result;
}

bool IdleBench::connectUpTo(int peers, int64_t deadlineNs)
{
    while (m_result.connected < peers && ProcStats::nowNs() < deadlineNs && m_result.dropped == 0) {
        while (static_cast<int>(m_peers.size()) < peers
            && static_cast<int>(m_peers.size()) - m_result.connected < m_options.concurrency) {
            m_peers.push_back(
                std::make_unique<TlsPeer>(m_context, m_epollFd, handler(), static_cast<int>(m_peers.size())));
            m_peers.back()->connect(m_options.server);
        }
        TlsPeer::poll(m_epollFd, 100);
    }
    if (m_result.connected < peers && m_result.error.empty())
        m_result.error = "only " + std::to_string(m_result.connected) + " peers could connect";
    return m_result.error.empty();
}

void IdleBench::settle(int64_t deadlineNs)
{
    m_lastDataNs = ProcStats::nowNs();
    for (int64_t now = m_lastDataNs; now - m_lastDataNs < QuietNs && now < deadlineNs;
         now = ProcStats::nowNs())
        TlsPeer::poll(m_epollFd, 50);
}

void IdleBench::onOpen(TlsPeer&)
{
    ++m_result.connected;
}

void IdleBench::onLine(TlsPeer&, std::string_view)
{
    m_lastDataNs = ProcStats::nowNs();
}

void IdleBench::onClosed(TlsPeer& peer)
{
    ++m_result.dropped;
    if (m_result.error.empty())
        m_result.error = "peer " + std::to_string(peer.id())
            + " dropped: " + (peer.error().empty() ? std::string("the server closed it") : peer.error());
}

} // namespace securechat::bench
