// SPDX-License-Identifier: MIT
// Closing the window where the desktop has a system tray (Xvfb with trayer, through with-tray.sh):
// the window hides, the sessions go on, and the tray brings it back or quits.
#include "hostedsession.h"
#include "mainwindow.h"
#include "sessionharness.h"
#include "sessiontab.h"
#include "settingsdialog.h"
#include "trayicon.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

class TestTrayClose final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void closingHidesInTheTrayAndSessionsGoOn();
    void quitFromTheTrayEndsEverything();
    void withTheSettingOffClosingAsks();

private:
    QTemporaryDir m_home;
};

void TestTrayClose::initTestCase()
{
    // trayer starts beside the test: wait until it owns the tray.
    QTRY_VERIFY_WITH_TIMEOUT(TrayIcon::isAvailable(), 10'000);
}

void TestTrayClose::closingHidesInTheTrayAndSessionsGoOn()
{
    MainWindow window { AppPaths(m_home.path()) };
    QVERIFY(window.keepsRunningInTray());
    QVERIFY(window.trayIcon()->icon()->isVisible());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SessionTab* tab = window.host(test::hostOptions()).value();
    QSignalSpy closed(&window, &MainWindow::closed);

    QVERIFY(!window.close());
    QVERIFY(!window.isVisible());
    QCOMPARE(closed.count(), 0);
    // Still hosting: a guest can join while the window is in the tray.
    const auto bob
        = test::joinedClient(static_cast<const HostedSession&>(tab->session()).host(), QStringLiteral("bob"));
    QCOMPARE(tab->session().phase(), ChatSession::Phase::Active);

    for (QAction* action : window.trayIcon()->menu()->actions()) {
        if (action->objectName() == QLatin1String("trayShow"))
            action->trigger();
    }
    QVERIFY(window.isVisible());
    QCOMPARE(window.currentTab(), tab);
}

void TestTrayClose::quitFromTheTrayEndsEverything()
{
    MainWindow window { AppPaths(m_home.path()) };
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.host(test::hostOptions()));
    QVERIFY(!window.close()); // into the tray
    QSignalSpy closed(&window, &MainWindow::closed);
    window.findChild<QAction*>(QStringLiteral("actionQuit"))->trigger(); // in the tray's menu too
    QTRY_COMPARE(closed.count(), 1);
}

void TestTrayClose::withTheSettingOffClosingAsks()
{
    MainWindow window { AppPaths(m_home.path()) };
    window.settings().setValue(SettingsDialog::keepRunningInTrayKey, false);
    QVERIFY(!window.keepsRunningInTray());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.host(test::hostOptions()));
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QTRY_VERIFY(window.findChild<QMessageBox*>() && window.findChild<QMessageBox*>()->isVisible());
}

QTEST_MAIN(TestTrayClose)
#include "tst_trayclose.moc"
