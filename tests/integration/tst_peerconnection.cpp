// SPDX-License-Identifier: MIT
// PeerConnection on the host's side, over QSslSocket, against a libssl client driven step by step
// on 127.0.0.1: each way a connection ends (close_notify alone, end of stream, a peer that
// leaves while the host writes, the host's own close), what arrives first, and what the host is
// told about the session.
#include "session/peerconnection.h"
#include "session/tlslistener.h"
#include "stepclient.h"
#include "testcerts.h"
#include "tls/sessiondetails.h"
#include "tls/tlspolicy.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <memory>

using namespace securechat;
using namespace securechat::test;
using namespace std::chrono_literals;

namespace {

// The host's side of one connection: a listener, and the PeerConnection it hands out, opened.
class HostSide final {
public:
    explicit HostSide(const SessionLimits& limits = SessionLimits())
        : m_listener(TlsPolicy::hostConfiguration(identity(QStringLiteral("host"))), limits)
    {
        QObject::connect(
            &m_listener, &TlsListener::peerEncrypted, &m_listener, [this](PeerConnection* connection) {
                m_connection.reset(connection);
                m_connection->setParent(nullptr);
                m_received = std::make_unique<QSignalSpy>(connection, &PeerConnection::lineReceived);
                m_finished = std::make_unique<QSignalSpy>(connection, &PeerConnection::finished);
                connection->open();
            });
        m_listener.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_listener.serverPort(); }
    /// The client's handshake, then the connection the listener hands out for it.
    bool accept(StepClient& client)
    {
        return client.handshake() && pumpUntil([this] { return m_connection != nullptr; });
    }
    PeerConnection& connection() { return *m_connection; }
    QStringList received() const
    {
        QStringList lines;
        for (const QList<QVariant>& arguments : *m_received)
            lines << arguments.at(0).toString();
        return lines;
    }
    bool waitFinished()
    {
        return pumpUntil([this] { return !m_finished->isEmpty(); });
    }
    Disconnect reason() const { return m_finished->at(0).at(0).value<Disconnect>(); }

private:
    TlsListener m_listener;
    std::unique_ptr<PeerConnection> m_connection;
    std::unique_ptr<QSignalSpy> m_received;
    std::unique_ptr<QSignalSpy> m_finished;
};

SessionLimits withOutboundBytes(qint64 bytes)
{
    SessionLimits limits;
    limits.maxOutboundBytes = bytes;
    return limits;
}

} // namespace

class TestPeerConnection final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void closeNotifyAloneDeliversWhatCameBeforeIt();
    void endOfStreamWithoutCloseNotifyDeliversTheLastLine();
    void peerThatLeavesWhileTheHostWritesEndsTheConnectionNotTheProcess();
    void closeFlushesEverythingBeforeCloseNotify();
    void closeWhileThePeerKeepsSendingDeliversTheLastWords();
    void hostSideDetailsShowWhatQtReports();
};

void TestPeerConnection::initTestCase()
{
    qRegisterMetaType<Disconnect>();
    // StepClient's plain socket BIO writes without MSG_NOSIGNAL: a reset it provokes must fail
    // the test, not kill the process.
    std::signal(SIGPIPE, SIG_IGN);
}

void TestPeerConnection::closeNotifyAloneDeliversWhatCameBeforeIt()
{
    HostSide host;
    StepClient client(host.port());
    QVERIFY(host.accept(client));

    QVERIFY(client.write(QByteArrayLiteral("one\ntwo")));
    client.sendCloseNotify(); // and the TCP connection stays open
    QTRY_COMPARE(host.received(), QStringList({ QStringLiteral("one"), QStringLiteral("two") }));

    // Qt 6.4 closes without answering with its own close_notify (its OpenSSL backend takes the
    // peer's as the end of both directions), so the client sees the stream end without one.
    int ending = SSL_ERROR_NONE;
    QByteArray reason;
    QVERIFY(pumpUntil([&] { return client.readEnded(ending, reason); }));
    QCOMPARE(ending, SSL_ERROR_SSL);
    QCOMPARE(reason, QByteArrayLiteral("unexpected eof while reading"));
    client.closeWithoutCloseNotify();
    QVERIFY(host.waitFinished());
    QVERIFY2(host.reason().isClean(), qPrintable(host.reason().message));
}

void TestPeerConnection::endOfStreamWithoutCloseNotifyDeliversTheLastLine()
{
    HostSide host;
    StepClient client(host.port());
    QVERIFY(host.accept(client));

    QVERIFY(client.write(QByteArrayLiteral("first\nlast line, no newline")));
    client.closeWithoutCloseNotify();
    QVERIFY(host.waitFinished());
    QCOMPARE(
        host.received(), QStringList({ QStringLiteral("first"), QStringLiteral("last line, no newline") }));
}

// The peer is gone while the host still has a lot to say. Whichever the host notices first, the
// end of stream or the reset its writes provoke, the connection ends and the process goes on.
void TestPeerConnection::peerThatLeavesWhileTheHostWritesEndsTheConnectionNotTheProcess()
{
    HostSide host(withOutboundBytes(64 * 1024 * 1024));
    StepClient client(host.port());
    QVERIFY(host.accept(client));

    client.closeWithoutCloseNotify();
    const QByteArray line = pattern(64 * 1024 - 1) + '\n';
    for (int i = 0; i < 256 && !host.connection().isFinished(); ++i) {
        host.connection().sendLine(line);
        QCoreApplication::processEvents();
    }
    QVERIFY(host.waitFinished());
    QVERIFY(host.connection().isFinished());
}

void TestPeerConnection::closeFlushesEverythingBeforeCloseNotify()
{
    HostSide host(withOutboundBytes(16 * 1024 * 1024));
    StepClient client(host.port());
    QVERIFY(host.accept(client));

    // More than the kernel's buffers hold: the client reads nothing until the close has begun.
    QByteArray sent;
    for (int i = 0; i < 128; ++i) {
        const QByteArray line = pattern(64 * 1024 - 8) + QByteArray::number(i).rightJustified(7, '0') + '\n';
        host.connection().sendLine(line);
        sent += line;
    }
    host.connection().close();
    host.connection().sendLine(QByteArrayLiteral("too late\n")); // refused: the close has begun

    QByteArray received;
    QCOMPARE(client.readToEnd(received), SSL_ERROR_ZERO_RETURN); // close_notify after everything
    QCOMPARE(received.size(), sent.size());
    QVERIFY(received == sent);
    client.closeWithoutCloseNotify();
    QVERIFY(host.waitFinished());
    QVERIFY2(host.reason().isClean(), qPrintable(host.reason().message));
}

// A peer still sending when the host closes (one flooding an endless line): closing at once
// would make the kernel answer its data with a reset, and a peer like QSslSocket takes that as the
// end, dropping what it has not read yet. The host lingers instead (LingeringClose).
void TestPeerConnection::closeWhileThePeerKeepsSendingDeliversTheLastWords()
{
    HostSide host;
    StepClient client(host.port());
    QVERIFY(host.accept(client));

    const QByteArray flood = pattern(256 * 1024); // no newline: one endless line, never delivered
    for (int i = 0; i < 4; ++i)
        QVERIFY(client.writeSome(flood));
    host.connection().sendLine(QByteArrayLiteral("you sent too much\n"));
    host.connection().close();
    for (int i = 0; i < 32; ++i)
        QVERIFY2(
            client.writeSome(flood), qPrintable(QStringLiteral("write %1 after the close failed").arg(i)));

    QByteArray received;
    QCOMPARE(client.readToEnd(received), SSL_ERROR_ZERO_RETURN); // not a reset
    QCOMPARE(received, QByteArrayLiteral("you sent too much\n"));
    client.closeWithoutCloseNotify();
    QVERIFY(host.waitFinished());
}

// Qt 6.4 tells the key exchange group only to the client: the host says so instead of guessing.
void TestPeerConnection::hostSideDetailsShowWhatQtReports()
{
    HostSide host;
    StepClient client(host.port());
    QVERIFY(host.accept(client));

    const SessionDetails details
        = SessionDetails::fromSocket(host.connection().socket(), QStringLiteral("trust"));
    QCOMPARE(details.protocol, QStringLiteral("TLS 1.3"));
    QCOMPARE(details.cipher, QStringLiteral("TLS_AES_128_GCM_SHA256"));
    QCOMPARE(details.keyExchange, QStringLiteral("not reported to the host by Qt"));
    QCOMPARE(details.alpn, QString()); // the client offered none: a text-mode session
    QCOMPARE(details.peerAddress, QStringLiteral("127.0.0.1:%1").arg(client.localPort()));
    QVERIFY(details.peerChain.isEmpty()); // the client sent no certificate
}

QTEST_GUILESS_MAIN(TestPeerConnection)
#include "tst_peerconnection.moc"
