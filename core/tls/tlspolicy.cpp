// SPDX-License-Identifier: MIT
#include "tls/tlspolicy.h"

#include "protocol/protocol.h"
#include "tls/identity.h"

namespace securechat {

namespace {

    QSslConfiguration baseConfiguration()
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setProtocol(QSsl::TlsV1_2OrLater);
        configuration.setCiphers(TlsPolicy::cipherSuites());
        configuration.setBackendConfigurationOption("Groups", TlsPolicy::groups());
        configuration.setAllowedNextProtocols({ QByteArray(Protocol::Alpn) });
        // Session tickets would let a resumed session skip the certificate we show the person.
        configuration.setSslOption(QSsl::SslOptionDisableSessionTickets, true);
        configuration.setSslOption(QSsl::SslOptionDisableCompression, true);
        return configuration;
    }

} // namespace

QString TlsPolicy::cipherSuites()
{
    return QStringLiteral("TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:"
                          "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                          "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                          "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305");
}

QByteArray TlsPolicy::groups()
{
    return QByteArrayLiteral("X25519:P-256:P-384");
}

QSslConfiguration TlsPolicy::hostConfiguration(const Identity& identity,
    ClientCertificates clientCertificates, const QList<QSslCertificate>& clientCaCertificates)
{
    QSslConfiguration configuration = baseConfiguration();
    configuration.setLocalCertificateChain(identity.chain());
    configuration.setPrivateKey(identity.privateKey());
    configuration.setCaCertificates(clientCaCertificates);
    if (clientCertificates == ClientCertificates::Required) {
        // QueryPeer (the default) accepts any client certificate; VerifyPeer plus a fatal missing
        // certificate makes the handshake fail with an alert the client can read.
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        configuration.setMissingCertificateIsFatal(true);
    } else {
        configuration.setPeerVerifyMode(QSslSocket::QueryPeer);
    }
    return configuration;
}

QSslConfiguration TlsPolicy::clientConfiguration(
    const QList<QSslCertificate>& caCertificates, const Identity* clientIdentity)
{
    QSslConfiguration configuration = baseConfiguration();
    configuration.setCaCertificates(
        caCertificates.isEmpty() ? QSslConfiguration::systemCaCertificates() : caCertificates);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (clientIdentity && !clientIdentity->isNull()) {
        configuration.setLocalCertificateChain(clientIdentity->chain());
        configuration.setPrivateKey(clientIdentity->privateKey());
    }
    return configuration;
}

} // namespace securechat
