// SPDX-License-Identifier: MIT
#pragma once

#include "session/disconnect.h"

namespace securechat::cli {

/// securechat-cli's exit statuses, as --help documents them.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1, ///< anything else: a file that cannot be written, bad input on stdin
    ExitTlsOrTrust = 2, ///< the TLS handshake failed, or the peer's identity was not accepted
    ExitNetwork = 3, ///< refused, unreachable, reset, address in use
    ExitUsage = 64, ///< bad command line (EX_USAGE)
};

inline ExitCode exitCodeFor(const Disconnect& reason)
{
    switch (reason.kind) {
    case Disconnect::Kind::Clean:
        return ExitOk;
    case Disconnect::Kind::Tls:
    case Disconnect::Kind::Trust:
        return ExitTlsOrTrust;
    case Disconnect::Kind::Network:
        return ExitNetwork;
    case Disconnect::Kind::Protocol:
        return ExitFailure;
    }
    return ExitFailure;
}

} // namespace securechat::cli
