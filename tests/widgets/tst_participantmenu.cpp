// SPDX-License-Identifier: MIT
// The participant list's context menu on the host's side: Remove… and Remove and block…, with a
// real ChatHost on 127.0.0.1 and real ChatClients.
#include "guestclient.h"
#include "hostedsession.h"
#include "mainwindow.h"
#include "participantmodel.h"
#include "removaldialog.h"
#include "sessionharness.h"
#include "sessiontab.h"
#include "trust/knownclients.h"

#include <QContextMenuEvent>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// Opens the participant list's context menu on `row`, as a right click does, and chooses the
// action whose object name is `choice`; with an empty choice, or none such, it closes the menu.
// Returns the object names of the menu's actions.
QStringList useParticipantMenu(SessionTab& tab, int row, const QString& choice = {})
{
    QStringList names;
    auto* poll = new QTimer(&tab);
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, &names, choice] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        poll->stop();
        poll->deleteLater();
        QAction* chosen = nullptr;
        for (QAction* action : menu->actions()) {
            names << action->objectName();
            if (!choice.isEmpty() && action->objectName() == choice)
                chosen = action;
        }
        if (!chosen) {
            menu->close();
            return;
        }
        menu->setActiveAction(chosen);
        QTest::keyClick(menu, Qt::Key_Return);
    });
    poll->start();
    QListView* view = tab.participantView();
    const QPoint at = view->visualRect(tab.participants().index(row)).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &event);
    return names;
}

template <typename Dialog> Dialog* visible(const QWidget& window)
{
    for (Dialog* dialog : window.findChildren<Dialog*>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

QString reasonOf(const QSignalSpy& gone)
{
    return gone.first().first().value<Disconnect>().message;
}

} // namespace

class TestParticipantMenu final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void hostCanRemoveAParticipant();
    void hostCannotRemoveThemselves();
    void joinedSideCannotRemoveAnyone();
    void removeTellsThemWhy();
    void removeCanBeCancelled();
    void removeAndBlockRefusesTheirCertificateFromThenOn();
    void blockingAPeerWithoutCertificateSaysWhyNot();

private:
    // Starts hosting in the window, open to anyone, and lets `nick` join with the certificate
    // `identityName` (none if empty); returns them once they are in the host's list.
    std::unique_ptr<ChatClient> hostWithGuest(const QString& nick, const QString& identityName);
    quint16 port() const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<MainWindow> m_window;
    SessionTab* m_tab = nullptr;
};

void TestParticipantMenu::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_window = std::make_unique<MainWindow>(AppPaths(m_home->path()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestParticipantMenu::cleanup()
{
    m_window.reset();
    m_tab = nullptr;
}

quint16 TestParticipantMenu::port() const
{
    return static_cast<const HostedSession&>(m_tab->session()).host().port();
}

std::unique_ptr<ChatClient> TestParticipantMenu::hostWithGuest(
    const QString& nick, const QString& identityName)
{
    const auto tab = m_window->host(test::hostOptions());
    if (!tab)
        qFatal("could not host: %s", qPrintable(tab.error()));
    m_tab = tab.value();
    auto guest = test::guest(port(), nick, identityName);
    if (!QTest::qWaitFor([this] { return m_tab->participants().rowCount() == 2; }, 10'000))
        qFatal("%s did not join", qPrintable(nick));
    return guest;
}

void TestParticipantMenu::hostCanRemoveAParticipant()
{
    const auto bob = hostWithGuest(str("bob"), str("client"));
    const QStringList actions = useParticipantMenu(*m_tab, 1);
    QVERIFY2(actions.contains(str("removeAction")), qPrintable(actions.join(u' ')));
    QVERIFY2(actions.contains(str("removeAndBlockAction")), qPrintable(actions.join(u' ')));
}

void TestParticipantMenu::hostCannotRemoveThemselves()
{
    const auto bob = hostWithGuest(str("bob"), str("client"));
    const QStringList actions = useParticipantMenu(*m_tab, 0);
    QVERIFY(!actions.isEmpty());
    QVERIFY2(!actions.contains(str("removeAction")), qPrintable(actions.join(u' ')));
    QVERIFY2(!actions.contains(str("removeAndBlockAction")), qPrintable(actions.join(u' ')));
}

void TestParticipantMenu::joinedSideCannotRemoveAnyone()
{
    const auto host = test::startHost();
    MainWindow guestWindow { AppPaths(m_home->filePath(str("guest"))) };
    guestWindow.show();
    QVERIFY(QTest::qWaitForWindowExposed(&guestWindow));
    SessionTab* joined = guestWindow.connectTo(test::clientOptions(*host, str("bob")));
    QTRY_COMPARE(joined->session().phase(), ChatSession::Phase::Active);
    QTRY_COMPARE(joined->participants().rowCount(), 2);
    const QStringList actions = useParticipantMenu(*joined, 0); // the host, seen from bob's side
    QVERIFY(!actions.isEmpty());
    QVERIFY2(!actions.contains(str("removeAction")), qPrintable(actions.join(u' ')));
}

void TestParticipantMenu::removeTellsThemWhy()
{
    const auto bob = hostWithGuest(str("bob"), str("client"));
    QSignalSpy told(bob.get(), &ChatClient::hostError);
    QSignalSpy gone(bob.get(), &ChatClient::disconnected);
    useParticipantMenu(*m_tab, 1, str("removeAction"));
    RemovalDialog* dialog = visible<RemovalDialog>(*m_window);
    QVERIFY(dialog);
    QCOMPARE(dialog->nick(), str("bob"));
    QVERIFY(!dialog->blocks());
    dialog->setReason(str("off topic"));
    dialog->accept();
    QVERIFY(gone.wait(10'000));
    QCOMPARE(told.size(), 1);
    QCOMPARE(told.first().at(1).toString(), str("removed by the host: off topic"));
    QTRY_COMPARE(m_tab->participants().rowCount(), 1);
}

void TestParticipantMenu::removeCanBeCancelled()
{
    const auto bob = hostWithGuest(str("bob"), str("client"));
    useParticipantMenu(*m_tab, 1, str("removeAction"));
    RemovalDialog* dialog = visible<RemovalDialog>(*m_window);
    QVERIFY(dialog);
    dialog->reject();
    QTest::qWait(200);
    QCOMPARE(bob->state(), ChatClient::State::Joined);
    QCOMPARE(m_tab->participants().rowCount(), 2);
}

void TestParticipantMenu::removeAndBlockRefusesTheirCertificateFromThenOn()
{
    const auto bob = hostWithGuest(str("bob"), str("client"));
    QSignalSpy gone(bob.get(), &ChatClient::disconnected);
    useParticipantMenu(*m_tab, 1, str("removeAndBlockAction"));
    RemovalDialog* dialog = visible<RemovalDialog>(*m_window);
    QVERIFY(dialog);
    QVERIFY(dialog->blocks());
    dialog->accept();
    QVERIFY(gone.wait(10'000));
    KnownClients known(AppPaths(m_home->path()).knownClientsFile());
    QVERIFY(known.load());
    const auto blocked = known.find(test::sha256Of(str("client.pem")));
    QVERIFY(blocked);
    QCOMPARE(blocked->verdict, KnownClient::Verdict::Block);

    const auto again = test::guest(port(), str("bob"), str("client"));
    QSignalSpy refused(again.get(), &ChatClient::disconnected);
    QVERIFY(refused.wait(10'000));
    QVERIFY2(reasonOf(refused).contains(str("blocked")), qPrintable(reasonOf(refused)));
    QVERIFY(!visible<QMessageBox>(*m_window));
}

void TestParticipantMenu::blockingAPeerWithoutCertificateSaysWhyNot()
{
    const auto anonymous = hostWithGuest(str("anon"), QString());
    QSignalSpy gone(anonymous.get(), &ChatClient::disconnected);
    useParticipantMenu(*m_tab, 1, str("removeAndBlockAction"));
    RemovalDialog* dialog = visible<RemovalDialog>(*m_window);
    QVERIFY(dialog);
    dialog->accept();
    QMessageBox* error = visible<QMessageBox>(*m_window);
    QVERIFY(error);
    QCOMPARE(error->textFormat(), Qt::PlainText);
    QVERIFY2(error->text().contains(str("no certificate to block")), qPrintable(error->text()));
    QVERIFY(gone.wait(10'000)); // removed all the same
}

QTEST_MAIN(TestParticipantMenu)
#include "tst_participantmenu.moc"
