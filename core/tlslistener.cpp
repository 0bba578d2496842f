// SPDX-License-Identifier: MIT
#include "tlslistener.h"

#include "peerconnection.h"

#include <QSslSocket>

#include <numeric>

namespace securechat {

QString describeEndpoint(const QHostAddress& address, quint16 port)
{
    QHostAddress plain = address;
    if (const auto v4 = address.toIPv4Address(nullptr); address.protocol() == QAbstractSocket::IPv6Protocol
        && address.isEqual(QHostAddress(v4), QHostAddress::ConvertV4MappedToIPv4)) {
        plain = QHostAddress(v4);
    }
    const QString host = plain.protocol() == QAbstractSocket::IPv6Protocol
        ? u'[' + plain.toString() + u']'
        : plain.toString();
    return host + u':' + QString::number(port);
}

TlsListener::TlsListener(QSslConfiguration configuration, SessionLimits limits, QObject* parent)
    : QTcpServer(parent)
    , m_configuration(std::move(configuration))
    , m_limits(limits)
{
    // Connections are handed out by signal, never through the pending queue.
    setMaxPendingConnections(1);
}

int TlsListener::handshakesInProgress() const
{
    return std::accumulate(m_handshakesByAddress.cbegin(), m_handshakesByAddress.cend(), 0);
}

void TlsListener::incomingConnection(qintptr socketDescriptor)
{
    auto socket = std::make_unique<QSslSocket>();
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        Q_EMIT peerRejected(tr("unknown peer"), socket->errorString());
        return;
    }
    const QHostAddress address = socket->peerAddress();
    const QString who = describeEndpoint(address, socket->peerPort());
    int& inProgress = m_handshakesByAddress[address];
    if (inProgress >= m_limits.maxHandshakesPerAddress) {
        socket->abort();
        Q_EMIT peerRejected(who,
            tr("refused: %1 TLS handshakes already in progress from that address").arg(inProgress));
        return;
    }
    ++inProgress;
    socket->setSslConfiguration(m_configuration);

    auto* connection = new PeerConnection(std::move(socket), m_limits, this);
    auto handedOut = std::make_shared<bool>(false);
    connect(connection, &PeerConnection::sslErrors, this,
        [this, connection](const QList<QSslError>& errors) {
            if (m_clientErrorFilter)
                connection->ignoreSslErrors(m_clientErrorFilter(errors));
        },
        Qt::DirectConnection);
    connect(connection, &PeerConnection::encrypted, this, [this, connection, address, handedOut] {
        *handedOut = true;
        release(address);
        Q_EMIT peerEncrypted(connection);
    });
    connect(connection, &PeerConnection::finished, this,
        [this, connection, address, who, handedOut](const Disconnect& reason) {
            if (*handedOut)
                return;
            release(address);
            connection->deleteLater();
            Q_EMIT peerRejected(who, reason.message);
        });
    connection->startHostHandshake();
}

void TlsListener::release(const QHostAddress& address)
{
    auto it = m_handshakesByAddress.find(address);
    if (it != m_handshakesByAddress.end() && --it.value() <= 0)
        m_handshakesByAddress.erase(it);
}

} // namespace securechat
