// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

namespace securechat {

/// A SecureChat session announced on the local network, as announced: a hint where to connect,
/// never a reason to trust (see AnnouncedFingerprint).
struct DiscoveredSession final {
    QString serviceName; ///< unique on the network, "alice on laptop"; the key for sessionLost()
    QString hostName; ///< "laptop.local"
    QString address; ///< IPv4, "192.168.1.20"
    quint16 port = 0;
    QString nickname;
    QString protocolVersion;
    QString fingerprint; ///< "SHA256:" and 64 upper-case hex digits; empty when none valid was announced

    bool hasFingerprint() const { return !fingerprint.isEmpty(); }

    friend bool operator==(const DiscoveredSession&, const DiscoveredSession&) = default;
};

} // namespace securechat

Q_DECLARE_METATYPE(securechat::DiscoveredSession)
