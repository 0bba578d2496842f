// SPDX-License-Identifier: MIT
#include "historyrecorder.h"

#include "console.h"
#include "tr.h"

#include <QUuid>

namespace securechat::cli {

void HistoryRecorder::open(const QString& path)
{
    const HistoryOpenReport report = m_store.open(path);
    if (!report.message.isEmpty())
        Console::status(report.message);
}

QList<HistoryMessage> HistoryRecorder::setConversation(const QString& key, const QString& title)
{
    m_key = key;
    if (!m_store.isOpen())
        return {};
    report(m_store.setTitle(m_key, title));
    const QList<HistoryMessage> earlier = m_store.pending(m_key);
    for (HistoryMessage& message : std::exchange(m_held, {}))
        store(std::move(message));
    for (const QString& id : std::exchange(m_acknowledgedHeld, {}))
        acknowledged(id);
    return earlier;
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
    store(std::move(stored));
}

void HistoryRecorder::acknowledged(const QString& id)
{
    if (m_key.isEmpty())
        m_acknowledgedHeld << id;
    else if (m_store.isOpen())
        report(m_store.markAcknowledged(m_key, id));
}

void HistoryRecorder::store(HistoryMessage message)
{
    if (m_key.isEmpty()) {
        m_held << std::move(message);
        return;
    }
    if (!m_store.isOpen())
        return;
    message.conversation = m_key;
    report(m_store.append(message));
}

void HistoryRecorder::report(const Status& status)
{
    // Once: a full disk would otherwise say so for every message.
    if (!status && !std::exchange(m_reported, true))
        Console::status(Tr::tr("a message could not be stored in the history: %1").arg(status.error()));
}

} // namespace securechat::cli
