// SPDX-License-Identifier: MIT
#pragma once

#include "history/historystore.h"
#include "protocol/chatmessage.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace securechat::cli {

/// Keeps the messages of a `connect` or `host` session in the history (AppPaths' history file),
/// as the desktop app does: what is shown and what is typed, the person's own messages pending
/// until acknowledged. Messages from before the conversation is known (a client learns the host's
/// certificate with the handshake) are held and stored once it is.
class HistoryRecorder final {
public:
    /// Prints a sentence on stderr when the file was set aside or cannot be used.
    void open(const QString& path);
    /// From now on messages belong to key; what was held is stored. Returns the conversation's
    /// messages typed in an earlier session and never acknowledged (the stored outbox).
    QList<HistoryMessage> setConversation(const QString& key, const QString& title);
    const QString& conversation() const { return m_key; }

    void incoming(const ChatMessage& message, const QString& senderFingerprint);
    void outgoing(const QString& id, const QString& nick, const QString& text, bool pending);
    void acknowledged(const QString& id);

private:
    void store(HistoryMessage message);
    void report(const Status& status);

    HistoryStore m_store;
    QString m_key;
    QList<HistoryMessage> m_held;
    QStringList m_acknowledgedHeld;
    bool m_reported = false;
};

} // namespace securechat::cli
