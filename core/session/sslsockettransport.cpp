// SPDX-License-Identifier: MIT
#include "session/sslsockettransport.h"

#include "session/lingeringclose.h"
#include "tls/endpoint.h"

namespace securechat {

SslSocketTransport::SslSocketTransport(std::unique_ptr<QSslSocket> socket)
    : m_socket(std::move(socket))
{
    m_socket->setParent(nullptr);
    if (m_socket->isEncrypted())
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);

    QSslSocket* s = m_socket.get();
    connect(s, &QSslSocket::encrypted, this, [this] {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        Q_EMIT encrypted();
    });
    connect(s, &QSslSocket::readyRead, this, &PeerTransport::readyRead);
    connect(s, &QSslSocket::encryptedBytesWritten, this, &PeerTransport::bytesWritten);
    connect(s, &QSslSocket::disconnected, this, &PeerTransport::disconnected);
    connect(s, &QSslSocket::errorOccurred, this, &SslSocketTransport::onErrorOccurred);
}

SslSocketTransport::~SslSocketTransport()
{
    // The socket goes after this part of the object: nothing it emits on its way may reach here.
    m_socket->disconnect(this);
}

qint64 SslSocketTransport::bytesToWrite() const
{
    return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
}

void SslSocketTransport::connectToHost(const QString& host, quint16 port)
{
    m_remoteEnd = (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(port);
    m_socket->connectToHostEncrypted(host, port);
}

void SslSocketTransport::disconnectFromPeer(std::chrono::milliseconds linger)
{
    LingeringClose::follow(*m_socket, linger);
    m_socket->disconnectFromHost();
}

void SslSocketTransport::onErrorOccurred(QAbstractSocket::SocketError error)
{
    // close_notify alone leaves the TCP connection open and emits no disconnected().
    if (error == QAbstractSocket::RemoteHostClosedError && m_socket->isEncrypted()) {
        Q_EMIT peerClosed();
        return;
    }
    Q_EMIT failed(describe(*m_socket, error, m_remoteEnd));
    // A socket that never connected emits no disconnected(). Queued, so that a socket that did
    // connect first delivers what it drained on its way down.
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        QMetaObject::invokeMethod(this, &PeerTransport::disconnected, Qt::QueuedConnection);
}

Disconnect SslSocketTransport::describe(
    const QSslSocket& socket, QAbstractSocket::SocketError error, const QString& remoteEnd)
{
    using Kind = Disconnect::Kind;
    const QString detail = socket.errorString();
    const QString where
        = remoteEnd.isEmpty() ? describeEndpoint(socket.peerAddress(), socket.peerPort()) : remoteEnd;
    // Qt's own words only where ours would say less: "Connection refused" after "nobody is
    // listening" made people read the same thing twice.
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return { Kind::Network, tr("nobody is listening on %1").arg(where) };
    case QAbstractSocket::HostNotFoundError:
        return { Kind::Network,
            tr("no computer called %1 was found").arg(where.left(where.lastIndexOf(u':'))) };
    case QAbstractSocket::SocketTimeoutError:
        return { Kind::Network, tr("%1 did not answer in time").arg(where) };
    case QAbstractSocket::NetworkError:
        return { Kind::Network, tr("the network cannot reach %1 (%2)").arg(where, detail) };
    case QAbstractSocket::RemoteHostClosedError:
        return socket.isEncrypted()
            ? Disconnect { Kind::Clean, tr("the peer closed the connection") }
            : Disconnect { Kind::Tls, tr("the peer closed the connection during the TLS handshake") };
    case QAbstractSocket::SslHandshakeFailedError:
        return { Kind::Tls, tr("TLS handshake failed: %1").arg(detail) };
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return { Kind::Tls, tr("TLS error: %1").arg(detail) };
    default:
        return { Kind::Network, detail };
    }
}

} // namespace securechat
