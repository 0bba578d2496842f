// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QString>

namespace securechat {

/// "127.0.0.1:7447", "[::1]:7447": how every message names a peer's or the listener's address.
/// An IPv4-mapped IPv6 address (an IPv4 client of a dual-stack listener) is shown as IPv4.
QString describeEndpoint(const QHostAddress& address, quint16 port);

} // namespace securechat
