// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace securechat {

/// The local certificate chain (leaf first) and its private key, checked to belong together.
///
/// The loaders decrypt keys with libcrypto rather than QSslKey so that a missing passphrase, a
/// wrong passphrase and a file that holds no key each get their own message; Qt receives the
/// key already decrypted. Only EC and RSA keys are accepted (what Qt 6.4 can use for TLS).
class Identity final {
    Q_DECLARE_TR_FUNCTIONS(securechat::Identity)

public:
    Identity() = default;
    Identity(QList<QSslCertificate> chain, QSslKey key);

    /// certificates: PEM (one or more, leaf first) or a single DER certificate;
    /// key: a PEM private key, encrypted (PKCS#8 or traditional) or not.
    static Result<Identity> fromPem(const QByteArray& certificates, const QByteArray& key,
        const QByteArray& passphrase = {}, const QDateTime& now = QDateTime::currentDateTimeUtc());
    static Result<Identity> fromPemFiles(const QString& certificatePath, const QString& keyPath,
        const QByteArray& passphrase = {}, const QDateTime& now = QDateTime::currentDateTimeUtc());
    static Result<Identity> fromPkcs12(const QString& path, const QByteArray& passphrase,
        const QDateTime& now = QDateTime::currentDateTimeUtc());

    bool isNull() const;
    const QList<QSslCertificate>& chain() const { return m_chain; }
    QSslCertificate certificate() const;
    const QSslKey& privateKey() const { return m_key; }
    /// SHA-256, "AB:CD:..." as `openssl x509 -noout -fingerprint -sha256` prints it.
    QString fingerprint() const;

private:
    QList<QSslCertificate> m_chain;
    QSslKey m_key;
};

} // namespace securechat
