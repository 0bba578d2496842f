// SPDX-License-Identifier: MIT
#include "invitelinkmaker.h"

#include "hostedsession.h"

#include <QNetworkInterface>

namespace securechat {

namespace {

    bool isWildcard(const QHostAddress& address)
    {
        return address == QHostAddress(QHostAddress::Any) || address == QHostAddress(QHostAddress::AnyIPv4)
            || address == QHostAddress(QHostAddress::AnyIPv6);
    }

    bool reachableByOthers(const QHostAddress& address)
    {
        return !address.isNull() && !address.isLoopback() && !address.isLinkLocal() && !address.isMulticast()
            && address.scopeId().isEmpty();
    }

} // namespace

QHostAddress InviteLinkMaker::chooseAddress(const QHostAddress& bound, const QList<QHostAddress>& candidates)
{
    if (!isWildcard(bound))
        return bound;
    for (const QAbstractSocket::NetworkLayerProtocol family :
        { QAbstractSocket::IPv4Protocol, QAbstractSocket::IPv6Protocol }) {
        for (const QHostAddress& candidate : candidates) {
            if (candidate.protocol() == family && reachableByOthers(candidate)
                && (family == QAbstractSocket::IPv4Protocol || bound != QHostAddress(QHostAddress::AnyIPv4)))
                return candidate;
        }
    }
    return QHostAddress(QHostAddress::LocalHost);
}

Result<InviteLinkMaker::Invite> InviteLinkMaker::forSession(const HostedSession& session)
{
    const ChatHost& host = session.host();
    const QHostAddress chosen = chooseAddress(host.address(), QNetworkInterface::allAddresses());
    const QByteArray digest = CertificateDetails::parseFingerprint(session.fingerprint());
    auto link = InviteLink::create(chosen.toString(), host.port(), digest, session.ownNick());
    if (!link)
        return Result<Invite>::failure(link.error());
    QString explanation;
    if (!isWildcard(host.address()))
        explanation = tr("The link names %1, the address this session listens on.").arg(chosen.toString());
    else if (chosen.isLoopback())
        explanation
            = tr("The link names %1: this computer has no other address, so only it can use the link.")
                  .arg(chosen.toString());
    else
        explanation = tr("The link names %1, this computer's address on the local network; people elsewhere "
                         "need an address they can reach.")
                          .arg(chosen.toString());
    return Result<Invite>::success({ std::move(link).value(), explanation });
}

} // namespace securechat
