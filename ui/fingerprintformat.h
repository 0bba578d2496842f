// SPDX-License-Identifier: MIT
#pragma once

#include "tls/certificatedetails.h"

#include <QByteArray>
#include <QFont>
#include <QString>
#include <QStringList>

namespace securechat {

/// Lays out a certificate fingerprint so a person can read it aloud and compare it line by line
/// with what the other side reads out, or with `openssl x509 -noout -fingerprint -sha256`.
///
/// A line keeps openssl's "AB:CD:..." form, so each line is a piece of openssl's output.
class FingerprintFormat final {
public:
    FingerprintFormat() = delete;

    /// SHA-256 as 4 lines of 8 pairs: short enough to read in one breath, few enough to track.
    static constexpr int sha256PairsPerLine = CertificateDetails::PairsPerGroup;
    /// SHA-1 (20 pairs) as 2 lines of 10.
    static constexpr int sha1PairsPerLine = 10;

    /// fingerprint: "AB:CD:..." (colons optional). An empty or malformed one yields no lines.
    static QStringList lines(const QString& fingerprint, int pairsPerLine = sha256PairsPerLine);
    /// lines() joined by line breaks.
    static QString grouped(const QString& fingerprint, int pairsPerLine = sha256PairsPerLine);
    /// The same for a raw digest (TrustAssessment::presentedSha256 and expectedSha256).
    static QString grouped(const QByteArray& digest, int pairsPerLine = sha256PairsPerLine);
    /// A fixed-width font, larger than base, so that 0/O and 1/I/l stay apart.
    static QFont font(const QFont& base, qreal scale = 1.25);
};

} // namespace securechat
