// SPDX-License-Identifier: MIT
#include "hardeningfixtures.h"

#include "sessionharness.h"

#include <QSignalSpy>
#include <QTest>

namespace securechat::test {

SessionLimits fastLimits()
{
    using namespace std::chrono_literals;
    SessionLimits limits;
    limits.maxPeers = 8;
    limits.handshakeTimeout = 3s;
    limits.closeTimeout = 1s;
    return limits;
}

std::unique_ptr<ChatHost> startFastHost(const SessionLimits& limits)
{
    HostOptions options = hostOptions();
    options.limits = limits;
    return startHost(std::move(options));
}

void addRowPerPeerMode()
{
    QTest::addColumn<RawPeer::Mode>("mode");
    QTest::newRow("structured peer") << RawPeer::Mode::Structured;
    QTest::newRow("text peer") << RawPeer::Mode::Text;
}

AliceAndARawPeer::AliceAndARawPeer(RawPeer::Mode mode, const QString& nick)
    : host(startFastHost())
    , alice(joinedClient(*host, QStringLiteral("alice")))
    , aliceInbox(*alice)
    , aliceSawLeave(alice.get(), &ChatClient::participantLeft)
    , peer(mode)
    , peerNick(joinRawPeer(peer, *host, mode, nick))
{
}

QStringList rosterOf(const ChatHost& host)
{
    QStringList nicks;
    for (const Participant& participant : host.participants())
        nicks << participant.nick;
    return nicks;
}

QString joinRawPeer(RawPeer& peer, ChatHost& host, RawPeer::Mode mode, const QString& nick)
{
    QSignalSpy joins(&host, &ChatHost::participantJoined);
    peer.connectTo(host.port());
    if (mode == RawPeer::Mode::Structured)
        peer.join(nick);
    if (joins.isEmpty() && !joins.wait(5'000))
        return {};
    return joins.at(0).at(0).value<Participant>().nick;
}

void verifySessionGoesOn(ChatHost& host, ChatClient& alice)
{
    Inbox hostInbox(host);
    Inbox aliceInbox(alice);
    host.sendMessage(QStringLiteral("still here?"));
    alice.sendMessage(QStringLiteral("still here."));
    QTRY_COMPARE(aliceInbox.texts(), QStringList { QStringLiteral("still here?") });
    QTRY_COMPARE(hostInbox.texts(), QStringList { QStringLiteral("still here.") });
    QVERIFY(rosterOf(host).contains(alice.nick()));
}

} // namespace securechat::test
