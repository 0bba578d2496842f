// SPDX-License-Identifier: MIT
#include "connectionfailure.h"

namespace securechat {

namespace {

    using State = ChatClient::State;
    using Kind = Disconnect::Kind;

    // Before the TCP connection stood: the address was looked up or dialled, nothing more.
    bool beforeConnected(State furthest)
    {
        return furthest == State::Idle || furthest == State::Resolving || furthest == State::Connecting;
    }

} // namespace

QString ConnectionFailure::describe(
    const Disconnect& reason, State furthest, const QString& host, const QString& endpoint)
{
    if (reason.kind == Kind::Trust || reason.isClean())
        return {};
    if (reason.kind == Kind::Network && furthest == State::Resolving)
        return tr("Could not connect: no computer called %1 was found.").arg(host);
    if (reason.kind == Kind::Network && beforeConnected(furthest))
        return tr("Could not connect: nobody is listening on %1.").arg(endpoint);
    if (beforeConnected(furthest))
        return tr("Could not connect: %1 did not answer.").arg(endpoint);
    if (furthest == State::Securing)
        return tr("Could not connect securely to %1: %2.").arg(endpoint, reason.message);
    return tr("Could not join the session on %1: %2.").arg(endpoint, reason.message);
}

QString ConnectionFailure::advice(const Disconnect& reason, State furthest)
{
    if (reason.kind == Kind::Trust || reason.isClean())
        return {};
    if (beforeConnected(furthest))
        return tr("Check that the session is still hosted there and that the address and port are "
                  "right, then try again.");
    if (furthest == State::Securing)
        return tr("The program answering there may not be a SecureChat host.");
    return {};
}

} // namespace securechat
