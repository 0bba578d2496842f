// SPDX-License-Identifier: MIT
// The host's resource limits under hostile load, over real TLS on loopback: a line that never
// ends, a peer that never reads while others flood, and more peers than the session admits.
#include "hardeningfixtures.h"
#include "processmemory.h"
#include "rawpeer.h"
#include "sessionharness.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace securechat;
using namespace securechat::test;
using namespace std::chrono_literals;

class TestHardeningLimits final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void endlessLineIsRefusedWithoutGrowingMemory_data();
    void endlessLineIsRefusedWithoutGrowingMemory();
    void peerThatNeverReadsIsDroppedWhileOthersGetEverything();
    void peerPastTheLimitIsRefusedWithAReason_data();
    void peerPastTheLimitIsRefusedWithAReason();
    void freedSlotIsReusable_data();
    void freedSlotIsReusable();
    void simultaneousArrivalsCannotExceedTheLimit();
};

namespace {

constexpr qint64 MiB = 1024 * 1024;

// What the host told a peer it refused or dropped: an error frame's code, or a text-mode "! " line.
QString refusalSeenBy(const RawPeer& peer, RawPeer::Mode mode)
{
    if (mode == RawPeer::Mode::Structured) {
        for (const Frame& frame : peer.frames()) {
            if (frame.type == FrameType::Error)
                return frame.code + QStringLiteral(": ") + frame.text;
        }
        return {};
    }
    for (const QByteArray& line : peer.lines()) {
        if (line.startsWith("! "))
            return QString::fromUtf8(line);
    }
    return {};
}

} // namespace

void TestHardeningLimits::endlessLineIsRefusedWithoutGrowingMemory_data()
{
    addRowPerPeerMode();
}

void TestHardeningLimits::endlessLineIsRefusedWithoutGrowingMemory()
{
    QFETCH(RawPeer::Mode, mode);
    constexpr qint64 StreamBytes = 100 * MiB;
    auto host = startFastHost();
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    QSignalSpy left(alice.get(), &ChatClient::participantLeft);
    RawPeer flooder(mode);
    QVERIFY(!joinRawPeer(flooder, *host, mode, QStringLiteral("flooder")).isEmpty());

    // Stream up to 100 MB with no newline, a bounded amount in flight, until the host hangs up.
    MemoryWatch memory;
    qint64 sent = 0;
    const QByteArray chunk(256 * 1024, 'x');
    QElapsedTimer elapsed;
    elapsed.start();
    while (sent < StreamBytes && !flooder.isDisconnected() && elapsed.elapsed() < 60'000) {
        QSslSocket& socket = flooder.socket();
        if (socket.state() == QAbstractSocket::ConnectedState
            && socket.bytesToWrite() + socket.encryptedBytesToWrite() < MiB) {
            flooder.sendRaw(chunk);
            sent += chunk.size();
            memory.sample();
        }
        QTest::qWait(1);
    }
    QTRY_VERIFY_WITH_TIMEOUT(flooder.isDisconnected(), 10'000);
    qInfo("streamed %lld KiB before the host hung up; %s", sent / 1024, qPrintable(memory.figures()));

    QVERIFY2(refusalSeenBy(flooder, mode).contains(QStringLiteral("line longer than")),
        qPrintable(refusalSeenBy(flooder, mode)));
    QVERIFY2(memory.grewLessThan(30 * MiB), qPrintable(memory.figures()));
    QTRY_COMPARE(left.size(), 1);
    QVERIFY2(left.at(0).at(1).toString().contains(QStringLiteral("line longer than")),
        qPrintable(left.at(0).at(1).toString()));

    Inbox aliceInbox(*alice);
    host->sendMessage(QStringLiteral("still here"));
    QTRY_COMPARE(aliceInbox.texts(), QStringList { QStringLiteral("still here") });
}

void TestHardeningLimits::peerThatNeverReadsIsDroppedWhileOthersGetEverything()
{
    constexpr int PerSender = 2'000;
    SessionLimits limits = fastLimits();
    limits.maxOutboundBytes = MiB;
    auto host = startFastHost(limits);
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    auto bob = joinedClient(*host, QStringLiteral("bob"));
    RawPeer sloth(RawPeer::Mode::Structured);
    QVERIFY(!joinRawPeer(sloth, *host, RawPeer::Mode::Structured, QStringLiteral("sloth")).isEmpty());
    sloth.stopReading();
    QSignalSpy aliceSawLeave(alice.get(), &ChatClient::participantLeft);

    // 2 x 2,000 messages of 4 KiB: far more than the kernel's buffers and the 1 MiB queue hold.
    // Senders keep at most 100 unacknowledged and receivers check each message as it comes
    // instead of keeping it, so the test's own memory stays small next to the host's.
    const QString filler(4'096, u'.');
    const auto expect = [&filler](QChar sender, int index) -> QString {
        return sender + QString::number(index) + u' ' + filler;
    };
    int aliceGot = 0;
    int bobGot = 0;
    connect(alice.get(), &ChatClient::messageReceived, this, [&](const ChatMessage& message) {
        QCOMPARE(message.text, expect(u'b', aliceGot));
        ++aliceGot;
    });
    connect(bob.get(), &ChatClient::messageReceived, this, [&](const ChatMessage& message) {
        QCOMPARE(message.text, expect(u'a', bobGot));
        ++bobGot;
    });
    MemoryWatch memory;
    int aliceSent = 0;
    int bobSent = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    while ((aliceSent < PerSender || bobSent < PerSender) && elapsed.elapsed() < 60'000) {
        if (aliceSent < PerSender && alice->unacknowledgedCount() < 100)
            alice->sendMessage(expect(u'a', aliceSent++));
        if (bobSent < PerSender && bob->unacknowledgedCount() < 100)
            bob->sendMessage(expect(u'b', bobSent++));
        if ((aliceSent + bobSent) % 64 == 0)
            memory.sample();
        QTest::qWait(0);
    }
    QTRY_COMPARE_WITH_TIMEOUT(aliceGot, PerSender, 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(bobGot, PerSender, 30'000);
    qInfo("%s", qPrintable(memory.figures()));

    QTRY_COMPARE(aliceSawLeave.size(), 1);
    QCOMPARE(aliceSawLeave.at(0).at(0).toString(), QStringLiteral("sloth"));
    QVERIFY2(aliceSawLeave.at(0).at(1).toString().contains(QStringLiteral("not reading")),
        qPrintable(aliceSawLeave.at(0).at(1).toString()));
    QCOMPARE(rosterOf(*host),
        QStringList({ QStringLiteral("host"), QStringLiteral("alice"), QStringLiteral("bob") }));
    QVERIFY2(memory.grewLessThan(30 * MiB), qPrintable(memory.figures()));
}

void TestHardeningLimits::peerPastTheLimitIsRefusedWithAReason_data()
{
    addRowPerPeerMode();
}

void TestHardeningLimits::peerPastTheLimitIsRefusedWithAReason()
{
    QFETCH(RawPeer::Mode, mode);
    SessionLimits limits = fastLimits();
    limits.maxPeers = 4;
    auto host = startFastHost(limits);
    std::vector<std::unique_ptr<ChatClient>> members;
    for (int i = 0; i < limits.maxPeers; ++i)
        members.push_back(joinedClient(*host, QStringLiteral("member%1").arg(i)));
    QSignalSpy rejected(host.get(), &ChatHost::peerRejected);
    QSignalSpy joins(host.get(), &ChatHost::participantJoined);

    RawPeer latecomer(mode);
    latecomer.connectTo(host->port());
    QTRY_VERIFY(latecomer.isDisconnected());
    QVERIFY2(refusalSeenBy(latecomer, mode).contains(QStringLiteral("session is full")),
        qPrintable(refusalSeenBy(latecomer, mode)));
    if (mode == RawPeer::Mode::Structured)
        QCOMPARE(latecomer.frames().constFirst().code, QStringLiteral("session-full"));
    QTRY_COMPARE(rejected.size(), 1);
    QVERIFY(rejected.at(0).at(1).toString().contains(QStringLiteral("session is full")));
    QCOMPARE(joins.size(), 0);
    QCOMPARE(rosterOf(*host).size(), 1 + limits.maxPeers);
}

void TestHardeningLimits::freedSlotIsReusable_data()
{
    QTest::addColumn<bool>("abrupt");
    QTest::newRow("member leaves politely") << false;
    QTest::newRow("member's connection is reset") << true;
}

void TestHardeningLimits::freedSlotIsReusable()
{
    QFETCH(bool, abrupt);
    SessionLimits limits = fastLimits();
    limits.maxPeers = 2;
    auto host = startFastHost(limits);
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    RawPeer leaver(RawPeer::Mode::Structured);
    QVERIFY(!joinRawPeer(leaver, *host, RawPeer::Mode::Structured, QStringLiteral("leaver")).isEmpty());
    QSignalSpy left(host.get(), &ChatHost::participantLeft);

    ChatClient refused(clientOptions(*host, QStringLiteral("bob")));
    QSignalSpy refusedGone(&refused, &ChatClient::disconnected);
    refused.connectToHost();
    QVERIFY(refusedGone.wait());
    QVERIFY(refusedGone.at(0).at(0).value<Disconnect>().message.contains(QStringLiteral("session is full")));

    if (abrupt)
        leaver.reset();
    else
        leaver.sendFrame(Protocol::bye(QString()));
    QTRY_COMPARE(left.size(), 1);
    auto bob = joinedClient(*host, QStringLiteral("bob"));
    QCOMPARE(rosterOf(*host),
        QStringList({ QStringLiteral("host"), QStringLiteral("alice"), QStringLiteral("bob") }));
}

void TestHardeningLimits::simultaneousArrivalsCannotExceedTheLimit()
{
    constexpr int Arrivals = 8;
    SessionLimits limits = fastLimits();
    limits.maxPeers = 3;
    auto host = startFastHost(limits);
    // All of them finish the handshake before any says hello: the slots are decided at hello time.
    std::vector<std::unique_ptr<RawPeer>> peers;
    for (int i = 0; i < Arrivals; ++i) {
        peers.push_back(std::make_unique<RawPeer>(RawPeer::Mode::Structured));
        peers.back()->connectTo(host->port());
    }
    for (const auto& peer : peers)
        QVERIFY(peer->waitEncrypted());
    QTest::qWait(100);
    for (int i = 0; i < Arrivals; ++i)
        peers[i]->sendFrame(Protocol::hello(QStringLiteral("p%1").arg(i), QStringLiteral("rawpeer")));

    const auto settled = [&peers] {
        return std::all_of(peers.cbegin(), peers.cend(),
            [](const auto& peer) { return peer->isDisconnected() || peer->indexOf(FrameType::Hello) >= 0; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 10'000);
    const auto welcomed = std::count_if(
        peers.cbegin(), peers.cend(), [](const auto& peer) { return peer->indexOf(FrameType::Hello) >= 0; });
    QCOMPARE(welcomed, qsizetype(limits.maxPeers));
    QCOMPARE(rosterOf(*host).size(), 1 + limits.maxPeers);
}

QTEST_GUILESS_MAIN(TestHardeningLimits)
#include "tst_hardening_limits.moc"
