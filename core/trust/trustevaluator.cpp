// SPDX-License-Identifier: MIT
#include "trust/trustevaluator.h"

#include "tls/certificatedetails.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace securechat {

namespace {

    // Qt binds each chain error to the certificate at the depth where it was found (a
    // SelfSignedCertificateInChain to the root, a HostNameMismatch to the server's own), and
    // ignoreSslErrors() matches code and certificate. So the errors are ignored exactly as
    // reported, and only when they are about a certificate this server actually presented.
    bool isIgnorable(const QSslError& error, const QList<QSslCertificate>& chain)
    {
        return TrustEvaluator::isVouchingError(error.error()) && chain.contains(error.certificate());
    }

    // The format of `openssl x509 -fingerprint` in groups a person reads in one breath, so it can
    // be compared with openssl's output and with the lines the other side's window shows.
    QString fingerprint(const QByteArray& sha256)
    {
        return CertificateDetails::groupedFingerprint(CertificateDetails::formatFingerprint(sha256));
    }

    QString hostOf(const QString& hostPort)
    {
        if (hostPort.startsWith(u'['))
            return hostPort.mid(1, hostPort.indexOf(u']') - 1);
        const qsizetype colon = hostPort.lastIndexOf(u':');
        return colon < 0 ? hostPort : hostPort.left(colon);
    }

    QString day(const QDateTime& time)
    {
        return time.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
    }

    // " on 2026-11-29", or nothing when the known peer carries no date.
    QString onDay(const KnownPeer& peer)
    {
        return peer.firstSeen.isValid() ? TrustEvaluator::tr(" on %1").arg(day(peer.firstSeen)) : QString();
    }

    QString certifiedNames(const QSslCertificate& certificate)
    {
        QStringList names;
        const auto alternatives = certificate.subjectAlternativeNames();
        for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
            if (it.key() == QSsl::DnsEntry || it.key() == QSsl::IpAddressEntry)
                names << it.value();
        }
        if (names.isEmpty())
            names = certificate.subjectInfo(QSslCertificate::CommonName);
        return names.isEmpty() ? TrustEvaluator::tr("no host name") : names.join(QLatin1String(", "));
    }

    QString orUnknown(const QString& name)
    {
        return name.isEmpty() ? TrustEvaluator::tr("an unnamed authority") : name;
    }

} // namespace

TrustAssessment TrustEvaluator::evaluate(const TrustInput& input)
{
    TrustAssessment result;
    const QString& who = input.hostPort;
    const QString host = hostOf(input.hostPort);
    for (const QSslError& error : input.errors)
        result.problems << describe(error, host);

    const QSslCertificate server = input.peerChain.value(0);
    if (server.isNull()) {
        result.verdict = TrustVerdict::Refused;
        result.summary
            = TrustEvaluator::tr("%1 presented no certificate, so there is nothing to trust.").arg(who);
        return result;
    }
    result.presentedSha256 = server.digest(QCryptographicHash::Sha256);

    if (input.explicitPin)
        result.expectedSha256 = *input.explicitPin;
    else if (input.knownPeer && !input.errors.isEmpty())
        result.expectedSha256 = input.knownPeer->sha256;
    const bool compared = input.explicitPin || (input.knownPeer && !input.errors.isEmpty());

    if (compared && result.expectedSha256 != result.presentedSha256) {
        result.verdict = TrustVerdict::Changed;
        if (input.explicitPin) {
            result.summary
                = TrustEvaluator::tr("The certificate of %1 does not match the fingerprint you gave: "
                                     "this may be an attack. You gave %2; it presented %3.")
                      .arg(who, fingerprint(result.expectedSha256), fingerprint(result.presentedSha256));
        } else {
            result.summary
                = TrustEvaluator::tr("The certificate of %1 has changed since you chose to trust it%2: "
                                     "this may be an attack. Trusted: %3; presented now: %4. Only removing "
                                     "%1 from your known peers lets it through.")
                      .arg(who, onDay(*input.knownPeer), fingerprint(result.expectedSha256),
                          fingerprint(result.presentedSha256));
        }
        return result;
    }

    if (input.errors.isEmpty()) {
        result.verdict = TrustVerdict::VerifiedByCa;
        result.summary = TrustEvaluator::tr("An authority you trust vouches for the certificate of %1, "
                                            "and it was issued for that name.")
                             .arg(who);
        return result;
    }

    QStringList blocking;
    for (const QSslError& error : input.errors) {
        if (!isIgnorable(error, input.peerChain))
            blocking << describe(error, host);
    }
    if (!blocking.isEmpty()) {
        result.verdict = TrustVerdict::Refused;
        result.summary = TrustEvaluator::tr("SecureChat refuses the certificate of %1: %2")
                             .arg(who, blocking.join(u' '));
        if (compared) {
            result.summary
                += TrustEvaluator::tr(" It is the certificate you trusted, but that does not excuse %1.")
                       .arg(blocking.size() == 1 ? TrustEvaluator::tr("this") : TrustEvaluator::tr("these"));
        }
        return result;
    }

    result.errorsToIgnore = input.errors;
    if (compared) {
        result.verdict = TrustVerdict::PinMatched;
        result.summary = input.explicitPin
            ? TrustEvaluator::tr("%1 presented the certificate whose fingerprint you gave.").arg(who)
            : TrustEvaluator::tr("%1 presented the certificate you chose to trust%2.")
                  .arg(who, onDay(*input.knownPeer));
        return result;
    }
    result.verdict = TrustVerdict::Unknown;
    result.summary
        = TrustEvaluator::tr("Nobody you trust vouches for the certificate of %1. Before you trust it, "
                             "check with its owner that its SHA-256 fingerprint is %2.")
              .arg(who, fingerprint(result.presentedSha256));
    return result;
}

bool TrustEvaluator::isVouchingError(QSslError::SslError error)
{
    // A pin or the person's decision supplies exactly what these errors say is missing.
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::HostNameMismatch:
        return true;
    default:
        return false;
    }
}

QString TrustEvaluator::describe(const QSslError& error, const QString& host)
{
    const QSslCertificate certificate = error.certificate();
    switch (error.error()) {
    case QSslError::NoError:
        return TrustEvaluator::tr("There is no problem with the certificate.");
    case QSslError::SelfSignedCertificate:
        return TrustEvaluator::tr("The certificate is self-signed: no authority vouches for it.");
    case QSslError::SelfSignedCertificateInChain:
        return TrustEvaluator::tr(
            "The certificate chain ends in %1, a self-signed authority you have not chosen to trust.")
            .arg(orUnknown(certificate.subjectDisplayName()));
    case QSslError::UnableToGetLocalIssuerCertificate:
        return TrustEvaluator::tr(
            "The certificate was issued by %1, an authority you have not chosen to trust.")
            .arg(orUnknown(certificate.issuerDisplayName()));
    case QSslError::UnableToGetIssuerCertificate:
        return TrustEvaluator::tr(
            "The authority that issued the certificate (%1) is missing from the chain sent.")
            .arg(orUnknown(certificate.issuerDisplayName()));
    case QSslError::UnableToVerifyFirstCertificate:
        return TrustEvaluator::tr(
            "The certificate cannot be checked: no authority that vouches for it was sent.");
    case QSslError::CertificateUntrusted:
        return TrustEvaluator::tr(
            "The authority at the root of the chain is not trusted to vouch for servers.");
    case QSslError::HostNameMismatch:
        return TrustEvaluator::tr("The certificate was issued for %1, not for %2.")
            .arg(certifiedNames(certificate),
                host.isEmpty() ? TrustEvaluator::tr("the name you connected to") : host);
    case QSslError::CertificateExpired:
        if (certificate.isNull())
            return TrustEvaluator::tr("The certificate has expired.");
        return TrustEvaluator::tr("The certificate expired on %1.").arg(day(certificate.expiryDate()));
    case QSslError::CertificateNotYetValid:
        if (certificate.isNull())
            return TrustEvaluator::tr("The certificate is not valid yet.");
        return TrustEvaluator::tr("The certificate is not valid before %1.")
            .arg(day(certificate.effectiveDate()));
    case QSslError::InvalidNotBeforeField:
        return TrustEvaluator::tr("The start of the certificate's validity is malformed.");
    case QSslError::InvalidNotAfterField:
        return TrustEvaluator::tr("The end of the certificate's validity is malformed.");
    case QSslError::CertificateSignatureFailed:
        return TrustEvaluator::tr(
            "The signature on the certificate does not verify: it may have been altered.");
    case QSslError::UnableToDecryptCertificateSignature:
        return TrustEvaluator::tr("The signature on the certificate cannot be read.");
    case QSslError::UnableToDecodeIssuerPublicKey:
        return TrustEvaluator::tr(
            "The public key of the authority that issued the certificate cannot be read.");
    case QSslError::CertificateRevoked:
        return TrustEvaluator::tr("The certificate was revoked by the authority that issued it.");
    case QSslError::InvalidCaCertificate:
        return TrustEvaluator::tr("A certificate in the chain acts as an authority but is not allowed to.");
    case QSslError::PathLengthExceeded:
        return TrustEvaluator::tr("The chain has more intermediate authorities than its root allows.");
    case QSslError::InvalidPurpose:
        return TrustEvaluator::tr(
            "The certificate is not meant for this use: it is not a certificate for a server.");
    case QSslError::CertificateRejected:
        return TrustEvaluator::tr("The authority at the root of the chain is marked to reject this use.");
    case QSslError::SubjectIssuerMismatch:
        return TrustEvaluator::tr("The issuer named in the certificate is not the authority that signed it.");
    case QSslError::AuthorityIssuerSerialNumberMismatch:
        return TrustEvaluator::tr(
            "The authority key named in the certificate does not match the authority that signed it.");
    case QSslError::NoPeerCertificate:
        return TrustEvaluator::tr("The other side presented no certificate.");
    case QSslError::NoSslSupport:
        return TrustEvaluator::tr("TLS is not available: the OpenSSL library could not be loaded.");
    case QSslError::CertificateBlacklisted:
        return TrustEvaluator::tr("The certificate is on the list of certificates known to be compromised.");
    case QSslError::CertificateStatusUnknown:
        return TrustEvaluator::tr("Whether the certificate was revoked cannot be determined.");
    case QSslError::OcspNoResponseFound:
        return TrustEvaluator::tr("The server sent no revocation status (OCSP) for its certificate.");
    case QSslError::OcspMalformedRequest:
        return TrustEvaluator::tr("The revocation status service (OCSP) could not understand the request.");
    case QSslError::OcspMalformedResponse:
        return TrustEvaluator::tr("The revocation status (OCSP) the server sent is malformed.");
    case QSslError::OcspInternalError:
        return TrustEvaluator::tr("The revocation status service (OCSP) reported an internal error.");
    case QSslError::OcspTryLater:
        return TrustEvaluator::tr("The revocation status service (OCSP) asked to try again later.");
    case QSslError::OcspSigRequred:
        return TrustEvaluator::tr("The revocation status service (OCSP) requires a signed request.");
    case QSslError::OcspUnauthorized:
        return TrustEvaluator::tr("The revocation status service (OCSP) refused to answer this request.");
    case QSslError::OcspResponseCannotBeTrusted:
        return TrustEvaluator::tr(
            "The revocation status (OCSP) the server sent is not signed by anyone trusted.");
    case QSslError::OcspResponseCertIdUnknown:
        return TrustEvaluator::tr(
            "The revocation status (OCSP) the server sent is about another certificate.");
    case QSslError::OcspResponseExpired:
        return TrustEvaluator::tr("The revocation status (OCSP) the server sent is out of date.");
    case QSslError::OcspStatusUnknown:
        return TrustEvaluator::tr("The revocation status service (OCSP) does not know this certificate.");
    case QSslError::UnspecifiedError:
        break;
    }
    // Also reached for codes a later Qt may add: Qt's own wording is better than nothing.
    return TrustEvaluator::tr("TLS reported a problem: %1.").arg(error.errorString());
}

} // namespace securechat
