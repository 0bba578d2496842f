// SPDX-License-Identifier: MIT
#pragma once

#include "session/disconnect.h"

#include <chrono>

namespace securechat {

/// How a joined session's connection ended, as far as reconnecting goes.
struct ConnectionEnd final {
    Disconnect::Kind kind = Disconnect::Kind::Clean;
    bool everJoined = false; ///< the session was joined at least once (this or an earlier connection)
    bool closedByPerson = false; ///< the person disconnected (or stopped reconnecting)
    bool closedByHost = false; ///< the host said bye, removed this one, or refused it
};

/// Which lost connections are worth reconnecting, and after how long: 1, 2, 4 ... 60 s, 60 s ...
class ReconnectPolicy final {
public:
    static constexpr std::chrono::seconds FirstDelay { 1 };
    static constexpr std::chrono::seconds MaxDelay { 60 };

    /// Only a connection lost under a joined session: never a goodbye from either side, a host
    /// that refused, a certificate not trusted, or a host that broke the protocol.
    static bool shouldReconnect(const ConnectionEnd& end);

    /// The wait before the next attempt; each call doubles it, up to MaxDelay.
    std::chrono::seconds nextDelay();
    /// The session is joined again: the next loss starts from FirstDelay.
    void reset() { m_attempts = 0; }
    int attempts() const { return m_attempts; }

private:
    int m_attempts = 0;
};

} // namespace securechat
