// SPDX-License-Identifier: MIT
#pragma once

#include "benchline.h"
#include "tlspeer.h"

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace securechat::bench {

struct RelayOptions final {
    sockaddr_in server {};
    std::string caFile;
    BenchLine::Flavor flavor = BenchLine::Flavor::SecureChat;
    int clients = 10;
    bool allSend = false; ///< every client sends; otherwise client 0 alone
    int64_t linesPerSender = 10'000;
    size_t bytes = 128; ///< per line, LF included
    double ratePerSender = 0; ///< lines per second; 0: as fast as the relay takes them
    /// Lines a sender may have sent that some receiver has not yet had: keeps every relay's
    /// queues bounded (SecureChat drops a peer with more than 4 MiB waiting).
    int64_t window = 1'000;
    double timeLimitSeconds = 120;
    pid_t serverPid = 0;
};

struct RelayResult final {
    int64_t sent = 0;
    int64_t expected = 0; ///< deliveries: each line to every client but its sender
    int64_t delivered = 0; ///< intact, first time
    int64_t missing = 0;
    int64_t duplicates = 0;
    int64_t reordered = 0;
    int64_t corrupt = 0;
    double seconds = 0;
    double serverCpuSeconds = 0;
    double loadgenCpuSeconds = 0;
    double p50Us = 0;
    double p99Us = 0;
    double maxUs = 0;
    std::string error;
};

/// N text-mode clients through one relay: every line accounted for, timed from send to delivery.
class RelayBench final : private TlsPeer::Handler {
public:
    explicit RelayBench(RelayOptions options);
    ~RelayBench();
    RelayBench(const RelayBench&) = delete;
    RelayBench& operator=(const RelayBench&) = delete;

    RelayResult run();

private:
    TlsPeer::Handler& handler() { return *this; }
    void onOpen(TlsPeer& peer) override;
    void onLine(TlsPeer& peer, std::string_view line) override;
    void onClosed(TlsPeer& peer) override;

    bool connectAll(int64_t deadlineNs);
    bool synchronise(int64_t deadlineNs);
    /// Sends what each sender may send now; returns the poll timeout until the next paced line.
    int pump(int64_t nowNs);
    int64_t inFlight(int sender) const;
    bool isSender(int client) const { return m_options.allSend || client == 0; }
    void accountFor(int receiver, const BenchLine::Parsed& line, int64_t nowNs);
    void finishResult();
    void closeAll();

    RelayOptions m_options;
    SSL_CTX* m_context = nullptr;
    int m_epollFd = -1;
    std::vector<std::unique_ptr<TlsPeer>> m_peers;
    int m_open = 0;
    int m_failed = 0;
    std::vector<std::vector<bool>> m_readySeen; // [receiver][sender]
    std::vector<std::vector<int64_t>> m_next; // [receiver][sender]: the index expected next
    std::vector<std::vector<int64_t>> m_received; // [receiver][sender]
    std::vector<int64_t> m_sent; // [sender]
    std::vector<int64_t> m_latenciesNs;
    int64_t m_startNs = 0;
    int64_t m_lastDeliveryNs = 0;
    bool m_measuring = false;
    std::string m_scratch;
    std::string m_batch;
    RelayResult m_result;
};

} // namespace securechat::bench
