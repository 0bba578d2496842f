// SPDX-License-Identifier: MIT
// The tray icon's menu and unread count, the settings that go with it (keep running in the tray,
// hide message text in notifications), Do not disturb, and what closing the window does where
// the desktop has no tray (offscreen has none): it asks before ending sessions.
#include "connectdialog.h"
#include "hostdialog.h"
#include "hostedsession.h"
#include "mainwindow.h"
#include "messagenotifications.h"
#include "sessionharness.h"
#include "sessiontab.h"
#include "settingsdialog.h"
#include "trayicon.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QAction* trayAction(const MainWindow& window, const char* name)
{
    for (QAction* action : window.trayIcon()->menu()->actions()) {
        if (action->objectName() == QLatin1String(name))
            return action;
    }
    qFatal("the tray menu has no %s", name);
}

template <typename Dialog> Dialog* visibleDialog(const MainWindow& window)
{
    for (Dialog* dialog : window.findChildren<Dialog*>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

} // namespace

class TestDesktopPresence final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void trayMenuOffersShowHostConnectDoNotDisturbQuit();
    void showBringsTheWindowBack();
    void hostAndConnectOpenTheirDialogsOverTheWindow_data();
    void hostAndConnectOpenTheirDialogsOverTheWindow();
    void doNotDisturbIsOneSettingInTrayAndMenu();
    void unreadMessagesShowOnTheTrayIcon();
    void quitEndsSessionsWithoutAsking();
    void closingWithoutATrayAsksBeforeEndingSessions();
    void closingWithoutSessionsDoesNotAsk();
    void settingsSaveTheNotificationAndTrayChoices_data();
    void settingsSaveTheNotificationAndTrayChoices();
    void keepRunningInTrayNeedsATray();
    void hostingSaysWhyTheTlsSelfCheckFailed();
    void hostingStartsAfterTheTlsSelfCheck();

private:
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestDesktopPresence::init()
{
    m_home = std::make_unique<QTemporaryDir>();
}

void TestDesktopPresence::trayMenuOffersShowHostConnectDoNotDisturbQuit()
{
    MainWindow window { AppPaths(m_home->path()) };
    QStringList entries;
    for (const QAction* action : window.trayIcon()->menu()->actions()) {
        if (!action->isSeparator())
            entries << action->text().remove(u'&');
    }
    QCOMPARE(entries,
        QStringList(
            { str("Show SecureChat"), str("Host…"), str("Connect…"), str("Do Not Disturb"), str("Quit") }));
    QCOMPARE(window.trayIcon()->icon()->contextMenu(), window.trayIcon()->menu());
}

void TestDesktopPresence::showBringsTheWindowBack()
{
    MainWindow window { AppPaths(m_home->path()) };
    QVERIFY(!window.isVisible());
    trayAction(window, "trayShow")->trigger();
    QVERIFY(window.isVisible());
    window.hide();
    Q_EMIT window.trayIcon()->icon()->activated(QSystemTrayIcon::Trigger); // a click on the icon
    QVERIFY(window.isVisible());
}

void TestDesktopPresence::hostAndConnectOpenTheirDialogsOverTheWindow_data()
{
    QTest::addColumn<QString>("action");
    QTest::newRow("host") << str("trayHost");
    QTest::newRow("connect") << str("trayConnect");
}

void TestDesktopPresence::hostAndConnectOpenTheirDialogsOverTheWindow()
{
    QFETCH(QString, action);
    MainWindow window { AppPaths(m_home->path()) };
    trayAction(window, qPrintable(action))->trigger();
    QVERIFY(window.isVisible()); // a dialog of a hidden window would float on its own
    if (action == str("trayHost")) {
        QVERIFY(visibleDialog<HostDialog>(window));
        QVERIFY(!visibleDialog<ConnectDialog>(window));
    } else {
        QVERIFY(visibleDialog<ConnectDialog>(window));
        QVERIFY(!visibleDialog<HostDialog>(window));
    }
}

void TestDesktopPresence::doNotDisturbIsOneSettingInTrayAndMenu()
{
    {
        MainWindow window { AppPaths(m_home->path()) };
        QAction* inTray = trayAction(window, "actionDoNotDisturb");
        QCOMPARE(inTray, window.findChild<QAction*>(str("actionDoNotDisturb"))); // the window's own
        QVERIFY(!inTray->isChecked());
        inTray->trigger();
        QVERIFY(inTray->isChecked());
        QVERIFY(window.settings().value(MessageNotifications::doNotDisturbKey).toBool());
        QVERIFY(window.trayIcon()->toolTip().contains(str("Do not disturb")));
    }
    MainWindow again { AppPaths(m_home->path()) };
    QVERIFY(trayAction(again, "actionDoNotDisturb")->isChecked());
}

void TestDesktopPresence::unreadMessagesShowOnTheTrayIcon()
{
    MainWindow window { AppPaths(m_home->path()) }; // never shown: nobody looks at the tab
    const auto hosting = window.host(test::hostOptions());
    QVERIFY2(hosting, qPrintable(hosting.error()));
    const QImage noneUnread = window.trayIcon()->icon()->icon().pixmap(64, 64).toImage();
    const auto& host = static_cast<const HostedSession&>(hosting.value()->session()).host();
    const auto bob = test::joinedClient(host, str("bob"));
    bob->sendMessage(str("one"));
    bob->sendMessage(str("two"));
    QTRY_COMPARE(window.trayIcon()->unreadCount(), 2);
    QCOMPARE(window.trayIcon()->toolTip(), str("SecureChat: 2 unread messages"));
    QVERIFY(window.trayIcon()->icon()->icon().pixmap(64, 64).toImage() != noneUnread); // the badge
    QCOMPARE(window.trayIcon()->icon()->toolTip(), window.trayIcon()->toolTip());
}

void TestDesktopPresence::quitEndsSessionsWithoutAsking()
{
    MainWindow window { AppPaths(m_home->path()) };
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.host(test::hostOptions()));
    QSignalSpy closed(&window, &MainWindow::closed);
    trayAction(window, "actionQuit")->trigger();
    QVERIFY(!visibleDialog<QMessageBox>(window));
    QTRY_COMPARE(closed.count(), 1);
    QVERIFY(!window.isVisible());
}

void TestDesktopPresence::closingWithoutATrayAsksBeforeEndingSessions()
{
    QVERIFY(!TrayIcon::isAvailable()); // offscreen
    MainWindow window { AppPaths(m_home->path()) };
    QVERIFY(!window.keepsRunningInTray());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.host(test::hostOptions()));
    QSignalSpy closed(&window, &MainWindow::closed);
    QVERIFY(!window.close());
    auto* question = visibleDialog<QMessageBox>(window);
    QVERIFY(question);
    QVERIFY2(question->text().contains(str("ends your session")), qPrintable(question->text()));
    question->button(QMessageBox::Cancel)->click(); // changed their mind: everything goes on
    QVERIFY(window.isVisible());
    QCOMPARE(window.currentTab()->session().phase(), ChatSession::Phase::Active);
    QCOMPARE(closed.count(), 0);

    QVERIFY(!window.close());
    window.findChild<QPushButton*>(str("endSessionsButton"))->click();
    QTRY_COMPARE(closed.count(), 1);
}

void TestDesktopPresence::closingWithoutSessionsDoesNotAsk()
{
    MainWindow window { AppPaths(m_home->path()) };
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy closed(&window, &MainWindow::closed);
    QVERIFY(window.close());
    QCOMPARE(closed.count(), 1);
}

void TestDesktopPresence::settingsSaveTheNotificationAndTrayChoices_data()
{
    QTest::addColumn<bool>("hideText");
    QTest::addColumn<bool>("keepRunning");
    QTest::newRow("hide text") << true << true;
    QTest::newRow("show text, quit on close") << false << false;
}

void TestDesktopPresence::settingsSaveTheNotificationAndTrayChoices()
{
    QFETCH(bool, hideText);
    QFETCH(bool, keepRunning);
    const AppPaths paths(m_home->path());
    {
        QSettings settings(paths.settingsFile(), QSettings::IniFormat);
        SettingsDialog dialog(paths, settings);
        auto* hide = dialog.findChild<QCheckBox*>(str("hideNotificationTextCheck"));
        auto* keep = dialog.findChild<QCheckBox*>(str("keepRunningInTrayCheck"));
        QVERIFY(!hide->isChecked()); // previews are shown unless hidden
        QVERIFY(keep->isChecked()); // on by default (where there is a tray)
        dialog.findChild<QLineEdit*>(str("nicknameEdit"))->setText(str("alice")); // OK needs one
        hide->setChecked(hideText);
        keep->setChecked(keepRunning);
        dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    }
    QSettings stored(paths.settingsFile(), QSettings::IniFormat);
    QCOMPARE(stored.value(MessageNotifications::hideTextKey).toBool(), hideText);
    QCOMPARE(stored.value(SettingsDialog::keepRunningInTrayKey).toBool(), keepRunning);
    SettingsDialog again(paths, stored);
    QCOMPARE(again.findChild<QCheckBox*>(str("hideNotificationTextCheck"))->isChecked(), hideText);
    QCOMPARE(again.findChild<QCheckBox*>(str("keepRunningInTrayCheck"))->isChecked(), keepRunning);
}

void TestDesktopPresence::keepRunningInTrayNeedsATray()
{
    const AppPaths paths(m_home->path());
    QSettings settings(paths.settingsFile(), QSettings::IniFormat);
    SettingsDialog dialog(paths, settings);
    auto* keep = dialog.findChild<QCheckBox*>(str("keepRunningInTrayCheck"));
    QCOMPARE(keep->isEnabled(), TrayIcon::isAvailable());
    QVERIFY(keep->toolTip().contains(str("no system tray")));
    // Hiding message text is part of notifications: off with them.
    dialog.findChild<QCheckBox*>(str("notificationsCheck"))->setChecked(false);
    QVERIFY(!dialog.findChild<QCheckBox*>(str("hideNotificationTextCheck"))->isEnabled());
}

void TestDesktopPresence::hostingSaysWhyTheTlsSelfCheckFailed()
{
    // A 1024-bit RSA key: Identity loads it, but OpenSSL's security level refuses it for TLS.
    QProcess openssl;
    openssl.start(str("openssl"),
        { str("req"), str("-x509"), str("-newkey"), str("rsa:1024"), str("-noenc"), str("-keyout"),
            m_home->filePath(str("weak.key")), str("-out"), m_home->filePath(str("weak.pem")), str("-days"),
            str("1"), str("-subj"), str("/CN=weak") });
    QVERIFY(openssl.waitForFinished() && openssl.exitCode() == 0);
    auto identity
        = Identity::fromPemFiles(m_home->filePath(str("weak.pem")), m_home->filePath(str("weak.key")));
    QVERIFY2(identity, qPrintable(identity.error()));
    HostOptions options = test::hostOptions();
    options.identity = std::move(identity).value();

    MainWindow window { AppPaths(m_home->path()) };
    QSignalSpy failed(&window, &MainWindow::hostingFailed);
    window.startHosting(options);
    QVERIFY(failed.wait(10'000));
    const QString reason = failed.first().first().toString();
    QVERIFY2(reason.startsWith(
                 str("SecureChat did not start hosting: the TLS configuration does not work here: ")),
        qPrintable(reason));
    QCOMPARE(window.tabs().size(), 0);
    auto* warning = visibleDialog<QMessageBox>(window);
    QVERIFY(warning);
    QCOMPARE(warning->text(), reason);
}

void TestDesktopPresence::hostingStartsAfterTheTlsSelfCheck()
{
    MainWindow window { AppPaths(m_home->path()) };
    QSignalSpy started(&window, &MainWindow::hostingStarted);
    window.startHosting(test::hostOptions());
    QCOMPARE(window.tabs().size(), 0); // not before the loopback handshake
    QVERIFY(started.wait(10'000));
    QCOMPARE(window.tabs().size(), 1);
    QCOMPARE(window.currentTab()->session().phase(), ChatSession::Phase::Active);
}

QTEST_MAIN(TestDesktopPresence)
#include "tst_desktoppresence.moc"
