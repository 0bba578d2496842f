// SPDX-License-Identifier: MIT
#include "handshakebench.h"

#include "procstats.h"

#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>

namespace securechat::bench {

HandshakeBench::HandshakeBench(HandshakeOptions options)
    : m_options(std::move(options))
    , m_opened(static_cast<size_t>(m_options.count), false)
{
}

HandshakeBench::~HandshakeBench()
{
    m_active.clear();
    if (m_epollFd >= 0)
        ::close(m_epollFd);
    if (m_context)
        SSL_CTX_free(m_context);
}

HandshakeResult HandshakeBench::run()
{
    m_context = TlsPeer::newClientContext(m_options.caFile);
    m_epollFd = epoll_create1(EPOLL_CLOEXEC);
    if (!m_context || m_epollFd < 0) {
        m_result.error = "cannot set up TLS or epoll";
        return m_result;
    }
    const double serverCpu0 = ProcStats::cpuSeconds(m_options.serverPid);
    const double ownCpu0 = ProcStats::ownCpuSeconds();
    const int64_t start = ProcStats::nowNs();
    const int64_t deadline = start + static_cast<int64_t>(m_options.timeLimitSeconds * 1e9);
    while ((m_started < m_options.count || !m_active.empty()) && ProcStats::nowNs() < deadline) {
        while (m_started < m_options.count && static_cast<int>(m_active.size()) < m_options.concurrency) {
            m_active.push_back(std::make_unique<TlsPeer>(m_context, m_epollFd, handler(), m_started++));
            m_active.back()->connect(m_options.server);
        }
        TlsPeer::poll(m_epollFd, 100);
        // Finished peers are freed only here, after poll() no longer points at them.
        std::erase_if(m_active, [](const auto& peer) { return peer->isDone(); });
    }
    m_result.seconds = static_cast<double>(ProcStats::nowNs() - start) / 1e9;
    m_result.serverCpuSeconds = ProcStats::cpuSeconds(m_options.serverPid) - serverCpu0;
    m_result.loadgenCpuSeconds = ProcStats::ownCpuSeconds() - ownCpu0;
    if (!m_active.empty() && m_result.error.empty())
        m_result.error = "time limit reached with connections still open";
    return m_result;
}

void HandshakeBench::onOpen(TlsPeer& peer)
{
    m_opened[static_cast<size_t>(peer.id())] = true;
    peer.close();
}

void HandshakeBench::onClosed(TlsPeer& peer)
{
    if (m_opened[static_cast<size_t>(peer.id())]) {
        ++m_result.completed;
        return;
    }
    ++m_result.failed;
    if (m_result.error.empty())
        m_result.error = peer.error().empty() ? "closed during the handshake" : peer.error();
}

} // namespace securechat::bench
