// SPDX-License-Identifier: MIT
#include "session/reconnectpolicy.h"

#include <algorithm>

namespace securechat {

bool ReconnectPolicy::shouldReconnect(const ConnectionEnd& end)
{
    if (!end.everJoined || end.closedByPerson || end.closedByHost)
        return false;
    switch (end.kind) {
    case Disconnect::Kind::Clean: // closed without a goodbye: the connection went, not the host
    case Disconnect::Kind::Network:
    case Disconnect::Kind::Tls: // a handshake cut short by the network, or a host restarting
        return true;
    case Disconnect::Kind::Trust: // a changed certificate stays refused, however often it is tried
    case Disconnect::Kind::Protocol:
        return false;
    }
    return false;
}

std::chrono::seconds ReconnectPolicy::nextDelay()
{
    // 2^6 s is past the cap already: no need to shift further.
    const int exponent = std::min(m_attempts, 6);
    ++m_attempts;
    return std::min(FirstDelay * (1 << exponent), MaxDelay);
}

} // namespace securechat
