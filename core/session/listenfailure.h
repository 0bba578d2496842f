// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QHostAddress>
#include <QString>

class QTcpServer;

namespace securechat {

/// Why a listener could not listen, as one sentence a person reads once ("Port 7447 is already in
/// use on this computer: …"), instead of Qt's "The bound address is already in use" after ours.
class ListenFailure final {
    Q_DECLARE_TR_FUNCTIONS(securechat::ListenFailure)

public:
    ListenFailure() = delete;

    /// server: the one whose listen(address, port) just failed.
    static QString describe(const QTcpServer& server, const QHostAddress& address, quint16 port);
    static QString describe(
        QAbstractSocket::SocketError error, const QString& detail, const QHostAddress& address, quint16 port);
};

} // namespace securechat
