// SPDX-License-Identifier: MIT
#include "conversationhistory.h"

#include "chatmessagemodel.h"
#include "historyservice.h"
#include "hostedsession.h"
#include "joinedsession.h"
#include "sessiontab.h"

#include <QAction>
#include <QFile>
#include <QScrollBar>
#include <QTreeView>
#include <QUuid>

namespace securechat {

ConversationHistory::ConversationHistory(SessionTab& tab, HistoryService& service)
    : QObject(&tab)
    , m_tab(tab)
    , m_service(service)
{
    ChatSession& session = tab.session();
    connect(&session, &ChatSession::messageReceived, this, &ConversationHistory::onReceived);
    connect(&session, &ChatSession::messageSent, this,
        [this](const ChatMessage& message, ChatSession::Delivery delivery) {
            onSent(message, delivery == ChatSession::Delivery::Awaiting);
        });
    connect(&session, &ChatSession::messageDelivered, this, &ConversationHistory::onDelivered);
    connect(&session, &ChatSession::phaseChanged, this, &ConversationHistory::learnKey);
    m_connectingKey = connectingKey(session.title());

    m_keepAction = new QAction(tr("&Keep History of This Conversation"), this);
    m_keepAction->setObjectName(QStringLiteral("keepHistoryAction"));
    m_keepAction->setCheckable(true);
    connect(m_keepAction, &QAction::toggled, this, &ConversationHistory::setKeeping);
    tab.messageView()->addAction(m_keepAction);
    updateKeepAction();

    QScrollBar* bar = tab.messageView()->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        if (value == bar->minimum() && bar->maximum() > bar->minimum())
            loadOlder();
    });
    learnKey();
}

QString ConversationHistory::clientKey(const QString& hostSha256Fingerprint)
{
    return QStringLiteral("client:SHA256:") + hostSha256Fingerprint;
}

QString ConversationHistory::hostKey(const QString& ownSha256Fingerprint)
{
    return QStringLiteral("host:SHA256:") + ownSha256Fingerprint;
}

QString ConversationHistory::connectingKey(const QString& endpoint)
{
    return QStringLiteral("connecting:") + endpoint;
}

void ConversationHistory::learnKey()
{
    const QString key = currentKey();
    if (key.isEmpty() || key == m_key)
        return;
    if (m_key.isEmpty())
        open(key);
    else
        switchTo(key);
}

QString ConversationHistory::currentKey() const
{
    ChatSession& session = m_tab.session();
    if (session.phase() != ChatSession::Phase::Active)
        return {};
    if (const auto* hosted = qobject_cast<const HostedSession*>(&session))
        return hosted->fingerprint().isEmpty() ? QString() : hostKey(hosted->fingerprint());
    // Only once the person trusts the host: an untrusted certificate opens no conversation.
    const auto* joined = qobject_cast<const JoinedSession*>(&session);
    if (!joined || joined->hostChain().isEmpty())
        return {};
    return clientKey(joined->hostChain().constFirst().sha256Fingerprint);
}

void ConversationHistory::open(const QString& key)
{
    m_key = key;
    m_service.setTitle(m_key, m_tab.session().title());
    const QList<HistoryMessage> recent = m_service.store().latest(m_key, PageSize);
    showEarlier(recent);
    m_olderExhausted = recent.size() < PageSize;
    resendPending();
    updateKeepAction();
}

void ConversationHistory::switchTo(const QString& key)
{
    m_key = key;
    m_service.setTitle(m_key, m_tab.session().title());
    // Below the session's notice that this is a new conversation, and only its latest page: an
    // older one would be loaded above the earlier host's messages, as if it came before them.
    for (const HistoryMessage& stored : m_service.store().latest(m_key, PageSize)) {
        const ChatMessageModel::Earlier shown = shownAs(stored);
        m_tab.messages().appendMessage(shown.message, shown.kind, shown.delivery);
    }
    m_oldestShown = 0;
    m_olderExhausted = true;
    resendPending();
    updateKeepAction();
}

void ConversationHistory::resendPending()
{
    if (auto* joined = qobject_cast<JoinedSession*>(&m_tab.session())) {
        // Typed in an earlier session, never acknowledged: they go out now, under their own ids.
        for (const HistoryMessage& pending : m_service.store().pending(m_key))
            joined->resendStored(pending.messageId, pending.text);
        adoptUnsent(*joined);
    }
    m_service.moveMessages(m_connectingKey, m_key);
    m_shownBeforeKey.clear();
}

void ConversationHistory::adoptUnsent(JoinedSession& joined)
{
    for (const HistoryMessage& unsent : m_service.store().pending(m_connectingKey)) {
        if (m_shownBeforeKey.contains(unsent.messageId))
            continue; // typed in this tab: shown, and queued, already
        m_tab.messages().appendMessage({ 0, unsent.messageId, unsent.senderNickname, unsent.text,
                                           QDateTime::fromMSecsSinceEpoch(unsent.timestampMs, Qt::UTC) },
            ChatMessageModel::Kind::OwnMessage, ChatMessageModel::Delivery::Pending);
        joined.resendStored(unsent.messageId, unsent.text);
    }
}

ChatMessageModel::Earlier ConversationHistory::shownAs(const HistoryMessage& stored)
{
    ChatMessageModel::Earlier shown;
    shown.message = { 0, stored.messageId, stored.senderNickname, stored.text,
        QDateTime::fromMSecsSinceEpoch(stored.timestampMs, Qt::UTC) };
    const bool own = stored.direction == HistoryDirection::Outgoing;
    shown.kind = own ? ChatMessageModel::Kind::OwnMessage : ChatMessageModel::Kind::Message;
    if (own)
        shown.delivery = stored.state == HistoryState::Pending ? ChatMessageModel::Delivery::Pending
                                                               : ChatMessageModel::Delivery::Delivered;
    return shown;
}

void ConversationHistory::showEarlier(const QList<HistoryMessage>& messages)
{
    if (messages.isEmpty())
        return;
    m_oldestShown = messages.constFirst().rowId;
    QList<ChatMessageModel::Earlier> earlier;
    earlier.reserve(messages.size());
    for (const HistoryMessage& stored : messages)
        earlier << shownAs(stored);
    const QScrollBar* bar = m_tab.messageView()->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 1;
    m_tab.messages().prependMessages(earlier);
    // At the bottom the tab keeps to it; scrolled up, the row the person looked at stays at the top.
    if (!atBottom)
        m_tab.messageView()->scrollTo(
            m_tab.messages().index(static_cast<int>(earlier.size())), QAbstractItemView::PositionAtTop);
}

bool ConversationHistory::loadOlder()
{
    if (m_key.isEmpty() || m_olderExhausted || m_oldestShown == 0)
        return false;
    const QList<HistoryMessage> older = m_service.store().before(m_key, m_oldestShown, PageSize);
    m_olderExhausted = older.size() < PageSize;
    showEarlier(older);
    return !older.isEmpty();
}

int ConversationHistory::showStored(const HistoryMessage& message)
{
    if (m_key.isEmpty() || message.conversation != m_key)
        return -1;
    while (m_oldestShown > message.rowId && loadOlder()) { }
    const ChatMessageModel& messages = m_tab.messages();
    for (int row = 0; row < messages.rowCount(); ++row) {
        if (messages.index(row).data(ChatMessageModel::IdRole).toString() == message.messageId)
            return row;
    }
    return -1;
}

void ConversationHistory::clearingStarted()
{
    m_clearingMark = m_tab.messages().mark();
}

void ConversationHistory::cleared()
{
    if (!m_clearingMark)
        return;
    m_tab.messages().removeMessagesBefore(*std::exchange(m_clearingMark, std::nullopt));
    // Of the pages above, the store kept only pending messages: none is loaded any more.
    m_oldestShown = 0;
    m_olderExhausted = true;
}

bool ConversationHistory::isKeeping() const
{
    return m_key.isEmpty() || m_service.store().isHistoryEnabled(m_key);
}

void ConversationHistory::setKeeping(bool keep)
{
    if (m_key.isEmpty() || keep == isKeeping())
        return;
    m_service.setHistoryEnabled(m_key, keep);
    m_tab.messages().appendNotice(keep ? tr("History is kept for this conversation from now on.")
                                       : tr("No new history is kept for this conversation. What was stored "
                                            "stays until you clear it."));
    updateKeepAction();
}

void ConversationHistory::updateKeepAction()
{
    const QSignalBlocker quiet(m_keepAction);
    m_keepAction->setEnabled(!m_key.isEmpty() && m_service.isAvailable());
    m_keepAction->setChecked(isKeeping());
}

QString ConversationHistory::senderFingerprint(const QString& nick) const
{
    for (const Participant& participant : m_tab.session().participants()) {
        if (participant.nick == nick)
            return participant.fingerprint;
    }
    return {};
}

void ConversationHistory::record(HistoryMessage message)
{
    // Globally off: nothing at all, not even the outbox (an acknowledged message would stay in it
    // as sent). The conversation's own switch keeps the outbox: the store handles that.
    if (!m_service.isEnabled())
        return;
    if (m_key.isEmpty()) {
        // Stored at once, so that a crash while connecting loses nothing typed meanwhile.
        message.conversation = m_connectingKey;
        m_shownBeforeKey.insert(message.messageId);
        m_service.setTitle(m_connectingKey, m_tab.session().title());
    } else {
        message.conversation = m_key;
    }
    m_service.append(message);
}

void ConversationHistory::onReceived(const ChatMessage& message)
{
    HistoryMessage stored;
    // A text-mode host gives no ids; the store wants one per message.
    stored.messageId = message.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : message.id;
    stored.senderNickname = message.from;
    stored.senderFingerprint = senderFingerprint(message.from);
    stored.text = message.text;
    stored.timestampMs = (message.timestamp.isValid() ? message.timestamp : QDateTime::currentDateTimeUtc())
                             .toMSecsSinceEpoch();
    stored.direction = HistoryDirection::Incoming;
    stored.state = HistoryState::Received;
    record(stored);
}

void ConversationHistory::onSent(const ChatMessage& message, bool awaiting)
{
    HistoryMessage stored;
    stored.messageId = message.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : message.id;
    stored.senderNickname = message.from;
    stored.text = message.text;
    stored.timestampMs = (message.timestamp.isValid() ? message.timestamp : QDateTime::currentDateTimeUtc())
                             .toMSecsSinceEpoch();
    stored.direction = HistoryDirection::Outgoing;
    stored.state = awaiting ? HistoryState::Pending : HistoryState::Sent;
    record(stored);
}

void ConversationHistory::onDelivered(const QString& id)
{
    m_service.markAcknowledged(m_key.isEmpty() ? m_connectingKey : m_key, id);
}

QString ConversationHistory::exportTo(const QString& path, ExportFormat format) const
{
    if (m_key.isEmpty())
        return tr("This conversation has no history yet.");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return tr("%1 could not be written: %2").arg(path, file.errorString());
    const HistoryStore& store = m_service.store();
    const Status written
        = format == ExportFormat::Text ? store.exportText(m_key, file) : store.exportJsonLines(m_key, file);
    if (!written)
        return written.error();
    if (!file.flush())
        return tr("%1 could not be written: %2").arg(path, file.errorString());
    return {};
}

} // namespace securechat
