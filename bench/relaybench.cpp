// SPDX-License-Identifier: MIT
#include "relaybench.h"

#include "procstats.h"

#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace securechat::bench {

namespace {

    constexpr int64_t NsPerSecond = 1'000'000'000;
    // SecureChat allows 8 handshakes in progress per address; stay well under it for every relay.
    constexpr int HandshakesAtOnce = 4;
    constexpr int64_t ReadyResendNs = 200'000'000;

    int64_t seconds(double s)
    {
        return static_cast<int64_t>(s * NsPerSecond);
    }

    double percentile(std::vector<int64_t>& values, double fraction)
    {
        if (values.empty())
            return 0;
        const auto rank = static_cast<size_t>(std::ceil(fraction * static_cast<double>(values.size()))) - 1;
        std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rank), values.end());
        return static_cast<double>(values[rank]) / 1000.0;
    }

} // namespace

RelayBench::RelayBench(RelayOptions options)
    : m_options(std::move(options))
{
    const auto n = static_cast<size_t>(m_options.clients);
    m_readySeen.assign(n, std::vector<bool>(n, false));
    m_next.assign(n, std::vector<int64_t>(n, 0));
    m_received.assign(n, std::vector<int64_t>(n, 0));
    m_sent.assign(n, 0);
}

RelayBench::~RelayBench()
{
    m_peers.clear();
    if (m_epollFd >= 0)
        ::close(m_epollFd);
    if (m_context)
        SSL_CTX_free(m_context);
}

RelayResult RelayBench::run()
{
    m_context = TlsPeer::newClientContext(m_options.caFile);
    m_epollFd = epoll_create1(EPOLL_CLOEXEC);
    if (!m_context || m_epollFd < 0) {
        m_result.error = "cannot set up TLS or epoll";
        return m_result;
    }
    const int64_t setupDeadline = ProcStats::nowNs() + seconds(20);
    if (!connectAll(setupDeadline) || !synchronise(setupDeadline)) {
        closeAll();
        return m_result;
    }

    const double serverCpu0 = ProcStats::cpuSeconds(m_options.serverPid);
    const double ownCpu0 = ProcStats::ownCpuSeconds();
    m_startNs = ProcStats::nowNs();
    m_lastDeliveryNs = m_startNs;
    m_measuring = true;
    const int senders = m_options.allSend ? m_options.clients : 1;
    m_result.expected = m_options.linesPerSender * senders * (m_options.clients - 1);
    m_latenciesNs.reserve(static_cast<size_t>(m_result.expected));
    const int64_t deadline = m_startNs + seconds(m_options.timeLimitSeconds);
    int64_t now = m_startNs;
    while (m_result.delivered + m_result.corrupt < m_result.expected && now < deadline && m_failed == 0) {
        const int timeoutMs = pump(now);
        TlsPeer::poll(m_epollFd, timeoutMs);
        now = ProcStats::nowNs();
    }
    m_measuring = false;
    m_result.serverCpuSeconds = ProcStats::cpuSeconds(m_options.serverPid) - serverCpu0;
    m_result.loadgenCpuSeconds = ProcStats::ownCpuSeconds() - ownCpu0;
    if (now >= deadline)
        m_result.error = "time limit reached before every line was delivered";
    finishResult();
    closeAll();
    return m_result;
}

bool RelayBench::connectAll(int64_t deadlineNs)
{
    int started = 0;
    while (m_open < m_options.clients && ProcStats::nowNs() < deadlineNs && m_failed == 0) {
        while (started < m_options.clients && started - m_open < HandshakesAtOnce) {
            m_peers.push_back(std::make_unique<TlsPeer>(m_context, m_epollFd, handler(), started));
            m_peers.back()->connect(m_options.server);
            ++started;
        }
        TlsPeer::poll(m_epollFd, 100);
    }
    if (m_open < m_options.clients && m_result.error.empty())
        m_result.error = "not every client could connect";
    return m_result.error.empty();
}

bool RelayBench::synchronise(int64_t deadlineNs)
{
    // A client that finished its handshake may not have joined yet on the relay's side, so each
    // one repeats its ready line until every client has heard every other: then all have joined.
    const auto everyoneReady = [this] {
        for (int r = 0; r < m_options.clients; ++r) {
            for (int s = 0; s < m_options.clients; ++s) {
                if (r != s && !m_readySeen[static_cast<size_t>(r)][static_cast<size_t>(s)])
                    return false;
            }
        }
        return true;
    };
    int64_t nextSend = 0;
    while (!everyoneReady() && m_failed == 0) {
        const int64_t now = ProcStats::nowNs();
        if (now >= deadlineNs) {
            m_result.error = "the clients did not all hear each other (not every one joined)";
            return false;
        }
        if (now >= nextSend) {
            for (auto& peer : m_peers)
                peer->send(BenchLine::ready(peer->id()));
            nextSend = now + ReadyResendNs;
        }
        TlsPeer::poll(m_epollFd, 20);
    }
    // Let the last repeated ready lines drain before the clock starts.
    for (const int64_t until = ProcStats::nowNs() + ReadyResendNs; ProcStats::nowNs() < until;)
        TlsPeer::poll(m_epollFd, 20);
    return m_failed == 0;
}

int RelayBench::pump(int64_t nowNs)
{
    int64_t nextDue = -1;
    for (int s = 0; s < m_options.clients; ++s) {
        if (!isSender(s))
            continue;
        int64_t& sent = m_sent[static_cast<size_t>(s)];
        m_batch.clear();
        while (sent < m_options.linesPerSender && inFlight(s) < m_options.window) {
            if (m_options.ratePerSender > 0) {
                // Staggered so the senders do not all fire in the same instant.
                const double at = (static_cast<double>(sent) + static_cast<double>(s) / m_options.clients)
                    / m_options.ratePerSender;
                const int64_t due = m_startNs + static_cast<int64_t>(at * NsPerSecond);
                if (due > nowNs) {
                    nextDue = nextDue < 0 ? due : std::min(nextDue, due);
                    break;
                }
            }
            BenchLine::appendData(m_batch, s, sent, ProcStats::nowNs(), m_options.bytes);
            ++sent;
            ++m_result.sent;
        }
        if (!m_batch.empty())
            m_peers[static_cast<size_t>(s)]->send(m_batch);
    }
    if (nextDue < 0)
        return 100;
    return static_cast<int>((nextDue - nowNs + 999'999) / 1'000'000);
}

int64_t RelayBench::inFlight(int sender) const
{
    int64_t slowest = m_sent[static_cast<size_t>(sender)];
    for (int r = 0; r < m_options.clients; ++r) {
        if (r != sender)
            slowest = std::min(slowest, m_next[static_cast<size_t>(r)][static_cast<size_t>(sender)]);
    }
    return m_sent[static_cast<size_t>(sender)] - slowest;
}

void RelayBench::onOpen(TlsPeer&)
{
    ++m_open;
}

void RelayBench::onLine(TlsPeer& peer, std::string_view line)
{
    BenchLine::Parsed parsed;
    switch (BenchLine::parse(line, m_options.flavor, m_options.bytes, parsed, m_scratch)) {
    case BenchLine::Kind::Ready: {
        const int sender = std::atoi(std::string(line.substr(line.find("%ready ") + 7)).c_str());
        if (sender >= 0 && sender < m_options.clients)
            m_readySeen[static_cast<size_t>(peer.id())][static_cast<size_t>(sender)] = true;
        break;
    }
    case BenchLine::Kind::Data:
        accountFor(peer.id(), parsed, ProcStats::nowNs());
        break;
    case BenchLine::Kind::Other:
        break;
    }
}

void RelayBench::accountFor(int receiver, const BenchLine::Parsed& line, int64_t nowNs)
{
    if (!line.intact || line.sender >= m_options.clients || line.sender == receiver) {
        ++m_result.corrupt;
        if (line.sender >= 0 && line.sender < m_options.clients && line.sender != receiver)
            m_next[static_cast<size_t>(receiver)][static_cast<size_t>(line.sender)] = line.index + 1;
        return;
    }
    int64_t& next = m_next[static_cast<size_t>(receiver)][static_cast<size_t>(line.sender)];
    if (line.index < next) {
        ++m_result.duplicates;
        return;
    }
    if (line.index > next)
        ++m_result.reordered;
    next = line.index + 1;
    ++m_received[static_cast<size_t>(receiver)][static_cast<size_t>(line.sender)];
    ++m_result.delivered;
    m_latenciesNs.push_back(nowNs - line.sentNs);
    m_lastDeliveryNs = nowNs;
}

void RelayBench::onClosed(TlsPeer& peer)
{
    if (peer.state() == TlsPeer::State::Failed || m_measuring) {
        ++m_failed;
        if (m_result.error.empty())
            m_result.error = "client " + std::to_string(peer.id())
                + " dropped: " + (peer.error().empty() ? std::string("the relay closed it") : peer.error());
    }
}

void RelayBench::finishResult()
{
    for (int r = 0; r < m_options.clients; ++r) {
        for (int s = 0; s < m_options.clients; ++s) {
            if (r != s && isSender(s))
                m_result.missing += std::max<int64_t>(
                    0, m_options.linesPerSender - m_received[static_cast<size_t>(r)][static_cast<size_t>(s)]);
        }
    }
    m_result.seconds = static_cast<double>(m_lastDeliveryNs - m_startNs) / NsPerSecond;
    m_result.p50Us = percentile(m_latenciesNs, 0.50);
    m_result.p99Us = percentile(m_latenciesNs, 0.99);
    m_result.maxUs = percentile(m_latenciesNs, 1.0);
}

void RelayBench::closeAll()
{
    for (auto& peer : m_peers)
        peer->close();
    const int64_t deadline = ProcStats::nowNs() + seconds(3);
    const auto allDone = [this] {
        return std::all_of(m_peers.cbegin(), m_peers.cend(), [](const auto& peer) { return peer->isDone(); });
    };
    while (!allDone() && ProcStats::nowNs() < deadline)
        TlsPeer::poll(m_epollFd, 50);
    for (auto& peer : m_peers)
        peer->abort();
}

} // namespace securechat::bench
