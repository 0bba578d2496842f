// SPDX-License-Identifier: MIT
#include "session/handshakequota.h"

namespace securechat {

HandshakeQuota::HandshakeQuota(int maxPerAddress)
    : m_maxPerAddress(maxPerAddress)
{
}

bool HandshakeQuota::tryTake(const QHostAddress& address)
{
    int& inProgress = m_byAddress[address];
    if (inProgress >= m_maxPerAddress) {
        if (inProgress == 0)
            m_byAddress.remove(address);
        return false;
    }
    ++inProgress;
    return true;
}

void HandshakeQuota::release(const QHostAddress& address)
{
    const auto it = m_byAddress.find(address);
    if (it != m_byAddress.end() && --it.value() <= 0)
        m_byAddress.erase(it);
}

} // namespace securechat
