// SPDX-License-Identifier: MIT
#pragma once

#include "history/historystore.h"
#include "protocol/chatmessage.h"

#include <QList>
#include <QSet>
#include <QString>

namespace securechat::cli {

/// Keeps the messages of a `connect` or `host` session in the history (AppPaths' history file),
/// as the desktop app does: what is shown and what is typed, the person's own messages pending
/// until acknowledged. A client learns its conversation with the host's certificate; what comes
/// before is stored at once under the connecting key (ConversationKey::connecting), so that a
/// crash or SIGKILL while connecting or waiting to be let in loses none of it, and moved into the
/// conversation once it is known.
class HistoryRecorder final {
public:
    /// Prints a sentence on stderr when the file was set aside or cannot be used.
    void open(const QString& path);
    /// Until setConversation(), messages are stored under the connecting key of endpoint
    /// ("HOST:PORT", ClientOptions::endpoint()), which is also its title.
    void setConnecting(const QString& endpoint);
    /// From now on messages belong to key (called again when another certificate answered: a new
    /// conversation; the earlier one keeps what its host never received); what was stored under
    /// the connecting key moves into it. Returns the pending messages this session has not queued
    /// itself: typed in an earlier session of key and never acknowledged, or left under the
    /// connecting key by an earlier run (of this command or the desktop app) that never joined.
    QList<HistoryMessage> setConversation(const QString& key, const QString& title);
    const QString& conversation() const { return m_key; }
    /// How many lines typed in this session were stored while the conversation is not known yet.
    int keptWhileConnecting() const;

    void incoming(const ChatMessage& message, const QString& senderFingerprint);
    void outgoing(const QString& id, const QString& nick, const QString& text, bool pending);
    void acknowledged(const QString& id);

private:
    /// Whether message is in the file now.
    bool store(HistoryMessage message);
    /// Where messages go now: the conversation, or the connecting key until it is known.
    const QString& currentKey() const { return m_key.isEmpty() ? m_connectingKey : m_key; }
    void report(const Status& status);

    HistoryStore m_store;
    QString m_key;
    QString m_connectingKey;
    QString m_connectingTitle;
    bool m_connectingTitled = false;
    QSet<QString> m_typedWhileConnecting; // stored, and queued by this session's client already
    bool m_reported = false;
};

} // namespace securechat::cli
