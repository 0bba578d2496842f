// SPDX-License-Identifier: MIT
#include "tlslistener.h"

#include "certificatedetails.h"
#include "hosttlscontext.h"
#include "hosttlstransport.h"
#include "peerconnection.h"
#include "trustevaluator.h"

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

TlsListener::TlsListener(std::shared_ptr<const HostTlsContext> context, SessionLimits limits, QObject* parent)
    : QTcpServer(parent)
    , m_context(std::move(context))
    , m_limits(limits)
{
    // Connections are handed out by signal, never through the pending queue.
    setMaxPendingConnections(1);
}

TlsListener::~TlsListener() = default;

int TlsListener::handshakesInProgress() const
{
    return std::accumulate(m_handshakesByAddress.cbegin(), m_handshakesByAddress.cend(), 0);
}

void TlsListener::incomingConnection(qintptr socketDescriptor)
{
    auto transport = std::make_unique<HostTlsTransport>(socketDescriptor, m_context);
    if (transport->peerAddress().isNull()) {
        Q_EMIT peerRejected(tr("unknown peer"), tr("the connection closed before it could be taken"));
        return;
    }
    const QHostAddress address = transport->peerAddress();
    const QString who = describeEndpoint(address, transport->peerPort());
    int& inProgress = m_handshakesByAddress[address];
    if (inProgress >= m_limits.maxHandshakesPerAddress) {
        Q_EMIT peerRejected(who,
            tr("refused: %1 TLS handshakes already in progress from that address").arg(inProgress));
        return; // the transport closes the descriptor
    }
    ++inProgress;

    auto* connection = new PeerConnection(std::move(transport), m_limits, this);
    // What the log line says if this handshake fails: who, and what was wrong with their certificate.
    auto handshake = std::make_shared<PendingHandshake>(PendingHandshake { address, who, {}, false });
    connect(connection, &PeerConnection::sslErrors, this,
        [this, connection, handshake](const QList<QSslError>& errors) {
            const QList<QSslError> acceptable = m_clientErrorFilter ? m_clientErrorFilter(errors) : QList<QSslError>();
            connection->ignoreSslErrors(acceptable);
            if (acceptable.size() != errors.size())
                handshake->certificateProblem = describeClientCertificate(connection->transport().peerCertificateChain().value(0), errors);
        },
        Qt::DirectConnection);
    connect(connection, &PeerConnection::encrypted, this, [this, connection, handshake] {
        handshake->handedOut = true;
        release(handshake->address);
        Q_EMIT peerEncrypted(connection);
    });
    connect(connection, &PeerConnection::finished, this, [this, connection, handshake](const Disconnect& reason) {
        if (handshake->handedOut)
            return;
        release(handshake->address);
        connection->deleteLater();
        Q_EMIT peerRejected(handshake->who,
            handshake->certificateProblem.isEmpty() ? reason.message : handshake->certificateProblem);
    });
    connection->startHandshake();
}

QString TlsListener::describeClientCertificate(const QSslCertificate& certificate, const QList<QSslError>& errors)
{
    QStringList problems;
    for (const QSslError& error : errors)
        problems << TrustEvaluator::describe(error);
    if (certificate.isNull())
        return tr("refused: %1").arg(problems.join(u' '));
    const QString commonName = certificate.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
    return tr("refused client certificate \"%1\" (SHA256:%2): %3")
        .arg(commonName, CertificateDetails::fingerprintSha256(certificate), problems.join(u' '));
}

void TlsListener::release(const QHostAddress& address)
{
    auto it = m_handshakesByAddress.find(address);
    if (it != m_handshakesByAddress.end() && --it.value() <= 0)
        m_handshakesByAddress.erase(it);
}

} // namespace securechat
