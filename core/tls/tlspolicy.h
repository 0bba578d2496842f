// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace securechat {

class Identity;

/// The one place that builds TLS configurations, for the host and for the client alike.
///
/// Mozilla "intermediate": TLS 1.2 minimum, forward-secret AEAD suites only, X25519/P-256/P-384,
/// and always an explicit CA list (Qt's defaults offer CBC and PSK suites, and on-demand loading
/// of system roots skips a root check on Debian's Qt 6.4.2: see docs/qt-tls.md).
class TlsPolicy final {
public:
    /// How the host treats client certificates.
    enum class ClientCertificates { NotRequested, Required };

    /// The TLS 1.3 suites ("TLS_..."), then the TLS 1.2 ones, in OpenSSL's names.
    static QString cipherSuites();
    static QByteArray groups();

    /// The host asks every client for a certificate, so that the roster can show who holds which
    /// key; only mutual TLS (Required) verifies it against the client CAs and refuses without one.
    static QSslConfiguration hostConfiguration(const Identity& identity,
        ClientCertificates clientCertificates = ClientCertificates::NotRequested,
        const QList<QSslCertificate>& clientCaCertificates = {});

    /// An empty CA list means the system's CA certificates.
    static QSslConfiguration clientConfiguration(
        const QList<QSslCertificate>& caCertificates, const Identity* clientIdentity = nullptr);
};

} // namespace securechat
