// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace securechat {

/// Compares the certificate fingerprint a host announced on the local network with the one its
/// TLS certificate really has. Anyone can announce anything, so a match proves nothing; only a
/// difference tells something: the announcement and the host do not agree.
class AnnouncedFingerprint final {
public:
    enum class Verdict {
        Matches, ///< the announcement agrees with the certificate presented
        Differs, ///< it does not: someone may be impersonating the host
        NotAnnounced, ///< the announcement carried no valid fingerprint, there is nothing to compare
    };

    struct Check final {
        Verdict verdict = Verdict::NotAnnounced;
        QString message; ///< empty when they match; otherwise what to tell the person
    };

    /// 64 upper-case hex digits, whatever the spelling ("SHA256:AB:CD..", "abcd..", spaces);
    /// empty when the text is not a SHA-256 fingerprint.
    static QString normalise(const QString& text);

    /// `announced` as found on the network, `presented` from the certificate the host presented.
    static Check check(const QString& announced, const QString& presented);
};

} // namespace securechat
