// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "cliarguments.h"
#include "tls/identity.h"

namespace securechat::cli {

/// The identity a command runs with: the files given on the command line, or the stored one
/// (made on first use).
Result<Identity> resolveIdentity(const CommonArguments& arguments, const QString& defaultNick);

/// The first line of a passphrase file; an empty path gives an empty passphrase.
Result<QByteArray> readPassphrase(const QString& path);

/// Certificates from a PEM file (a CA list).
Result<QList<QSslCertificate>> readCertificates(const QString& path);

} // namespace securechat::cli
