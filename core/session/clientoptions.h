// SPDX-License-Identifier: MIT
#pragma once

#include "session/sessionlimits.h"
#include "tls/identity.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>

#include <optional>

namespace securechat {

class KnownPeers;

/// Where a ChatClient connects, as whom, and which host certificate it accepts without asking.
struct ClientOptions final {
    QString host;
    quint16 port = 0;
    QString nick;
    QList<QSslCertificate> caCertificates; ///< empty: the system's CA certificates
    std::optional<QByteArray> pin; ///< raw SHA-256 the host's certificate must have
    bool pinFromInvite = false; ///< the pin came from an invite link: the host is "verified by invite"
    QString announcedFingerprint; ///< what a local-network announcement claimed: compared, never trusted
    KnownPeers* knownPeers = nullptr; ///< remembered peers; not owned, may be null
    Identity identity; ///< the client's own certificate, for hosts that require one
    SessionLimits limits;

    /// "HOST:PORT" as known peers spell it (KnownPeers::joinHostPort), or as given if that
    /// refuses the host: what the person sees, and what a session is known by before it joins.
    QString endpoint() const;
};

} // namespace securechat
