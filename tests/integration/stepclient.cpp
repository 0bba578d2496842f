// SPDX-License-Identifier: MIT
#include "stepclient.h"

#include <openssl/err.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>

namespace securechat::test {

StepClient::StepClient(quint16 port)
    : m_context(SSL_CTX_new(TLS_client_method()))
{
    SSL_CTX_set_min_proto_version(m_context, TLS1_3_VERSION);
    m_descriptor = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::connect(m_descriptor, reinterpret_cast<const sockaddr*>(&address), sizeof address);
    ::fcntl(m_descriptor, F_SETFL, ::fcntl(m_descriptor, F_GETFL) | O_NONBLOCK);
    m_ssl = SSL_new(m_context);
    SSL_set_fd(m_ssl, m_descriptor);
    SSL_set_connect_state(m_ssl);
}

StepClient::~StepClient()
{
    SSL_free(m_ssl);
    SSL_CTX_free(m_context);
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

bool StepClient::handshake()
{
    return pumpUntil([this] {
        const int result = SSL_do_handshake(m_ssl);
        return result == 1 || !wouldBlock(result);
    }) && SSL_is_init_finished(m_ssl);
}

bool StepClient::write(const QByteArray& data)
{
    qsizetype sent = 0;
    return pumpUntil([&] {
        size_t written = 0;
        if (SSL_write_ex(m_ssl, data.constData() + sent, static_cast<size_t>(data.size() - sent), &written)
            == 1)
            sent += static_cast<qsizetype>(written);
        return sent == data.size();
    });
}

bool StepClient::writeSome(const QByteArray& data)
{
    size_t written = 0;
    const int result = SSL_write_ex(m_ssl, data.constData(), static_cast<size_t>(data.size()), &written);
    const bool alive = result == 1 || wouldBlock(result);
    QCoreApplication::processEvents(); // the host runs in this process
    return alive;
}

int StepClient::readToEnd(QByteArray& into, int timeoutMs)
{
    int ending = SSL_ERROR_NONE;
    pumpUntil(
        [&] {
            ending = readAvailable(into);
            return !isWaiting(ending);
        },
        timeoutMs);
    return ending;
}

bool StepClient::readEnded(int& ending, QByteArray& reason)
{
    QByteArray discarded;
    ending = readAvailable(discarded);
    if (isWaiting(ending))
        return false;
    if (const unsigned long error = ERR_peek_last_error())
        reason = ERR_reason_error_string(error);
    return true;
}

int StepClient::readAvailable(QByteArray& into)
{
    std::array<char, 16384> chunk {};
    size_t got = 0;
    ERR_clear_error();
    while (SSL_read_ex(m_ssl, chunk.data(), chunk.size(), &got) == 1)
        into.append(chunk.data(), static_cast<qsizetype>(got));
    return SSL_get_error(m_ssl, 0);
}

void StepClient::closeWithoutCloseNotify()
{
    ::close(m_descriptor);
    m_descriptor = -1;
}

quint16 StepClient::localPort() const
{
    sockaddr_in address {};
    socklen_t length = sizeof address;
    ::getsockname(m_descriptor, reinterpret_cast<sockaddr*>(&address), &length);
    return ntohs(address.sin_port);
}

bool StepClient::wouldBlock(int result) const
{
    return isWaiting(SSL_get_error(m_ssl, result));
}

bool StepClient::isWaiting(int sslError)
{
    return sslError == SSL_ERROR_WANT_READ || sslError == SSL_ERROR_WANT_WRITE;
}

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = static_cast<char>('a' + (i * 7 + i / 4096) % 26);
    return bytes;
}

} // namespace securechat::test
