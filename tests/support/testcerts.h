// SPDX-License-Identifier: MIT
#pragma once

#include "tls/identity.h"

#include <QSslCertificate>
#include <QString>

namespace securechat::test {

/// The certificates certs/make-certs.sh --test made for this build.
QString certPath(const QString& name);
/// name.pem with name.key, e.g. identity("host").
Identity identity(const QString& name);
QList<QSslCertificate> caCertificates(const QString& name = QStringLiteral("ca"));
QByteArray sha256Of(const QString& pemName);

} // namespace securechat::test
