// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace securechat {

/// A message as every participant sees it: the host's sequence number fixes one order for all.
struct ChatMessage final {
    qint64 seq = 0;
    QString id;
    QString from;
    QString text;
    QDateTime timestamp;
    bool operator==(const ChatMessage&) const = default;
};

} // namespace securechat

Q_DECLARE_METATYPE(securechat::ChatMessage)
