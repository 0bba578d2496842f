// SPDX-License-Identifier: MIT
#include "tls/versioninfo.h"

#include <QSslSocket>

namespace securechat {

QString versionText(const QString& program)
{
    return QStringLiteral("%1 %2\nQt %3 (built with %4)\nTLS library: %5\n")
        .arg(program, QStringLiteral(SECURECHAT_VERSION), QString::fromLatin1(qVersion()),
            QStringLiteral(QT_VERSION_STR), QSslSocket::sslLibraryVersionString());
}

} // namespace securechat
