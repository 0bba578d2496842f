// SPDX-License-Identifier: MIT
#pragma once

// Qt's certificate and error types to OpenSSL's and back, through DER, so that what libssl and
// libcrypto see is what CertificateDetails, TrustEvaluator and the host's filters read.
// Private to core, like opensslpointers.h.

#include "opensslpointers.h"

#include <QSslCertificate>
#include <QSslError>

namespace securechat::openssl {

X509Ptr toX509(const QSslCertificate& certificate);
QSslCertificate toQt(X509* certificate);
/// An X509_V_ERR_* verification result as Qt reports it (QSslError::UnspecifiedError if Qt has
/// no name for it), so that TrustEvaluator::describe and isVouchingError read it as Qt's own.
QSslError::SslError toQtError(int verifyResult);

} // namespace securechat::openssl
