// SPDX-License-Identifier: MIT
#pragma once

#include "history/historymessage.h"
#include "protocol/chatmessage.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <optional>

class QAction;

namespace securechat {

class HistoryService;
class JoinedSession;
class SessionTab;

/// Between one session tab and the stored history: shows the conversation's recent history when
/// it is opened and older messages when the person scrolls to the top, stores every message the
/// tab shows, keeps the person's own messages pending until the host acknowledges them, and hands
/// the pending ones of an earlier session to a new session with the same host.
///
/// A search hit far back is shown in a window of its neighbours, away from the live end (see
/// ChatMessageModel::showWindow), not by loading every page in between. The window grows by a
/// page when scrolled to its top or bottom and loses one at its far end past MaxWindowPages;
/// scrolled down to the live end, or asked to (the tab's "Jump to Latest"), the live rows return.
///
/// The conversation is known by a certificate (ConversationKey): the host's for a session joined,
/// the person's own for a session hosted. A joined session learns it once the person trusts the
/// host; what is typed before is stored at once under its connecting key (so a crash loses none
/// of it) and moved into the conversation then, together with what an earlier attempt to that
/// address (in this app or securechat-cli) left unsent. A tab whose address is answered later by
/// another certificate goes on as that certificate's conversation.
class ConversationHistory final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationHistory)

public:
    static constexpr int PageSize = 200;
    /// How long a window grows before it loses a page at the far end.
    static constexpr int MaxWindowPages = 3;
    /// A hit at most this many pages above the live end's rows is loaded down to, not jumped to.
    static constexpr int NearbyPages = 2;

    /// Lives as a child of tab.
    ConversationHistory(SessionTab& tab, HistoryService& service);

    SessionTab& tab() const { return m_tab; }
    /// The conversation's key; empty until the host's certificate is known.
    const QString& key() const { return m_key; }
    /// This conversation's own switch (the global setting aside).
    bool isKeeping() const;
    void setKeeping(bool keep);
    /// Loads the page above what is shown; false when there is nothing older.
    bool loadOlder();
    /// Away from the live end: loads the page below the window, and returns to the live end when
    /// it is reached; false when not away.
    bool loadNewer();
    /// Shows the stored message (found by a search) with its neighbours; its row, or -1.
    int showStored(const HistoryMessage& message);
    /// Leaves a window for the live end, scrolled to the newest message.
    void showLatest();
    /// The stored history was cleared: the messages shown go too (pending ones stay).
    void cleared();
    /// The checkable "Keep history" action of the tab's message menu.
    QAction* keepAction() const { return m_keepAction; }

    enum class ExportFormat { Text, JsonLines };
    /// Writes the stored conversation to path; the reason on failure.
    QString exportTo(const QString& path, ExportFormat format) const;

private:
    void learnKey();
    /// The key of the session as it is now; empty until the host's certificate is trusted.
    QString currentKey() const;
    void open(const QString& key);
    /// Another certificate answered on the tab's address: the tab goes on as its conversation.
    void switchTo(const QString& key);
    /// Sends what is stored as pending under m_key, and what an earlier attempt left unsent.
    void resendPending();
    /// Sends and shows what an earlier attempt to this address typed and never sent (of left, the
    /// connecting key's pending messages, those this tab did not type).
    void adoptUnsent(JoinedSession& joined, const QList<HistoryMessage>& left);
    void record(HistoryMessage message);
    void onReceived(const ChatMessage& message);
    void onSent(const ChatMessage& message, bool awaiting);
    void onDelivered(const QString& id);
    void showEarlier(const QList<HistoryMessage>& messages);
    void onScrolled(int value);
    int showWindowAround(const HistoryMessage& message);
    /// Appends the stored messages below a window (asked: how many were read for).
    void appendNewer(QList<HistoryMessage> messages, int asked);
    /// Keeps a window at MaxWindowPages, dropping rows at the end away from where it grew.
    void trimWindow(bool grewAtTop);
    void returnToLive(bool continuing);
    QString senderFingerprint(const QString& nick) const;
    void updateKeepAction();

    SessionTab& m_tab;
    HistoryService& m_service;
    QString m_key;
    QString m_connectingKey; // where messages go until m_key is known
    qint64 m_oldestShown = 0; // the store's row id of the oldest message shown; 0: none yet
    bool m_olderExhausted = false;
    qint64 m_openedAt = 0; // the newest stored row id when opened: newer ones were shown live
    // While a window is shown: its newest stored row id, and where the held live rows begin in
    // the store (the window stops before it); what to restore for the live end.
    qint64 m_newestShown = 0;
    qint64 m_liveFrom = 0;
    qint64 m_liveOldestShown = 0;
    bool m_liveOlderExhausted = false;
    bool m_moving = false; // the rows are being replaced: scrolling meanwhile loads nothing
    QSet<QString> m_shownBeforeKey; // ids this tab stored while connecting: shown already
    QAction* m_keepAction = nullptr;
};

} // namespace securechat
