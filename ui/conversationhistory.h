// SPDX-License-Identifier: MIT
#pragma once

#include "chatmessagemodel.h"
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
/// The conversation is known by a certificate: the host's for a session joined
/// ("client:SHA256:AB:…"), the person's own for a session hosted ("host:SHA256:AB:…"). A joined
/// session learns it once the person trusts the host; what is typed before is stored at once
/// under "connecting:HOST:PORT" (so a crash loses none of it) and moved into the conversation
/// then, together with what an earlier attempt to that address left unsent. A tab whose address
/// is answered later by another certificate goes on as that certificate's conversation.
class ConversationHistory final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationHistory)

public:
    static constexpr int PageSize = 200;

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
    /// Loads older pages until the stored message (found by a search) is shown; its row, or -1.
    int showStored(const HistoryMessage& message);
    /// Clearing this conversation's history (or all) begins: what is shown now goes when it is done.
    void clearingStarted();
    /// The stored history was cleared: the messages shown when it began go too (pending ones stay).
    void cleared();
    /// The checkable "Keep history" action of the tab's message menu.
    QAction* keepAction() const { return m_keepAction; }

    enum class ExportFormat { Text, JsonLines };
    /// Writes the stored conversation to path; the reason on failure.
    QString exportTo(const QString& path, ExportFormat format) const;

    /// The conversation key of a ChatMessage's session.
    static QString clientKey(const QString& hostSha256Fingerprint);
    static QString hostKey(const QString& ownSha256Fingerprint);
    /// Where a session's messages are stored before its conversation is known.
    static QString connectingKey(const QString& endpoint);

private:
    void learnKey();
    /// The key of the session as it is now; empty until the host's certificate is trusted.
    QString currentKey() const;
    void open(const QString& key);
    /// Another certificate answered on the tab's address: the tab goes on as its conversation.
    void switchTo(const QString& key);
    /// Sends what is stored as pending under m_key, and what an earlier attempt left unsent.
    void resendPending();
    /// Sends and shows what an earlier attempt to this address typed and never sent.
    void adoptUnsent(JoinedSession& joined);
    void record(HistoryMessage message);
    void onReceived(const ChatMessage& message);
    void onSent(const ChatMessage& message, bool awaiting);
    void onDelivered(const QString& id);
    void showEarlier(const QList<HistoryMessage>& messages);
    static ChatMessageModel::Earlier shownAs(const HistoryMessage& stored);
    QString senderFingerprint(const QString& nick) const;
    void updateKeepAction();

    SessionTab& m_tab;
    HistoryService& m_service;
    QString m_key;
    QString m_connectingKey; // where messages go until m_key is known
    qint64 m_oldestShown = 0; // the store's row id of the oldest message shown; 0: none yet
    bool m_olderExhausted = false;
    QSet<QString> m_shownBeforeKey; // ids this tab stored while connecting: shown already
    std::optional<quint64> m_clearingMark; // the tab's rows when clearing began
    QAction* m_keepAction = nullptr;
};

} // namespace securechat
