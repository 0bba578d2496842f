// SPDX-License-Identifier: MIT
#pragma once

#include "conversationhistory.h"

#include <QObject>

class QAction;
class QMenu;

namespace securechat {

class HistoryService;
class HistorySearchDialog;
class MainWindow;
class SessionTab;

/// The window's History menu and what it does: this conversation's switch, search in every
/// conversation, export this one as plain text or JSON lines, clear this one or all. Gives each
/// new tab its ConversationHistory.
class HistoryMenu final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryMenu)

public:
    HistoryMenu(MainWindow& window, HistoryService& service);

    /// Stores and shows the tab's conversation from now on.
    void attach(SessionTab& tab);
    /// The history of the current tab; null without one.
    ConversationHistory* current() const;

    QMenu* menu() const { return m_menu; }
    HistorySearchDialog* openSearch(const QString& text);
    void exportCurrent();
    /// Asks first; then clears in the background (the window stays usable), and takes what was
    /// cleared out of the open tabs too.
    void confirmClear(bool everything);
    /// Shows a message found in the history in its conversation's tab, or, when no tab has that
    /// conversation open, in a StoredConversationDialog.
    void showFound(const HistoryMessage& message, const QString& words);

private:
    void updateActions();
    void onCleared(const QString& conversation, const QString& error);
    /// The histories of the open tabs a clear of `conversation` (empty: all) affects.
    QList<ConversationHistory*> historiesOf(const QString& conversation) const;

    MainWindow& m_window;
    HistoryService& m_service;
    QMenu* m_menu = nullptr;
    QAction* m_keep = nullptr;
    QAction* m_search = nullptr;
    QAction* m_export = nullptr;
    QAction* m_clear = nullptr;
    QAction* m_clearAll = nullptr;
    bool m_writeFailureShown = false;
};

} // namespace securechat
