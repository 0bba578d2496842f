// SPDX-License-Identifier: MIT
#pragma once

#include "tlspeer.h"

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace securechat::bench {

struct IdleOptions final {
    sockaddr_in server {};
    std::string caFile;
    int peers = 1'000;
    /// RSS is also read at this many peers, so the cost of one more peer can be told apart
    /// from what the first connection sets up once (libssl state, certificate parsing).
    int checkpoint = 100;
    int concurrency = 4;
    double timeLimitSeconds = 60;
    pid_t serverPid = 0;
};

struct IdleResult final {
    int connected = 0;
    int dropped = 0; ///< closed by the server, or failed
    int64_t rssBeforeKiB = 0;
    int64_t rssAtCheckpointKiB = 0;
    int64_t rssAtAllKiB = 0;
    double connectSeconds = 0;
    double serverCpuSeconds = 0;
    double loadgenCpuSeconds = 0;
    std::string error;
};

/// Connects many text-mode peers that then say nothing, and reads the server's resident memory.
class IdleBench final : private TlsPeer::Handler {
public:
    explicit IdleBench(IdleOptions options);
    ~IdleBench();
    IdleBench(const IdleBench&) = delete;
    IdleBench& operator=(const IdleBench&) = delete;

    IdleResult run();

private:
    TlsPeer::Handler& handler() { return *this; }
    void onOpen(TlsPeer& peer) override;
    void onLine(TlsPeer& peer, std::string_view line) override;
    void onClosed(TlsPeer& peer) override;

    bool connectUpTo(int peers, int64_t deadlineNs);
    /// Waits until nothing has arrived for a while: the server has sent every join notice.
    void settle(int64_t deadlineNs);

    IdleOptions m_options;
    SSL_CTX* m_context = nullptr;
    int m_epollFd = -1;
    std::vector<std::unique_ptr<TlsPeer>> m_peers;
    int64_t m_lastDataNs = 0;
    IdleResult m_result;
};

} // namespace securechat::bench
