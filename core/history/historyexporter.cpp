// SPDX-License-Identifier: MIT
#include "history/historyexporter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace securechat {

namespace {

    QDateTime utcTime(const HistoryMessage& message)
    {
        // toUTC() gives the Qt::UTC spec, which ISO-8601 writes as "Z" rather than "+00:00".
        return QDateTime::fromMSecsSinceEpoch(message.timestampMs).toUTC();
    }

    QByteArray jsonString(const QString& text)
    {
        // A one-element array is the smallest document QJsonDocument writes a string in.
        const QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
        return array.mid(1, array.size() - 2);
    }

} // namespace

QByteArray HistoryExporter::textLine(const HistoryMessage& message)
{
    QString text = message.text;
    text.replace(QLatin1Char('\n'), QStringLiteral("\n  "));
    const QString line = QLatin1Char('[') + utcTime(message).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        + QStringLiteral("] ") + message.senderNickname + QStringLiteral(": ") + text + QLatin1Char('\n');
    return line.toUtf8();
}

QByteArray HistoryExporter::jsonLine(const HistoryMessage& message)
{
    // QJsonObject sorts its keys; writing the members one by one keeps the documented order.
    const QByteArray direction = message.direction == HistoryDirection::Outgoing
        ? QByteArrayLiteral("\"out\"")
        : QByteArrayLiteral("\"in\"");
    return QByteArrayLiteral("{\"time\":") + jsonString(utcTime(message).toString(Qt::ISODateWithMs))
        + QByteArrayLiteral(",\"sender\":") + jsonString(message.senderNickname)
        + QByteArrayLiteral(",\"fingerprint\":") + jsonString(message.senderFingerprint)
        + QByteArrayLiteral(",\"direction\":") + direction + QByteArrayLiteral(",\"text\":")
        + jsonString(message.text) + QByteArrayLiteral("}\n");
}

} // namespace securechat
