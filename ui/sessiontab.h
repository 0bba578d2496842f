// SPDX-License-Identifier: MIT
#pragma once

#include "chatsession.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QListView;
class QPushButton;
class QToolButton;
class QTreeView;

namespace securechat {

class ChatMessageDelegate;
class ChatMessageModel;
class FindBar;
class JoinRequestPanel;
class MessageInput;
class ParticipantModel;
class SessionBanner;

/// One chat session in the main window: the messages, who is there and how far each one is
/// trusted, the input line, a find bar (Ctrl+F), a banner for hosting, progress and the end, and
/// for a hosted session the people waiting to join.
class SessionTab final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionTab)

public:
    explicit SessionTab(std::unique_ptr<ChatSession> session, QWidget* parent = nullptr);
    ~SessionTab() override;

    ChatSession& session() const { return *m_session; }
    /// Hands the session over, so that it can finish (flush, say goodbye) after the tab is gone.
    std::unique_ptr<ChatSession> takeSession();

    ChatMessageModel& messages() const { return *m_messages; }
    ParticipantModel& participants() const { return *m_participants; }
    MessageInput* input() const { return m_input; }
    QPushButton* sendButton() const { return m_sendButton; }
    QTreeView* messageView() const { return m_messageView; }
    QListView* participantView() const { return m_participantView; }
    FindBar* findBar() const { return m_findBar; }
    /// Shown while the messages are a window further back: back to the newest (End does it too).
    QToolButton* jumpToLatestButton() const { return m_jumpToLatest; }
    SessionBanner* banner() const { return m_banner; }
    /// Who waits to join; null unless this person hosts the session.
    JoinRequestPanel* joinRequests() const { return m_joinRequests; }

    /// The session's title, with the unread count when there is one: "127.0.0.1:7447 (3)".
    QString title() const;
    int unreadCount() const { return m_unread; }
    /// Whether the person sees this tab (current tab of the active window). While attentive,
    /// nothing counts as unread, and becoming attentive reads everything.
    void setAttentive(bool attentive);
    /// The participant selected in the list, else the one meant by default (the host, or a peer).
    QString selectedPeer() const;

    /// Copies the selected messages as plain text lines.
    void copySelection();
    void showFindBar();
    /// Scrolls to row (a history search hit for words) and marks it as the find bar marks a match.
    void showFound(int row, const QString& words);

Q_SIGNALS:
    void titleChanged();
    /// The session's summary or security changed.
    void statusChanged();
    /// A message arrived while the person was not looking.
    void unreadMessage(const securechat::ChatMessage& message);
    /// Someone waits for this host's answer to join.
    void joinRequested();
    void closeRequested();
    void certificateRequested(const QString& nick);
    void detailsRequested(const QString& nick);
    /// "Verify…": compare the safety number with this participant.
    void verifyRequested(const QString& nick);
    /// The person wants the newest messages again, away from a window further back.
    void latestRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildMessagePane();
    QWidget* buildParticipantPane();
    void watchSession();
    void addActions();
    void updateBanner();
    void updateInput();
    void updateParticipants();
    void send(const QString& text);
    void onMessageReceived(const ChatMessage& message);
    void find(bool backward);
    /// Shows the find bar's match in row (-1: none).
    void landOn(int row);
    void updateJumpToLatest();
    void placeJumpToLatest();
    void showParticipantMenu(const QPoint& position);
    /// Asks for a reason, then removes nick from the hosted session (and blocks its certificate).
    void confirmRemoval(const QString& nick, bool block);
    void remove(const QString& nick, const QString& reason, bool block);

    std::unique_ptr<ChatSession> m_session;
    ChatMessageModel* m_messages = nullptr;
    ChatMessageDelegate* m_delegate = nullptr;
    ParticipantModel* m_participants = nullptr;
    SessionBanner* m_banner = nullptr;
    JoinRequestPanel* m_joinRequests = nullptr;
    QTreeView* m_messageView = nullptr;
    QListView* m_participantView = nullptr;
    QLabel* m_participantHeader = nullptr;
    FindBar* m_findBar = nullptr;
    MessageInput* m_input = nullptr;
    QPushButton* m_sendButton = nullptr;
    QToolButton* m_jumpToLatest = nullptr;
    QTimer m_scrollTimer;
    int m_unread = 0;
    int m_findRow = -1;
    bool m_attentive = true;
    bool m_stickToBottom = true;
};

} // namespace securechat
