// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "certificatedialog.h"
#include "chatmessagemodel.h"
#include "connectdialog.h"
#include "discoveredsessionlist.h"
#include "endsessionquestion.h"
#include "historymenu.h"
#include "historyservice.h"
#include "hostdialog.h"
#include "hostedsession.h"
#include "joinedsession.h"
#include "lineicon.h"
#include "messagenotifications.h"
#include "nickname.h"
#include "screenfit.h"
#include "session/tlsselfcheck.h"
#include "sessiondetailsdialog.h"
#include "sessionretirement.h"
#include "sessiontab.h"
#include "settingsdialog.h"
#include "statusindicator.h"
#include "tls/versioninfo.h"
#include "trayicon.h"
#include "trust/identitystore.h"
#include "trustprompter.h"
#include "verificationactions.h"
#include "welcomepage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

// The icons live in this static library: pull them into whatever links it. Outside the
// namespace, as Q_INIT_RESOURCE requires.
static void initIconResources()
{
    Q_INIT_RESOURCE(securechat);
}

namespace securechat {

namespace {

    const QLatin1String GeometryKey("window/geometry");
    const QLatin1String StateKey("window/state");

} // namespace

MainWindow::MainWindow(AppPaths paths, QWidget* parent)
    : QMainWindow(parent)
    , m_paths(std::move(paths))
    , m_settings(m_paths.settingsFile(), QSettings::IniFormat)
    , m_pages(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_status(new StatusIndicator(this))
    , m_retirement(new SessionRetirement(this))
    , m_notifications(new MessageNotifications(m_settings, this))
{
    initIconResources();
    setWindowIcon(QIcon(QStringLiteral(":/icons/securechat.svg")));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setAccessibleName(tr("Sessions"));
    auto* welcome = new WelcomePage(m_pages);
    connect(welcome, &WelcomePage::hostRequested, this, [this] { openHostDialog(); });
    connect(welcome, &WelcomePage::connectRequested, this, [this] { openConnectDialog(); });
    m_pages->addWidget(welcome);
    m_pages->addWidget(m_tabs);
    setCentralWidget(m_pages);
    statusBar()->addWidget(m_status, 1);
    createActions();
    createTrayIcon();
    connect(m_notifications, &MessageNotifications::conversationRequested, this,
        [this](SessionTab* tab) { showWindow(tab); });
    m_history = new HistoryService(m_settings, this);
    if (const QString problem = m_history->open(m_paths.historyFile()); !problem.isEmpty())
        QTimer::singleShot(0, this, [this, problem] { warn(tr("Message History"), problem); });
    m_historyMenu = new HistoryMenu(*this, *m_history);

    connect(m_retirement, &SessionRetirement::allEnded, this, [this] {
        if (m_closeRequested)
            close(); // the window was closed while sessions were saying goodbye
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        updateActions();
        updateStatus();
        updateAttention();
        updateTitles();
    });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this,
        [this](int index) { requestCloseTab(qobject_cast<SessionTab*>(m_tabs->widget(index))); });

    resize(980, 680);
    restoreGeometry(m_settings.value(GeometryKey).toByteArray());
    restoreState(m_settings.value(StateKey).toByteArray());
    // 980×680 at a scale factor of 2 is larger than a 1600×1000 screen, and a size remembered on
    // a bigger screen may not fit this one.
    ScreenFit::fit(this);
    updateActions();
    updateTitles();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    // objectName "action" + name, e.g. "actionHost"; the line icon <icon> if given.
    auto add = [this](const char* name, const char* iconName, const QString& text,
                   const QKeySequence& shortcut, auto slot) {
        auto* action = new QAction(iconName ? LineIcon::icon(QLatin1String(iconName)) : QIcon(), text, this);
        action->setObjectName(QStringLiteral("action") + QLatin1String(name));
        action->setShortcut(shortcut);
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(QString(text).remove(u'&').remove(QStringLiteral("…")),
                shortcut.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    QAction* host
        = add("Host", "host", tr("&Host…"), QKeySequence(tr("Ctrl+H")), [this] { openHostDialog(); });
    QAction* join = add(
        "Connect", "connect", tr("&Connect…"), QKeySequence(tr("Ctrl+K")), [this] { openConnectDialog(); });
    m_disconnect = add("Disconnect", "disconnect", tr("&Disconnect"), QKeySequence(tr("Ctrl+D")), [this] {
        SessionTab* tab = currentTab();
        if (!tab)
            return;
        confirmEndingFor({ tab }, [tab = QPointer<SessionTab>(tab)] {
            if (tab)
                tab->session().end();
        });
    });
    QAction* closeTabAction = add("CloseTab", nullptr, tr("Close &Tab"), QKeySequence(tr("Ctrl+W")),
        [this] { requestCloseTab(currentTab()); });
    // As in browsers and terminals; Ctrl+Tab is the tab widget's own.
    auto step = [this](int by) {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + by + m_tabs->count()) % m_tabs->count());
    };
    QAction* nextTab
        = add("NextTab", nullptr, tr("&Next Tab"), QKeySequence(tr("Ctrl+PgDown")), [step] { step(1); });
    QAction* previousTab = add(
        "PreviousTab", nullptr, tr("&Previous Tab"), QKeySequence(tr("Ctrl+PgUp")), [step] { step(-1); });
    m_certificate = add("Certificate", "certificate", tr("C&ertificate…"), QKeySequence(tr("Ctrl+Shift+C")),
        [this] { showCertificate(); });
    m_details = add("SessionDetails", "details", tr("Session &Details…"), QKeySequence(tr("Ctrl+I")),
        [this] { showSessionDetails(); });
    QAction* settingsAction = add(
        "Settings", "settings", tr("&Settings…"), QKeySequence(tr("Ctrl+,")), [this] { showSettings(); });
    settingsAction->setMenuRole(QAction::PreferencesRole);
    // Spelled out: some platform themes (offscreen, bare X11) define no Quit key.
    QAction* quit = add("Quit", "quit", tr("&Quit"), QKeySequence(tr("Ctrl+Q")), &MainWindow::requestQuit);
    quit->setMenuRole(QAction::QuitRole);
    m_quit = quit;
    m_doNotDisturb = add("DoNotDisturb", nullptr, tr("Do &Not Disturb"), QKeySequence(),
        [this](bool on) { m_settings.setValue(MessageNotifications::doNotDisturbKey, on); });
    m_doNotDisturb->setCheckable(true);
    m_doNotDisturb->setChecked(m_settings.value(MessageNotifications::doNotDisturbKey, false).toBool());
    m_doNotDisturb->setToolTip(tr("No notifications until you turn this off"));
    m_find = add("Find", "find", tr("&Find…"), QKeySequence::Find, [this] {
        if (SessionTab* tab = currentTab())
            tab->showFindBar();
    });
    m_copy = add("Copy", "copy", tr("&Copy Selected Messages"), QKeySequence(), [this] {
        if (SessionTab* tab = currentTab())
            tab->copySelection();
    });
    QAction* about = add("About", nullptr, tr("&About SecureChat"), QKeySequence(), &MainWindow::showAbout);

    m_verification = new VerificationActions(this);
    QMenu* session = menuBar()->addMenu(tr("&Session"));
    session->addActions({ host, join, m_disconnect, closeTabAction });
    session->addActions({ nextTab, previousTab });
    session->addSeparator();
    session->addActions(
        { m_certificate, m_details, m_verification->verify(), m_verification->copyInviteLink() });
    session->addSeparator();
    session->addAction(m_doNotDisturb);
    session->addSeparator();
    session->addAction(quit);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({ m_copy, m_find });
    edit->addSeparator();
    edit->addAction(settingsAction);
    menuBar()->addMenu(tr("&Help"))->addAction(about);

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addActions({ host, join, m_disconnect });
    toolbar->addSeparator();
    toolbar->addActions({ m_certificate, m_details });
    toolbar->addSeparator();
    toolbar->addAction(settingsAction);
}

Result<SessionTab*> MainWindow::host(HostOptions options)
{
    options.knownClientsFile = m_paths.knownClientsFile(); // this person's decisions, whichever session
    auto session = std::make_unique<HostedSession>(std::move(options));
    if (const Status started = session->start(); !started)
        return Result<SessionTab*>::failure(started.error());
    return Result<SessionTab*>::success(addTab(std::move(session)));
}

SessionTab* MainWindow::connectTo(ClientOptions options)
{
    if (SessionTab* existing = joinedTab(options.endpoint())) {
        auto& joined = static_cast<JoinedSession&>(existing->session());
        showWindow(existing);
        ConnectDialog::rememberPeer(m_settings, joined.endpoint());
        if (joined.phase() == ChatSession::Phase::Ended)
            joined.restart(std::move(options));
        else if (joined.phase() == ChatSession::Phase::Reconnecting)
            joined.reconnector().reconnectNow();
        else
            existing->messages().appendNotice(
                tr("You are already in the session on %1: this is its tab.").arg(joined.endpoint()));
        return existing;
    }
    auto knownPeers = std::make_unique<KnownPeers>(m_paths.knownPeersFile());
    const Status loaded = knownPeers->load();
    auto session = std::make_unique<JoinedSession>(std::move(options), std::move(knownPeers));
    JoinedSession* joined = session.get();
    auto* prompter = new TrustPrompter(joined, this);
    connect(prompter, &TrustPrompter::knownPeersRequested, this, &MainWindow::showSettings);
    SessionTab* tab = addTab(std::move(session));
    if (!loaded)
        tab->messages().appendNotice(tr("Your known peers could not be read: %1").arg(loaded.error()),
            ChatMessageModel::Kind::Problem);
    ConnectDialog::rememberPeer(m_settings, joined->endpoint());
    joined->start();
    return tab;
}

void MainWindow::startHosting(HostOptions options, bool announceOnLocalNetwork)
{
    auto* check = new TlsSelfCheck(options.identity, this);
    connect(check, &TlsSelfCheck::finished, this,
        [this, check, options = std::move(options), announceOnLocalNetwork](
            bool passed, const QString& detail) {
            check->deleteLater();
            if (!passed) {
                const QString reason = tr("SecureChat did not start hosting: %1.").arg(detail);
                warn(tr("Cannot Host"), reason);
                Q_EMIT hostingFailed(reason);
                return;
            }
            const auto started = host(options);
            if (!started) {
                warn(tr("Cannot Host"), started.error());
                Q_EMIT hostingFailed(started.error());
                return;
            }
            if (announceOnLocalNetwork)
                static_cast<HostedSession&>(started.value()->session()).announceOnLocalNetwork();
            Q_EMIT hostingStarted(started.value());
        });
    check->start();
}

HostDialog* MainWindow::openHostDialog()
{
    auto* dialog = new HostDialog(m_paths, m_settings, this);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { startHosting(*dialog->hostOptions(), dialog->announceOnLocalNetwork()); });
    present(dialog);
    return dialog;
}

ConnectDialog* MainWindow::openConnectDialog()
{
    auto* dialog = new ConnectDialog(m_paths, m_settings, this);
    dialog->discoveredSessions()->browse();
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ClientOptions& options = *dialog->clientOptions();
        forgetTypedNicknameOnceJoined(connectTo(options)->session(), options.nick);
    });
    present(dialog);
    return dialog;
}

void MainWindow::forgetTypedNicknameOnceJoined(const ChatSession& session, const QString& nick)
{
    auto joined = std::make_shared<QMetaObject::Connection>();
    *joined
        = connect(&session, &ChatSession::phaseChanged, this, [this, joined, nick](ChatSession::Phase phase) {
              if (phase != ChatSession::Phase::Active)
                  return;
              Nickname::forgetTyped(m_settings, nick);
              disconnect(*joined);
          });
}

SessionTab* MainWindow::addTab(std::unique_ptr<ChatSession> session)
{
    auto* tab = new SessionTab(std::move(session), m_tabs);
    m_historyMenu->attach(*tab);
    const int index = m_tabs->addTab(tab, tab->title());
    m_tabs->setTabIcon(index, StatusIndicator::icon(tab->session().security()));
    connect(tab, &SessionTab::titleChanged, this, &MainWindow::updateTitles);
    connect(tab, &SessionTab::statusChanged, this, [this, tab] {
        m_tabs->setTabIcon(m_tabs->indexOf(tab), StatusIndicator::icon(tab->session().security()));
        updateActions();
        updateStatus();
    });
    connect(tab, &SessionTab::unreadMessage, this, &MainWindow::onUnreadMessage);
    m_notifications->watch(tab);
    connect(tab, &SessionTab::joinRequested, this, &MainWindow::alertIfAway);
    connect(tab, &SessionTab::closeRequested, this, [this, tab] { requestCloseTab(tab); });
    connect(tab, &SessionTab::certificateRequested, this, &MainWindow::showCertificate);
    connect(tab, &SessionTab::detailsRequested, this, &MainWindow::showSessionDetails);
    connect(tab, &SessionTab::verifyRequested, this,
        [this, tab](const QString& nick) { m_verification->verifyIn(tab, nick); });
    m_pages->setCurrentWidget(m_tabs);
    m_tabs->setCurrentWidget(tab);
    tab->setFocus();
    updateTitles();
    return tab;
}

SessionTab* MainWindow::currentTab() const
{
    return qobject_cast<SessionTab*>(m_tabs->currentWidget());
}

QList<SessionTab*> MainWindow::tabs() const
{
    QList<SessionTab*> all;
    for (int i = 0; i < m_tabs->count(); ++i)
        all << qobject_cast<SessionTab*>(m_tabs->widget(i));
    return all;
}

void MainWindow::closeTab(SessionTab* tab)
{
    if (!tab)
        return;
    m_tabs->removeTab(m_tabs->indexOf(tab));
    m_retirement->retire(tab->takeSession());
    tab->deleteLater();
    if (m_tabs->count() == 0)
        m_pages->setCurrentIndex(0);
    updateActions();
    updateStatus();
    updateTitles();
}

void MainWindow::requestCloseTab(SessionTab* tab)
{
    if (!tab)
        return;
    confirmEndingFor({ tab }, [this, tab = QPointer<SessionTab>(tab)] {
        if (tab)
            closeTab(tab);
    });
}

SessionTab* MainWindow::joinedTab(const QString& endpoint) const
{
    for (SessionTab* tab : tabs()) {
        const auto* joined = qobject_cast<const JoinedSession*>(&tab->session());
        if (joined && joined->endpoint() == endpoint)
            return tab;
    }
    return nullptr;
}

void MainWindow::updateActions()
{
    const SessionTab* tab = currentTab();
    const bool active = tab && tab->session().phase() == ChatSession::Phase::Active;
    m_disconnect->setEnabled(active);
    m_details->setEnabled(tab && tab->session().connectionDetails(tab->selectedPeer()).has_value());
    m_find->setEnabled(tab);
    m_copy->setEnabled(tab);
    m_verification->update(currentTab());
}

void MainWindow::updateStatus()
{
    if (const SessionTab* tab = currentTab())
        m_status->setStatus(tab->session().security(), tab->session().summary());
    else
        m_status->setStatus(
            ChatSession::Security::Insecure, tr("No session. Host one, or connect to someone."));
}

void MainWindow::updateTitles()
{
    int unread = 0;
    for (SessionTab* tab : tabs()) {
        m_tabs->setTabText(m_tabs->indexOf(tab), tab->title());
        unread += tab->unreadCount();
    }
    const SessionTab* tab = currentTab();
    QString title
        = tab ? tab->session().title() + QStringLiteral(" — SecureChat") : QStringLiteral("SecureChat");
    if (unread > 0 && !isActiveWindow())
        title = QStringLiteral("(%1) ").arg(unread) + title;
    setWindowTitle(title);
    m_tray->setUnreadCount(unread);
}

void MainWindow::updateAttention()
{
    const SessionTab* current = currentTab();
    for (SessionTab* tab : tabs())
        tab->setAttentive(tab == current && isActiveWindow());
}

void MainWindow::onUnreadMessage()
{
    updateTitles();
    alertIfAway();
}

void MainWindow::alertIfAway()
{
    if (!isActiveWindow() && m_settings.value(SettingsDialog::notificationsKey, true).toBool())
        QApplication::alert(this);
}

void MainWindow::showCertificate(const QString& nick)
{
    QList<CertificateDetails> chain;
    if (const SessionTab* tab = currentTab()) {
        chain = tab->session().certificateChain(nick.isEmpty() ? tab->selectedPeer() : nick);
    } else {
        const auto own = IdentityStore(m_paths.identityDirectory()).load();
        if (own)
            chain = CertificateDialog::detailsOf(own->chain());
    }
    if (chain.isEmpty()) {
        warn(tr("No Certificate"),
            currentTab() ? tr("There is no certificate to show yet.")
                         : tr("You have no identity yet: one is made when you first host or connect."));
        return;
    }
    present(new CertificateDialog(chain, this));
}

void MainWindow::showSessionDetails(const QString& nick)
{
    const SessionTab* tab = currentTab();
    const auto details
        = tab ? tab->session().connectionDetails(nick.isEmpty() ? tab->selectedPeer() : nick) : std::nullopt;
    if (!details) {
        warn(tr("No Connection"), tr("Nobody is connected in this session yet."));
        return;
    }
    present(new SessionDetailsDialog(
        *details, tab->session().messagesSent(), tab->session().messagesReceived(), this));
}

void MainWindow::showSettings(const QString& knownPeer)
{
    auto* dialog = new SettingsDialog(m_paths, m_settings, this);
    if (!knownPeer.isEmpty())
        dialog->selectKnownPeer(knownPeer);
    present(dialog);
}

void MainWindow::showAbout()
{
    auto* box = new QMessageBox(QMessageBox::NoIcon, tr("About SecureChat"),
        tr("Private text chat over TLS.") + QStringLiteral("\n\n")
            + versionText(QStringLiteral("SecureChat")),
        QMessageBox::Ok, this);
    box->setIconPixmap(QIcon(QStringLiteral(":/icons/securechat.svg")).pixmap(64, 64));
    box->setTextFormat(Qt::PlainText);
    present(box);
}

void MainWindow::warn(const QString& title, const QString& text)
{
    // Not PlainMessageBox::warn: that one runs its own event loop, and nothing here waits on a dialog.
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setTextFormat(Qt::PlainText); // quotes addresses and error messages
    present(box);
}

void MainWindow::present(QDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open(); // window-modal, no nested event loop
}

void MainWindow::createTrayIcon()
{
    m_tray = new TrayIcon(m_doNotDisturb, m_quit, this);
    connect(m_tray, &TrayIcon::showRequested, this, [this] { showWindow(); });
    connect(m_tray, &TrayIcon::hostRequested, this, [this] {
        showWindow();
        openHostDialog();
    });
    connect(m_tray, &TrayIcon::connectRequested, this, [this] {
        showWindow();
        openConnectDialog();
    });
    if (TrayIcon::isAvailable())
        m_tray->show();
}

void MainWindow::showWindow(SessionTab* tab)
{
    if (tab && m_tabs->indexOf(tab) >= 0)
        m_tabs->setCurrentWidget(tab);
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

bool MainWindow::keepsRunningInTray() const
{
    return TrayIcon::isAvailable() && m_settings.value(SettingsDialog::keepRunningInTrayKey, true).toBool();
}

void MainWindow::quit()
{
    m_quitRequested = true;
    close();
}

void MainWindow::requestQuit()
{
    confirmEndingFor(tabs(), [this] { quit(); });
}

void MainWindow::confirmEndingFor(const QList<SessionTab*>& tabs, std::function<void()> endThem)
{
    const int participants = EndSessionQuestion::participantsIn(tabs);
    if (participants == 0) {
        endThem();
        return;
    }
    if (!isVisible())
        showWindow(); // Quit from the tray: the question needs its window
    QMessageBox* question = EndSessionQuestion::create(participants, this);
    connect(question->findChild<QPushButton*>(QStringLiteral("endSessionButton")), &QPushButton::clicked,
        this, std::move(endThem));
    present(question);
}

int MainWindow::liveSessionCount() const
{
    const QList<SessionTab*> all = tabs();
    return static_cast<int>(std::count_if(all.cbegin(), all.cend(),
        [](const SessionTab* tab) { return tab->session().phase() != ChatSession::Phase::Ended; }));
}

void MainWindow::confirmEndingSessions()
{
    const int live = liveSessionCount();
    auto* box = new QMessageBox(QMessageBox::Question, tr("End Your Sessions?"),
        live == 1
            ? tr("Closing SecureChat ends your session: the others are told you left.")
            : tr("Closing SecureChat ends your %n sessions: the others are told you left.", nullptr, live),
        QMessageBox::Cancel, this);
    box->setTextFormat(Qt::PlainText);
    QPushButton* end = box->addButton(tr("&End Sessions and Close"), QMessageBox::AcceptRole);
    end->setObjectName(QStringLiteral("endSessionsButton"));
    LineIcon::decorateDialogButton(end, QStringLiteral("quit"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(end, &QPushButton::clicked, this, &MainWindow::quit);
    present(box);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_settings.setValue(GeometryKey, saveGeometry());
    m_settings.setValue(StateKey, saveState());
    if (!m_quitRequested && !m_closeRequested) {
        if (keepsRunningInTray()) {
            hide(); // the sessions go on; the tray brings the window back
            event->ignore();
            return;
        }
        if (liveSessionCount() > 0) {
            event->ignore();
            confirmEndingSessions();
            return;
        }
    }
    if (!m_closeRequested) {
        m_closeRequested = true;
        for (SessionTab* tab : tabs())
            closeTab(tab);
    }
    if (m_retirement->ending() > 0) {
        event->ignore(); // closes again once every session has said goodbye
        return;
    }
    event->accept();
    Q_EMIT closed();
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange) {
        updateAttention();
        updateTitles();
    }
}

} // namespace securechat
