// SPDX-License-Identifier: MIT
// Ending a hosted session that others are in, on purpose, is asked about first, whichever way
// the person ends it: Disconnect, Ctrl+D, the tab's close button, Quit. A real host with real
// guests on loopback.
#include "buttonicons.h"
#include "endsessionquestion.h"
#include "guestclient.h"
#include "hostedsession.h"
#include "mainwindow.h"
#include "person.h"
#include "sessionharness.h"
#include "sessiontab.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

namespace {

enum class Way { Disconnect, CtrlD, CloseTab, Quit };

// The host, with `guests` people joined.
struct HostWithGuests {
    Person alice;
    std::vector<std::unique_ptr<ChatClient>> guests;

    explicit HostWithGuests(int count)
    {
        const auto hosting = alice.window->host(hostOptions());
        if (!hosting)
            qFatal("cannot host: %s", qPrintable(hosting.error()));
        for (int i = 0; i < count; ++i)
            guests.push_back(guest(host().port(), str("guest%1").arg(i + 1)));
        if (!QTest::qWaitFor(
                [this, count] { return alice.session().participants().size() == count + 1; }, 10'000))
            qFatal("the guests did not join");
    }
    const ChatHost& host() const { return static_cast<const HostedSession&>(alice.session()).host(); }

    void end(Way way) const
    {
        MainWindow& window = *alice.window;
        switch (way) {
        case Way::Disconnect:
            window.findChild<QAction*>(str("actionDisconnect"))->trigger();
            break;
        case Way::CtrlD:
            window.activateWindow();
            if (!QTest::qWaitForWindowActive(&window))
                qFatal("the window did not become active");
            QTest::keyClick(window.focusWidget(), Qt::Key_D, Qt::ControlModifier);
            break;
        case Way::CloseTab: {
            QTabBar* bar = window.tabWidget()->tabBar();
            QTest::mouseClick(bar->tabButton(0, QTabBar::RightSide), Qt::LeftButton);
            break;
        }
        case Way::Quit:
            window.findChild<QAction*>(str("actionQuit"))->trigger();
            break;
        }
    }
};

void addWays()
{
    QTest::addColumn<Way>("way");
    QTest::newRow("Disconnect") << Way::Disconnect;
    QTest::newRow("Ctrl+D") << Way::CtrlD;
    QTest::newRow("closing the tab") << Way::CloseTab;
    QTest::newRow("Quit") << Way::Quit;
}

} // namespace

class TestEndSessionQuestion final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void endingAsksFirstAndCancelKeepsTheSession_data() { addWays(); }
    void endingAsksFirstAndCancelKeepsTheSession();
    void confirmingEndsTheSessionForEveryone_data() { addWays(); }
    void confirmingEndsTheSessionForEveryone();
    void oneParticipantIsOne();
    void nobodyToAskAboutEndsAtOnce();
    void everyButtonHasAnIcon();
    void quitQuestionHasAnIconOnEveryButton();
};

void TestEndSessionQuestion::endingAsksFirstAndCancelKeepsTheSession()
{
    QFETCH(Way, way);
    HostWithGuests session(2);
    QSignalSpy closed(session.alice.window.get(), &MainWindow::closed);

    session.end(way);

    auto* question = session.alice.visible<QMessageBox>();
    QVERIFY(question);
    QCOMPARE(question->text(), str("End the session for 2 participants?"));
    QCOMPARE(question->defaultButton(), question->button(QMessageBox::Cancel));
    question->button(QMessageBox::Cancel)->click();
    QTest::qWait(200);
    QCOMPARE(session.alice.window->tabs().size(), 1);
    QCOMPARE(session.alice.session().phase(), ChatSession::Phase::Active);
    QCOMPARE(session.alice.session().participants().size(), 3);
    QCOMPARE(closed.count(), 0);
}

void TestEndSessionQuestion::confirmingEndsTheSessionForEveryone()
{
    QFETCH(Way, way);
    HostWithGuests session(2);

    session.end(way);

    auto* question = session.alice.visible<QMessageBox>();
    QVERIFY(question);
    question->findChild<QPushButton*>(str("endSessionButton"))->click();
    for (const auto& guest : session.guests)
        QTRY_COMPARE(guest->state(), ChatClient::State::Disconnected);
}

void TestEndSessionQuestion::oneParticipantIsOne()
{
    HostWithGuests session(1);
    session.end(Way::Disconnect);
    auto* question = session.alice.visible<QMessageBox>();
    QVERIFY(question);
    QCOMPARE(question->text(), str("End the session for 1 participant?"));
}

void TestEndSessionQuestion::nobodyToAskAboutEndsAtOnce()
{
    HostWithGuests session(0);
    session.end(Way::Disconnect);
    QVERIFY(!session.alice.visible<QMessageBox>());
    QTRY_COMPARE(session.alice.session().phase(), ChatSession::Phase::Ended);
}

// Where the desktop puts icons on dialog buttons, End Session has one beside Cancel's.
void TestEndSessionQuestion::everyButtonHasAnIcon()
{
    const IconsOnDialogButtons icons;
    const std::unique_ptr<QMessageBox> question(EndSessionQuestion::create(2, nullptr));
    QCOMPARE(buttonsWithoutIcon(*question), QStringList());
}

void TestEndSessionQuestion::quitQuestionHasAnIconOnEveryButton()
{
    const IconsOnDialogButtons icons;
    HostWithGuests session(1);
    session.end(Way::Quit);
    auto* question = session.alice.visible<QMessageBox>();
    QVERIFY(question);
    QCOMPARE(buttonsWithoutIcon(*question), QStringList());
}

QTEST_MAIN(TestEndSessionQuestion)
#include "tst_endsessionquestion.moc"
