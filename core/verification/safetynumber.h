// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <utility>

namespace securechat {

/**
 * The number both ends of a connection compare, read aloud or side by side, to know that nobody
 * sits between them: 60 digits derived from the host's and the participant's certificates, the
 * same on both screens. Signal's safety-number construction with our inputs, per certificate:
 *
 *   h0     = version (2 bytes, big-endian 0) || "SecureChat safety number" || sha256
 *   h(i+1) = SHA-512(h(i) || sha256), 5200 times
 *   half   = the first 30 bytes of h(5200) as six 5-byte big-endian numbers, each mod 100000,
 *            written as 5 digits
 *   number = the two halves in ascending order, concatenated
 *
 * where sha256 is the certificate's 32-byte SHA-256 digest, the value the trust layer pins.
 * Ordering the halves makes the number independent of which side computes it; keeping one half
 * per certificate means forging a match takes a second certificate whose own half equals the
 * victim's (about 10^30 tries of 5200 hashes each: docs/safety-number.md).
 */
class SafetyNumber final {
public:
    static constexpr int Digits = 60;
    static constexpr int GroupSize = 5;
    static constexpr int Iterations = 5200;
    static constexpr qsizetype Sha256Size = 32;

    /// The number for a connection; empty when either digest is not 32 bytes (a participant
    /// without a certificate has nothing to verify). Which argument is which does not matter.
    static std::optional<SafetyNumber> fromCertificateDigests(
        const QByteArray& hostSha256, const QByteArray& participantSha256);

    /// The 60 digits, without spaces.
    const QString& digits() const { return m_digits; }
    /// The 60 digits in twelve groups of five separated by single spaces, as the Verify dialog shows them.
    QString grouped() const;
    /// Whether a number the person typed or pasted is this one; whitespace anywhere is ignored,
    /// anything else that is not these digits in this order is a mismatch.
    bool matches(const QString& typed) const;

    friend bool operator==(const SafetyNumber&, const SafetyNumber&) = default;

private:
    explicit SafetyNumber(QString digits)
        : m_digits(std::move(digits))
    {
    }

    QString m_digits;
};

} // namespace securechat
