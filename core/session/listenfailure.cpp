// SPDX-License-Identifier: MIT
#include "session/listenfailure.h"

#include "tls/endpoint.h"

#include <QTcpServer>

namespace securechat {

namespace {

    constexpr quint16 FirstUnprivilegedPort = 1024;

    bool isEveryAddress(const QHostAddress& address)
    {
        return address == QHostAddress(QHostAddress::Any) || address == QHostAddress(QHostAddress::AnyIPv4)
            || address == QHostAddress(QHostAddress::AnyIPv6);
    }

} // namespace

QString ListenFailure::describe(const QTcpServer& server, const QHostAddress& address, quint16 port)
{
    return describe(server.serverError(), server.errorString(), address, port);
}

QString ListenFailure::describe(
    QAbstractSocket::SocketError error, const QString& detail, const QHostAddress& address, quint16 port)
{
    const QString where = isEveryAddress(address) ? tr("port %1 of this computer").arg(port)
                                                  : describeEndpoint(address, port);
    switch (error) {
    case QAbstractSocket::AddressInUseError:
        return isEveryAddress(address)
            ? tr("Port %1 is already in use on this computer: another program or session listens there. "
                 "Choose another port, or 0 for any free one.")
                  .arg(port)
            : tr("%1 is already in use: another program or session listens there. Choose another port, "
                 "or 0 for any free one.")
                  .arg(where);
    case QAbstractSocket::SocketAccessError:
        return port < FirstUnprivilegedPort && port != 0
            ? tr("Only the administrator may listen on port %1: choose a port from 1024 up.").arg(port)
            : tr("This computer does not allow SecureChat to listen on %1.").arg(where);
    case QAbstractSocket::SocketAddressNotAvailableError:
        return tr("%1 is not an address of this computer.").arg(address.toString());
    default:
        break;
    }
    return tr("SecureChat could not listen on %1 (%2).").arg(where, detail);
}

} // namespace securechat
