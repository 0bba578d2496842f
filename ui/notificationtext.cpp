// SPDX-License-Identifier: MIT
#include "notificationtext.h"

#include "protocol/textsanitizer.h"

#include <QStringList>

namespace securechat {

namespace {

    // One line, other controls made visible, cut at MaxLineLength with an ellipsis.
    QString previewLine(const QString& text)
    {
        QString line = TextSanitizer::forDisplay(text.simplified()); // line breaks become spaces
        if (line.size() > NotificationText::MaxLineLength)
            line = line.left(NotificationText::MaxLineLength - 1) + QStringLiteral("…");
        return line;
    }

    // The summary is plain text by the specification, so it is not escaped; but a hostile host can
    // send any name, and some servers render markup there anyway: no name brings a tag along.
    QString senderOf(const ChatMessage& message)
    {
        if (message.from.isEmpty())
            return NotificationText::tr("the host");
        return TextSanitizer::forDisplay(message.from).replace(u'<', u'\u2039').replace(u'>', u'\u203A');
    }

} // namespace

NotificationText NotificationText::of(const QList<ChatMessage>& latest, int unread, bool showText)
{
    QStringList senders;
    for (const ChatMessage& message : latest) {
        if (!senders.contains(senderOf(message)))
            senders << senderOf(message);
    }
    const QString who = senders.join(QStringLiteral(", "));
    NotificationText text;
    if (!showText) {
        text.summary = unread == 1 ? tr("New message from %1").arg(who)
                                   : tr("%n new messages from %1", nullptr, unread).arg(who);
        return text;
    }
    text.summary = unread == 1 ? who : tr("%1 (%n new messages)", nullptr, unread).arg(who);
    QStringList lines;
    for (qsizetype i = std::max<qsizetype>(0, latest.size() - MaxLines); i < latest.size(); ++i) {
        const ChatMessage& message = latest.at(i);
        lines << (senders.size() > 1 ? senderOf(message) + QStringLiteral(": ") : QString())
                + previewLine(message.text);
    }
    text.body = lines.join(u'\n');
    return text;
}

} // namespace securechat
