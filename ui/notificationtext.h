// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/chatmessage.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace securechat {

/// What a desktop notification says about the messages a conversation received while the person
/// was elsewhere: who wrote, and a short preview of the latest lines unless previews are hidden.
/// Plain text; DesktopNotifier escapes it for servers that render markup.
struct NotificationText final {
    Q_DECLARE_TR_FUNCTIONS(securechat::NotificationText)

public:
    QString summary;
    QString body;

    /// latest: the last of the conversation's unread messages, oldest first (not empty);
    /// unread: how many there are in all.
    static NotificationText of(const QList<ChatMessage>& latest, int unread, bool showText);

    /// The most lines of preview, and the most characters of each.
    static constexpr int MaxLines = 3;
    static constexpr int MaxLineLength = 100;
};

} // namespace securechat
