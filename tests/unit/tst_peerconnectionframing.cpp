// SPDX-License-Identifier: MIT
// PeerConnection's framing, limits, backpressure and close, driven byte by byte through a fake
// PeerTransport. tst_peerconnection pins the same connection over QSslSocket and real TLS, where
// the socket's own behaviour (close_notify, lingering, Qt's buffers) is what is tested.
#include "session/peerconnection.h"

#include <QSignalSpy>
#include <QTest>

using namespace securechat;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(securechat::Disconnect::Kind)

namespace {

// A byte stream the test plays the network and the peer for: what the connection writes stays
// queued until take(), what the peer sends is handed over by receive().
class FakeTransport final : public PeerTransport {
    Q_OBJECT

public:
    // The peer and the network.
    void receive(const QByteArray& bytes)
    {
        m_incoming += bytes;
        Q_EMIT readyRead();
    }
    void receiveByteByByte(const QByteArray& bytes)
    {
        for (const char byte : bytes)
            receive(QByteArray(1, byte));
    }
    QByteArray take(qint64 bytes)
    {
        const QByteArray taken = m_outgoing.left(bytes);
        m_outgoing.remove(0, bytes);
        Q_EMIT bytesWritten();
        return taken;
    }
    void setEncrypted(bool encrypted) { m_encrypted = encrypted; }

    // What the connection did to it.
    const QByteArray& outgoing() const { return m_outgoing; }
    qint64 readBufferSize() const { return m_readBufferSize; }
    bool isDisconnecting() const { return m_disconnecting; }
    bool isAborted() const { return m_aborted; }

    bool isEncrypted() const override { return m_encrypted; }
    qint64 bytesAvailable() const override { return m_incoming.size(); }
    QByteArray read(qint64 maxBytes) override
    {
        const QByteArray data = m_incoming.left(maxBytes);
        m_incoming.remove(0, maxBytes);
        return data;
    }
    void write(const QByteArray& data) override { m_outgoing += data; }
    qint64 bytesToWrite() const override { return m_outgoing.size(); }
    void setReadBufferSize(qint64 bytes) override { m_readBufferSize = bytes; }
    void disconnectFromPeer(std::chrono::milliseconds /*linger*/) override { m_disconnecting = true; }
    void abort() override
    {
        m_aborted = true;
        m_outgoing.clear();
    }

private:
    QByteArray m_incoming;
    QByteArray m_outgoing;
    qint64 m_readBufferSize = -1;
    bool m_encrypted = true;
    bool m_disconnecting = false;
    bool m_aborted = false;
};

// One connection on a fake transport, with spies on what it tells its owner.
class Connection final {
public:
    explicit Connection(const SessionLimits& limits = {})
        : m_transport(new FakeTransport)
        , m_connection(std::unique_ptr<PeerTransport>(m_transport), limits)
    {
    }

    FakeTransport& transport() { return *m_transport; }
    PeerConnection& operator*() { return m_connection; }
    PeerConnection* operator->() { return &m_connection; }
    QStringList received() const
    {
        QStringList result;
        for (const QList<QVariant>& signal : m_received)
            result << signal.at(0).toString();
        return result;
    }
    QSignalSpy& finished() { return m_finished; }
    Disconnect reason() const { return m_finished.at(0).at(0).value<Disconnect>(); }

private:
    FakeTransport* m_transport; // owned by m_connection
    PeerConnection m_connection;
    QSignalSpy m_received { &m_connection, &PeerConnection::lineReceived };
    QSignalSpy m_finished { &m_connection, &PeerConnection::finished };
};

SessionLimits shortLines(qsizetype maxLineBytes)
{
    SessionLimits limits;
    limits.maxLineBytes = maxLineBytes;
    return limits;
}

SessionLimits smallQueue(qint64 highWater, qint64 hardCap)
{
    SessionLimits limits;
    limits.outboundHighWater = highWater;
    limits.maxOutboundBytes = hardCap;
    return limits;
}

QStringList lines(std::initializer_list<const char*> utf8)
{
    QStringList result;
    for (const char* line : utf8)
        result << QString::fromUtf8(line);
    return result;
}

// A line of `bytes` bytes, terminator included.
QByteArray lineOf(int bytes)
{
    return QByteArray(bytes - 1, 'x') + '\n';
}

} // namespace

class TestPeerConnectionFraming final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // Framing
    void deliversLinesFedByteByByte_data();
    void deliversLinesFedByteByByte();
    void heldConnectionDeliversNothingUntilOpened();
    void heldConnectionSendsNothingUntilOpened();
    void lineOverTheLimitIsReportedOnceAndTheRestDiscarded();
    void finalLineWithoutTerminatorIsDeliveredAtTheEnd_data();
    void finalLineWithoutTerminatorIsDeliveredAtTheEnd();

    // Backpressure and limits
    void pausedReadingHoldsLinesUntilResumed();
    void pauseWhileALineIsDeliveredTakesEffectAtTheNextLine();
    void pausedLinesAreStillDeliveredWhenThePeerCloses();
    void queuePastTheHighWaterMarkIsCongestedUntilHalfDrained();
    void congestedReaderThatTakesNothingIsDropped();
    void queuePastTheHardCapDropsThePeerAfterTheCaller();

    // Close
    void closeFlushesBeforeItDisconnects();
    void closeOfAHeldConnectionEndsAtOnce();
    void closeThePeerDoesNotAnswerEndsAtTheCloseTimeout();
    void abortDiscardsWhatIsQueued();
    void endsWithTheReasonTheTransportGave_data();
    void endsWithTheReasonTheTransportGave();
    void finishesOnce();
};

void TestPeerConnectionFraming::initTestCase()
{
    qRegisterMetaType<Disconnect>();
}

void TestPeerConnectionFraming::deliversLinesFedByteByByte_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("one line") << QByteArray("hello\n") << lines({ "hello" });
    QTest::newRow("CR LF") << QByteArray("hello\r\nagain\r\n") << lines({ "hello", "again" });
    QTest::newRow("an empty line") << QByteArray("\nafter\n") << lines({ "", "after" });
    QTest::newRow("a character split across bytes")
        << QByteArray("gr\xc3\xbc\xc3\x9f\n") << lines({ "gr\xc3\xbc\xc3\x9f" });
    QTest::newRow("an unterminated line waits") << QByteArray("one\ntw") << lines({ "one" });
}

void TestPeerConnectionFraming::deliversLinesFedByteByByte()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, expected);
    Connection connection;
    connection->open();
    connection.transport().receiveByteByByte(bytes);
    QCOMPARE(connection.received(), expected);
}

void TestPeerConnectionFraming::heldConnectionDeliversNothingUntilOpened()
{
    Connection connection;
    connection.transport().receive("early\n");
    QVERIFY(connection.received().isEmpty());
    QVERIFY(connection.transport().readBufferSize() > 0); // so that TCP holds the peer back
    connection->open();
    QCOMPARE(connection.received(), lines({ "early" }));
    QCOMPARE(connection.transport().readBufferSize(), PeerTransport::Unbounded);
}

void TestPeerConnectionFraming::heldConnectionSendsNothingUntilOpened()
{
    Connection connection;
    connection->sendLine("typed while held\n");
    QVERIFY(connection.transport().outgoing().isEmpty());
    QCOMPARE(connection->pendingOutboundBytes(), qint64(17));
    connection->open();
    QCOMPARE(connection.transport().outgoing(), QByteArray("typed while held\n"));
}

void TestPeerConnectionFraming::lineOverTheLimitIsReportedOnceAndTheRestDiscarded()
{
    Connection connection(shortLines(8));
    QSignalSpy tooLong(&*connection, &PeerConnection::lineTooLong);
    connection->open();
    connection.transport().receive("fits\n123456789");
    connection.transport().receive("more\nand more\n");
    QCOMPARE(connection.received(), lines({ "fits" }));
    QCOMPARE(tooLong.count(), 1);
    QCOMPARE(tooLong.at(0).at(0).toString(), QStringLiteral("line longer than 8 bytes"));
}

void TestPeerConnectionFraming::finalLineWithoutTerminatorIsDeliveredAtTheEnd_data()
{
    QTest::addColumn<bool>("closeNotify");
    QTest::newRow("close_notify") << true;
    QTest::newRow("the stream just ends") << false;
}

void TestPeerConnectionFraming::finalLineWithoutTerminatorIsDeliveredAtTheEnd()
{
    QFETCH(bool, closeNotify);
    Connection connection;
    connection->open();
    connection.transport().receive("first\nlast words");
    QCOMPARE(connection.received(), lines({ "first" }));
    if (closeNotify)
        Q_EMIT connection.transport().peerClosed();
    else
        Q_EMIT connection.transport().disconnected();
    QCOMPARE(connection.received(), lines({ "first", "last words" }));
}

void TestPeerConnectionFraming::pausedReadingHoldsLinesUntilResumed()
{
    Connection connection;
    connection->open();
    connection->pauseReading();
    connection.transport().receive("a\nb\n");
    QVERIFY(connection.received().isEmpty());
    QVERIFY(connection.transport().readBufferSize() > 0);
    connection->resumeReading();
    QCOMPARE(connection.received(), lines({ "a", "b" }));
    QCOMPARE(connection.transport().readBufferSize(), PeerTransport::Unbounded);
}

void TestPeerConnectionFraming::pauseWhileALineIsDeliveredTakesEffectAtTheNextLine()
{
    Connection connection;
    connect(&*connection, &PeerConnection::lineReceived, &*connection, [&connection](const QString& line) {
        if (line == u"relayed to a full queue")
            connection->pauseReading();
    });
    connection->open();
    connection.transport().receive("relayed to a full queue\nwaits\nwaits too\n");
    QCOMPARE(connection.received(), lines({ "relayed to a full queue" }));
    connection->resumeReading();
    QCOMPARE(connection.received(), lines({ "relayed to a full queue", "waits", "waits too" }));
}

void TestPeerConnectionFraming::pausedLinesAreStillDeliveredWhenThePeerCloses()
{
    Connection connection;
    connection->open();
    connection->pauseReading();
    connection.transport().receive("sent before leaving\n");
    Q_EMIT connection.transport().peerClosed();
    QCOMPARE(connection.received(), lines({ "sent before leaving" }));
}

void TestPeerConnectionFraming::queuePastTheHighWaterMarkIsCongestedUntilHalfDrained()
{
    Connection connection(smallQueue(100, 1000));
    QSignalSpy congested(&*connection, &PeerConnection::congested);
    QSignalSpy drained(&*connection, &PeerConnection::drained);
    connection->open();
    connection->sendLine(lineOf(60));
    QCOMPARE(congested.count(), 0);
    connection->sendLine(lineOf(60));
    QCOMPARE(congested.count(), 1);
    QVERIFY(connection->isCongested());
    connection.transport().take(60); // 60 left: more than half the mark
    QCOMPARE(drained.count(), 0);
    connection.transport().take(10);
    QCOMPARE(drained.count(), 1);
    QVERIFY(!connection->isCongested());
}

void TestPeerConnectionFraming::congestedReaderThatTakesNothingIsDropped()
{
    SessionLimits limits = smallQueue(100, 1000);
    limits.stallTimeout = 50ms;
    Connection connection(limits);
    connection->open();
    connection->sendLine(lineOf(150));
    QVERIFY(connection.finished().wait());
    QCOMPARE(connection.reason().kind, Disconnect::Kind::Protocol);
    QCOMPARE(
        connection.reason().message, QStringLiteral("not reading: nothing it was sent was taken for 0.05 s"));
    QVERIFY(connection.transport().isAborted());
}

void TestPeerConnectionFraming::queuePastTheHardCapDropsThePeerAfterTheCaller()
{
    Connection connection(smallQueue(8192, 2048));
    connection->open();
    connection->sendLine(lineOf(2000));
    connection->sendLine(lineOf(100));
    // Not inside sendLine: the caller may be relaying to every peer of a session.
    QCOMPARE(connection.finished().count(), 0);
    connection->sendLine(lineOf(10)); // dropped already: not queued
    QCOMPARE(connection.transport().outgoing().size(), 2000);
    QVERIFY(connection.finished().wait());
    QCOMPARE(connection.reason().kind, Disconnect::Kind::Protocol);
    QCOMPARE(
        connection.reason().message, QStringLiteral("not reading: more than 2 KiB were waiting to be sent"));
}

void TestPeerConnectionFraming::closeFlushesBeforeItDisconnects()
{
    Connection connection;
    connection->open();
    connection->sendLine("goodbye\n");
    connection->close();
    QVERIFY(connection.transport().isDisconnecting());
    QVERIFY(!connection.transport().isAborted());
    QCOMPARE(connection.transport().take(100), QByteArray("goodbye\n"));
    QCOMPARE(connection.finished().count(), 0);
    Q_EMIT connection.transport().disconnected();
    QCOMPARE(connection.finished().count(), 1);
    QVERIFY(connection.reason().isClean());
    QVERIFY(connection.reason().message.isEmpty());
}

void TestPeerConnectionFraming::closeOfAHeldConnectionEndsAtOnce()
{
    Connection connection;
    connection->sendLine("never trusted\n");
    connection->close();
    QVERIFY(connection.transport().isAborted());
    QCOMPARE(connection.finished().count(), 1);
    QVERIFY(connection.reason().isClean());
}

void TestPeerConnectionFraming::closeThePeerDoesNotAnswerEndsAtTheCloseTimeout()
{
    SessionLimits limits;
    limits.closeTimeout = 50ms;
    Connection connection(limits);
    connection->open();
    connection->close();
    QVERIFY(connection.finished().wait());
    QVERIFY(connection.reason().isClean());
    QCOMPARE(connection.reason().message, QStringLiteral("closed (the peer did not take the last data)"));
    QVERIFY(connection.transport().isAborted());
}

void TestPeerConnectionFraming::abortDiscardsWhatIsQueued()
{
    Connection connection;
    connection->sendLine("held\n");
    connection->abort({ Disconnect::Kind::Trust, QStringLiteral("certificate refused") });
    QCOMPARE(connection->pendingOutboundBytes(), qint64(0));
    QVERIFY(connection.transport().isAborted());
    QCOMPARE(connection.reason().kind, Disconnect::Kind::Trust);
    QCOMPARE(connection.reason().message, QStringLiteral("certificate refused"));
}

void TestPeerConnectionFraming::endsWithTheReasonTheTransportGave_data()
{
    QTest::addColumn<bool>("encrypted");
    QTest::addColumn<QString>("failure");
    QTest::addColumn<Disconnect::Kind>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("a failure") << true << QStringLiteral("network error (reset)") << Disconnect::Kind::Network
                               << QStringLiteral("network error (reset)");
    QTest::newRow("the stream ends after the handshake")
        << true << QString() << Disconnect::Kind::Clean << QString();
    QTest::newRow("the stream ends before the handshake finished")
        << false << QString() << Disconnect::Kind::Tls
        << QStringLiteral("the connection closed before the TLS handshake finished");
}

void TestPeerConnectionFraming::endsWithTheReasonTheTransportGave()
{
    QFETCH(bool, encrypted);
    QFETCH(QString, failure);
    QFETCH(Disconnect::Kind, kind);
    QFETCH(QString, message);
    Connection connection;
    connection.transport().setEncrypted(encrypted);
    if (!failure.isEmpty())
        Q_EMIT connection.transport().failed({ Disconnect::Kind::Network, failure });
    Q_EMIT connection.transport().disconnected();
    QCOMPARE(connection.finished().count(), 1);
    QCOMPARE(connection.reason().kind, kind);
    QCOMPARE(connection.reason().message, message);
}

void TestPeerConnectionFraming::finishesOnce()
{
    Connection connection;
    connection->open();
    connection->abort({ Disconnect::Kind::Protocol, QStringLiteral("removed") });
    Q_EMIT connection.transport().failed({ Disconnect::Kind::Network, QStringLiteral("reset") });
    Q_EMIT connection.transport().disconnected();
    QCOMPARE(connection.finished().count(), 1);
    QCOMPARE(connection.reason().message, QStringLiteral("removed"));
}

QTEST_GUILESS_MAIN(TestPeerConnectionFraming)
#include "tst_peerconnectionframing.moc"
