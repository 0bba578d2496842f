// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

namespace securechat {

/// What a person needs to judge a certificate, extracted once for the UI and the CLI.
///
/// Every text field is formatted the way the openssl command line prints it, so a person can
/// check what SecureChat shows with `openssl x509 -noout ...`:
/// - subject, issuer: `-nameopt RFC2253` (most specific first, "CN=alice,O=Example"), with
///   non-ASCII characters kept as UTF-8 instead of escaped (`-nameopt RFC2253,-esc_msb`);
/// - serialNumber: `-serial` (upper-case hex, no separators);
/// - subjectAlternativeNames: one entry per name as `-ext subjectAltName` prints it
///   ("DNS:localhost", "IP Address:127.0.0.1"), except that an IPv6 address is compressed as
///   people write it ("IP Address:::1" where openssl prints "IP Address:0:0:0:0:0:0:0:1");
/// - fingerprints: `-fingerprint -sha256` / `-sha1` after the "=" ("AB:CD:...").
struct CertificateDetails final {
    QString commonName;
    QString subject;
    QString issuer;
    QString serialNumber;
    QDateTime notBefore;
    QDateTime notAfter;
    qint64 daysLeft = 0; ///< whole days until notAfter, rounded down; negative once expired
    bool expired = false;
    bool notYetValid = false;
    QStringList subjectAlternativeNames;
    QString keyAlgorithm; ///< "EC", "RSA", "DSA", "ED25519", ...
    int keyBits = 0;
    QString keyCurve; ///< NIST name where there is one ("P-256"), else OpenSSL's; empty if not EC
    QString sha256Fingerprint;
    QString sha1Fingerprint;
    QStringList extensions; ///< "Basic Constraints (critical): CA:FALSE", one line each
    bool selfSigned = false; ///< issued by itself, and its own key verifies the signature
    QString signatureAlgorithm; ///< "ecdsa-with-SHA256", "sha256WithRSAEncryption", ...
    QByteArray pem;

    /// All fields empty when the certificate is null or libcrypto cannot parse it.
    static CertificateDetails fromCertificate(
        const QSslCertificate& certificate, const QDateTime& now = QDateTime::currentDateTimeUtc());

    /// "AB:CD:...", upper-case hex pairs joined by colons.
    static QString formatFingerprint(const QByteArray& digest);

    /// Pairs of a fingerprint a person reads in one breath: SHA-256 makes 4 groups of 8.
    static constexpr int PairsPerGroup = 8;
    /// fingerprint ("AB:CD:...", colons optional) in groups of pairsPerGroup pairs, each in the
    /// "AB:CD:..." form, so each group is a piece of openssl's output. None when it is empty or
    /// not hex pairs.
    static QStringList fingerprintGroups(const QString& fingerprint, int pairsPerGroup = PairsPerGroup);
    /// The groups on one line, a space apart, for a status line, a notice or a terminal; what is
    /// not a fingerprint comes back as it is. parseFingerprint reads it back.
    static QString groupedFingerprint(const QString& fingerprint);

    /// Reads a SHA-256 fingerprint as people paste it: "SHA256:AB:CD..", "ab:cd..", "abcd..",
    /// "sha256 Fingerprint=AB:.." (openssl's line), with spaces anywhere. Returns the 32 raw
    /// bytes, or an empty array when the text is not exactly 64 hex digits after that.
    static QByteArray parseFingerprint(const QString& text);

    /// formatFingerprint of the certificate's SHA-256 digest (QSslCertificate defaults to MD5).
    static QString fingerprintSha256(const QSslCertificate& certificate);
};

} // namespace securechat
