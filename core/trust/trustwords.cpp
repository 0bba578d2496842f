// SPDX-License-Identifier: MIT
#include "trust/trustwords.h"

namespace securechat {

QString TrustWords::host(HostTrust trust)
{
    switch (trust) {
    case HostTrust::CertificateAuthority:
        return tr("verified by CA");
    case HostTrust::Pinned:
        return tr("pinned");
    case HostTrust::Invited:
        return tr("verified by invite");
    case HostTrust::TrustedOnce:
        return tr("trusted by you, this time only");
    case HostTrust::TrustedRemembered:
        return tr("trusted by you, remembered");
    case HostTrust::Verified:
        return tr("verified by you");
    case HostTrust::Unsettled:
        break;
    }
    return tr("not settled yet");
}

QString TrustWords::participant(const Participant& participant, Viewer viewer)
{
    QString check;
    if (participant.fingerprint.isEmpty())
        check = tr("no certificate");
    else if (participant.comparedByHost)
        check = viewer == Viewer::Host ? tr("verified by you") : tr("verified by the host");
    else if (participant.knownToHost)
        check = viewer == Viewer::Host ? tr("known to you") : tr("known to the host");
    else if (participant.verified)
        check = tr("certificate checked by a CA");
    else
        check = tr("not checked");
    // A joiner only hears the host's word for it; say whose check it was.
    return viewer == Viewer::Host ? check : tr("admitted by the host; %1").arg(check);
}

QString TrustWords::knownClient(KnownClient::Verdict verdict)
{
    switch (verdict) {
    case KnownClient::Verdict::Verified:
        return tr("verified with the safety number");
    case KnownClient::Verdict::Block:
        return tr("blocked");
    case KnownClient::Verdict::Admit:
        break;
    }
    return tr("always admitted");
}

QString TrustWords::self()
{
    return tr("your certificate");
}

bool TrustWords::isChecked(const Participant& participant)
{
    return participant.verified || participant.knownToHost;
}

} // namespace securechat
