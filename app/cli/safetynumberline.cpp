// SPDX-License-Identifier: MIT
#include "safetynumberline.h"

#include "tr.h"
#include "verification/safetynumber.h"

namespace securechat::cli {

QString safetyNumberLine(
    const QString& peer, const QByteArray& hostSha256, const QByteArray& participantSha256)
{
    const auto number = SafetyNumber::fromCertificateDigests(hostSha256, participantSha256);
    if (!number)
        return Tr::tr("%1 has no certificate: there is no safety number to compare").arg(peer);
    return Tr::tr("safety number with %1: %2 (the same number on their screen means nobody sits between you)")
        .arg(peer, number->grouped());
}

} // namespace securechat::cli
