// SPDX-License-Identifier: MIT
#include "testcerts.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSslKey>
#include <QTest>

namespace securechat::test {

QString certPath(const QString& name)
{
    return QStringLiteral(SECURECHAT_TEST_CERTS_DIR "/") + name;
}

Identity identity(const QString& name)
{
    // Built directly rather than with Identity's loaders, which rightly refuse the expired one.
    QFile keyFile(certPath(name + QStringLiteral(".key")));
    if (!keyFile.open(QIODevice::ReadOnly))
        qFatal("test key %s missing", qPrintable(name));
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Ec);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Rsa);
    const auto chain = QSslCertificate::fromPath(certPath(name + QStringLiteral(".pem")));
    if (key.isNull() || chain.isEmpty())
        qFatal("test identity %s unreadable", qPrintable(name));
    return Identity(chain, key);
}

QList<QSslCertificate> caCertificates(const QString& name)
{
    return QSslCertificate::fromPath(certPath(name + QStringLiteral(".pem")));
}

QByteArray sha256Of(const QString& pemName)
{
    const auto certificates = QSslCertificate::fromPath(certPath(pemName));
    return certificates.isEmpty() ? QByteArray() : certificates.first().digest(QCryptographicHash::Sha256);
}

} // namespace securechat::test
