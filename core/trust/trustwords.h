// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/protocol.h"
#include "trust/knownclients.h"

#include <QCoreApplication>
#include <QString>

namespace securechat {

/// How the person came to trust the host they joined.
enum class HostTrust {
    Unsettled, ///< not decided yet
    CertificateAuthority, ///< a CA vouched for the certificate
    Pinned, ///< it matched a pin given for this connection (--pin)
    Invited, ///< it is the certificate named by the invite link the person opened
    TrustedOnce, ///< the person accepted it for this connection
    TrustedRemembered, ///< the person accepted it and chose to remember it, now or before
    Verified, ///< the person compared the safety number with the host's and marked it verified
};

/// Whose list a participant is shown in: the host's own, or a joiner's, who only hears what the
/// host checked.
enum class Viewer { Host, Joiner };

/// The one vocabulary for trust, from the viewer's point of view, shared by the windows and the
/// command line so that the words cannot drift apart.
class TrustWords final {
    Q_DECLARE_TR_FUNCTIONS(securechat::TrustWords)

public:
    /// How the person trusted the host they joined, e.g. "trusted by you, remembered".
    static QString host(HostTrust trust);
    /// What the host checked about another participant, e.g. "admitted by the host; not checked".
    static QString participant(const Participant& participant, Viewer viewer);
    /// What the host decided about a known client, e.g. "always admitted".
    static QString knownClient(KnownClient::Verdict verdict);
    /// The person's own row: a fingerprint, no verdict.
    static QString self();
    /// Whether a participant's certificate was checked by someone: only "not checked" is a warning.
    static bool isChecked(const Participant& participant);
};

} // namespace securechat
