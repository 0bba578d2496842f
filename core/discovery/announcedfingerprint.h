// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
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

    /// What to tell the person about one connection to a session chosen from the local network:
    /// check()'s warning when the certificate presented (its SHA-256 digest) differs, else empty.
    /// Takes `announced` (leaves it empty), so that the question and then the join of one
    /// connection do not say it twice.
    static QString takeWarning(QString& announced, const QByteArray& presentedSha256);
};

} // namespace securechat
