// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QHostAddress>

namespace securechat {

/// TLS handshakes in progress, counted per source address and capped, so that one address cannot
/// take every slot of the listener. The listener's admission decision, apart from its sockets.
class HandshakeQuota final {
public:
    explicit HandshakeQuota(int maxPerAddress);

    /// Counts one more handshake from `address`; false, counting nothing, when it is at the cap.
    bool tryTake(const QHostAddress& address);
    /// One handshake from `address` ended (encrypted, failed or abandoned).
    void release(const QHostAddress& address);
    int inProgress(const QHostAddress& address) const { return m_byAddress.value(address); }

private:
    int m_maxPerAddress;
    QHash<QHostAddress, int> m_byAddress; // only addresses with handshakes in progress
};

} // namespace securechat
