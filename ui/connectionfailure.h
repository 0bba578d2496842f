// SPDX-License-Identifier: MIT
#pragma once

#include "session/chatclient.h"
#include "session/disconnect.h"

#include <QCoreApplication>
#include <QString>

namespace securechat {

/// Why an attempt to join never got in, as one sentence a person reads once ("Could not connect:
/// nobody is listening on 127.0.0.1:7447."), from how it ended and the furthest stage it reached.
class ConnectionFailure final {
    Q_DECLARE_TR_FUNCTIONS(ConnectionFailure)

public:
    /// host: as typed ("localhost"); endpoint: "host:port". Empty for an ending that is no
    /// failure to connect (cancelled, or the certificate not trusted: those say so themselves).
    static QString describe(
        const Disconnect& reason, ChatClient::State furthest, const QString& host, const QString& endpoint);
    /// What the person can do about it, or empty.
    static QString advice(const Disconnect& reason, ChatClient::State furthest);
};

} // namespace securechat
