// SPDX-License-Identifier: MIT
#include "tls/endpoint.h"

namespace securechat {

QString describeEndpoint(const QHostAddress& address, quint16 port)
{
    QHostAddress plain = address;
    if (const auto v4 = address.toIPv4Address(nullptr); address.protocol() == QAbstractSocket::IPv6Protocol
        && address.isEqual(QHostAddress(v4), QHostAddress::ConvertV4MappedToIPv4)) {
        plain = QHostAddress(v4);
    }
    const QString host = plain.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + plain.toString() + u']'
                                                                           : plain.toString();
    return host + u':' + QString::number(port);
}

} // namespace securechat
