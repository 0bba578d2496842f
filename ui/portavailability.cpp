// SPDX-License-Identifier: MIT
#include "portavailability.h"

#include <QTcpServer>

namespace securechat {

namespace {

    constexpr int NearbyPorts = 100;

    bool canListen(const QHostAddress& address, quint16 port)
    {
        QTcpServer probe;
        return probe.listen(address, port);
    }

} // namespace

Status PortAvailability::check(const QHostAddress& address, quint16 port)
{
    if (port == 0 || canListen(address, port))
        return succeeded();
    return Status::failure(tr("Port %1 is already in use on this computer, perhaps by another session. "
                              "Choose another port, or take one that is free now.")
                               .arg(port));
}

quint16 PortAvailability::freeNear(const QHostAddress& address, quint16 port)
{
    for (int candidate = port + 1; candidate <= std::min(port + NearbyPorts, 65535); ++candidate) {
        if (canListen(address, static_cast<quint16>(candidate)))
            return static_cast<quint16>(candidate);
    }
    QTcpServer probe;
    return probe.listen(address, 0) ? probe.serverPort() : quint16(0);
}

} // namespace securechat
