// SPDX-License-Identifier: MIT
// A joined client whose connection is lost comes back by itself, over real TLS on loopback: the
// connection is cut or frozen in a TCP relay between client and host, or the host is stopped and
// started again on the same port. A frozen connection is noticed by the client's pings, and its
// return replaces the connection the host still holds. The host keeps the name for the client's certificate,
// the others see "bob reconnected", what was typed meanwhile arrives exactly once, and a changed host
// certificate is still refused. Goodbyes, removals and Stop end the session for good.
#include "hardeningfixtures.h"
#include "session/reconnector.h"
#include "sessionharness.h"
#include "tcprelay.h"
#include "testcerts.h"

#include <QSignalSpy>
#include <QTest>

using namespace securechat;
using namespace securechat::test;
using namespace std::chrono_literals;

class TestReconnect final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cutConnectionComesBackUnderTheSameName();
    void silentConnectionIsNoticedAndReplacedUnderTheSameName();
    void quietButAnsweringHostKeepsTheConnection();
    void sameCertificateJoiningAfreshDoesNotReplace();
    void keptNameIsNotGivenToSomeoneElse();
    void messagesTypedWhileAwayAreDeliveredOnce();
    void unacknowledgedMessageIsResentButShownOnce();
    void restartedHostWithTheSameCertificateIsRejoinedWithoutAsking();
    void changedHostCertificateIsRefusedOnReconnect();
    void stopEndsReconnecting();
    void networkBackOnlineCutsTheWaitShort_data();
    void networkBackOnlineCutsTheWaitShort();
    void deliberateEndsDoNotReconnect_data();
    void deliberateEndsDoNotReconnect();
    void nameIsReleasedWhenTheGraceIsOver();
    void hostCanRemoveAParticipantWhileAway();
};

namespace {

// Bob, with a certificate of his own (the host keeps his name for it), joining through `port`.
struct Bob {
    Bob(const ChatHost& host, quint16 port, const QString& nick = QStringLiteral("bob"),
        const QString& identityName = QStringLiteral("client"), const SessionLimits& limits = {})
    {
        ClientOptions options = clientOptions(host, nick);
        options.port = port;
        options.identity = identity(identityName);
        options.limits = limits;
        client = std::make_unique<ChatClient>(std::move(options));
        reconnector = std::make_unique<Reconnector>(*client);
    }
    bool join()
    {
        QSignalSpy joined(client.get(), &ChatClient::joined);
        client->connectToHost();
        return joined.wait(10'000);
    }
    std::unique_ptr<ChatClient> client;
    std::unique_ptr<Reconnector> reconnector;
};

// What alice sees of bob's connection coming back: "bob reconnected", and neither a leave nor a join.
struct AliceSees {
    explicit AliceSees(ChatClient& alice)
        : rejoined(&alice, &ChatClient::participantRejoined)
        , left(&alice, &ChatClient::participantLeft)
        , joined(&alice, &ChatClient::participantJoined)
    {
    }
    bool onlyBobReconnected() const
    {
        return rejoined.size() == 1
            && rejoined.first().at(0).value<Participant>().nick == QLatin1String("bob") && left.isEmpty()
            && joined.isEmpty();
    }
    QSignalSpy rejoined;
    QSignalSpy left;
    QSignalSpy joined;
};

// Pings a host silent for 300 ms, and gives up on it 300 ms later.
SessionLimits quickKeepalive()
{
    SessionLimits limits;
    limits.idleBeforePing = 300ms;
    limits.pongTimeout = 300ms;
    return limits;
}

} // namespace

void TestReconnect::silentConnectionIsNoticedAndReplacedUnderTheSameName()
{
    auto host = startHost(); // pings only after a minute: it never notices the frozen connection
    TcpRelay relay(host->port());
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    Inbox aliceInbox(*alice);
    Bob bob(*host, relay.port(), QStringLiteral("bob"), QStringLiteral("client"), quickKeepalive());
    QVERIFY(bob.join());
    QSignalSpy scheduled(bob.reconnector.get(), &Reconnector::reconnectScheduled);
    QSignalSpy reconnected(bob.reconnector.get(), &Reconnector::reconnected);
    AliceSees aliceSees(*alice);
    QElapsedTimer elapsed;
    elapsed.start();

    relay.freeze();

    QVERIFY(scheduled.wait(5000));
    QVERIFY2(
        elapsed.elapsed() >= 550 && elapsed.elapsed() < 3000, qPrintable(QString::number(elapsed.elapsed())));
    const auto lost = scheduled.first().at(1).value<Disconnect>();
    QCOMPARE(lost.kind, Disconnect::Kind::Network);
    QCOMPARE(lost.message, QStringLiteral("the host stopped answering (no reply to a ping)"));
    QVERIFY(reconnected.wait(10'000));
    QCOMPARE(bob.client->nick(), QStringLiteral("bob"));
    QTRY_VERIFY(aliceSees.onlyBobReconnected());
    QCOMPARE(rosterOf(*host),
        (QStringList { QStringLiteral("host"), QStringLiteral("alice"), QStringLiteral("bob") }));
    bob.client->sendMessage(QStringLiteral("back"));
    QTRY_COMPARE(aliceInbox.texts(), QStringList { QStringLiteral("back") });
}

void TestReconnect::quietButAnsweringHostKeepsTheConnection()
{
    auto host = startHost();
    TcpRelay relay(host->port());
    Bob bob(*host, relay.port(), QStringLiteral("bob"), QStringLiteral("client"), quickKeepalive());
    QVERIFY(bob.join());
    QSignalSpy scheduled(bob.reconnector.get(), &Reconnector::reconnectScheduled);
    const qint64 before = relay.bytesFromHost();

    QTest::qWait(2000); // nobody says anything for more than three pings' time

    QCOMPARE(scheduled.size(), 0);
    QCOMPARE(bob.client->state(), ChatClient::State::Joined);
    QVERIFY(relay.bytesFromHost() > before); // the host answered the pings
}

void TestReconnect::sameCertificateJoiningAfreshDoesNotReplace()
{
    // Two windows of one person, both asking for "bob": the second is a newcomer, not a return,
    // or each would push the other out in turn.
    auto host = startHost();
    Bob first(*host, host->port());
    QVERIFY(first.join());
    QSignalSpy firstEnded(first.client.get(), &ChatClient::disconnected);
    Bob second(*host, host->port());
    QVERIFY(second.join());

    QCOMPARE(second.client->nick(), QStringLiteral("bob-2"));
    QTest::qWait(200);
    QCOMPARE(firstEnded.size(), 0);
    QCOMPARE(rosterOf(*host),
        (QStringList { QStringLiteral("host"), QStringLiteral("bob"), QStringLiteral("bob-2") }));
}

void TestReconnect::cutConnectionComesBackUnderTheSameName()
{
    auto host = startHost();
    TcpRelay relay(host->port());
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    Bob bob(*host, relay.port());
    QVERIFY(bob.join());
    QSignalSpy scheduled(bob.reconnector.get(), &Reconnector::reconnectScheduled);
    QSignalSpy reconnected(bob.reconnector.get(), &Reconnector::reconnected);
    AliceSees aliceSees(*alice);
    QSignalSpy rejoinedForHost(host.get(), &ChatHost::participantRejoined);

    relay.cut();

    QTRY_COMPARE(scheduled.size(), 1);
    QCOMPARE(scheduled.first().at(0).toInt(), 1); // the first attempt comes after a second
    QVERIFY(reconnected.wait(10'000));
    QCOMPARE(bob.client->nick(), QStringLiteral("bob"));
    QTRY_VERIFY(aliceSees.onlyBobReconnected());
    QCOMPARE(rejoinedForHost.size(), 1);
    QCOMPARE(rosterOf(*host),
        (QStringList { QStringLiteral("host"), QStringLiteral("alice"), QStringLiteral("bob") }));
    QCOMPARE(alice->participants().size(), 3);
}

void TestReconnect::keptNameIsNotGivenToSomeoneElse()
{
    auto host = startHost();
    TcpRelay relay(host->port());
    Bob bob(*host, relay.port());
    QVERIFY(bob.join());
    bob.reconnector->stop(); // nothing comes back: the name stays kept for the grace period
    QSignalSpy hostSawLeave(host.get(), &ChatHost::participantLeft);
    relay.cut();
    QTRY_VERIFY(!bob.reconnector->isReconnecting() && bob.client->state() == ChatClient::State::Disconnected);

    Bob impostor(*host, host->port(), QStringLiteral("bob"), QStringLiteral("other-client"));
    QVERIFY(impostor.join());
    QCOMPARE(impostor.client->nick(), QStringLiteral("bob-2"));
    QCOMPARE(hostSawLeave.size(), 0);
}

void TestReconnect::messagesTypedWhileAwayAreDeliveredOnce()
{
    auto host = startHost();
    TcpRelay relay(host->port());
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    Inbox aliceInbox(*alice);
    Bob bob(*host, relay.port());
    QVERIFY(bob.join());
    QSignalSpy scheduled(bob.reconnector.get(), &Reconnector::reconnectScheduled);
    QSignalSpy acknowledged(bob.client.get(), &ChatClient::messageAcknowledged);

    relay.cut();
    QTRY_COMPARE(scheduled.size(), 1);
    bob.client->sendMessage(QStringLiteral("typed while away"));
    bob.client->sendMessage(QStringLiteral("and this too"));
    QCOMPARE(bob.client->unacknowledgedCount(), 2);

    QTRY_COMPARE_WITH_TIMEOUT(acknowledged.size(), 2, 10'000);
    QCOMPARE(bob.client->unacknowledgedCount(), 0);
    QTRY_COMPARE(aliceInbox.texts(),
        (QStringList { QStringLiteral("typed while away"), QStringLiteral("and this too") }));
    QTest::qWait(200); // nothing more comes
    QCOMPARE(aliceInbox.texts().size(), 2);
}

void TestReconnect::unacknowledgedMessageIsResentButShownOnce()
{
    auto host = startHost();
    TcpRelay relay(host->port());
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    Inbox aliceInbox(*alice);
    Inbox hostInbox(*host);
    Bob bob(*host, relay.port());
    QVERIFY(bob.join());
    QSignalSpy acknowledged(bob.client.get(), &ChatClient::messageAcknowledged);

    relay.muteHost(); // the message gets through, its acknowledgement does not
    const QString id = bob.client->sendMessage(QStringLiteral("in flight"));
    QTRY_COMPARE(aliceInbox.texts(), QStringList { QStringLiteral("in flight") });
    QCOMPARE(acknowledged.size(), 0);
    relay.cut();

    QTRY_COMPARE_WITH_TIMEOUT(acknowledged.size(), 1, 10'000); // resent on rejoin, acknowledged
    QCOMPARE(acknowledged.first().at(0).toString(), id);
    QCOMPARE(
        acknowledged.first().at(1).toLongLong(), aliceInbox.messages.first().seq); // the first relay's number
    QTest::qWait(200);
    QCOMPARE(aliceInbox.texts(), QStringList { QStringLiteral("in flight") });
    QCOMPARE(hostInbox.texts(), QStringList { QStringLiteral("in flight") });
}

void TestReconnect::restartedHostWithTheSameCertificateIsRejoinedWithoutAsking()
{
    auto host = startHost(hostOptions(QStringLiteral("selfsigned")));
    const quint16 port = host->port();
    Bob bob(*host, port);
    QSignalSpy asked(bob.client.get(), &ChatClient::trustRequired);
    connect(bob.client.get(), &ChatClient::trustRequired, bob.client.get(),
        [&bob] { bob.client->answerTrust(ChatClient::TrustAnswer::TrustOnce); });
    QVERIFY(bob.join());
    QCOMPARE(asked.size(), 1);
    QSignalSpy reconnected(bob.reconnector.get(), &Reconnector::reconnected);

    host.reset(); // gone without a goodbye, as a crashed or killed host would be
    HostOptions again = hostOptions(QStringLiteral("selfsigned"));
    again.port = port;
    host = startHost(std::move(again));

    QVERIFY(reconnected.wait(10'000));
    QCOMPARE(asked.size(), 1); // trusted once means for this session, reconnects included
    QCOMPARE(bob.client->hostTrust(), HostTrust::TrustedOnce);
    QCOMPARE(bob.client->nick(), QStringLiteral("bob"));
}

void TestReconnect::changedHostCertificateIsRefusedOnReconnect()
{
    auto host = startHost(hostOptions(QStringLiteral("selfsigned")));
    const quint16 port = host->port();
    Bob bob(*host, port);
    connect(bob.client.get(), &ChatClient::trustRequired, bob.client.get(),
        [&bob] { bob.client->answerTrust(ChatClient::TrustAnswer::TrustOnce); });
    QVERIFY(bob.join());
    QSignalSpy refused(bob.client.get(), &ChatClient::trustRefused);
    QSignalSpy ended(bob.reconnector.get(), &Reconnector::ended);
    QSignalSpy joined(bob.client.get(), &ChatClient::joined);

    host.reset();
    HostOptions impostor = hostOptions(QStringLiteral("selfsigned2"));
    impostor.port = port;
    host = startHost(std::move(impostor));

    QVERIFY(ended.wait(10'000));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().at(0).value<TrustAssessment>().verdict, TrustVerdict::Changed);
    QCOMPARE(ended.first().at(0).value<Disconnect>().kind, Disconnect::Kind::Trust);
    QCOMPARE(joined.size(), 0);
    QVERIFY(!bob.reconnector->isReconnecting());
}

void TestReconnect::stopEndsReconnecting()
{
    auto host = startHost();
    TcpRelay relay(host->port());
    Bob bob(*host, relay.port());
    QVERIFY(bob.join());
    QSignalSpy scheduled(bob.reconnector.get(), &Reconnector::reconnectScheduled);
    QSignalSpy ended(bob.reconnector.get(), &Reconnector::ended);
    QSignalSpy states(bob.client.get(), &ChatClient::stateChanged);

    relay.cut();
    QTRY_COMPARE(scheduled.size(), 1);
    bob.reconnector->stop();

    QCOMPARE(ended.size(), 1);
    QVERIFY(!bob.reconnector->isReconnecting());
    states.clear();
    QTest::qWait(1500); // past the first attempt's time: none is made
    QCOMPARE(states.size(), 0);
    QCOMPARE(bob.client->state(), ChatClient::State::Disconnected);
}

void TestReconnect::networkBackOnlineCutsTheWaitShort_data()
{
    QTest::addColumn<QNetworkInformation::Reachability>("reachability");
    QTest::addColumn<bool>("early");
    QTest::newRow("online") << QNetworkInformation::Reachability::Online << true;
    QTest::newRow("site only") << QNetworkInformation::Reachability::Site << false;
    QTest::newRow("local only") << QNetworkInformation::Reachability::Local << false;
    QTest::newRow("disconnected") << QNetworkInformation::Reachability::Disconnected << false;
    QTest::newRow("unknown") << QNetworkInformation::Reachability::Unknown << false;
}

void TestReconnect::networkBackOnlineCutsTheWaitShort()
{
    // What QNetworkInformation would report; no backend here can be made to report a change
    // (docs/architecture.md, "A lost connection comes back").
    QFETCH(QNetworkInformation::Reachability, reachability);
    QFETCH(bool, early);
    auto host = startHost();
    const quint16 port = host->port();
    Bob bob(*host, port);
    QVERIFY(bob.join());
    QSignalSpy scheduled(bob.reconnector.get(), &Reconnector::reconnectScheduled);
    QSignalSpy reconnected(bob.reconnector.get(), &Reconnector::reconnected);
    host.reset(); // gone: the first attempt fails, and the next one waits 2 s more
    QTRY_COMPARE_WITH_TIMEOUT(scheduled.size(), 2, 5000);
    QCOMPARE(scheduled.constLast().at(0).toInt(), 2);
    HostOptions again = hostOptions();
    again.port = port;
    host = startHost(std::move(again));
    QElapsedTimer elapsed;
    elapsed.start();

    bob.reconnector->onReachabilityChanged(reachability);

    QCOMPARE(bob.reconnector->isWaiting(), !early);
    QVERIFY(reconnected.wait(10'000));
    if (early)
        QVERIFY2(elapsed.elapsed() < 1500, qPrintable(QString::number(elapsed.elapsed())));
    else
        QVERIFY(elapsed.elapsed() >= 1000); // the rest of the 2 s
}

void TestReconnect::deliberateEndsDoNotReconnect_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("the person disconnects") << QStringLiteral("disconnect");
    QTest::newRow("the host says bye") << QStringLiteral("bye");
    QTest::newRow("the host removes them") << QStringLiteral("remove");
}

void TestReconnect::deliberateEndsDoNotReconnect()
{
    QFETCH(QString, how);
    auto host = startHost();
    Bob bob(*host, host->port());
    QVERIFY(bob.join());
    QSignalSpy scheduled(bob.reconnector.get(), &Reconnector::reconnectScheduled);
    QSignalSpy ended(bob.reconnector.get(), &Reconnector::ended);
    QSignalSpy hostSawLeave(host.get(), &ChatHost::participantLeft);

    if (how == QLatin1String("disconnect"))
        bob.client->disconnectFromHost();
    else if (how == QLatin1String("bye"))
        host->stop();
    else
        QVERIFY(host->remove(QStringLiteral("bob"), QStringLiteral("enough")));

    QVERIFY(ended.wait(10'000));
    QTest::qWait(1500);
    QCOMPARE(scheduled.size(), 0);
    QCOMPARE(bob.client->state(), ChatClient::State::Disconnected);
    if (how != QLatin1String("bye"))
        QCOMPARE(hostSawLeave.size(), 1); // left at once: no name kept for a goodbye
}

void TestReconnect::nameIsReleasedWhenTheGraceIsOver()
{
    HostOptions options = hostOptions();
    options.rejoinGrace = 1s;
    auto host = startHost(std::move(options));
    TcpRelay relay(host->port());
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    Bob bob(*host, relay.port());
    QVERIFY(bob.join());
    bob.reconnector->stop();
    QSignalSpy leftForAlice(alice.get(), &ChatClient::participantLeft);
    QElapsedTimer elapsed;
    elapsed.start();

    relay.cut();

    QTRY_COMPARE_WITH_TIMEOUT(leftForAlice.size(), 1, 5000);
    QVERIFY(elapsed.elapsed() >= 900);
    QCOMPARE(leftForAlice.first().at(0).toString(), QStringLiteral("bob"));
    QCOMPARE(leftForAlice.first().at(1).toString(), QStringLiteral("connection lost"));
    QCOMPARE(rosterOf(*host), (QStringList { QStringLiteral("host"), QStringLiteral("alice") }));
}

void TestReconnect::hostCanRemoveAParticipantWhileAway()
{
    auto host = startHost();
    TcpRelay relay(host->port());
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    Bob bob(*host, relay.port());
    QVERIFY(bob.join());
    bob.reconnector->stop(); // the next loss ends bob's session: he stays away
    QSignalSpy bobEnded(bob.reconnector.get(), &Reconnector::ended);
    relay.cut();
    QVERIFY(bobEnded.wait(10'000));
    QVERIFY(rosterOf(*host).contains(QStringLiteral("bob"))); // away, name kept
    QSignalSpy leftForAlice(alice.get(), &ChatClient::participantLeft);

    QVERIFY(host->remove(QStringLiteral("bob"), QStringLiteral("gone too long")));

    QTRY_COMPARE(leftForAlice.size(), 1);
    QCOMPARE(leftForAlice.first().at(0).toString(), QStringLiteral("bob"));
    QCOMPARE(leftForAlice.first().at(1).toString(), QStringLiteral("removed by the host: gone too long"));
    QCOMPARE(rosterOf(*host), (QStringList { QStringLiteral("host"), QStringLiteral("alice") }));
}

QTEST_GUILESS_MAIN(TestReconnect)
#include "tst_reconnect.moc"
