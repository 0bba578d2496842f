// SPDX-License-Identifier: MIT
#pragma once

// Qt's certificate type to OpenSSL's and back, through DER, so that what libcrypto reads is what
// CertificateDetails and Identity read.
// Private to core, like opensslpointers.h.

#include "tls/opensslpointers.h"

#include <QSslCertificate>

namespace securechat::openssl {

X509Ptr toX509(const QSslCertificate& certificate);
QSslCertificate toQt(X509* certificate);

} // namespace securechat::openssl
