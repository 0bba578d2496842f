// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

namespace securechat {

/// Why a connection ended, classified so that callers can react (the CLI maps kinds to exit codes).
struct Disconnect final {
    enum class Kind {
        Clean, ///< an orderly close by either side
        Network, ///< refused, unreachable, reset, timed out
        Tls, ///< the handshake failed, or the peer is not speaking TLS
        Trust, ///< the peer's identity was not accepted
        Protocol, ///< the peer broke the protocol or a limit
    };
    Kind kind = Kind::Clean;
    QString message;

    bool isClean() const { return kind == Kind::Clean; }
};

} // namespace securechat

Q_DECLARE_METATYPE(securechat::Disconnect)
