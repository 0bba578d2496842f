// SPDX-License-Identifier: MIT
#include "chatmessagedelegate.h"
#include "chatmessagemodel.h"
#include "findbar.h"
#include "hostdialog.h"
#include "hostedsession.h"
#include "mainwindow.h"
#include "sessionbanner.h"
#include "sessionharness.h"
#include "sessiontab.h"
#include "statusindicator.h"
#include "testcerts.h"

#include <QAction>
#include <QClipboard>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QAction* action(const MainWindow& window, const char* name)
{
    return window.findChild<QAction*>(QLatin1String(name));
}

SessionTab* hostTab(MainWindow& window)
{
    auto tab = window.host(test::hostOptions());
    if (!tab)
        qFatal("could not host: %s", qPrintable(tab.error()));
    return tab.value();
}

const HostedSession& hosted(const SessionTab* tab)
{
    return static_cast<const HostedSession&>(tab->session());
}

} // namespace

class TestMainWindow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void actionHasShortcutAndMenu_data();
    void actionHasShortcutAndMenu();
    void shortcutsAreDistinct();
    void startsOnWelcomeNotSecure();
    void geometryIsRemembered();
    void hostingShowsAddressAndFingerprint();
    void copyButtonCopiesFingerprint();
    void hostingOnABusyPortFails();
    void hostDialogStartsHosting();
    void hostDialogStaysOpenWithReason();
    void closingTheTabEndsHosting();
    void closingTheWindowEndsSessionsFirst();
    void ctrlCCopiesSelectedMessages();
    void ctrlFFindsNewestMatch();
    void findMarksTheTextInTheRowItLandsOn();
    void ctrlPageKeysSwitchTabs_data();
    void ctrlPageKeysSwitchTabs();
    void hundredThousandMessagesInATab();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestMainWindow::actionHasShortcutAndMenu_data()
{
    QTest::addColumn<QString>("name");
    for (const char* name : { "actionHost", "actionConnect", "actionDisconnect", "actionCertificate",
             "actionSessionDetails", "actionSettings", "actionQuit" })
        QTest::newRow(name) << str(name);
}

void TestMainWindow::actionHasShortcutAndMenu()
{
    QFETCH(QString, name);
    MainWindow window { AppPaths(m_dir->path()) };
    const QAction* found = window.findChild<QAction*>(name);
    QVERIFY(found);
    QVERIFY(!found->shortcut().isEmpty());
    const QList<QObject*> users = found->associatedObjects();
    QVERIFY(std::any_of(users.cbegin(), users.cend(), [](QObject* o) { return qobject_cast<QMenu*>(o); }));
}

void TestMainWindow::shortcutsAreDistinct()
{
    MainWindow window { AppPaths(m_dir->path()) };
    QSet<QString> seen;
    for (const QAction* each : window.findChildren<QAction*>()) {
        if (each->shortcut().isEmpty() || each->parent() != &window)
            continue;
        const QString key = each->shortcut().toString();
        QVERIFY2(!seen.contains(key), qPrintable(key));
        seen.insert(key);
    }
    QVERIFY(seen.size() >= 7);
}

void TestMainWindow::startsOnWelcomeNotSecure()
{
    MainWindow window { AppPaths(m_dir->path()) };
    QCOMPARE(window.tabs().size(), 0);
    QCOMPARE(window.windowTitle(), str("SecureChat"));
    QCOMPARE(window.statusIndicator()->security(), ChatSession::Security::Insecure);
    QVERIFY(!action(window, "actionDisconnect")->isEnabled());
    QVERIFY(!action(window, "actionSessionDetails")->isEnabled());
}

void TestMainWindow::geometryIsRemembered()
{
    {
        MainWindow window { AppPaths(m_dir->path()) };
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(777, 555);
        QTRY_COMPARE(window.size(), QSize(777, 555));
        window.close();
    }
    MainWindow again { AppPaths(m_dir->path()) };
    QCOMPARE(again.size(), QSize(777, 555));
}

void TestMainWindow::hostingShowsAddressAndFingerprint()
{
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = hostTab(window);
    const QString address = str("127.0.0.1:%1").arg(hosted(tab).host().port());
    QCOMPARE(tab->banner()->mode(), SessionBanner::Mode::Hosting);
    QCOMPARE(tab->banner()->text(), str("Listening on %1").arg(address));
    QCOMPARE(tab->banner()->fingerprint(),
        CertificateDetails::fingerprintSha256(test::identity(str("host")).certificate()));
    QCOMPARE(window.statusIndicator()->security(), ChatSession::Security::Listening);
    QVERIFY(window.statusIndicator()->summary().contains(address));
    QVERIFY(window.windowTitle().startsWith(str("Hosting on port")));
    QVERIFY(action(window, "actionDisconnect")->isEnabled());
}

void TestMainWindow::copyButtonCopiesFingerprint()
{
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = hostTab(window);
    QApplication::clipboard()->clear();
    QTest::mouseClick(tab->banner()->actionButton(), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), hosted(tab).fingerprint());
}

void TestMainWindow::hostingOnABusyPortFails()
{
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* first = hostTab(window);
    HostOptions sameAddress = test::hostOptions();
    sameAddress.port = hosted(first).host().port();
    const auto second = window.host(sameAddress);
    QVERIFY(!second);
    QVERIFY2(second.error().contains(str("is already in use: another program or session listens there")),
        qPrintable(second.error()));
    QCOMPARE(window.tabs().size(), 1);
}

void TestMainWindow::hostDialogStartsHosting()
{
    MainWindow window { AppPaths(m_dir->path()) };
    HostDialog* dialog = window.openHostDialog();
    QVERIFY(dialog->isVisible());
    dialog->setAddress(QHostAddress::LocalHost);
    dialog->setPort(0);
    dialog->setNickname(str("alice"));
    dialog->setIdentityFiles(test::certPath(str("host.pem")), test::certPath(str("host.key")));
    dialog->accept();
    QTRY_COMPARE(window.tabs().size(), 1); // after the TLS self-check's loopback handshake
    const SessionTab* tab = window.currentTab();
    QCOMPARE(tab->session().ownNick(), str("alice"));
    QCOMPARE(hosted(tab).host().address(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(window.settings().value(str("host/address")).toString(), str("localhost"));
}

void TestMainWindow::hostDialogStaysOpenWithReason()
{
    MainWindow window { AppPaths(m_dir->path()) };
    HostDialog* dialog = window.openHostDialog();
    dialog->setIdentityFiles(m_dir->filePath(str("missing.pem")), m_dir->filePath(str("missing.key")));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    const QLabel* error = dialog->findChild<QLabel*>(str("error"));
    QVERIFY(error && !error->isHidden());
    QVERIFY2(error->text().contains(str("missing.pem")), qPrintable(error->text()));
    QCOMPARE(window.tabs().size(), 0);
}

void TestMainWindow::closingTheTabEndsHosting()
{
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = hostTab(window);
    const quint16 port = hosted(tab).host().port();
    window.closeTab(tab);
    QCOMPARE(window.tabs().size(), 0);
    QCOMPARE(window.statusIndicator()->security(), ChatSession::Security::Insecure);
    // The port is free again once the session has ended.
    HostOptions again = test::hostOptions();
    again.port = port;
    const auto reopened = window.host(again);
    QVERIFY2(reopened, qPrintable(reopened.error()));
}

void TestMainWindow::closingTheWindowEndsSessionsFirst()
{
    MainWindow window { AppPaths(m_dir->path()) };
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const quint16 port = hosted(hostTab(window)).host().port();
    QVERIFY(!window.close()); // not yet: without a tray, the person is asked first
    auto* endSessions = window.findChild<QPushButton*>(str("endSessionsButton"));
    QVERIFY(endSessions && endSessions->isVisible());
    endSessions->click(); // and then the session says goodbye first
    QTRY_VERIFY(!window.isVisible());
    HostOptions again = test::hostOptions();
    again.port = port;
    const auto reopened = window.host(again);
    QVERIFY2(reopened, qPrintable(reopened.error()));
}

void TestMainWindow::ctrlCCopiesSelectedMessages()
{
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = hostTab(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ChatMessageModel& model = tab->messages();
    const int first = model.rowCount();
    for (const char* text : { "one", "<b>two</b>", "three" })
        model.appendMessage({ 1, QString(), str("alice"), str(text), QDateTime::currentDateTimeUtc() });
    QTreeView* view = tab->messageView();
    view->setFocus();
    view->selectionModel()->select(model.index(first + 1), QItemSelectionModel::Select);
    view->selectionModel()->select(model.index(first + 2), QItemSelectionModel::Select);
    QApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), model.plainText({ first + 1, first + 2 }));
    QVERIFY(QApplication::clipboard()->text().contains(str("<alice> <b>two</b>\n")));
}

void TestMainWindow::ctrlFFindsNewestMatch()
{
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = hostTab(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ChatMessageModel& model = tab->messages();
    for (const char* text : { "apple", "banana", "apple pie", "cherry" })
        model.appendMessage({ 1, QString(), str("alice"), str(text), QDateTime::currentDateTimeUtc() });
    const int newestApple = model.rowCount() - 2;
    action(window, "actionFind")->trigger();
    QVERIFY(tab->findBar()->isVisible());
    QTest::keyClicks(QApplication::focusWidget(), str("apple"));
    QCOMPARE(tab->messageView()->currentIndex().row(), newestApple);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(tab->messageView()->currentIndex().row(), newestApple - 2);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!tab->findBar()->isVisible());
}

// What the person sees: the found word is marked in the (selected) row the bar landed on, and
// Escape takes the mark away with the bar.
void TestMainWindow::findMarksTheTextInTheRowItLandsOn()
{
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = hostTab(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ChatMessageModel& model = tab->messages();
    for (const char* text : { "apple", "the banana is ripe", "cherry" })
        model.appendMessage({ 1, QString(), str("alice"), str(text), QDateTime::currentDateTimeUtc() });
    action(window, "actionFind")->trigger();
    QTest::keyClicks(QApplication::focusWidget(), str("banana"));
    QTreeView* view = tab->messageView();
    QCOMPARE(view->currentIndex().row(), model.rowCount() - 2);
    auto markedInRow = [view] {
        const QImage shot = view->viewport()->grab().toImage();
        const QRect row = view->visualRect(view->currentIndex()) & shot.rect();
        const QRgb marker = ChatMessageDelegate::findMarker(true).rgb();
        for (int y = row.top(); y <= row.bottom(); ++y)
            for (int x = row.left(); x <= row.right(); ++x)
                if (shot.pixel(x, y) == marker)
                    return true;
        return false;
    };
    QVERIFY(markedInRow());
    view->setFocus(); // the person clicked into the chat: Escape still closes the bar
    QTest::keyClick(view, Qt::Key_Escape);
    QVERIFY(!tab->findBar()->isVisible());
    QVERIFY(!markedInRow());
}

void TestMainWindow::ctrlPageKeysSwitchTabs_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::newRow("Ctrl+PgDown: the next tab") << int(Qt::Key_PageDown) << 0 << 1;
    QTest::newRow("Ctrl+PgDown: from the last to the first") << int(Qt::Key_PageDown) << 2 << 0;
    QTest::newRow("Ctrl+PgUp: the previous tab") << int(Qt::Key_PageUp) << 2 << 1;
    QTest::newRow("Ctrl+PgUp: from the first to the last") << int(Qt::Key_PageUp) << 0 << 2;
}

// From where the person is: typing in the input line.
void TestMainWindow::ctrlPageKeysSwitchTabs()
{
    QFETCH(int, key);
    QFETCH(int, from);
    QFETCH(int, to);
    MainWindow window { AppPaths(m_dir->path()) };
    for (int i = 0; i < 3; ++i)
        hostTab(window);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto* tabs = window.findChild<QTabWidget*>();
    tabs->setCurrentIndex(from);
    tabs->currentWidget()->setFocus();
    QTRY_VERIFY(QApplication::focusWidget());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key(key), Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), to);
}

void TestMainWindow::hundredThousandMessagesInATab()
{
    constexpr int Count = 100'000;
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = hostTab(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < Count; ++i) {
        const QString text = i % 10 == 0
            ? str("a longer message that wraps onto a second line when the window is narrow, number %1")
                  .arg(i)
            : str("message %1").arg(i);
        tab->messages().appendMessage(
            { i + 1, QString(), str("peer%1").arg(i % 5), text, QDateTime::currentDateTimeUtc() });
    }
    const qint64 appended = timer.elapsed();
    QCoreApplication::processEvents();
    tab->messageView()->scrollToBottom();
    QCoreApplication::processEvents();
    window.resize(window.width() - 200, window.height());
    QCoreApplication::processEvents();
    qDebug("%d messages: appended with the view attached in %lld ms, shown, scrolled and re-wrapped after "
           "%lld ms",
        Count, appended, timer.elapsed());
    const QModelIndex last = tab->messages().index(tab->messages().rowCount() - 1);
    QVERIFY(tab->messageView()->viewport()->rect().intersects(tab->messageView()->visualRect(last)));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
