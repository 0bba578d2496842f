// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QtGlobal>

namespace securechat {

enum class HistoryDirection { Incoming, Outgoing };

/// Pending: typed here, not yet acknowledged by the other side (the outbox). Sent: an outgoing
/// message the other side acknowledged. Received: an incoming message.
enum class HistoryState { Pending, Sent, Received };

/// One stored chat message.
struct HistoryMessage final {
    /// The conversation's key, given by the caller as ConversationKey spells it: "client:SHA256:…"
    /// for a host we connect to (its certificate fingerprint), "host:SHA256:…" for the session we
    /// host, "connecting:HOST:PORT" for what is typed before a joined conversation is known.
    QString conversation;
    QString messageId; ///< the id from the wire; unique within a conversation
    QString senderNickname;
    QString senderFingerprint; ///< may be empty
    QString text;
    qint64 timestampMs = 0; ///< milliseconds since the epoch, UTC
    HistoryDirection direction = HistoryDirection::Incoming;
    HistoryState state = HistoryState::Received;
    qint64 rowId = 0; ///< the store's order; set on messages read from the store, 0 otherwise

    friend bool operator==(const HistoryMessage&, const HistoryMessage&) = default;
};

/// A conversation's stored settings.
struct HistoryConversation final {
    QString key;
    QString title;
    bool historyEnabled = true;

    friend bool operator==(const HistoryConversation&, const HistoryConversation&) = default;
};

} // namespace securechat
