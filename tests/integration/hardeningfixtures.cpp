// SPDX-License-Identifier: MIT
#include "hardeningfixtures.h"

#include "sessionharness.h"

#include <QSignalSpy>

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

std::unique_ptr<ChatClient> joinedClient(const ChatHost& host, const QString& nick)
{
    auto client = std::make_unique<ChatClient>(clientOptions(host, nick));
    QSignalSpy joined(client.get(), &ChatClient::joined);
    client->connectToHost();
    if (!joined.wait(10'000))
        qFatal("%s did not join", qPrintable(nick));
    return client;
}

QStringList rosterOf(const ChatHost& host)
{
    QStringList nicks;
    for (const Participant& participant : host.participants())
        nicks << participant.nick;
    return nicks;
}

} // namespace securechat::test
