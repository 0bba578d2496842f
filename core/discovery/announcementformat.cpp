// SPDX-License-Identifier: MIT
#include "discovery/announcementformat.h"

#include "discovery/announcedfingerprint.h"

#include <QCoreApplication>

#include <utility>

namespace securechat::AnnouncementFormat {

namespace {
    constexpr qsizetype MaxTxtItemBytes = 255;
    constexpr qsizetype MaxServiceNameBytes = 63;
    constexpr QLatin1StringView NicknameKey("nick");
    constexpr QLatin1StringView ProtocolKey("proto");
    constexpr QLatin1StringView FingerprintKey("fp");

    QString canonicalFingerprint(const QString& text)
    {
        const QString digits = AnnouncedFingerprint::normalise(text);
        return digits.isEmpty() ? QString() : u"SHA256:" + digits;
    }

    // The longest prefix of `text` whose UTF-8 fits in `maxBytes`, never splitting a character.
    QString truncatedToUtf8Bytes(const QString& text, qsizetype maxBytes)
    {
        QString kept;
        qsizetype bytes = 0;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
            const QString character = text.mid(i, length);
            bytes += character.toUtf8().size();
            if (bytes > maxBytes)
                break;
            kept += character;
            i += length - 1;
        }
        return kept;
    }
} // namespace

EncodedTxt encodeTxt(const TxtFields& fields)
{
    const QString fingerprint = canonicalFingerprint(fields.fingerprint);
    if (fingerprint.isEmpty())
        return { {},
            QCoreApplication::translate(
                "AnnouncementFormat", "The certificate fingerprint \"%1\" is not a SHA-256 fingerprint.")
                .arg(fields.fingerprint) };
    const QList<QByteArray> items {
        QByteArray(NicknameKey.data()) + '=' + fields.nickname.toUtf8(),
        QByteArray(ProtocolKey.data()) + '=' + fields.protocolVersion.toUtf8(),
        QByteArray(FingerprintKey.data()) + '=' + fingerprint.toLatin1(),
    };
    for (const QByteArray& item : items) {
        if (item.size() > MaxTxtItemBytes)
            return { {},
                QCoreApplication::translate("AnnouncementFormat",
                    "The nickname or protocol version is too long to announce (at most %1 bytes).")
                    .arg(MaxTxtItemBytes - NicknameKey.size() - 1) };
    }
    return { items, {} };
}

TxtFields decodeTxt(const QList<QByteArray>& items)
{
    TxtFields fields;
    bool seenNickname = false;
    bool seenProtocol = false;
    bool seenFingerprint = false;
    for (const QByteArray& item : items) {
        const qsizetype equals = item.indexOf('=');
        if (equals <= 0)
            continue; // a boolean attribute or garbage: nothing SecureChat reads
        const QLatin1StringView key(item.constData(), equals);
        const QString value = QString::fromUtf8(item.mid(equals + 1));
        if (key.compare(NicknameKey, Qt::CaseInsensitive) == 0 && !std::exchange(seenNickname, true))
            fields.nickname = value;
        else if (key.compare(ProtocolKey, Qt::CaseInsensitive) == 0 && !std::exchange(seenProtocol, true))
            fields.protocolVersion = value;
        else if (key.compare(FingerprintKey, Qt::CaseInsensitive) == 0
            && !std::exchange(seenFingerprint, true))
            fields.fingerprint = canonicalFingerprint(value);
    }
    return fields;
}

QString serviceName(const QString& nickname, const QString& hostName)
{
    return truncatedToUtf8Bytes(
        QCoreApplication::translate("AnnouncementFormat", "%1 on %2").arg(nickname, hostName),
        MaxServiceNameBytes);
}

} // namespace securechat::AnnouncementFormat
