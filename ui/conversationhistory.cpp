// SPDX-License-Identifier: MIT
#include "conversationhistory.h"

#include "chatmessagemodel.h"
#include "history/conversationkey.h"
#include "historyservice.h"
#include "hostedsession.h"
#include "joinedsession.h"
#include "sessiontab.h"

#include <QAction>
#include <QFile>
#include <QItemSelectionModel>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTreeView>
#include <QUuid>

namespace securechat {

namespace {

    QList<ChatMessageModel::Stored> rowsFor(const QList<HistoryMessage>& messages)
    {
        QList<ChatMessageModel::Stored> rows;
        rows.reserve(messages.size());
        for (const HistoryMessage& stored : messages) {
            ChatMessageModel::Stored shown;
            shown.message = { 0, stored.messageId, stored.senderNickname, stored.text,
                QDateTime::fromMSecsSinceEpoch(stored.timestampMs, Qt::UTC) };
            shown.storeRow = stored.rowId;
            const bool own = stored.direction == HistoryDirection::Outgoing;
            shown.kind = own ? ChatMessageModel::Kind::OwnMessage : ChatMessageModel::Kind::Message;
            if (own)
                shown.delivery = stored.state == HistoryState::Pending
                    ? ChatMessageModel::Delivery::Pending
                    : ChatMessageModel::Delivery::Delivered;
            rows << shown;
        }
        return rows;
    }

} // namespace

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
    // Stored as sent: as sent as it gets, and not to be sent again by a later session.
    connect(&session, &ChatSession::messageUnconfirmable, this, &ConversationHistory::onDelivered);
    connect(&session, &ChatSession::phaseChanged, this, &ConversationHistory::learnKey);
    m_connectingKey = ConversationKey::connecting(session.title());

    m_keepAction = new QAction(tr("&Keep History of This Conversation"), this);
    m_keepAction->setObjectName(QStringLiteral("keepHistoryAction"));
    m_keepAction->setCheckable(true);
    connect(m_keepAction, &QAction::toggled, this, &ConversationHistory::setKeeping);
    tab.messageView()->addAction(m_keepAction);
    updateKeepAction();

    connect(tab.messageView()->verticalScrollBar(), &QScrollBar::valueChanged, this,
        &ConversationHistory::onScrolled);
    connect(&tab, &SessionTab::latestRequested, this, &ConversationHistory::showLatest);
    learnKey();
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
        return hosted->fingerprint().isEmpty() ? QString() : ConversationKey::hosted(hosted->fingerprint());
    // Only once the person trusts the host: an untrusted certificate opens no conversation.
    const auto* joined = qobject_cast<const JoinedSession*>(&session);
    if (!joined || joined->hostChain().isEmpty())
        return {};
    return ConversationKey::joined(joined->hostChain().constFirst().sha256Fingerprint);
}

void ConversationHistory::open(const QString& key)
{
    m_key = key;
    m_service.setTitle(m_key, m_tab.session().title());
    const QList<HistoryMessage> recent = m_service.store().latest(m_key, PageSize);
    showEarlier(recent);
    m_olderExhausted = recent.size() < PageSize;
    m_openedAt = recent.isEmpty() ? 0 : recent.constLast().rowId;
    resendPending();
    updateKeepAction();
}

void ConversationHistory::switchTo(const QString& key)
{
    ChatMessageModel& rows = m_tab.messages();
    if (rows.isAway())
        showLatest(); // a window of the earlier host's conversation: the live end goes on
    rows.forgetStoreRows(); // the earlier host's rows are not read again from this conversation
    m_key = key;
    m_service.setTitle(m_key, m_tab.session().title());
    // Below the session's notice that this is a new conversation, and only its latest page: an
    // older one would be loaded above the earlier host's messages, as if it came before them.
    const QList<HistoryMessage> recent = m_service.store().latest(m_key, PageSize);
    for (const ChatMessageModel::Stored& row : rowsFor(recent))
        rows.appendMessage(row.message, row.kind, row.delivery);
    m_oldestShown = 0;
    m_olderExhausted = true;
    // A search hit further back is shown in a window that stops above this page.
    m_openedAt = recent.isEmpty() ? 0 : recent.constFirst().rowId - 1;
    resendPending();
    updateKeepAction();
}

void ConversationHistory::resendPending()
{
    auto* joined = qobject_cast<JoinedSession*>(&m_tab.session());
    const HistoryStore& store = m_service.store();
    const QList<HistoryMessage> earlier = joined ? store.pending(m_key) : QList<HistoryMessage>();
    const QList<HistoryMessage> unsent = joined ? store.pending(m_connectingKey) : QList<HistoryMessage>();
    // Moved before anything goes out: a text-mode host's "sent" is stored under m_key at once.
    m_service.moveMessages(m_connectingKey, m_key);
    if (joined) {
        // Typed in an earlier session, never acknowledged: they go out now, under their own ids.
        for (const HistoryMessage& pending : earlier)
            joined->resendStored(pending.messageId, pending.text);
        adoptUnsent(*joined, unsent);
    }
    m_shownBeforeKey.clear();
}

void ConversationHistory::adoptUnsent(JoinedSession& joined, const QList<HistoryMessage>& left)
{
    for (const HistoryMessage& unsent : left) {
        if (m_shownBeforeKey.contains(unsent.messageId))
            continue; // typed in this tab: shown, and queued, already
        m_tab.messages().appendMessage({ 0, unsent.messageId, unsent.senderNickname, unsent.text,
                                           QDateTime::fromMSecsSinceEpoch(unsent.timestampMs, Qt::UTC) },
            ChatMessageModel::Kind::OwnMessage, ChatMessageModel::Delivery::Pending);
        joined.resendStored(unsent.messageId, unsent.text);
    }
}

void ConversationHistory::showEarlier(const QList<HistoryMessage>& messages)
{
    if (messages.isEmpty())
        return;
    m_oldestShown = messages.constFirst().rowId;
    const QList<ChatMessageModel::Stored> earlier = rowsFor(messages);
    const QScrollBar* bar = m_tab.messageView()->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 1;
    m_tab.messages().prependMessages(earlier);
    // At the live end's bottom the tab keeps to it; elsewhere the row looked at stays at the top.
    if (!atBottom || m_tab.messages().isAway())
        m_tab.messageView()->scrollTo(
            m_tab.messages().index(static_cast<int>(earlier.size())), QAbstractItemView::PositionAtTop);
    trimWindow(true);
}

void ConversationHistory::onScrolled(int value)
{
    const QScrollBar* bar = m_tab.messageView()->verticalScrollBar();
    if (m_moving || bar->maximum() == bar->minimum())
        return;
    if (value == bar->minimum())
        loadOlder();
    else if (value == bar->maximum())
        loadNewer();
}

bool ConversationHistory::loadOlder()
{
    if (m_key.isEmpty() || m_olderExhausted || m_oldestShown == 0)
        return false;
    const QScopedValueRollback moving(m_moving, true);
    const QList<HistoryMessage> older = m_service.store().before(m_key, m_oldestShown, PageSize);
    m_olderExhausted = older.size() < PageSize;
    showEarlier(older);
    return !older.isEmpty();
}

bool ConversationHistory::loadNewer()
{
    if (!m_tab.messages().isAway())
        return false;
    const QScopedValueRollback moving(m_moving, true);
    appendNewer(m_service.store().after(m_key, m_newestShown, PageSize), PageSize);
    return true;
}

void ConversationHistory::appendNewer(QList<HistoryMessage> messages, int asked)
{
    // Fewer than asked for, or the first of the held live rows: the window has reached them.
    const bool reachesLive
        = messages.size() < asked || (!messages.isEmpty() && messages.constLast().rowId >= m_liveFrom);
    messages.removeIf([this](const HistoryMessage& message) { return message.rowId >= m_liveFrom; });
    if (!messages.isEmpty()) {
        m_newestShown = messages.constLast().rowId;
        m_tab.messages().appendToWindow(rowsFor(messages));
        trimWindow(false);
    }
    if (reachesLive)
        returnToLive(true);
}

void ConversationHistory::trimWindow(bool grewAtTop)
{
    ChatMessageModel& rows = m_tab.messages();
    const int surplus = rows.rowCount() - MaxWindowPages * PageSize;
    if (!rows.isAway() || surplus <= 0)
        return;
    QTreeView* view = m_tab.messageView();
    const QPersistentModelIndex top = view->indexAt(QPoint(0, 0));
    // A current row that goes would hand "current" to a neighbour, and the view would scroll to it.
    const int current = view->currentIndex().row();
    const int firstKept = grewAtTop ? 0 : surplus;
    if (current >= 0 && (current < firstKept || current >= firstKept + rows.rowCount() - surplus))
        view->selectionModel()->setCurrentIndex(QModelIndex(), QItemSelectionModel::NoUpdate);
    rows.dropFromWindow(surplus, !grewAtTop);
    if (grewAtTop) {
        m_newestShown = rows.storeRowAt(rows.rowCount() - 1);
        return;
    }
    m_oldestShown = rows.storeRowAt(0);
    m_olderExhausted = false;
    if (top.isValid()) // the row the person looked at stays where it was
        view->scrollTo(top, QAbstractItemView::PositionAtTop);
}

int ConversationHistory::showStored(const HistoryMessage& message)
{
    if (m_key.isEmpty() || message.conversation != m_key)
        return -1;
    ChatMessageModel& rows = m_tab.messages();
    if (rows.isAway() && message.rowId >= m_liveFrom)
        returnToLive(false);
    if (!rows.isAway()) {
        for (int page = 0; page < NearbyPages && m_oldestShown > message.rowId && loadOlder(); ++page) { }
    }
    if (const int row = rows.rowOf(message.messageId); row >= 0)
        return row;
    return showWindowAround(message);
}

int ConversationHistory::showWindowAround(const HistoryMessage& message)
{
    const HistoryStore& store = m_service.store();
    const int half = PageSize / 2;
    const QList<HistoryMessage> upToHit = store.before(m_key, message.rowId + 1, half + 1);
    if (upToHit.isEmpty() || upToHit.constLast().rowId != message.rowId)
        return -1; // no longer stored
    const QScopedValueRollback moving(m_moving, true);
    ChatMessageModel& rows = m_tab.messages();
    if (!rows.isAway()) {
        m_liveOldestShown = m_oldestShown;
        m_liveOlderExhausted = m_olderExhausted;
        rows.showWindow(rowsFor(upToHit), PageSize);
        // Of the stored rows the live end showed, the model keeps the newest page.
        const qint64 heldOldest = rows.oldestHeldStoreRow();
        if (heldOldest != 0 && heldOldest != m_liveOldestShown) {
            m_liveOldestShown = heldOldest;
            m_liveOlderExhausted = false;
        }
        m_liveFrom = heldOldest != 0 ? heldOldest : m_openedAt + 1;
    } else {
        rows.showWindow(rowsFor(upToHit), PageSize);
    }
    m_oldestShown = upToHit.constFirst().rowId;
    m_olderExhausted = upToHit.size() <= half;
    m_newestShown = message.rowId;
    const auto hitRow = static_cast<int>(upToHit.size()) - 1;
    appendNewer(store.after(m_key, message.rowId, half), half);
    m_tab.messageView()->scrollTo(rows.index(hitRow), QAbstractItemView::PositionAtCenter);
    return hitRow;
}

void ConversationHistory::returnToLive(bool continuing)
{
    const QScopedValueRollback moving(m_moving, true);
    m_tab.messages().showLiveEnd(continuing);
    if (!continuing) {
        m_oldestShown = m_liveOldestShown;
        m_olderExhausted = m_liveOlderExhausted;
    }
    m_newestShown = 0;
}

void ConversationHistory::showLatest()
{
    returnToLive(false);
    m_tab.messageView()->scrollToBottom();
}

void ConversationHistory::cleared()
{
    if (m_tab.messages().isAway())
        showLatest(); // the window showed what was cleared
    m_tab.messages().removeClearedMessages();
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
