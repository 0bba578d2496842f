// SPDX-License-Identifier: MIT
#include "hosttlstransport.h"

#include "hosttlscontext.h"
#include "opensslconversions.h"

#include <QMetaObject>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace securechat {

namespace {

// A whole TLS record's plaintext: what one SSL_read returns at most and one SSL_write sends.
constexpr size_t RecordBytes = 16 * 1024;

HostTlsTransport* transportOf(X509_STORE_CTX* store)
{
    auto* ssl = static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    return ssl ? static_cast<HostTlsTransport*>(SSL_get_app_data(ssl)) : nullptr;
}

// The TCP connection ended (end of stream or reset) rather than TLS failing. OpenSSL 3 reports an
// end of stream without close_notify as an SSL error of its own.
bool connectionEnded(int sslError)
{
    return sslError == SSL_ERROR_SYSCALL || sslError == SSL_ERROR_ZERO_RETURN
        || (sslError == SSL_ERROR_SSL && ERR_GET_REASON(ERR_peek_last_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING);
}

} // namespace

HostTlsTransport::HostTlsTransport(qintptr descriptor, std::shared_ptr<const HostTlsContext> context, QObject* parent)
    : TlsTransport(parent)
    , m_context(std::move(context))
    , m_descriptor(static_cast<int>(descriptor))
    , m_readNotifier(descriptor, QSocketNotifier::Read)
    , m_writeNotifier(descriptor, QSocketNotifier::Write)
{
    m_readNotifier.setEnabled(false);
    m_writeNotifier.setEnabled(false);
    connect(&m_readNotifier, &QSocketNotifier::activated, this, &HostTlsTransport::onReadable);
    connect(&m_writeNotifier, &QSocketNotifier::activated, this, &HostTlsTransport::onWritable);

    sockaddr_storage address {};
    socklen_t length = sizeof address;
    if (::getpeername(m_descriptor, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        m_peerAddress = QHostAddress(reinterpret_cast<const sockaddr*>(&address));
        if (address.ss_family == AF_INET)
            m_peerPort = ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
        else if (address.ss_family == AF_INET6)
            m_peerPort = ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
    }
    ::fcntl(m_descriptor, F_SETFL, ::fcntl(m_descriptor, F_GETFL) | O_NONBLOCK);

    m_ssl = m_context->newSession(m_descriptor);
    if (m_ssl) {
        SSL_set_app_data(m_ssl, this);
        SSL_set_accept_state(m_ssl);
    }
}

HostTlsTransport::~HostTlsTransport()
{
    closeDescriptor();
    SSL_free(m_ssl);
}

void HostTlsTransport::startHandshake()
{
    if (!m_ssl) {
        // Queued: the owner is still setting up when it starts the handshake.
        const QString reason = tr("cannot start TLS: %1").arg(HostTlsContext::takeErrors());
        QMetaObject::invokeMethod(
            this, [this, reason] { lose(QAbstractSocket::SslInternalError, reason); }, Qt::QueuedConnection);
        return;
    }
    m_readNotifier.setEnabled(true);
}

void HostTlsTransport::onReadable()
{
    if (m_lingering)
        discardUntilPeerCloses();
    else if (!m_encrypted)
        continueHandshake();
    else
        readDecrypted();
}

void HostTlsTransport::onWritable()
{
    if (!m_encrypted)
        continueHandshake();
    else if (bytesToWrite() > 0)
        flush();
    else if (m_closeRequested)
        sendCloseNotify();
    else
        wantWrite(false);
}

void HostTlsTransport::continueHandshake()
{
    ERR_clear_error();
    const int result = SSL_do_handshake(m_ssl);
    if (result == 1) {
        m_encrypted = true;
        wantWrite(false);
        // Lines are small and must not wait for the next one (Nagle).
        const int on = 1;
        ::setsockopt(m_descriptor, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        Q_EMIT encrypted();
        // The client's first records may have come with its Finished, read ahead into OpenSSL.
        if (!isDisconnected())
            readDecrypted();
        return;
    }
    const int error = SSL_get_error(m_ssl, result);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
        wantWrite(error == SSL_ERROR_WANT_WRITE);
        return;
    }
    if (connectionEnded(error)) {
        ERR_clear_error();
        lose(QAbstractSocket::RemoteHostClosedError, tr("The remote host closed the connection"));
        return;
    }
    lose(QAbstractSocket::SslHandshakeFailedError, tr("Error during SSL handshake: %1").arg(HostTlsContext::takeErrors()));
}

void HostTlsTransport::readDecrypted()
{
    // Delivered a record or so at a time: received data never piles up in a buffer that grows
    // (growing multi-megabyte buffers cost more in copies and page faults than the TLS work).
    std::array<char, RecordBytes> record;
    bool received = false;
    int error = SSL_ERROR_NONE;
    while (!m_peerClosed) {
        if (received && m_received.size() >= static_cast<qsizetype>(RecordBytes)) {
            received = false;
            Q_EMIT readyRead();
            if (isDisconnected())
                return;
        }
        if (m_readBufferSize > 0 ? m_received.size() >= m_readBufferSize
                                 : m_received.size() >= static_cast<qsizetype>(RecordBytes)) {
            m_readingPaused = true; // until readAll()
            m_readNotifier.setEnabled(false);
            break;
        }
        size_t got = 0;
        ERR_clear_error();
        if (SSL_read_ex(m_ssl, record.data(), record.size(), &got) == 1) {
            m_received.append(record.data(), static_cast<qsizetype>(got));
            received = true;
            continue;
        }
        error = SSL_get_error(m_ssl, 0);
        break;
    }
    if (m_received.isEmpty())
        m_received = QByteArray(); // an idle peer keeps no buffer
    if (received)
        Q_EMIT readyRead();
    if (isDisconnected() || error == SSL_ERROR_NONE || error == SSL_ERROR_WANT_READ) {
        if (!isDisconnected() && bytesToWrite() > 0)
            wantWrite(true); // in case a write had to wait for this read
        return;
    }
    if (error == SSL_ERROR_WANT_WRITE) {
        wantWrite(true);
        return;
    }
    if (error == SSL_ERROR_ZERO_RETURN && (SSL_get_shutdown(m_ssl) & SSL_RECEIVED_SHUTDOWN)) {
        // close_notify alone: the connection stays up for what we still have to say.
        m_peerClosed = true;
        m_readNotifier.setEnabled(false);
        Q_EMIT errorOccurred(QAbstractSocket::RemoteHostClosedError);
        return;
    }
    if (connectionEnded(error)) {
        ERR_clear_error();
        lose(QAbstractSocket::RemoteHostClosedError, tr("The remote host closed the connection"));
        return;
    }
    lose(QAbstractSocket::SslInternalError, tr("Error while reading: %1").arg(HostTlsContext::takeErrors()));
}

QByteArray HostTlsTransport::readAll()
{
    resumeReading();
    return std::exchange(m_received, QByteArray());
}

void HostTlsTransport::setReadBufferSize(qint64 bytes)
{
    m_readBufferSize = bytes;
    if (bytes == 0 || m_received.size() < bytes)
        resumeReading();
}

void HostTlsTransport::resumeReading()
{
    if (!m_readingPaused || isDisconnected())
        return;
    m_readingPaused = false;
    m_readNotifier.setEnabled(true);
    // OpenSSL may hold records it read ahead, which no notification will announce. Queued: the
    // caller is reading right now.
    QMetaObject::invokeMethod(this, [this] {
        if (m_encrypted && !isDisconnected() && !m_readingPaused && !m_lingering)
            readDecrypted();
    }, Qt::QueuedConnection);
}

void HostTlsTransport::write(const QByteArray& data)
{
    if (isDisconnected() || m_closeRequested || data.isEmpty())
        return;
    m_outbound.append(data);
    m_outboundBytes += data.size();
    // Sent when the event loop comes round: what is queued by then goes out in full records.
    if (m_encrypted)
        wantWrite(true);
}

void HostTlsTransport::flush()
{
    std::array<char, RecordBytes> staging;
    while (m_outboundBytes > 0) {
        // A record's worth, gathered from the queued lines. A retry after SSL_ERROR_WANT_WRITE
        // gathers the same bytes first (nothing leaves the queue until SSL_write took it) and no
        // fewer of them, as OpenSSL requires; SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER lets them be
        // at another address.
        const QByteArray& head = m_outbound.first();
        const char* data = head.constData() + m_headSent;
        size_t length = static_cast<size_t>(head.size() - m_headSent);
        if (length < staging.size() && m_outbound.size() > 1) {
            std::memcpy(staging.data(), data, length);
            for (qsizetype i = 1; i < m_outbound.size() && length < staging.size(); ++i) {
                const QByteArray& next = m_outbound.at(i);
                const size_t taken = std::min(staging.size() - length, static_cast<size_t>(next.size()));
                std::memcpy(staging.data() + length, next.constData(), taken);
                length += taken;
            }
            data = staging.data();
        }
        size_t written = 0;
        ERR_clear_error();
        const int ok = SSL_write_ex(m_ssl, data, length, &written);
        if (ok == 1) {
            consumeOutbound(static_cast<qsizetype>(written));
            continue;
        }
        const int error = SSL_get_error(m_ssl, ok);
        if (error == SSL_ERROR_WANT_WRITE || error == SSL_ERROR_WANT_READ) {
            wantWrite(error == SSL_ERROR_WANT_WRITE);
            return;
        }
        if (connectionEnded(error)) {
            ERR_clear_error();
            lose(QAbstractSocket::RemoteHostClosedError, tr("The remote host closed the connection"));
        } else {
            lose(QAbstractSocket::SslInternalError, tr("Error while writing: %1").arg(HostTlsContext::takeErrors()));
        }
        return;
    }
    m_outbound = QList<QByteArray>(); // an idle peer keeps no queue
    if (m_closeRequested)
        sendCloseNotify();
    else
        wantWrite(false);
}

void HostTlsTransport::consumeOutbound(qsizetype bytes)
{
    m_outboundBytes -= bytes;
    while (bytes > 0) {
        const qsizetype left = m_outbound.first().size() - m_headSent;
        if (bytes < left) {
            m_headSent += bytes;
            return;
        }
        bytes -= left;
        m_outbound.removeFirst();
        m_headSent = 0;
    }
}

void HostTlsTransport::disconnectFromHost()
{
    if (isDisconnected() || m_closeRequested)
        return;
    if (!m_encrypted) {
        closeDescriptor();
        Q_EMIT disconnected();
        return;
    }
    m_closeRequested = true;
    if (bytesToWrite() > 0)
        wantWrite(true);
    else
        sendCloseNotify();
}

void HostTlsTransport::sendCloseNotify()
{
    ERR_clear_error();
    const int result = SSL_shutdown(m_ssl);
    if (result < 0 && SSL_get_error(m_ssl, result) == SSL_ERROR_WANT_WRITE) {
        wantWrite(true);
        return;
    }
    ERR_clear_error();
    lingerUntilPeerCloses();
}

// Closing while the peer still sends makes the kernel answer with a reset, and a reset destroys
// what the peer has not read yet: our last lines and the close_notify (a peer flooding an endless
// line never learnt why it was dropped). So the FIN follows the close_notify, and what still comes
// is discarded until the peer closes too; PeerConnection's close timer bounds the wait.
void HostTlsTransport::lingerUntilPeerCloses()
{
    m_lingering = true;
    wantWrite(false);
    ::shutdown(m_descriptor, SHUT_WR);
    m_readNotifier.setEnabled(true);
    discardUntilPeerCloses();
}

void HostTlsTransport::discardUntilPeerCloses()
{
    // At most 1 MiB per turn, so that a peer sending without end cannot hold the event loop.
    std::array<char, 16384> sink;
    for (int turn = 0; turn < 64; ++turn) {
        const ssize_t got = ::recv(m_descriptor, sink.data(), sink.size(), MSG_DONTWAIT);
        if (got > 0 || (got < 0 && errno == EINTR))
            continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        closeDescriptor(); // 0: the peer closed its side; an error: it is gone
        Q_EMIT disconnected();
        return;
    }
}

void HostTlsTransport::abort()
{
    closeDescriptor();
}

void HostTlsTransport::wantWrite(bool wanted)
{
    if (m_writeNotifier.isEnabled() != wanted && !isDisconnected())
        m_writeNotifier.setEnabled(wanted);
}

void HostTlsTransport::lose(QAbstractSocket::SocketError error, const QString& message)
{
    m_errorString = message;
    closeDescriptor();
    Q_EMIT errorOccurred(error);
    Q_EMIT disconnected();
}

void HostTlsTransport::closeDescriptor()
{
    if (m_descriptor < 0)
        return;
    m_readNotifier.setEnabled(false);
    m_writeNotifier.setEnabled(false);
    ::close(m_descriptor);
    m_descriptor = -1;
    m_outbound = QList<QByteArray>();
    m_headSent = 0;
    m_outboundBytes = 0;
}

QSsl::SslProtocol HostTlsTransport::sessionProtocol() const
{
    if (!m_encrypted)
        return QSsl::UnknownProtocol;
    switch (SSL_version(m_ssl)) {
    case TLS1_3_VERSION:
        return QSsl::TlsV1_3;
    case TLS1_2_VERSION:
        return QSsl::TlsV1_2;
    default:
        return QSsl::UnknownProtocol;
    }
}

QString HostTlsTransport::sessionCipher() const
{
    const SSL_CIPHER* cipher = m_encrypted ? SSL_get_current_cipher(m_ssl) : nullptr;
    return cipher ? QString::fromLatin1(SSL_CIPHER_get_name(cipher)) : QString();
}

QString HostTlsTransport::keyExchangeGroup() const
{
    if (!m_encrypted)
        return {};
    switch (const int group = SSL_get_negotiated_group(m_ssl)) {
    case 0:
        return {};
    case NID_X25519:
        return QStringLiteral("X25519");
    case NID_X9_62_prime256v1:
        return QStringLiteral("P-256");
    case NID_secp384r1:
        return QStringLiteral("P-384");
    default:
        return QString::fromLatin1(OBJ_nid2sn(group));
    }
}

QByteArray HostTlsTransport::negotiatedAlpn() const
{
    const unsigned char* protocol = nullptr;
    unsigned int length = 0;
    if (m_encrypted)
        SSL_get0_alpn_selected(m_ssl, &protocol, &length);
    return protocol ? QByteArray(reinterpret_cast<const char*>(protocol), length) : QByteArray();
}

int HostTlsTransport::verifyClientChain(X509_STORE_CTX* store)
{
    // The chain as the client sent it, its own certificate first (OpenSSL has not yet made it the
    // session's peer certificate at this point).
    m_peerChain.clear();
    if (STACK_OF(X509)* sent = X509_STORE_CTX_get0_untrusted(store)) {
        for (int i = 0; i < sk_X509_num(sent); ++i)
            m_peerChain << openssl::toQt(sk_X509_value(sent, i));
    } else if (X509* leaf = X509_STORE_CTX_get0_cert(store)) {
        m_peerChain << openssl::toQt(leaf);
    }
    if (!m_context->verifiesClients())
        return 1; // asked for, shown, never trusted

    m_chainProblems.clear();
    m_chainProblemCodes.clear();
    X509_STORE_CTX_set_verify_cb(store, &HostTlsTransport::collectChainProblem);
    if (X509_verify_cert(store) <= 0 && m_chainProblems.isEmpty()) {
        m_chainProblems << QSslError(QSslError::UnspecifiedError, m_peerChain.value(0));
        m_chainProblemCodes << X509_V_ERR_UNSPECIFIED;
    }
    if (m_chainProblems.isEmpty())
        return 1;

    m_ignoredErrors.clear();
    Q_EMIT sslErrors(m_chainProblems);
    for (qsizetype i = 0; i < m_chainProblems.size(); ++i) {
        if (!m_ignoredErrors.contains(m_chainProblems.at(i))) {
            X509_STORE_CTX_set_error(store, m_chainProblemCodes.at(i)); // picks the alert
            return 0;
        }
    }
    X509_STORE_CTX_set_error(store, X509_V_OK);
    return 1;
}

int HostTlsTransport::collectChainProblem(int preverified, X509_STORE_CTX* store)
{
    // Every problem is noted and the check goes on, so that all of them are reported at once.
    if (preverified)
        return 1;
    HostTlsTransport* transport = transportOf(store);
    if (!transport)
        return 0;
    const int code = X509_STORE_CTX_get_error(store);
    const QSslError error(openssl::toQtError(code), openssl::toQt(X509_STORE_CTX_get_current_cert(store)));
    if (!transport->m_chainProblems.contains(error)) {
        transport->m_chainProblems << error;
        transport->m_chainProblemCodes << code;
    }
    return 1;
}

} // namespace securechat
