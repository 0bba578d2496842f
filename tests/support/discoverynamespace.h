// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace securechat::test {

/// Why a test that announces or browses cannot run here, or empty when it runs inside the network
/// namespace of tests/support/avahi-namespace.sh (ctest's avahi_namespace fixture). Outside one,
/// its multicast would reach the real network, so the test skips with this reason.
inline QString whyNoDiscoveryNamespace()
{
    const QString unavailable = qEnvironmentVariable("SECURECHAT_DISCOVERY_UNAVAILABLE");
    if (!unavailable.isEmpty())
        return QStringLiteral("no network namespace for avahi-daemon: ") + unavailable;
    if (qEnvironmentVariableIsEmpty("SECURECHAT_DISCOVERY_NETNS"))
        return QStringLiteral(
            "no network namespace: run this test through ctest, which starts avahi-daemon in a network "
            "namespace of its own; outside one, its multicast would reach the real network.");
    return {};
}

} // namespace securechat::test
