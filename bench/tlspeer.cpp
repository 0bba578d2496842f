// SPDX-License-Identifier: MIT
#include "tlspeer.h"

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace securechat::bench {

namespace {

    constexpr size_t ReadChunk = 64 * 1024;
    constexpr size_t WriteChunk = 16 * 1024; // one TLS record
    constexpr int MaxEventsPerPoll = 256;

    std::string sslErrors()
    {
        std::string text;
        while (const unsigned long code = ERR_get_error()) {
            char buffer[256];
            ERR_error_string_n(code, buffer, sizeof buffer);
            text += text.empty() ? "" : "; ";
            text += buffer;
        }
        return text;
    }

} // namespace

SSL_CTX* TlsPeer::newClientContext(const std::string& caFile)
{
    SSL_CTX* context = SSL_CTX_new(TLS_client_method());
    if (!context)
        return nullptr;
    SSL_CTX_set_min_proto_version(context, TLS1_3_VERSION);
    SSL_CTX_set_ciphersuites(context, "TLS_AES_128_GCM_SHA256");
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nullptr);
    SSL_CTX_set_session_cache_mode(context, SSL_SESS_CACHE_OFF);
    // A server that closes without close_notify is ended, not an error, as for the servers.
    SSL_CTX_set_options(context, SSL_OP_IGNORE_UNEXPECTED_EOF | SSL_OP_NO_TICKET);
    SSL_CTX_set_mode(context, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (SSL_CTX_load_verify_locations(context, caFile.c_str(), nullptr) != 1) {
        SSL_CTX_free(context);
        return nullptr;
    }
    return context;
}

void TlsPeer::poll(int epollFd, int timeoutMs)
{
    epoll_event events[MaxEventsPerPoll];
    const int count = epoll_wait(epollFd, events, MaxEventsPerPoll, timeoutMs);
    for (int i = 0; i < count; ++i)
        static_cast<TlsPeer*>(events[i].data.ptr)->handle(events[i].events);
}

TlsPeer::TlsPeer(SSL_CTX* context, int epollFd, Handler& handler, int id)
    : m_context(context)
    , m_epollFd(epollFd)
    , m_handler(handler)
    , m_id(id)
{
}

TlsPeer::~TlsPeer()
{
    if (m_ssl)
        SSL_free(m_ssl);
    if (m_fd >= 0)
        ::close(m_fd);
}

bool TlsPeer::connect(const sockaddr_in& server)
{
    m_fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        fail(std::string("socket: ") + std::strerror(errno));
        return false;
    }
    // Each line leaves at once, as a person's would: no load generator delay in the latencies.
    const int on = 1;
    setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    m_state = State::Connecting;
    epoll_event event { EPOLLIN | EPOLLOUT, { this } };
    m_watchingWrite = true;
    epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_fd, &event);
    if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&server), sizeof server) != 0
        && errno != EINPROGRESS) {
        fail(std::string("connect: ") + std::strerror(errno));
        return false;
    }
    return true;
}

void TlsPeer::handle(uint32_t events)
{
    if (isDone())
        return;
    if (m_state == State::Connecting) {
        int error = 0;
        socklen_t length = sizeof error;
        getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) {
            fail(std::string("connect: ") + std::strerror(error));
            return;
        }
        if (!(events & (EPOLLOUT | EPOLLIN)))
            return;
        m_ssl = SSL_new(m_context);
        SSL_set_fd(m_ssl, m_fd);
        X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(m_ssl), "127.0.0.1");
        m_state = State::Handshaking;
    }
    if (m_state == State::Handshaking) {
        handshake();
        return;
    }
    if (events & EPOLLOUT)
        flush();
    if (!isDone())
        readAvailable();
}

void TlsPeer::handshake()
{
    const int result = SSL_connect(m_ssl);
    if (result == 1) {
        m_state = State::Open;
        watch(false);
        m_handler.onOpen(*this);
        if (!isDone())
            readAvailable(); // data may have come with the last handshake flight
        return;
    }
    const int error = SSL_get_error(m_ssl, result);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
        watch(error == SSL_ERROR_WANT_WRITE);
        return;
    }
    const long verify = SSL_get_verify_result(m_ssl);
    fail("handshake: " + sslErrors()
        + (verify != X509_V_OK ? std::string(" (verify: ") + X509_verify_cert_error_string(verify) + ")"
                               : ""));
}

void TlsPeer::send(std::string_view bytes)
{
    m_out.append(bytes);
    if (m_state == State::Open)
        flush();
}

void TlsPeer::flush()
{
    while (m_state == State::Open && pendingOutput() > 0) {
        const size_t size = std::min(pendingOutput(), WriteChunk);
        const int written = SSL_write(m_ssl, m_out.data() + m_outOffset, static_cast<int>(size));
        if (written > 0) {
            m_outOffset += static_cast<size_t>(written);
            continue;
        }
        const int error = SSL_get_error(m_ssl, written);
        if (error == SSL_ERROR_WANT_WRITE || error == SSL_ERROR_WANT_READ) {
            watch(true);
            return;
        }
        fail("write: " + sslErrors());
        return;
    }
    if (pendingOutput() == 0) {
        m_out.clear();
        m_outOffset = 0;
        watch(false);
        shutdownIfDrained();
    } else if (m_outOffset > (1u << 20)) {
        m_out.erase(0, m_outOffset);
        m_outOffset = 0;
    }
}

void TlsPeer::close()
{
    if (m_state == State::Open) {
        m_closeRequested = true;
        flush();
    } else if (!isDone()) {
        abort();
    }
}

void TlsPeer::abort()
{
    if (!isDone())
        finish(State::Closed);
}

void TlsPeer::shutdownIfDrained()
{
    if (!m_closeRequested || m_state != State::Open)
        return;
    m_state = State::Closing;
    SSL_shutdown(m_ssl); // sends close_notify; the server's answer is read by readAvailable()
}

void TlsPeer::readAvailable()
{
    // One buffer for every peer: the generator is single-threaded, and growing m_in by a whole
    // chunk before each read would zero-fill it every time.
    static char buffer[ReadChunk];
    while (!isDone()) {
        const int received = SSL_read(m_ssl, buffer, static_cast<int>(ReadChunk));
        if (received > 0) {
            m_in.append(buffer, static_cast<size_t>(received));
            m_bytesReceived += static_cast<uint64_t>(received);
            continue;
        }
        const int error = SSL_get_error(m_ssl, received);
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
            break;
        splitLines();
        if (error == SSL_ERROR_ZERO_RETURN || (error == SSL_ERROR_SYSCALL && ERR_peek_error() == 0)) {
            if (m_state == State::Open)
                SSL_shutdown(m_ssl);
            finish(State::Closed);
        } else {
            fail("read: " + sslErrors());
        }
        return;
    }
    splitLines();
}

void TlsPeer::splitLines()
{
    size_t start = 0;
    while (!isDone()) {
        const void* hit = std::memchr(m_in.data() + m_scanned, '\n', m_in.size() - m_scanned);
        if (!hit)
            break;
        const size_t end = static_cast<size_t>(static_cast<const char*>(hit) - m_in.data());
        size_t contentEnd = end;
        if (contentEnd > start && m_in[contentEnd - 1] == '\r')
            --contentEnd;
        m_handler.onLine(*this, std::string_view(m_in.data() + start, contentEnd - start));
        start = end + 1;
        m_scanned = start;
    }
    m_in.erase(0, start);
    m_scanned = m_in.size();
}

void TlsPeer::fail(const std::string& what)
{
    m_error = what;
    finish(State::Failed);
}

void TlsPeer::finish(State state)
{
    if (isDone())
        return;
    m_state = state;
    if (m_fd >= 0) {
        epoll_ctl(m_epollFd, EPOLL_CTL_DEL, m_fd, nullptr);
        ::close(m_fd);
        m_fd = -1;
    }
    m_handler.onClosed(*this);
}

void TlsPeer::watch(bool writable)
{
    if (writable == m_watchingWrite || m_fd < 0)
        return;
    m_watchingWrite = writable;
    epoll_event event { EPOLLIN | (writable ? EPOLLOUT : 0u), { this } };
    epoll_ctl(m_epollFd, EPOLL_CTL_MOD, m_fd, &event);
}

} // namespace securechat::bench
