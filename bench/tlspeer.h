// SPDX-License-Identifier: MIT
#pragma once

#include <openssl/ssl.h>

#include <netinet/in.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace securechat::bench {

/// One client TLS connection of the load generator: non-blocking, driven by an epoll loop, in
/// plain libssl so that the generator spends as little CPU as it can (on two cores it competes
/// with the server it measures). Received data is split into LF-terminated lines.
class TlsPeer final {
public:
    enum class State { Idle, Connecting, Handshaking, Open, Closing, Closed, Failed };

    /// What a scenario hears about a connection. Calls arrive from inside poll().
    class Handler {
    public:
        virtual void onOpen(TlsPeer& peer) = 0;
        /// One received line, terminator stripped; valid only during the call.
        virtual void onLine(TlsPeer& peer, std::string_view line) = 0;
        /// Closed or failed; the peer must not be destroyed before poll() returns.
        virtual void onClosed(TlsPeer& peer) = 0;

    protected:
        ~Handler() = default;
    };

    /// TLS 1.3 only, TLS_AES_128_GCM_SHA256 only (so every server runs the cipher `openssl speed`
    /// measures), the server verified against caFile and 127.0.0.1, no session resumption.
    static SSL_CTX* newClientContext(const std::string& caFile);
    /// Waits up to timeoutMs for events on epollFd and dispatches them to their peers.
    static void poll(int epollFd, int timeoutMs);

    TlsPeer(SSL_CTX* context, int epollFd, Handler& handler, int id);
    ~TlsPeer();
    TlsPeer(const TlsPeer&) = delete;
    TlsPeer& operator=(const TlsPeer&) = delete;

    bool connect(const sockaddr_in& server);
    /// Queues bytes and writes what the socket takes now.
    void send(std::string_view bytes);
    /// Flushes, then sends close_notify and waits for the server's close or end of stream.
    void close();
    /// Drops the connection at once.
    void abort();

    State state() const { return m_state; }
    bool isDone() const { return m_state == State::Closed || m_state == State::Failed; }
    int id() const { return m_id; }
    const std::string& error() const { return m_error; }
    size_t pendingOutput() const { return m_out.size() - m_outOffset; }
    uint64_t bytesReceived() const { return m_bytesReceived; }

private:
    void handle(uint32_t events);
    void handshake();
    void readAvailable();
    void flush();
    void shutdownIfDrained();
    void splitLines();
    void fail(const std::string& what);
    void finish(State state);
    void watch(bool writable);

    SSL_CTX* m_context;
    SSL* m_ssl = nullptr;
    int m_epollFd;
    int m_fd = -1;
    Handler& m_handler;
    int m_id;
    State m_state = State::Idle;
    std::string m_error;
    std::string m_in;
    size_t m_scanned = 0;
    std::string m_out;
    size_t m_outOffset = 0;
    bool m_closeRequested = false;
    bool m_watchingWrite = false;
    uint64_t m_bytesReceived = 0;
};

} // namespace securechat::bench
