// SPDX-License-Identifier: MIT
// Admission seen in the windows, with a real host and real clients on loopback: a joiner told
// that it waits for the host, and the host removing people by typing /kick or /block.
#include "chatmessagemodel.h"
#include "guestclient.h"
#include "hostedsession.h"
#include "mainwindow.h"
#include "messageinput.h"
#include "participantmodel.h"
#include "person.h"
#include "sessionbanner.h"
#include "sessionharness.h"
#include "sessiontab.h"
#include "statusindicator.h"
#include "trust/knownclients.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

namespace {

// Alice hosts in her window, open to anyone; carol has joined with the test client certificate.
struct HostedWithCarol {
    Person alice;
    std::unique_ptr<ChatClient> carol;
    std::unique_ptr<QSignalSpy> carolTold; // the host's errors, where a removal's reason arrives
    std::unique_ptr<QSignalSpy> carolGone;

    HostedWithCarol()
    {
        if (!alice.window->host(test::hostOptions()))
            qFatal("hosting failed");
        carol = test::guest(port(), str("carol"), str("client"));
        carolTold = std::make_unique<QSignalSpy>(carol.get(), &ChatClient::hostError);
        carolGone = std::make_unique<QSignalSpy>(carol.get(), &ChatClient::disconnected);
        if (!QTest::qWaitFor([this] { return alice.tab()->participants().rowCount() == 2; }, 10'000))
            qFatal("carol did not join");
    }
    quint16 port() const { return static_cast<const HostedSession&>(alice.tab()->session()).host().port(); }
    QString carolWasTold() const
    {
        return carolTold->isEmpty() ? QString() : carolTold->first().at(1).toString();
    }
};

} // namespace

class TestHostInput final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void joinerWaitingForTheHostIsToldSo();
    void kickRemovesWithTheReason();
    void blockAlsoRefusesTheCertificate();
    void kickOfNobodyIsReportedInTheChat();
    void otherSlashLinesAreMessages();
};

void TestHostInput::joinerWaitingForTheHostIsToldSo()
{
    HostOptions options = test::hostOptions();
    options.admission = Admission::Ask;
    auto host = test::startHost(std::move(options));
    Person bob;
    ClientOptions client = test::clientOptions(*host, str("bob"));
    bob.window->connectTo(std::move(client));
    QTRY_COMPARE(bob.tab()->banner()->text(), str("Waiting for the host to let you in"));
    QVERIFY(!bob.tab()->banner()->detail().contains(str("Nothing is sent until")));
    QCOMPARE(bob.window->statusIndicator()->summary(), str("Waiting for the host to let you in"));
}

void TestHostInput::kickRemovesWithTheReason()
{
    HostedWithCarol session;
    session.alice.type(str("/kick carol too loud"));
    QTRY_COMPARE(session.carolGone->size(), 1);
    QCOMPARE(session.carolWasTold(), str("removed by the host: too loud"));
    QTRY_COMPARE(session.alice.tab()->participants().rowCount(), 1);
}

void TestHostInput::blockAlsoRefusesTheCertificate()
{
    HostedWithCarol session;
    session.alice.type(str("/block carol"));
    QTRY_COMPARE(session.carolGone->size(), 1);
    KnownClients known(AppPaths(session.alice.home.path()).knownClientsFile());
    QVERIFY(known.load());
    const auto carol = known.find(test::sha256Of(str("client.pem")));
    QVERIFY(carol);
    QCOMPARE(carol->verdict, KnownClient::Verdict::Block);
}

void TestHostInput::kickOfNobodyIsReportedInTheChat()
{
    HostedWithCarol session;
    session.alice.type(str("/kick dave"));
    QTRY_VERIFY2(
        session.alice.lastText().contains(str("nobody called dave")), qPrintable(session.alice.lastText()));
    QCOMPARE(session.alice.tab()->participants().rowCount(), 2);
}

void TestHostInput::otherSlashLinesAreMessages()
{
    HostedWithCarol session;
    QSignalSpy received(session.carol.get(), &ChatClient::messageReceived);
    session.alice.type(str("/shrug"));
    QVERIFY(received.wait(10'000));
    QCOMPARE(received.first().first().value<ChatMessage>().text, str("/shrug"));
}

QTEST_MAIN(TestHostInput)
#include "tst_hostinput.moc"
