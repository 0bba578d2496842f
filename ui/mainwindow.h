// SPDX-License-Identifier: MIT
#pragma once

#include "base/apppaths.h"
#include "base/result.h"
#include "session/clientoptions.h"
#include "session/hostoptions.h"

#include <QMainWindow>
#include <QSettings>

#include <functional>

class QDialog;
class QStackedWidget;
class QTabWidget;

namespace securechat {

class ChatSession;
class ConnectDialog;
class HistoryMenu;
class HistoryService;
class HostDialog;
class MessageNotifications;
class SessionRetirement;
class SessionTab;
class StatusIndicator;
class VerificationActions;
class TrayIcon;

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
    /// Proves the TLS configuration with a loopback handshake (TlsSelfCheck), then hosts; says
    /// what is wrong when either fails, and announces the session on the local network if asked.
    /// hostingStarted() or hostingFailed() follows.
    void startHosting(HostOptions options, bool announceOnLocalNetwork = false);
    /// Connects in a new tab; progress, the trust question and failures show in and over the tab.
    /// A host that already has a tab is connected to in that tab: again if its session ended.
    SessionTab* connectTo(ClientOptions options);

    HostDialog* openHostDialog();
    ConnectDialog* openConnectDialog();

    QTabWidget* tabWidget() const { return m_tabs; }
    SessionTab* currentTab() const;
    QList<SessionTab*> tabs() const;
    StatusIndicator* statusIndicator() const { return m_status; }
    VerificationActions* verificationActions() const { return m_verification; }
    HistoryMenu* historyMenu() const { return m_historyMenu; }
    /// Ends the tab's session (gracefully: queued messages go out first) and closes the tab.
    void closeTab(SessionTab* tab);
    /// closeTab(), once the person confirmed it if others are in a session they host.
    void requestCloseTab(SessionTab* tab);

    /// The tray icon; not shown where the desktop has no tray.
    TrayIcon* trayIcon() const { return m_tray; }
    MessageNotifications* notifications() const { return m_notifications; }
    /// Brings the window back (from the tray, too) with tab current, if given.
    void showWindow(SessionTab* tab = nullptr);
    /// Whether closing the window hides it in the tray, sessions going on.
    bool keepsRunningInTray() const;
    /// Ends every session and closes the window, without asking and without the tray.
    void quit();
    /// quit(), once the person confirmed it if others are in a session they host (Quit's action).
    void requestQuit();

Q_SIGNALS:
    void hostingStarted(securechat::SessionTab* tab);
    void hostingFailed(const QString& reason);
    /// The window closed for good: every session has ended. The app quits then.
    void closed();

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
    void createTrayIcon();
    /// Sessions that closing the window would end (not ended already).
    int liveSessionCount() const;
    /// Closing without a tray ends sessions: asks first.
    void confirmEndingSessions();
    /// Runs endThem at once, or once the person confirmed ending the sessions hosted in `tabs`
    /// that others are in.
    void confirmEndingFor(const QList<SessionTab*>& tabs, std::function<void()> endThem);
    /// Connect…'s typed nickname is for retrying a failed attempt: once the attempt joins, the
    /// dialog offers the person's name again.
    void forgetTypedNicknameOnceJoined(const ChatSession& session, const QString& nick);
    /// The tab already connected (or connecting) to endpoint, "host:port"; null if none.
    SessionTab* joinedTab(const QString& endpoint) const;

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
    VerificationActions* m_verification = nullptr;
    QAction* m_doNotDisturb = nullptr;
    QAction* m_quit = nullptr;
    TrayIcon* m_tray = nullptr;
    MessageNotifications* m_notifications = nullptr;
    HistoryService* m_history = nullptr;
    HistoryMenu* m_historyMenu = nullptr;
    bool m_closeRequested = false;
    bool m_quitRequested = false; // Quit, or closing confirmed: ends sessions, no tray
};

} // namespace securechat
