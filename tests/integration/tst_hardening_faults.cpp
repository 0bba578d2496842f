// SPDX-License-Identifier: MIT
// Connections that break, over real TLS on loopback: a reset in the middle of a message, a close
// without close_notify, a half-open connection, and the host shutting down with traffic in flight.
// Each time the session goes on, the roster is corrected and nothing accepted is lost.
#include "hardeningfixtures.h"
#include "rawpeer.h"
#include "sessionharness.h"
#include "tcprelay.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace securechat;
using namespace securechat::test;
using namespace std::chrono_literals;

class TestHardeningFaults final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resetInTheMiddleOfAMessage_data();
    void resetInTheMiddleOfAMessage();
    void closeWithoutCloseNotify_data();
    void closeWithoutCloseNotify();
    void halfOpenConnectionIsDroppedAfterAnUnansweredPing();
    void hostShutdownDeliversEverythingAcceptedAndSaysGoodbye();
    void hostShutdownFlushesItsOwnBacklog();
    void hostShutdownIsNotHeldUpByAPeerThatNeverReads();
};

namespace {

// One message line as `mode` writes it.
QByteArray messageLine(RawPeer::Mode mode, const QString& id, const QString& text)
{
    if (mode == RawPeer::Mode::Text)
        return text.toUtf8();
    return Protocol::encode(Protocol::message(id, QString(), text, 0)).chopped(1);
}

} // namespace

void TestHardeningFaults::resetInTheMiddleOfAMessage_data()
{
    addRowPerPeerMode();
}

void TestHardeningFaults::resetInTheMiddleOfAMessage()
{
    QFETCH(RawPeer::Mode, mode);
    AliceAndARawPeer scene(mode, QStringLiteral("mallory"));
    QVERIFY(!scene.peerNick.isEmpty());
    RawPeer& mallory = scene.peer;

    for (int i = 1; i <= 3; ++i)
        mallory.sendLine(
            messageLine(mode, QStringLiteral("id-%1").arg(i), QStringLiteral("whole %1").arg(i)));
    const QByteArray half = messageLine(mode, QStringLiteral("id-4"), QStringLiteral("cut in the middle"));
    mallory.sendRaw(half.left(half.size() / 2));
    QVERIFY(mallory.waitFlushed());
    QTRY_COMPARE(scene.aliceInbox.messages.size(), 3);
    QTest::qWait(50); // the half message reaches the host before the reset does
    mallory.reset();

    QTRY_COMPARE(scene.aliceSawLeave.size(), 1);
    QCOMPARE(scene.aliceSawLeave.at(0).at(0).toString(), scene.peerNick);
    QCOMPARE(rosterOf(*scene.host), QStringList({ QStringLiteral("host"), QStringLiteral("alice") }));
    // The three whole messages, once each, in order. A structured fragment is never a frame. A
    // text peer's fragment may follow as its last line: Qt 6.4 reports a reset as an ordinary end
    // of stream, and openssl s_client, ncat and Python all end without close_notify (measured),
    // so an unterminated last line is delivered whatever ended the stream (docs/architecture.md).
    QStringList expected { QStringLiteral("whole 1"), QStringLiteral("whole 2"), QStringLiteral("whole 3") };
    if (mode == RawPeer::Mode::Text && scene.aliceInbox.messages.size() == 4)
        expected << QString::fromUtf8(half.left(half.size() / 2));
    QCOMPARE(scene.aliceInbox.texts(), expected);
    verifySessionGoesOn(*scene.host, *scene.alice);
}

void TestHardeningFaults::closeWithoutCloseNotify_data()
{
    addRowPerPeerMode();
}

void TestHardeningFaults::closeWithoutCloseNotify()
{
    QFETCH(RawPeer::Mode, mode);
    AliceAndARawPeer scene(mode, QStringLiteral("careless"));
    QVERIFY(!scene.peerNick.isEmpty());
    RawPeer& careless = scene.peer;

    careless.sendLine(messageLine(mode, QStringLiteral("id-1"), QStringLiteral("first")));
    careless.sendRaw(messageLine(mode, QStringLiteral("id-2"), QStringLiteral("last, without a newline")));
    QVERIFY(careless.waitFlushed());
    careless.closeWithoutCloseNotify();

    QTRY_COMPARE(scene.aliceSawLeave.size(), 1);
    QCOMPARE(rosterOf(*scene.host), QStringList({ QStringLiteral("host"), QStringLiteral("alice") }));
    QCOMPARE(scene.aliceInbox.texts(),
        QStringList({ QStringLiteral("first"), QStringLiteral("last, without a newline") }));
    verifySessionGoesOn(*scene.host, *scene.alice);
}

void TestHardeningFaults::halfOpenConnectionIsDroppedAfterAnUnansweredPing()
{
    SessionLimits limits = fastLimits();
    limits.idleBeforePing = 300ms;
    limits.pongTimeout = 300ms;
    auto host = startFastHost(limits);
    QSignalSpy left(host.get(), &ChatHost::participantLeft);
    auto alice = joinedClient(*host, QStringLiteral("alice"));

    TcpRelay relay(host->port());
    ClientOptions ghostOptions = clientOptions(*host, QStringLiteral("ghost"));
    ghostOptions.port = relay.port();
    auto ghost = std::make_unique<ChatClient>(ghostOptions);
    QSignalSpy ghostJoined(ghost.get(), &ChatClient::joined);
    ghost->connectToHost();
    QVERIFY(ghostJoined.wait());

    // Silent but alive: several ping rounds pass and both are still in.
    QTest::qWait(4 * 600);
    QCOMPARE(left.size(), 0);
    QCOMPARE(rosterOf(*host),
        QStringList({ QStringLiteral("host"), QStringLiteral("alice"), QStringLiteral("ghost") }));

    // The network drops everything; neither end is told.
    relay.blackhole();
    QElapsedTimer elapsed;
    elapsed.start();
    QTRY_COMPARE_WITH_TIMEOUT(left.size(), 1, 5'000);
    QCOMPARE(left.at(0).at(0).toString(), QStringLiteral("ghost"));
    QVERIFY2(left.at(0).at(1).toString().contains(QStringLiteral("no answer to a ping")),
        qPrintable(left.at(0).at(1).toString()));
    QVERIFY2(elapsed.elapsed() < 2 * (300 + 300) + 500, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(rosterOf(*host), QStringList({ QStringLiteral("host"), QStringLiteral("alice") }));
    verifySessionGoesOn(*host, *alice);
}

void TestHardeningFaults::hostShutdownDeliversEverythingAcceptedAndSaysGoodbye()
{
    constexpr int Sent = 400;
    constexpr int StopAfter = 150;
    auto host = startFastHost();
    Inbox accepted(*host);
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    auto bob = joinedClient(*host, QStringLiteral("bob"));
    Inbox bobInbox(*bob);
    QSignalSpy bobGone(bob.get(), &ChatClient::disconnected);
    RawPeer tess(RawPeer::Mode::Text);
    QVERIFY(!joinRawPeer(tess, *host, RawPeer::Mode::Text, QString()).isEmpty());
    QSignalSpy stopped(host.get(), &ChatHost::stopped);

    // The host stops in the middle of alice's burst: what it accepted so far must reach everyone,
    // and what it did not accept stays unacknowledged with alice, to be sent again.
    connect(host.get(), &ChatHost::messageReceived, this, [&host, &accepted] {
        if (accepted.messages.size() == StopAfter)
            host->stop(QStringLiteral("maintenance"));
    });
    const QString filler(300, u'~');
    for (int i = 0; i < Sent; ++i)
        alice->sendMessage(QString::number(i) + filler);
    QVERIFY(stopped.wait(10'000));

    QTRY_COMPARE(bobGone.size(), 1);
    const auto reason = bobGone.at(0).at(0).value<Disconnect>();
    QVERIFY2(reason.isClean() && reason.message.contains(QStringLiteral("maintenance")),
        qPrintable(reason.message));
    QTRY_VERIFY(tess.isDisconnected());

    QCOMPARE(accepted.messages.size(), StopAfter);
    QCOMPARE(bobInbox.messages, accepted.messages);
    QStringList tessExpected;
    for (const ChatMessage& message : std::as_const(accepted.messages))
        tessExpected << QStringLiteral("<alice> ") + message.text;
    QStringList tessGot;
    for (const QByteArray& line : tess.lines()) {
        if (line.startsWith("<"))
            tessGot << QString::fromUtf8(line);
    }
    QCOMPARE(tessGot, tessExpected);
    QCOMPARE(
        QString::fromUtf8(tess.lines().constLast()), QStringLiteral("* the session is closing: maintenance"));
    QVERIFY(tess.hasReceivedCloseNotify());
    QTRY_COMPARE(alice->state(), ChatClient::State::Disconnected);
    QCOMPARE(alice->unacknowledgedCount(), Sent - StopAfter);
}

void TestHardeningFaults::hostShutdownFlushesItsOwnBacklog()
{
    constexpr int Backlog = 2'000;
    auto host = startFastHost();
    auto bob = joinedClient(*host, QStringLiteral("bob"));
    Inbox bobInbox(*bob);
    QSignalSpy bobGone(bob.get(), &ChatClient::disconnected);
    RawPeer tess(RawPeer::Mode::Text);
    QVERIFY(!joinRawPeer(tess, *host, RawPeer::Mode::Text, QString()).isEmpty());

    // About 2 MB queued to each peer at the moment the host stops.
    const QString filler(1'000, u'=');
    for (int i = 0; i < Backlog; ++i)
        host->sendMessage(QString::number(i) + filler);
    host->stop(QStringLiteral("done"));

    QTRY_COMPARE_WITH_TIMEOUT(bobGone.size(), 1, 20'000);
    QCOMPARE(bobInbox.messages.size(), Backlog);
    QCOMPARE(bobInbox.messages.constLast().text, QString::number(Backlog - 1) + filler);
    QTRY_VERIFY_WITH_TIMEOUT(tess.isDisconnected(), 20'000);
    const auto messages = std::count_if(tess.lines().cbegin(), tess.lines().cend(),
        [](const QByteArray& line) { return line.startsWith("<host> "); });
    QCOMPARE(messages, qsizetype(Backlog));
    QCOMPARE(QString::fromUtf8(tess.lines().constLast()), QStringLiteral("* the session is closing: done"));
    QVERIFY(tess.hasReceivedCloseNotify());
}

void TestHardeningFaults::hostShutdownIsNotHeldUpByAPeerThatNeverReads()
{
    SessionLimits limits = fastLimits(); // closeTimeout 1 s
    limits.maxOutboundBytes = 64 * 1024 * 1024; // so that only the close timeout can end it
    auto host = startFastHost(limits);
    auto bob = joinedClient(*host, QStringLiteral("bob"));
    Inbox bobInbox(*bob);
    RawPeer sloth(RawPeer::Mode::Structured);
    QVERIFY(!joinRawPeer(sloth, *host, RawPeer::Mode::Structured, QStringLiteral("sloth")).isEmpty());
    sloth.stopReading();
    QSignalSpy stopped(host.get(), &ChatHost::stopped);

    // About 12 MB: more than the kernel's buffers take for a peer that does not read.
    const QString filler(6'000, u'#');
    for (int i = 0; i < 2'000; ++i)
        host->sendMessage(QString::number(i) + filler);
    QTRY_COMPARE_WITH_TIMEOUT(bobInbox.messages.size(), 2'000, 20'000);
    QElapsedTimer elapsed;
    elapsed.start();
    host->stop();
    QVERIFY(stopped.wait(10'000));
    QVERIFY2(elapsed.elapsed() >= 900 && elapsed.elapsed() < 3'000,
        qPrintable(QString::number(elapsed.elapsed())));
}

QTEST_GUILESS_MAIN(TestHardeningFaults)
#include "tst_hardening_faults.moc"
