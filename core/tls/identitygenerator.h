// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "tls/identity.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace securechat {

/// Makes a self-signed EC P-256 identity with libcrypto (Qt cannot generate keys).
///
/// The certificate serves both ends of a chat: extended key usage serverAuth and clientAuth,
/// CA:FALSE, keyUsage digitalSignature, a 128-bit random serial, SHA-256 signature. It is its
/// own trust anchor when pinned (`openssl verify -CAfile cert.pem cert.pem` succeeds).
class IdentityGenerator final {
    Q_DECLARE_TR_FUNCTIONS(securechat::IdentityGenerator)

public:
    IdentityGenerator() = delete;

    /// commonName: 1 to 64 characters (the X.509 limit). dnsNames: host names without
    /// wildcards, stored in their lower-case ASCII (IDNA) form. validityDays counts from now;
    /// notBefore is five minutes early so that a peer whose clock is slightly behind accepts it.
    /// A name a DNS SAN may carry: letters, digits, dots and hyphens (IDN in its ACE form).
    static bool isValidHostName(const QString& name);

    static Result<Identity> generate(const QString& commonName, const QStringList& dnsNames,
        const QList<QHostAddress>& addresses, int validityDays = 825);
};

} // namespace securechat
