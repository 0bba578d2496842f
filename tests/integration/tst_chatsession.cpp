// SPDX-License-Identifier: MIT
// A host and its clients over real TLS on 127.0.0.1: relay order, nothing lost, nothing doubled.
#include "sessionharness.h"

#include <QSignalSpy>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

class TestChatSession final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void threeClientsReceiveEveryMessageInOneOrder();
    void senderGetsAnAckForEachMessage();
    void messagesSentBeforeTheHandshakeAreDelivered();
    void closingRightAfterSendingLosesNothing();
    void hostMessagesReachEveryClient();
    void joinAndLeaveNoticesReachOthers();
    void duplicateNicknamesAreMadeUnique();
    void renameIsAnnouncedToEveryone();
    void spoofedSenderIsReplacedByTheHost();
    void resentMessageIdIsNotRelayedTwice();
    void hostStopSaysGoodbyeToEveryClient();
    void hostEndingWithoutAReasonIsSaidOnce();
    void nobodyListeningIsSaidInWords();
    void sessionIsStructuredWhenAlpnIsAgreed();
};

namespace {

} // namespace

void TestChatSession::threeClientsReceiveEveryMessageInOneOrder()
{
    auto host = startHost();
    Inbox hostInbox(*host);
    std::vector<std::unique_ptr<ChatClient>> clients;
    std::vector<std::unique_ptr<Inbox>> inboxes;
    for (const char* nick : { "alice", "bob", "carol" }) {
        clients.push_back(joinedClient(*host, QString::fromLatin1(nick)));
        inboxes.push_back(std::make_unique<Inbox>(*clients.back()));
    }
    constexpr int PerClient = 200;
    for (int i = 0; i < PerClient; ++i) {
        for (size_t c = 0; c < clients.size(); ++c)
            clients[c]->sendMessage(QStringLiteral("%1-%2").arg(c).arg(i));
    }
    QTRY_COMPARE_WITH_TIMEOUT(hostInbox.messages.size(), 3 * PerClient, 20'000);
    for (const auto& inbox : inboxes)
        QTRY_COMPARE_WITH_TIMEOUT(inbox->messages.size(), 2 * PerClient, 20'000);

    // The host's order is the order: every client sees the others' messages in it.
    for (size_t c = 0; c < clients.size(); ++c) {
        QList<ChatMessage> expected;
        for (const ChatMessage& message : std::as_const(hostInbox.messages)) {
            if (message.from != clients[c]->nick())
                expected << message;
        }
        QCOMPARE(inboxes[c]->messages, expected);
    }
    // Per-sender order is kept, with each message exactly once.
    for (size_t c = 0; c < clients.size(); ++c) {
        QStringList fromClient;
        for (const ChatMessage& message : std::as_const(hostInbox.messages)) {
            if (message.from == clients[c]->nick())
                fromClient << message.text;
        }
        QCOMPARE(fromClient.size(), PerClient);
        for (int i = 0; i < PerClient; ++i)
            QCOMPARE(fromClient.at(i), QStringLiteral("%1-%2").arg(c).arg(i));
    }
    for (qsizetype i = 1; i < hostInbox.messages.size(); ++i)
        QCOMPARE(hostInbox.messages.at(i).seq, hostInbox.messages.at(i - 1).seq + 1);
}

void TestChatSession::senderGetsAnAckForEachMessage()
{
    auto host = startHost();
    auto client = joinedClient(*host, QStringLiteral("alice"));
    QSignalSpy acks(client.get(), &ChatClient::messageAcknowledged);
    const QString first = client->sendMessage(QStringLiteral("one"));
    const QString second = client->sendMessage(QStringLiteral("two"));
    QTRY_COMPARE(acks.size(), 2);
    QCOMPARE(acks.at(0).at(0).toString(), first);
    QCOMPARE(acks.at(1).at(0).toString(), second);
    QCOMPARE(acks.at(1).at(1).toLongLong(), acks.at(0).at(1).toLongLong() + 1);
    QCOMPARE(client->unacknowledgedCount(), 0);
}

void TestChatSession::messagesSentBeforeTheHandshakeAreDelivered()
{
    auto host = startHost();
    Inbox hostInbox(*host);
    ChatClient client(clientOptions(*host, QStringLiteral("early")));
    client.sendMessage(QStringLiteral("typed before connecting"));
    client.connectToHost();
    client.sendMessage(QStringLiteral("typed while handshaking"));
    QTRY_COMPARE(hostInbox.texts(),
        QStringList(
            { QStringLiteral("typed before connecting"), QStringLiteral("typed while handshaking") }));
}

void TestChatSession::closingRightAfterSendingLosesNothing()
{
    auto host = startHost();
    Inbox hostInbox(*host);
    ChatClient client(clientOptions(*host, QStringLiteral("quick")));
    QSignalSpy disconnected(&client, &ChatClient::disconnected);
    client.connectToHost();
    constexpr int Count = 2000;
    const QString filler(200, u'x');
    for (int i = 0; i < Count; ++i)
        client.sendMessage(QString::number(i) + filler);
    client.disconnectFromHost();
    QVERIFY(disconnected.wait(20'000));
    QVERIFY(disconnected.at(0).at(0).value<Disconnect>().isClean());
    QTRY_COMPARE_WITH_TIMEOUT(hostInbox.messages.size(), Count, 20'000);
    QCOMPARE(hostInbox.messages.last().text, QString::number(Count - 1) + filler);
}

void TestChatSession::hostMessagesReachEveryClient()
{
    auto host = startHost();
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    auto bob = joinedClient(*host, QStringLiteral("bob"));
    Inbox aliceInbox(*alice);
    Inbox bobInbox(*bob);
    const ChatMessage sent = host->sendMessage(QStringLiteral("welcome"));
    QTRY_COMPARE(aliceInbox.messages.size(), 1);
    QTRY_COMPARE(bobInbox.messages.size(), 1);
    QCOMPARE(aliceInbox.messages.at(0).from, QStringLiteral("host"));
    QCOMPARE(aliceInbox.messages.at(0).seq, sent.seq);
    QCOMPARE(bobInbox.messages.at(0).text, QStringLiteral("welcome"));
}

void TestChatSession::joinAndLeaveNoticesReachOthers()
{
    auto host = startHost();
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    QSignalSpy joins(alice.get(), &ChatClient::participantJoined);
    QSignalSpy leaves(alice.get(), &ChatClient::participantLeft);
    auto bob = joinedClient(*host, QStringLiteral("bob"));
    QTRY_COMPARE(joins.size(), 1);
    QCOMPARE(joins.at(0).at(0).value<Participant>().nick, QStringLiteral("bob"));
    QCOMPARE(alice->participants().size(), 3);
    bob->disconnectFromHost();
    QTRY_COMPARE(leaves.size(), 1);
    QCOMPARE(leaves.at(0).at(0).toString(), QStringLiteral("bob"));
    QCOMPARE(alice->participants().size(), 2);
}

void TestChatSession::duplicateNicknamesAreMadeUnique()
{
    auto host = startHost();
    auto first = joinedClient(*host, QStringLiteral("sam"));
    auto second = joinedClient(*host, QStringLiteral("sam"));
    auto third = joinedClient(*host, QStringLiteral("HOST"));
    QCOMPARE(first->nick(), QStringLiteral("sam"));
    QCOMPARE(second->nick(), QStringLiteral("sam-2"));
    QCOMPARE(third->nick(), QStringLiteral("HOST-2"));
}

void TestChatSession::renameIsAnnouncedToEveryone()
{
    auto host = startHost();
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    auto bob = joinedClient(*host, QStringLiteral("bob"));
    QSignalSpy renamed(alice.get(), &ChatClient::participantRenamed);
    QSignalSpy taken(bob.get(), &ChatClient::hostError);
    bob->requestNick(QStringLiteral("alice"));
    QTRY_COMPARE(taken.size(), 1);
    QCOMPARE(taken.at(0).at(0).toString(), QStringLiteral("nick-taken"));
    bob->requestNick(QStringLiteral("robert"));
    QTRY_COMPARE(renamed.size(), 1);
    QCOMPARE(renamed.at(0).at(1).toString(), QStringLiteral("robert"));
    QTRY_COMPARE(bob->nick(), QStringLiteral("robert"));
}

void TestChatSession::spoofedSenderIsReplacedByTheHost()
{
    auto host = startHost();
    Inbox hostInbox(*host);
    auto mallory = joinedClient(*host, QStringLiteral("mallory"));
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    Inbox aliceInbox(*alice);
    // sendMessage() never sets "from"; a hostile client could, so the host must overwrite it.
    mallory->sendMessage(QStringLiteral("hi"));
    QTRY_COMPARE(aliceInbox.messages.size(), 1);
    QCOMPARE(aliceInbox.messages.at(0).from, QStringLiteral("mallory"));
    QCOMPARE(hostInbox.messages.at(0).from, QStringLiteral("mallory"));
}

void TestChatSession::resentMessageIdIsNotRelayedTwice()
{
    auto host = startHost();
    Inbox hostInbox(*host);
    auto client = joinedClient(*host, QStringLiteral("alice"));
    QSignalSpy disconnected(client.get(), &ChatClient::disconnected);
    QSignalSpy joined(client.get(), &ChatClient::joined);
    QSignalSpy acks(client.get(), &ChatClient::messageAcknowledged);
    client->sendMessage(QStringLiteral("once"));
    QTRY_COMPARE(acks.size(), 1);
    // Reconnect: nothing unacknowledged, so nothing is resent.
    client->disconnectFromHost();
    QVERIFY(disconnected.wait());
    client->connectToHost();
    QVERIFY(joined.wait());
    client->sendMessage(QStringLiteral("twice?"));
    QTRY_COMPARE(acks.size(), 2);
    QCOMPARE(hostInbox.texts(), QStringList({ QStringLiteral("once"), QStringLiteral("twice?") }));
}

void TestChatSession::hostStopSaysGoodbyeToEveryClient()
{
    auto host = startHost();
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    auto bob = joinedClient(*host, QStringLiteral("bob"));
    QSignalSpy aliceGone(alice.get(), &ChatClient::disconnected);
    QSignalSpy bobGone(bob.get(), &ChatClient::disconnected);
    QSignalSpy stopped(host.get(), &ChatHost::stopped);
    Inbox aliceInbox(*alice);
    host->sendMessage(QStringLiteral("last words"));
    host->stop(QStringLiteral("maintenance"));
    QVERIFY(stopped.wait());
    QTRY_COMPARE(aliceGone.size(), 1);
    QTRY_COMPARE(bobGone.size(), 1);
    const auto reason = aliceGone.at(0).at(0).value<Disconnect>();
    QVERIFY2(reason.isClean(), qPrintable(reason.message));
    QCOMPARE(reason.message, QStringLiteral("the host ended the session: maintenance"));
    QCOMPARE(aliceInbox.texts(), QStringList { QStringLiteral("last words") });
}

void TestChatSession::hostEndingWithoutAReasonIsSaidOnce()
{
    auto host = startHost();
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    QSignalSpy gone(alice.get(), &ChatClient::disconnected);
    host->stop();
    QVERIFY(gone.wait());
    // Not "the host closed the session: the host ended the session".
    QCOMPARE(gone.at(0).at(0).value<Disconnect>().message, QStringLiteral("the host ended the session"));
}

void TestChatSession::nobodyListeningIsSaidInWords()
{
    quint16 closedPort = 0;
    {
        auto host = startHost();
        closedPort = host->port();
    } // gone: nobody listens there any more
    HostOptions unused = hostOptions();
    ClientOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = closedPort;
    options.nick = QStringLiteral("alice");
    options.identity = unused.identity;
    ChatClient client(options);
    QSignalSpy gone(&client, &ChatClient::disconnected);
    client.connectToHost();
    QVERIFY(gone.wait());
    const QString message = gone.at(0).at(0).value<Disconnect>().message;
    // One sentence, without Qt's "(Connection refused)" repeating it.
    QCOMPARE(message, QStringLiteral("nobody is listening on 127.0.0.1:%1").arg(closedPort));
}

void TestChatSession::sessionIsStructuredWhenAlpnIsAgreed()
{
    auto host = startHost();
    auto client = joinedClient(*host, QStringLiteral("alice"));
    QVERIFY(client->isStructured());
    const SessionDetails details = client->sessionDetails();
    QCOMPARE(details.alpn, QStringLiteral("securechat/1"));
    QCOMPARE(details.protocol, QStringLiteral("TLS 1.3"));
    QCOMPARE(details.trust, QStringLiteral("verified by CA"));
    QVERIFY(!details.cipher.isEmpty());
    QCOMPARE(details.peerChain.size(), 1);
    QCOMPARE(details.peerChain.first().commonName, QStringLiteral("localhost"));
}

QTEST_GUILESS_MAIN(TestChatSession)
#include "tst_chatsession.moc"
