// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "verification/invitelink.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace securechat {

class HostedSession;

/// The host window's "Copy invite link": a link to this session that names this host's
/// certificate, and a sentence saying which address it names and why.
class InviteLinkMaker final {
    Q_DECLARE_TR_FUNCTIONS(securechat::InviteLinkMaker)

public:
    struct Invite final {
        InviteLink link;
        QString explanation; ///< e.g. "The link names 192.168.1.20, this computer's address on the local
                             ///< network."
    };

    static Result<Invite> forSession(const HostedSession& session);

    /// The address to put in a link to a host bound to `bound`: that address itself, or for a
    /// host on all addresses the first of `candidates` others can reach (IPv4 on the local
    /// network before IPv6, never loopback or link-local), or loopback when there is none.
    static QHostAddress chooseAddress(const QHostAddress& bound, const QList<QHostAddress>& candidates);
};

} // namespace securechat
