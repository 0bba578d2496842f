// SPDX-License-Identifier: MIT
#include "sessiondetails.h"

#include "tlslistener.h"
#include "tlstransport.h"

#include <QCoreApplication>

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

} // namespace

SessionDetails SessionDetails::fromTransport(const TlsTransport& transport, const QString& trust)
{
    SessionDetails details;
    details.protocol = protocolName(transport.sessionProtocol());
    details.cipher = transport.sessionCipher();
    details.keyExchange = transport.keyExchangeGroup();
    details.alpn = QString::fromUtf8(transport.negotiatedAlpn());
    details.trust = trust;
    details.peerAddress = describeEndpoint(transport.peerAddress(), transport.peerPort());
    details.connectedSince = QDateTime::currentDateTimeUtc();
    for (const QSslCertificate& certificate : transport.peerCertificateChain())
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
