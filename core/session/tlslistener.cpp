// SPDX-License-Identifier: MIT
#include "session/tlslistener.h"

#include "session/lingeringclose.h"
#include "session/peerconnection.h"
#include "session/sslsockettransport.h"
#include "tls/certificatedetails.h"
#include "tls/endpoint.h"
#include "trust/trustevaluator.h"

#include <QSslSocket>
#include <QTimer>

#include <optional>

#ifdef Q_OS_WIN
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <netinet/in.h>
#include <sys/socket.h>
#endif

namespace securechat {

namespace {

    struct Endpoint {
        QHostAddress address;
        quint16 port;
    };

    // Who is at the other end of a descriptor Qt has accepted but not yet wrapped in a socket.
    std::optional<Endpoint> peerOf(qintptr socketDescriptor)
    {
        sockaddr_storage storage {};
        socklen_t length = sizeof storage;
        auto* address = reinterpret_cast<sockaddr*>(&storage);
        if (::getpeername(static_cast<int>(socketDescriptor), address, &length) != 0)
            return std::nullopt;
        if (storage.ss_family == AF_INET)
            return Endpoint { QHostAddress(address),
                ntohs(reinterpret_cast<const sockaddr_in*>(address)->sin_port) };
        if (storage.ss_family == AF_INET6)
            return Endpoint { QHostAddress(address),
                ntohs(reinterpret_cast<const sockaddr_in6*>(address)->sin6_port) };
        return std::nullopt;
    }

    // The handshake timeout's object name, to find it among the socket's children once handed out.
    const QString DeadlineName = QStringLiteral("securechat-handshake-deadline");

} // namespace

TlsListener::TlsListener(const QSslConfiguration& configuration, SessionLimits limits, QObject* parent)
    : QSslServer(parent)
    , m_limits(limits)
    , m_pending(m_limits.maxHandshakesPerAddress)
{
    setSslConfiguration(configuration);
    // Qt's timer restarts at the ClientHello; ours starts at accept and is the bound (watch()).
    setHandshakeTimeout(static_cast<int>(m_limits.handshakeTimeout.count()));
    // Counts handshakes in progress, not only connections waiting to be taken: the bound on
    // sockets mid-handshake from all addresses together.
    setMaxPendingConnections(m_limits.maxHandshakes);
    // Direct: ignoreSslErrors works only inside the signal, and a failed socket is deleted after.
    connect(this, &QSslServer::sslErrors, this, &TlsListener::onSslErrors, Qt::DirectConnection);
    connect(this, &QSslServer::errorOccurred, this, &TlsListener::onHandshakeError, Qt::DirectConnection);
    connect(this, &QTcpServer::pendingConnectionAvailable, this, &TlsListener::takeEncrypted);
}

TlsListener::~TlsListener()
{
    // The sockets still handshaking are deleted with the server, after this part of it is gone.
    for (QObject* socket : children())
        disconnect(socket, nullptr, this, nullptr);
}

void TlsListener::incomingConnection(qintptr socketDescriptor)
{
    // Before the base class: Qt counts a socket against maxPendingConnections() from here on.
    const std::optional<Endpoint> peer = peerOf(socketDescriptor);
    if (!peer) {
        refuse(socketDescriptor, tr("unknown peer"), tr("the connection closed before it could be taken"));
        return;
    }
    const QString who = describeEndpoint(peer->address, peer->port);
    if (const Status admitted = m_pending.admit(peer->address); !admitted) {
        refuse(socketDescriptor, who, admitted.error());
        return;
    }
    QSslServer::incomingConnection(socketDescriptor);
    QSslSocket* socket = socketFor(socketDescriptor);
    if (!socket) {
        m_pending.cancel(peer->address);
        Q_EMIT peerRejected(who, tr("the connection closed before it could be taken"));
        return;
    }
    watch(socket, peer->address, who);
}

// The socket QSslServer::incomingConnection() just made: its newest child with that descriptor.
QSslSocket* TlsListener::socketFor(qintptr socketDescriptor) const
{
    const QObjectList& sockets = children();
    for (auto it = sockets.crbegin(); it != sockets.crend(); ++it) {
        auto* socket = qobject_cast<QSslSocket*>(*it);
        if (socket && socket->socketDescriptor() == socketDescriptor)
            return socket;
    }
    return nullptr;
}

void TlsListener::watch(QSslSocket* socket, const QHostAddress& address, const QString& who)
{
    auto* deadline = new QTimer(socket);
    deadline->setObjectName(DeadlineName);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, socket] { onHandshakeTimedOut(socket); });
    deadline->start(m_limits.handshakeTimeout);
    // QSslServer disconnects this when it queues the encrypted socket.
    connect(socket, &QObject::destroyed, this, &TlsListener::onSocketGone);
    m_pending.track(socket, address, who);
}

void TlsListener::onSslErrors(QSslSocket* socket, const QList<QSslError>& errors)
{
    const QList<QSslError> acceptable
        = m_clientErrorFilter ? m_clientErrorFilter(errors) : QList<QSslError>();
    // Never with an empty list: QSslSocket reads that as "ignore everything".
    if (!acceptable.isEmpty())
        socket->ignoreSslErrors(acceptable);
    if (acceptable.size() != errors.size())
        m_pending.fail(socket, describeClientCertificate(socket->peerCertificate(), errors));
}

void TlsListener::onHandshakeError(QSslSocket* socket, QAbstractSocket::SocketError error)
{
    const QString failure = error == QAbstractSocket::SocketTimeoutError
        ? PeerConnection::handshakeTimedOut(m_limits.handshakeTimeout).message
        : SslSocketTransport::describe(*socket, error).message;
    if (!m_pending.fail(socket, failure))
        return;
    // Qt sends the alert after this signal, then closes at once: linger, so that a client still
    // sending reads the alert instead of a reset.
    if (error == QAbstractSocket::SslHandshakeFailedError)
        LingeringClose::follow(*socket, m_limits.closeTimeout);
}

void TlsListener::onHandshakeTimedOut(QSslSocket* socket)
{
    if (!m_pending.fail(socket, PeerConnection::handshakeTimedOut(m_limits.handshakeTimeout).message))
        return;
    socket->abort();
    socket->deleteLater();
}

void TlsListener::onSocketGone(QObject* socket)
{
    const std::optional<PendingHandshakes::Rejection> rejection = m_pending.gone(socket);
    if (!rejection)
        return;
    Q_EMIT peerRejected(rejection->who, rejection->reason);
    // Qt resumes accepting only on nextPendingConnection() or its own timeout; a socket that
    // failed or hung up while the cap was reached would otherwise leave the listener deaf.
    if (isListening())
        resumeAccepting();
}

void TlsListener::takeEncrypted()
{
    while (QTcpSocket* next = nextPendingConnection()) {
        auto* socket = static_cast<QSslSocket*>(next); // QSslServer queues only its QSslSockets
        delete socket->findChild<QTimer*>(DeadlineName, Qt::FindDirectChildrenOnly);
        m_pending.handedOut(socket);
        Q_EMIT peerEncrypted(new PeerConnection(std::unique_ptr<QSslSocket>(socket), m_limits, this));
    }
}

void TlsListener::refuse(qintptr socketDescriptor, const QString& who, const QString& reason)
{
    QTcpSocket refused;
    if (refused.setSocketDescriptor(socketDescriptor))
        refused.abort();
    Q_EMIT peerRejected(who, reason);
}

QString TlsListener::describeClientCertificate(
    const QSslCertificate& certificate, const QList<QSslError>& errors)
{
    QStringList problems;
    for (const QSslError& error : errors)
        problems << TrustEvaluator::describe(error);
    if (certificate.isNull())
        return tr("refused: %1").arg(problems.join(u' '));
    const QString commonName
        = certificate.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
    return tr("refused client certificate \"%1\" (SHA256:%2): %3")
        .arg(commonName,
            CertificateDetails::groupedFingerprint(CertificateDetails::fingerprintSha256(certificate)),
            problems.join(u' '));
}

} // namespace securechat
