// SPDX-License-Identifier: MIT
#pragma once

#include "base/apppaths.h"
#include "base/result.h"
#include "session/chatclient.h"
#include "session/chathost.h"

#include <QMainWindow>
#include <QSettings>

class QDialog;
class QStackedWidget;
class QTabWidget;

namespace securechat {

class ChatSession;
class ConnectDialog;
class HistoryMenu;
class HistoryService;
class HostDialog;
class SessionRetirement;
class SessionTab;
class StatusIndicator;

/// SecureChat's window: one tab per session (host one and join others at once), the actions
/// in a toolbar and menus with shortcuts, and the current session's security in the status bar.
/// Dialogs open window-modal without blocking (open()), so nothing here runs a nested loop.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(AppPaths paths, QWidget* parent = nullptr);
    ~MainWindow() override;

    QSettings& settings() { return m_settings; }
    const AppPaths& paths() const { return m_paths; }

    /// Starts hosting in a new tab, with this person's known clients; fails with the reason (port
    /// in use, ...).
    Result<SessionTab*> host(HostOptions options);
    /// Connects in a new tab; progress, the trust question and failures show in and over the tab.
    SessionTab* connectTo(ClientOptions options);

    HostDialog* openHostDialog();
    ConnectDialog* openConnectDialog();

    QTabWidget* tabWidget() const { return m_tabs; }
    SessionTab* currentTab() const;
    QList<SessionTab*> tabs() const;
    StatusIndicator* statusIndicator() const { return m_status; }
    HistoryMenu* historyMenu() const { return m_historyMenu; }
    /// Ends the tab's session (gracefully: queued messages go out first) and closes the tab.
    void closeTab(SessionTab* tab);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    SessionTab* addTab(std::unique_ptr<ChatSession> session);
    void updateActions();
    void updateStatus();
    void updateTitles();
    void updateAttention();
    void onUnreadMessage();
    /// Asks the desktop to draw the person's attention, if they are elsewhere and want that.
    void alertIfAway();
    /// Of nick, or of the participant selected in the current tab; the person's own without a tab.
    void showCertificate(const QString& nick = QString());
    void showSessionDetails(const QString& nick = QString());
    void showSettings(const QString& knownPeer = QString());
    void showAbout();
    void warn(const QString& title, const QString& text);
    void present(QDialog* dialog);

    AppPaths m_paths;
    QSettings m_settings;
    QStackedWidget* m_pages = nullptr;
    QTabWidget* m_tabs = nullptr;
    StatusIndicator* m_status = nullptr;
    QAction* m_disconnect = nullptr;
    QAction* m_certificate = nullptr;
    QAction* m_details = nullptr;
    QAction* m_find = nullptr;
    QAction* m_copy = nullptr;
    SessionRetirement* m_retirement = nullptr;
    HistoryService* m_history = nullptr;
    HistoryMenu* m_historyMenu = nullptr;
    bool m_closeRequested = false;
};

} // namespace securechat
