// SPDX-License-Identifier: MIT
#pragma once

#include "session/chatclient.h"
#include "testcerts.h"

#include <memory>

namespace securechat::test {

/// A SecureChat client on its way into a session hosted on 127.0.0.1:port with the test CA's
/// "host" certificate: it verifies the host with the test CA and shows the certificate
/// `identityName` (e.g. "client"), or none when that is empty. Already connecting.
inline std::unique_ptr<ChatClient> guest(quint16 port, const QString& nick, const QString& identityName = {})
{
    ClientOptions options;
    options.host = QStringLiteral("localhost");
    options.port = port;
    options.nick = nick;
    options.caCertificates = caCertificates();
    if (!identityName.isEmpty())
        options.identity = identity(identityName);
    auto client = std::make_unique<ChatClient>(std::move(options));
    client->connectToHost();
    return client;
}

} // namespace securechat::test
