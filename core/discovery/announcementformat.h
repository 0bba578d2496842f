// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace securechat {

/// What a SecureChat session looks like in DNS-SD: its service type, its name and its TXT record.
///
///     type  _securechat._tcp
///     name  "<nickname> on <host name>", at most 63 bytes of UTF-8 (RFC 6763 §4.1.1)
///     TXT   nick=<nickname, UTF-8>
///           proto=<protocol version, as the caller spells it>
///           fp=SHA256:<64 upper-case hex digits of the host certificate's SHA-256>
///
/// Each TXT item is at most 255 bytes. Readers take a key's first occurrence and ignore case in
/// keys (RFC 6763 §6.4); unknown keys are ignored so later versions can add some.
namespace AnnouncementFormat {

    inline constexpr char ServiceType[] = "_securechat._tcp";

    struct TxtFields final {
        QString nickname;
        QString protocolVersion;
        QString fingerprint; ///< "SHA256:<hex>" on writing and after reading; empty if invalid
    };

    struct EncodedTxt final {
        QList<QByteArray> items;
        QString error; ///< why the items could not be made (no valid fingerprint, one too long)
        bool ok() const { return error.isEmpty(); }
    };

    EncodedTxt encodeTxt(const TxtFields& fields);

    /// Never fails: a missing or malformed item leaves its field empty.
    TxtFields decodeTxt(const QList<QByteArray>& items);

    /// "<nickname> on <hostName>", shortened on a character boundary to fit a DNS-SD name.
    QString serviceName(const QString& nickname, const QString& hostName);

} // namespace AnnouncementFormat

} // namespace securechat
