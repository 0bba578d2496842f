// SPDX-License-Identifier: MIT
#include "session/clientoptions.h"

#include "trust/knownpeers.h"

namespace securechat {

QString ClientOptions::endpoint() const
{
    const auto joined = KnownPeers::joinHostPort(host, port);
    return joined ? joined.value() : host + u':' + QString::number(port);
}

} // namespace securechat
