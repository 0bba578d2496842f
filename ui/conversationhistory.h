// SPDX-License-Identifier: MIT
#pragma once

#include "history/historymessage.h"
#include "protocol/chatmessage.h"

#include <QList>
#include <QObject>
#include <QString>

class QAction;

namespace securechat {

class HistoryService;
class SessionTab;

/// Between one session tab and the stored history: shows the conversation's recent history when
/// it is opened and older messages when the person scrolls to the top, stores every message the
/// tab shows, keeps the person's own messages pending until the host acknowledges them, and hands
/// the pending ones of an earlier session to a new session with the same host.
///
/// The conversation is known by a certificate: the host's for a session joined
/// ("client:SHA256:AB:…"), the person's own for a session hosted ("host:SHA256:AB:…"). A joined
/// session learns it with the handshake; what is shown before is stored then.
class ConversationHistory final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationHistory)

public:
    static constexpr int PageSize = 200;

    /// Lives as a child of tab.
    ConversationHistory(SessionTab& tab, HistoryService& service);

    /// The conversation's key; empty until the host's certificate is known.
    const QString& key() const { return m_key; }
    /// This conversation's own switch (the global setting aside).
    bool isKeeping() const;
    void setKeeping(bool keep);
    /// Loads the page above what is shown; false when there is nothing older.
    bool loadOlder();
    /// The checkable "Keep history" action of the tab's message menu.
    QAction* keepAction() const { return m_keepAction; }

    enum class ExportFormat { Text, JsonLines };
    /// Writes the stored conversation to path; the reason on failure.
    QString exportTo(const QString& path, ExportFormat format) const;

    /// The conversation key of a ChatMessage's session.
    static QString clientKey(const QString& hostSha256Fingerprint);
    static QString hostKey(const QString& ownSha256Fingerprint);

private:
    void learnKey();
    void open(const QString& key);
    void record(HistoryMessage message);
    void onReceived(const ChatMessage& message);
    void onSent(const ChatMessage& message, bool awaiting);
    void onDelivered(const QString& id);
    void showEarlier(const QList<HistoryMessage>& messages);
    QString senderFingerprint(const QString& nick) const;
    void updateKeepAction();

    SessionTab& m_tab;
    HistoryService& m_service;
    QString m_key;
    qint64 m_oldestShown = 0; // the store's row id of the oldest message shown; 0: none yet
    bool m_olderExhausted = false;
    QList<HistoryMessage> m_beforeKey; // shown before the conversation was known
    QList<QString> m_acknowledgedBeforeKey;
    QAction* m_keepAction = nullptr;
};

} // namespace securechat
