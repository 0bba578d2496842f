// SPDX-License-Identifier: MIT
#include "sslsockettransport.h"

#include <QCoreApplication>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>

namespace securechat {

SslSocketTransport::SslSocketTransport(std::unique_ptr<QSslSocket> socket, QString host, quint16 port, QObject* parent)
    : TlsTransport(parent)
    , m_socket(std::move(socket))
    , m_host(std::move(host))
    , m_port(port)
{
    m_socket->setParent(nullptr);
    QSslSocket* s = m_socket.get();
    // Direct: ignoreSslErrors only works while the handshake is still inside this signal.
    connect(s, &QSslSocket::sslErrors, this, &TlsTransport::sslErrors, Qt::DirectConnection);
    connect(s, &QSslSocket::encrypted, this, [this] {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        Q_EMIT encrypted();
    });
    connect(s, &QSslSocket::readyRead, this, &TlsTransport::readyRead);
    connect(s, &QSslSocket::errorOccurred, this, &TlsTransport::errorOccurred);
    connect(s, &QSslSocket::disconnected, this, &TlsTransport::disconnected);
}

SslSocketTransport::~SslSocketTransport()
{
    m_socket->disconnect(this);
}

void SslSocketTransport::startHandshake() { m_socket->connectToHostEncrypted(m_host, m_port); }

void SslSocketTransport::ignoreSslErrors(const QList<QSslError>& errors)
{
    // Never with an empty list: QSslSocket reads that as "ignore everything".
    if (!errors.isEmpty())
        m_socket->ignoreSslErrors(errors);
}

QString SslSocketTransport::sessionCipher() const { return m_socket->sessionCipher().name(); }

// Qt reports the group only on the client side, as the server's ephemeral key.
QString SslSocketTransport::keyExchangeGroup() const
{
    const QSslKey key = m_socket->sslConfiguration().ephemeralServerKey();
    if (key.isNull())
        return {};
    if (key.algorithm() == QSsl::Ec)
        return key.length() == 384 ? QStringLiteral("P-384") : QStringLiteral("P-256");
    if (key.algorithm() == QSsl::Opaque)
        return QStringLiteral("X25519");
    return QCoreApplication::translate("securechat::SessionDetails", "%1 bits").arg(key.length());
}

QByteArray SslSocketTransport::negotiatedAlpn() const
{
    return m_socket->sslConfiguration().nextNegotiatedProtocol();
}

} // namespace securechat
