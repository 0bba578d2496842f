// SPDX-License-Identifier: MIT
#include "tls/sessiondetails.h"

#include "tls/endpoint.h"

#include <QCoreApplication>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>

namespace securechat {

namespace {

    QString protocolName(QSsl::SslProtocol protocol)
    {
        switch (protocol) {
        case QSsl::TlsV1_3:
            return QStringLiteral("TLS 1.3");
        case QSsl::TlsV1_2:
            return QStringLiteral("TLS 1.2");
        default:
            return QCoreApplication::translate("securechat::SessionDetails", "unknown");
        }
    }

    // Qt 6.4 reports the group only to the client, as the server's ephemeral key; the host is told
    // so, rather than shown a guess.
    QString keyExchangeName(const QSslSocket& socket)
    {
        if (socket.mode() == QSslSocket::SslServerMode)
            return QCoreApplication::translate(
                "securechat::SessionDetails", "not reported to the host by Qt");
        const QSslKey key = socket.sslConfiguration().ephemeralServerKey();
        if (key.isNull())
            return {};
        if (key.algorithm() == QSsl::Ec)
            return key.length() == 384 ? QStringLiteral("P-384") : QStringLiteral("P-256");
        if (key.algorithm() == QSsl::Opaque)
            return QStringLiteral("X25519");
        return QCoreApplication::translate("securechat::SessionDetails", "%1 bits").arg(key.length());
    }

} // namespace

SessionDetails SessionDetails::fromSocket(const QSslSocket& socket, const QString& trust)
{
    SessionDetails details;
    const QSslCipher cipher = socket.sessionCipher();
    details.protocol = protocolName(cipher.protocol());
    details.cipher = cipher.name();
    details.keyExchange = keyExchangeName(socket);
    details.alpn = QString::fromUtf8(socket.sslConfiguration().nextNegotiatedProtocol());
    details.trust = trust;
    details.peerAddress = describeEndpoint(socket.peerAddress(), socket.peerPort());
    details.connectedSince = QDateTime::currentDateTimeUtc();
    for (const QSslCertificate& certificate : socket.peerCertificateChain())
        details.peerChain << CertificateDetails::fromCertificate(certificate);
    return details;
}

QString SessionDetails::summary() const
{
    QStringList parts { protocol, cipher };
    if (!keyExchange.isEmpty())
        parts << keyExchange;
    parts << trust;
    return parts.join(QStringLiteral(" · "));
}

} // namespace securechat
