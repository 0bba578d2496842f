// SPDX-License-Identifier: MIT
// Hostile connections before and around the TLS handshake, over real TLS on loopback: plaintext
// and garbage on the TLS port, handshakes that never finish (many, from one address), and peers
// that send close_notify and then keep the TCP connection open.
#include "hardeningfixtures.h"
#include "rawpeer.h"
#include "sessionharness.h"
#include "tcprelay.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace securechat;
using namespace securechat::test;
using namespace std::chrono_literals;

class TestHardeningHandshake final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void garbageIsDroppedAtOnceAndLoggedInOneLine_data();
    void garbageIsDroppedAtOnceAndLoggedInOneLine();
    void unfinishedHandshakeIsClosedAtTheTimeout_data();
    void unfinishedHandshakeIsClosedAtTheTimeout();
    void hangingHandshakesFromOneAddressDoNotDelayAnother_data();
    void hangingHandshakesFromOneAddressDoNotDelayAnother();
    void closeNotifyWithTheConnectionHeldOpenIsClosed_data();
    void closeNotifyWithTheConnectionHeldOpenIsClosed();
};

namespace {

// A TLS 1.0 ClientHello offering only CBC suites with RSA key exchange: what a 2010 client says.
QByteArray clientHello(QByteArrayView recordVersion, QByteArrayView clientVersion)
{
    QByteArray body = clientVersion.toByteArray();
    body += QByteArray(32, '\x5a'); // random
    body += QByteArray::fromHex("00"); // no session id
    body += QByteArray::fromHex("0006"
                                "002f"
                                "0035"
                                "000a"); // cipher suites
    body += QByteArray::fromHex("0100"); // compression: null only
    QByteArray handshake = QByteArray::fromHex("01") + QByteArray::fromHex("0000") + char(body.size()) + body;
    return QByteArray::fromHex("16") + recordVersion.toByteArray() + QByteArray::fromHex("00")
        + char(handshake.size()) + handshake;
}

QByteArray randomBytes()
{
    QRandomGenerator generator(20'261'129); // fixed: the same bytes on every run
    QByteArray bytes(512, Qt::Uninitialized);
    generator.fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return bytes;
}

// A plain TCP peer that connects, sends `bytes` and waits up to 10 s for the host to close: its
// port, and how long the host took in ms (-1: it did not connect, or was not closed in time).
struct Stranger {
    quint16 port = 0;
    qint64 closedAfterMs = -1;
};

Stranger sendAndWaitForTheClose(quint16 hostPort, const QByteArray& bytes)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, hostPort);
    if (!socket.waitForConnected())
        return {};
    Stranger stranger { socket.localPort() };
    QElapsedTimer elapsed;
    elapsed.start();
    socket.write(bytes);
    if (QTest::qWaitFor([&socket] { return socket.state() == QAbstractSocket::UnconnectedState; }, 10'000))
        stranger.closedAfterMs = elapsed.elapsed();
    return stranger;
}

} // namespace

void TestHardeningHandshake::garbageIsDroppedAtOnceAndLoggedInOneLine_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("plaintext HTTP request") << QByteArrayLiteral("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QTest::newRow("random bytes") << randomBytes();
    QTest::newRow("TLS record with a bad version")
        << clientHello(QByteArray::fromHex("7f7f"), QByteArray::fromHex("0303"));
    QTest::newRow("ClientHello for TLS 1.0 only")
        << clientHello(QByteArray::fromHex("0301"), QByteArray::fromHex("0301"));
    QTest::newRow("ClientHello for SSL 3.0")
        << clientHello(QByteArray::fromHex("0300"), QByteArray::fromHex("0300"));
}

void TestHardeningHandshake::garbageIsDroppedAtOnceAndLoggedInOneLine()
{
    QFETCH(QByteArray, bytes);
    SessionLimits limits = fastLimits();
    limits.handshakeTimeout = 10s; // "at once" must mean long before this
    auto host = startFastHost(limits);
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    QSignalSpy rejected(host.get(), &ChatHost::peerRejected);

    const Stranger stranger = sendAndWaitForTheClose(host->port(), bytes);
    QVERIFY2(stranger.closedAfterMs >= 0 && stranger.closedAfterMs < 2'000,
        qPrintable(QStringLiteral("closed after %1 ms").arg(stranger.closedAfterMs)));

    QTRY_COMPARE(rejected.size(), 1);
    QCOMPARE(rejected.at(0).at(0).toString(), QStringLiteral("127.0.0.1:%1").arg(stranger.port));
    const QString reason = rejected.at(0).at(1).toString();
    QVERIFY2(!reason.isEmpty() && !reason.contains(u'\n'), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("not TLS"), Qt::CaseInsensitive)
            || reason.contains(QStringLiteral("TLS handshake failed")),
        qPrintable(reason));
    QCOMPARE(host->rejectedConnections(), 1);
    verifySessionGoesOn(*host, *alice);
}

void TestHardeningHandshake::unfinishedHandshakeIsClosedAtTheTimeout_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("nothing at all") << QByteArray();
    // The record announces 512 bytes; only the first 48 ever come.
    const QByteArray hello = clientHello(QByteArray::fromHex("0301"), QByteArray::fromHex("0303"));
    QTest::newRow("partial ClientHello") << (QByteArray::fromHex("1603010200") + hello.mid(5, 48));
}

void TestHardeningHandshake::unfinishedHandshakeIsClosedAtTheTimeout()
{
    QFETCH(QByteArray, bytes);
    SessionLimits limits = fastLimits();
    limits.handshakeTimeout = 1s;
    auto host = startFastHost(limits);
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    QSignalSpy rejected(host.get(), &ChatHost::peerRejected);

    const Stranger stalled = sendAndWaitForTheClose(host->port(), bytes);
    // Qt's own timeout restarts at the first byte (up to twice the setting); ours does not.
    QVERIFY2(stalled.closedAfterMs >= 900 && stalled.closedAfterMs < 1'900,
        qPrintable(QStringLiteral("closed after %1 ms").arg(stalled.closedAfterMs)));
    QTRY_COMPARE(rejected.size(), 1);
    QCOMPARE(rejected.at(0).at(1).toString(), QStringLiteral("the TLS handshake did not finish within 1 s"));
    QCOMPARE(host->rejectedConnections(), 1);
    verifySessionGoesOn(*host, *alice);
}

void TestHardeningHandshake::hangingHandshakesFromOneAddressDoNotDelayAnother_data()
{
    QTest::addColumn<int>("perAddressCap");
    QTest::addColumn<int>("refusedAtOnce");
    // With the default cap, 8 hang until the timeout and 192 are refused on arrival. With the cap
    // raised past 200, all 200 hang: the listener itself must not queue the good peer behind them
    // (QSslServer would: its pending queue counts sockets that are still handshaking).
    QTest::newRow("default per-address cap") << SessionLimits().maxHandshakesPerAddress << 192;
    QTest::newRow("no effective cap") << 1'000 << 0;
}

void TestHardeningHandshake::hangingHandshakesFromOneAddressDoNotDelayAnother()
{
    QFETCH(int, perAddressCap);
    QFETCH(int, refusedAtOnce);
    constexpr int Hanging = 200;
    SessionLimits limits = fastLimits();
    limits.maxHandshakesPerAddress = perAddressCap;
    auto host = startFastHost(limits);
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    Inbox aliceInbox(*alice);
    QSignalSpy rejected(host.get(), &ChatHost::peerRejected);

    const QByteArray partialHello
        = clientHello(QByteArray::fromHex("0301"), QByteArray::fromHex("0303")).left(30);
    std::vector<std::unique_ptr<QTcpSocket>> stalled;
    for (int i = 0; i < Hanging; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, host->port());
        if (i % 2 == 1) // half say nothing, half start a ClientHello and stop
            socket->write(partialHello);
        stalled.push_back(std::move(socket));
        if (i % 25 == 24) // let the host accept them, so that no SYN waits for a full backlog
            QTest::qWait(20);
    }
    const auto stillOpen = [&stalled] {
        return std::count_if(stalled.cbegin(), stalled.cend(),
            [](const auto& socket) { return socket->state() == QAbstractSocket::ConnectedState; });
    };
    QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), refusedAtOnce, 5'000);
    QTRY_COMPARE(stillOpen(), qsizetype(Hanging - refusedAtOnce));

    // While they hang, a peer from another address joins and chats at once.
    QElapsedTimer elapsed;
    elapsed.start();
    RawPeer good(RawPeer::Mode::Structured);
    good.connectTo(host->port(), QHostAddress(QStringLiteral("127.0.0.2")));
    const QString nick = good.join(QStringLiteral("bob"));
    QCOMPARE(nick, QStringLiteral("bob"));
    good.sendFrame(Protocol::message(QStringLiteral("id-1"), QString(), QStringLiteral("made it"), 0));
    QTRY_COMPARE(aliceInbox.texts(), QStringList { QStringLiteral("made it") });
    const qint64 joinedAfter = elapsed.elapsed();
    QVERIFY2(joinedAfter < limits.handshakeTimeout.count() / 3,
        qPrintable(QStringLiteral("joined and chatted after %1 ms").arg(joinedAfter)));
    QCOMPARE(good.socket().peerAddress(), QHostAddress(QStringLiteral("127.0.0.1")));
    QCOMPARE(good.socket().localAddress(), QHostAddress(QStringLiteral("127.0.0.2")));

    // Every hanging one is closed at the handshake timeout, and each drop is logged.
    QTRY_COMPARE_WITH_TIMEOUT(
        stillOpen(), qsizetype(0), 2 * static_cast<int>(limits.handshakeTimeout.count()) + 2'000);
    QTRY_COMPARE(rejected.size(), Hanging);
    QCOMPARE(host->rejectedConnections(), Hanging);
    verifySessionGoesOn(*host, *alice);
}

void TestHardeningHandshake::closeNotifyWithTheConnectionHeldOpenIsClosed_data()
{
    QTest::addColumn<RawPeer::Mode>("mode");
    QTest::addColumn<bool>("joinFirst");
    QTest::newRow("structured, joined") << RawPeer::Mode::Structured << true;
    QTest::newRow("structured, before its hello") << RawPeer::Mode::Structured << false;
    QTest::newRow("text, joined") << RawPeer::Mode::Text << true;
}

void TestHardeningHandshake::closeNotifyWithTheConnectionHeldOpenIsClosed()
{
    QFETCH(RawPeer::Mode, mode);
    QFETCH(bool, joinFirst);
    auto host = startFastHost();
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    QSignalSpy left(alice.get(), &ChatClient::participantLeft);
    QSignalSpy hostJoins(host.get(), &ChatHost::participantJoined);

    TcpRelay relay(host->port());
    relay.holdHostConnectionOpen();
    RawPeer peer(mode);
    peer.connectTo(relay.port());
    QVERIFY(peer.waitEncrypted());
    if (joinFirst && mode == RawPeer::Mode::Structured)
        QCOMPARE(peer.join(QStringLiteral("carol")), QStringLiteral("carol"));
    if (joinFirst)
        QTRY_COMPARE(hostJoins.size(), 1);
    QCOMPARE(rosterOf(*host).size(), joinFirst ? 3 : 2);

    // close_notify, then the client's FIN, which the relay keeps from the host.
    peer.socket().disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(relay.hostClosed(), 3'000);
    QTRY_COMPARE(rosterOf(*host), QStringList({ QStringLiteral("host"), QStringLiteral("alice") }));
    if (joinFirst) {
        QTRY_COMPARE(left.size(), 1);
        QCOMPARE(left.at(0).at(0).toString(), hostJoins.at(0).at(0).value<Participant>().nick);
    }
    verifySessionGoesOn(*host, *alice);
}

QTEST_GUILESS_MAIN(TestHardeningHandshake)
#include "tst_hardening_handshake.moc"
