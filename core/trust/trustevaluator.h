// SPDX-License-Identifier: MIT
#pragma once

#include "trust/knownpeers.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>

#include <optional>

namespace securechat {

/// How far a server's certificate can be trusted (docs/architecture.md "Trust verdicts").
enum class TrustVerdict {
    VerifiedByCa, ///< an authority the person trusts vouches for it, for this host: proceed
    PinMatched, ///< it is the pinned or known certificate: proceed, ignoring errorsToIgnore
    Unknown, ///< nobody vouches for it: ask; if the person trusts it, ignore errorsToIgnore
    Changed, ///< it is not the pinned or known certificate: refuse, it may be an attack
    Refused, ///< a problem no trust decision excuses (expired, revoked, ...): refuse
};

/// What TrustEvaluator decided, with what a person needs to see and a socket needs to proceed.
struct TrustAssessment {
    TrustVerdict verdict = TrustVerdict::Refused;
    QByteArray presentedSha256; ///< of the server's own certificate; empty if it sent none
    QByteArray expectedSha256; ///< the pin or the known peer's, when one was compared
    QStringList problems; ///< each TLS error in plain words, in the order reported
    /// For PinMatched, and for Unknown once the person chose to trust: the list to pass to
    /// QSslSocket::ignoreSslErrors(). The errors as Qt reported them, each bound to the
    /// certificate it is about; never empty for those verdicts. Empty for every other verdict
    /// and then not to be used (an empty list must never become "ignore everything").
    QList<QSslError> errorsToIgnore;
    QString summary; ///< what happened and what it means, for the person
};

/// Everything a client knows about a server when QSslSocket::sslErrors is emitted.
struct TrustInput {
    QList<QSslError> errors; ///< QSslSocket::sslErrors(); empty: verified by a trusted CA
    QList<QSslCertificate> peerChain; ///< QSslSocket::peerCertificateChain(), server's first
    QString hostPort; ///< the host:port connected to, as KnownPeers normalises it
    std::optional<QByteArray> explicitPin; ///< the SHA-256 digest the person gave (--pin)
    std::optional<KnownPeer> knownPeer; ///< the known peer stored for hostPort
};

/// Decides trust in a server certificate: a pure function of what the client has seen.
class TrustEvaluator final {
    Q_DECLARE_TR_FUNCTIONS(securechat::TrustEvaluator)

public:
    TrustEvaluator() = delete;

    /// Rules, in order:
    /// - no certificate: Refused;
    /// - an explicit pin that differs: Changed (even when an authority vouches for the
    ///   certificate: the person asked for exactly that one);
    /// - no errors: VerifiedByCa (a known peer entry does not matter then);
    /// - a known peer whose fingerprint differs: Changed;
    /// - any error other than "nobody vouches for this identity" (self-signed, unknown issuer,
    ///   untrusted root, host name mismatch): Refused, even when the pin matches;
    /// - the explicit pin or the known peer matches: PinMatched;
    /// - otherwise: Unknown.
    static TrustAssessment evaluate(const TrustInput& input);

    /// True for the errors that only say nobody vouches for the identity: self-signed, unknown
    /// or missing issuer, untrusted root, host name mismatch. Only these may be ignored on the
    /// strength of a pin, an allow list or the person's decision; never expiry, revocation,
    /// a bad signature or a wrong purpose.
    static bool isVouchingError(QSslError::SslError error);

    /// One TLS error in words a person understands. host: the name connected to, used to
    /// explain a host name mismatch ("issued for wrong.example, not for localhost").
    static QString describe(const QSslError& error, const QString& host = QString());
};

} // namespace securechat
