// SPDX-License-Identifier: MIT
// Sessions that ended or never got in, as the window shows them: what the banner, status bar and
// chat say, Reconnect and Try Again in the same tab, Connect… to a host that already has a tab,
// the titles once hosting stops, and the input line that cannot send. Real hosts on loopback.
#include "chatmessagemodel.h"
#include "connectdialog.h"
#include "hostedsession.h"
#include "joinedsession.h"
#include "mainwindow.h"
#include "messageinput.h"
#include "nickname.h"
#include "person.h"
#include "sessionbanner.h"
#include "sessionharness.h"
#include "sessiontab.h"
#include "statusindicator.h"
#include "testcerts.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpServer>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

namespace {

// A port that nothing listens on (free a moment ago).
quint16 unusedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        qFatal("no free port on 127.0.0.1");
    return probe.serverPort();
}

std::unique_ptr<ChatHost> hostOn(quint16 port)
{
    HostOptions options = hostOptions();
    options.port = port;
    return startHost(std::move(options));
}

// bob's options for 127.0.0.1:port, verifying the host with the test CA.
ClientOptions bobTo(quint16 port)
{
    ClientOptions options;
    options.host = str("127.0.0.1");
    options.port = port;
    options.nick = str("bob");
    options.caCertificates = caCertificates();
    return options;
}

ChatMessageModel::Delivery deliveryOfLastOwnMessage(const Person& person)
{
    const ChatMessageModel& messages = person.messages();
    for (int row = messages.rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = messages.index(row);
        if (index.data(ChatMessageModel::KindRole).toInt() == int(ChatMessageModel::Kind::OwnMessage))
            return ChatMessageModel::Delivery(index.data(ChatMessageModel::DeliveryRole).toInt());
    }
    return ChatMessageModel::Delivery::None;
}

QString endpoint(quint16 port)
{
    return str("127.0.0.1:%1").arg(port);
}

} // namespace

class TestEndedSessions final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void connectionNobodyListensToSaysSo();
    void serverWithoutTlsIsSaidInASentence();
    void failedConnectionOffersTryAgainInTheSameTab();
    void sessionTheHostEndedOffersReconnectInTheSameTab();
    void reconnectSendsWhatWasNeverDelivered();
    void connectingAgainToAnEndedSessionsHostUsesItsTab();
    void connectingAgainToAJoinedHostShowsItsTab();
    void connectDialogReopensWithWhatWasTyped();
    void connectDialogOffersThePersonsNameOnceTheAttemptJoined();
    void hostTitlesSayWhenHostingStopped();
    void newHostTabLeavesTheEndedOnesTitleAlone();
    void inputThatCannotSendLooksDisabledAndSaysWhy();
};

void TestEndedSessions::connectionNobodyListensToSaysSo()
{
    Person bob;
    const quint16 port = unusedPort();
    SessionTab* tab = bob.window->connectTo(bobTo(port));
    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Ended);

    const QString expected = str("Could not connect: nobody is listening on %1.").arg(endpoint(port));
    QCOMPARE(tab->banner()->text(), expected);
    QCOMPARE(bob.window->statusIndicator()->summary(), expected);
    QCOMPARE(bob.lastText(), expected);
    for (int row = 0; row < bob.messages().rowCount(); ++row)
        QVERIFY2(!bob.messages().index(row).data().toString().contains(str("Disconnected")),
            qPrintable(bob.messages().index(row).data().toString()));
}

void TestEndedSessions::serverWithoutTlsIsSaidInASentence()
{
    QTcpServer plain; // answers, then hangs up without a word of TLS
    QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
    connect(&plain, &QTcpServer::newConnection, &plain, [&plain] { delete plain.nextPendingConnection(); });
    Person bob;
    SessionTab* tab = bob.window->connectTo(bobTo(plain.serverPort()));

    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Ended);

    const QString said = tab->banner()->text();
    QVERIFY2(said.startsWith(str("Could not connect securely to %1: ").arg(endpoint(plain.serverPort()))),
        qPrintable(said));
    QCOMPARE(bob.lastText(), said);
    QCOMPARE(tab->banner()->detail(), str("The program answering there may not be a SecureChat host."));
    QCOMPARE(tab->banner()->retryButton()->text(), str("Try Again"));
}

void TestEndedSessions::failedConnectionOffersTryAgainInTheSameTab()
{
    Person bob;
    const quint16 port = unusedPort();
    SessionTab* tab = bob.window->connectTo(bobTo(port));
    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Ended);
    QPushButton* retry = tab->banner()->retryButton();
    QVERIFY(retry->isVisible());
    QCOMPARE(retry->text(), str("Try Again"));
    QVERIFY(tab->banner()->actionButton()->isVisible());
    QCOMPARE(tab->banner()->actionButton()->text(), str("Close Tab"));

    const auto host = hostOn(port);
    QTest::mouseClick(retry, Qt::LeftButton);

    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Active);
    QCOMPARE(bob.window->tabs(), QList<SessionTab*>({ tab }));
    QVERIFY(!tab->banner()->isVisible());
    QTRY_COMPARE(host->participants().size(), 2);
}

void TestEndedSessions::sessionTheHostEndedOffersReconnectInTheSameTab()
{
    Person bob;
    auto host = hostOn(0);
    const quint16 port = host->port();
    SessionTab* tab = bob.window->connectTo(bobTo(port));
    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Active);
    host->stop(); // a goodbye: nothing reconnects by itself
    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Ended);
    QCOMPARE(tab->banner()->retryButton()->text(), str("Reconnect"));
    QVERIFY(tab->banner()->retryButton()->isVisible());

    host = hostOn(port);
    QTest::mouseClick(tab->banner()->retryButton(), Qt::LeftButton);

    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Active);
    QCOMPARE(bob.window->tabs(), QList<SessionTab*>({ tab }));
    bob.type(str("back again"));
    QTRY_COMPARE(deliveryOfLastOwnMessage(bob), ChatMessageModel::Delivery::Delivered);
}

void TestEndedSessions::reconnectSendsWhatWasNeverDelivered()
{
    Person bob;
    auto host = hostOn(0);
    const quint16 port = host->port();
    SessionTab* tab = bob.window->connectTo(bobTo(port));
    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Active);
    host.reset(); // lost without a goodbye: reconnecting
    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Reconnecting);
    bob.type(str("typed while away"));
    QTest::mouseClick(tab->banner()->stopButton(), Qt::LeftButton);
    QCOMPARE(tab->session().phase(), ChatSession::Phase::Ended);

    host = hostOn(port);
    QSignalSpy received(host.get(), &ChatHost::messageReceived);
    QTest::mouseClick(tab->banner()->retryButton(), Qt::LeftButton);

    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.first().at(0).value<ChatMessage>().text, str("typed while away"));
    QTRY_COMPARE(deliveryOfLastOwnMessage(bob), ChatMessageModel::Delivery::Delivered);
}

void TestEndedSessions::connectingAgainToAnEndedSessionsHostUsesItsTab()
{
    Person bob;
    const quint16 port = unusedPort();
    SessionTab* failed = bob.window->connectTo(bobTo(port));
    QTRY_COMPARE(failed->session().phase(), ChatSession::Phase::Ended);
    const auto host = hostOn(port);

    ClientOptions again = bobTo(port);
    again.nick = str("bobby"); // what was chosen this time counts
    SessionTab* tab = bob.window->connectTo(again);

    QCOMPARE(tab, failed);
    QCOMPARE(bob.window->tabs().size(), 1);
    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Active);
    QCOMPARE(tab->session().ownNick(), str("bobby"));
}

void TestEndedSessions::connectingAgainToAJoinedHostShowsItsTab()
{
    Person bob;
    const auto host = hostOn(0);
    SessionTab* joined = bob.window->connectTo(bobTo(host->port()));
    QTRY_COMPARE(joined->session().phase(), ChatSession::Phase::Active);
    const auto other = hostOn(0);
    bob.window->connectTo(bobTo(other->port()));
    QCOMPARE(bob.window->tabs().size(), 2);

    SessionTab* tab = bob.window->connectTo(bobTo(host->port()));

    QCOMPARE(tab, joined);
    QCOMPARE(bob.window->tabs().size(), 2);
    QCOMPARE(bob.window->currentTab(), joined);
    QCOMPARE(joined->session().phase(), ChatSession::Phase::Active);
    QCOMPARE(host->participants().size(), 2); // not a second bob
    QVERIFY2(bob.lastText().contains(str("already in the session")), qPrintable(bob.lastText()));
}

void TestEndedSessions::connectDialogReopensWithWhatWasTyped()
{
    Person bob;
    const quint16 port = unusedPort();
    ConnectDialog* dialog = bob.window->openConnectDialog();
    dialog->setHost(str("127.0.0.1"));
    dialog->setPort(port);
    dialog->setNickname(str("bobby"));
    dialog->setAnonymous();
    dialog->accept();
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Ended);

    ConnectDialog* again = bob.window->openConnectDialog();
    QCOMPARE(again->findChild<QComboBox*>()->currentText(), str("127.0.0.1"));
    QCOMPARE(again->findChild<QSpinBox*>()->value(), int(port));
    const QList<QLineEdit*> fields = again->findChildren<QLineEdit*>();
    QVERIFY(std::any_of(fields.cbegin(), fields.cend(), [](const QLineEdit* field) {
        return field->accessibleName() == str("Nickname") && field->text() == str("bobby");
    }));
    again->reject();
}

void TestEndedSessions::connectDialogOffersThePersonsNameOnceTheAttemptJoined()
{
    Person bob;
    Nickname::save(bob.window->settings(), str("bob"));
    const auto host = hostOn(0);
    ConnectDialog* dialog = bob.window->openConnectDialog();
    dialog->setHost(str("127.0.0.1"));
    dialog->setPort(host->port());
    dialog->setNickname(str("bobby")); // for this session only
    dialog->setCaFile(certPath(str("ca.pem")));
    dialog->setAnonymous();
    dialog->accept();
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Active);
    QCOMPARE(bob.session().ownNick(), str("bobby"));

    ConnectDialog* again = bob.window->openConnectDialog();
    QCOMPARE(again->findChild<QLineEdit*>(str("nicknameEdit"))->text(), str("bob"));
    again->reject();
}

void TestEndedSessions::hostTitlesSayWhenHostingStopped()
{
    Person alice;
    const auto hosting = alice.window->host(hostOptions());
    QVERIFY2(hosting, qPrintable(hosting.error()));
    const quint16 port = static_cast<const HostedSession&>(alice.session()).host().port();
    QCOMPARE(alice.window->tabWidget()->tabText(0), str("Hosting on port %1").arg(port));

    alice.session().end();

    QTRY_COMPARE(alice.session().phase(), ChatSession::Phase::Ended);
    QCOMPARE(alice.window->tabWidget()->tabText(0), str("Hosted on port %1 (ended)").arg(port));
    QVERIFY2(alice.window->windowTitle().startsWith(str("Hosted on port %1 (ended)").arg(port)),
        qPrintable(alice.window->windowTitle()));
}

void TestEndedSessions::newHostTabLeavesTheEndedOnesTitleAlone()
{
    Person alice;
    const auto first = alice.window->host(hostOptions());
    QVERIFY2(first, qPrintable(first.error()));
    const quint16 port = static_cast<const HostedSession&>(first.value()->session()).host().port();
    first.value()->session().end();
    QTRY_COMPARE(first.value()->session().phase(), ChatSession::Phase::Ended);

    const auto second = alice.window->host(hostOptions());
    QVERIFY2(second, qPrintable(second.error()));

    QCOMPARE(alice.window->tabWidget()->tabText(0), str("Hosted on port %1 (ended)").arg(port));
    QVERIFY(!alice.window->tabWidget()->tabText(1).contains(str("port 0")));
}

void TestEndedSessions::inputThatCannotSendLooksDisabledAndSaysWhy()
{
    Person bob;
    SessionTab* tab = bob.window->connectTo(bobTo(unusedPort()));
    MessageInput* input = tab->input();
    QVERIFY(input->isEnabled()); // while connecting, what is typed waits to be sent
    const QColor writable = input->grab().toImage().pixelColor(input->width() - 6, input->height() / 2);

    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Ended);

    QVERIFY(!input->isEnabled());
    QVERIFY(!tab->sendButton()->isEnabled());
    QCOMPARE(input->placeholderText(), str("Not connected"));
    const QColor greyed = input->grab().toImage().pixelColor(input->width() - 6, input->height() / 2);
    QVERIFY2(greyed != writable, qPrintable(greyed.name()));
    QCOMPARE(greyed, input->palette().color(QPalette::Disabled, QPalette::Window));
}

QTEST_MAIN(TestEndedSessions)
#include "tst_endedsessions.moc"
