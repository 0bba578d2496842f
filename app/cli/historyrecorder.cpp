// SPDX-License-Identifier: MIT
#include "historyrecorder.h"

#include "console.h"
#include "history/conversationkey.h"
#include "tr.h"

#include <QUuid>

namespace securechat::cli {

void HistoryRecorder::open(const QString& path)
{
    const HistoryOpenReport report = m_store.open(path);
    if (!report.message.isEmpty())
        Console::status(report.message);
}

void HistoryRecorder::setConnecting(const QString& endpoint)
{
    m_connectingKey = ConversationKey::connecting(endpoint);
    m_connectingTitle = endpoint;
}

QList<HistoryMessage> HistoryRecorder::setConversation(const QString& key, const QString& title)
{
    m_key = key;
    if (!m_store.isOpen())
        return {};
    report(m_store.setTitle(m_key, title));
    if (!m_connectingKey.isEmpty())
        report(m_store.moveMessages(m_connectingKey, m_key));
    QList<HistoryMessage> unsent = m_store.pending(m_key);
    unsent.removeIf(
        [this](const HistoryMessage& message) { return m_typedWhileConnecting.contains(message.messageId); });
    return unsent;
}

int HistoryRecorder::keptWhileConnecting() const
{
    return m_key.isEmpty() ? static_cast<int>(m_typedWhileConnecting.size()) : 0;
}

void HistoryRecorder::incoming(const ChatMessage& message, const QString& senderFingerprint)
{
    HistoryMessage stored;
    // A text-mode host gives no ids; the store wants one per message.
    stored.messageId = message.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : message.id;
    stored.senderNickname = message.from;
    stored.senderFingerprint = senderFingerprint;
    stored.text = message.text;
    stored.timestampMs = (message.timestamp.isValid() ? message.timestamp : QDateTime::currentDateTimeUtc())
                             .toMSecsSinceEpoch();
    store(std::move(stored));
}

void HistoryRecorder::outgoing(const QString& id, const QString& nick, const QString& text, bool pending)
{
    HistoryMessage stored;
    stored.messageId = id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : id;
    stored.senderNickname = nick;
    stored.text = text;
    stored.timestampMs = QDateTime::currentMSecsSinceEpoch();
    stored.direction = HistoryDirection::Outgoing;
    stored.state = pending ? HistoryState::Pending : HistoryState::Sent;
    if (store(stored) && m_key.isEmpty())
        m_typedWhileConnecting.insert(stored.messageId);
}

void HistoryRecorder::acknowledged(const QString& id)
{
    if (m_store.isOpen() && !currentKey().isEmpty())
        report(m_store.markAcknowledged(currentKey(), id));
}

bool HistoryRecorder::store(HistoryMessage message)
{
    if (!m_store.isOpen() || currentKey().isEmpty())
        return false;
    // Named once, when the first message makes the connecting key a conversation of its own.
    if (m_key.isEmpty() && !std::exchange(m_connectingTitled, true))
        report(m_store.setTitle(m_connectingKey, m_connectingTitle));
    message.conversation = currentKey();
    const Status stored = m_store.append(message);
    report(stored);
    return stored.ok();
}

void HistoryRecorder::report(const Status& status)
{
    // Once: a full disk would otherwise say so for every message.
    if (!status && !std::exchange(m_reported, true))
        Console::status(Tr::tr("a message could not be stored in the history: %1").arg(status.error()));
}

} // namespace securechat::cli
