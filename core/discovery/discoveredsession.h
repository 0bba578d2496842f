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

    /// "SHA256:3B:91:4F:0C…", enough to tell sessions apart and never enough to trust one; empty
    /// when none was announced.
    QString fingerprintStart() const
    {
        constexpr qsizetype HexShown = 8;
        if (!hasFingerprint())
            return {};
        QString start = fingerprint.mid(qsizetype(sizeof "SHA256:") - 1, HexShown);
        for (qsizetype i = start.size() - 2; i > 0; i -= 2)
            start.insert(i, u':');
        return QStringLiteral("SHA256:%1\u2026").arg(start);
    }

    friend bool operator==(const DiscoveredSession&, const DiscoveredSession&) = default;
};

} // namespace securechat

Q_DECLARE_METATYPE(securechat::DiscoveredSession)
