// SPDX-License-Identifier: MIT
#pragma once

#include "tlspeer.h"

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace securechat::bench {

struct HandshakeOptions final {
    sockaddr_in server {};
    std::string caFile;
    int count = 2'000;
    int concurrency = 4;
    double timeLimitSeconds = 60;
    pid_t serverPid = 0;
};

struct HandshakeResult final {
    int64_t completed = 0; ///< full TLS 1.3 handshakes, server verified, then closed
    int64_t failed = 0;
    double seconds = 0;
    double serverCpuSeconds = 0;
    double loadgenCpuSeconds = 0;
    std::string error; ///< the first failure, if any
};

/// New connections one after another (a few at a time): connect, full handshake, verify the
/// server, close_notify, wait for the server to close.
class HandshakeBench final : private TlsPeer::Handler {
public:
    explicit HandshakeBench(HandshakeOptions options);
    ~HandshakeBench();
    HandshakeBench(const HandshakeBench&) = delete;
    HandshakeBench& operator=(const HandshakeBench&) = delete;

    HandshakeResult run();

private:
    TlsPeer::Handler& handler() { return *this; }
    void onOpen(TlsPeer& peer) override;
    void onLine(TlsPeer&, std::string_view) override { }
    void onClosed(TlsPeer& peer) override;

    HandshakeOptions m_options;
    SSL_CTX* m_context = nullptr;
    int m_epollFd = -1;
    std::vector<std::unique_ptr<TlsPeer>> m_active;
    std::vector<bool> m_opened; // by peer id
    int m_started = 0;
    HandshakeResult m_result;
};

} // namespace securechat::bench
