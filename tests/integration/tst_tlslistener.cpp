// SPDX-License-Identifier: MIT
// TlsListener, the host's QSslServer, on 127.0.0.1: what it adds to Qt 6.4's QSslServer
// (docs/qt-tls.md), each against real connections: sockets that hang up during the handshake
// must not stop it from accepting, and a client whose handshake fails must be able to read the
// alert that says why.
#include "session/peerconnection.h"
#include "session/tlslistener.h"
#include "stepclient.h"
#include "testcerts.h"
#include "tls/tlspolicy.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <memory>
#include <vector>

using namespace securechat;
using namespace securechat::test;

class TestTlsListener final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void socketsThatHangUpDuringTheHandshakeDoNotStopTheListener_data();
    void socketsThatHangUpDuringTheHandshakeDoNotStopTheListener();
    void failedHandshakeLetsTheClientReadTheAlert();
};

namespace {

// Few handshakes at a time, from any number of sockets on one address: the cap Qt pauses at.
SessionLimits fewHandshakes()
{
    SessionLimits limits;
    limits.maxHandshakes = 8;
    limits.maxHandshakesPerAddress = 1'000;
    return limits;
}

// A client that verifies the listener with the test CA, as a ChatClient would.
std::unique_ptr<QSslSocket> encryptedClient(quint16 port)
{
    auto client = std::make_unique<QSslSocket>();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(caCertificates());
    client->setSslConfiguration(configuration);
    client->setPeerVerifyName(QStringLiteral("localhost"));
    client->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    return client;
}

} // namespace

void TestTlsListener::initTestCase()
{
    // StepClient's plain socket BIO writes without MSG_NOSIGNAL: a reset it provokes must fail
    // the test, not kill the process.
    std::signal(SIGPIPE, SIG_IGN);
}

void TestTlsListener::socketsThatHangUpDuringTheHandshakeDoNotStopTheListener_data()
{
    QTest::addColumn<QByteArray>("sentBeforeHangingUp");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("plaintext") << QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n");
    QTest::newRow("the start of a ClientHello") << QByteArray::fromHex("160301");
}

// Qt pauses accepting at the cap of handshakes in progress and resumes only when a connection is
// taken or its own timer fires: without TlsListener resuming as each one goes away, more sockets
// hanging up than the cap would leave it deaf, with a backlog nobody accepts.
void TestTlsListener::socketsThatHangUpDuringTheHandshakeDoNotStopTheListener()
{
    QFETCH(QByteArray, sentBeforeHangingUp);
    const SessionLimits limits = fewHandshakes();
    TlsListener listener(TlsPolicy::hostConfiguration(identity(QStringLiteral("host"))), limits);
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    QSignalSpy rejected(&listener, &TlsListener::peerRejected);
    QSignalSpy encrypted(&listener, &TlsListener::peerEncrypted);

    constexpr int rounds = 5; // 120 sockets in all
    const int perRound = 3 * limits.maxHandshakes; // within the kernel's backlog of 50
    for (int round = 0; round < rounds; ++round) {
        // All connected and gone before the listener runs: it meets a full backlog at once.
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < perRound; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, listener.serverPort());
            QVERIFY(socket->waitForConnected(5'000));
            if (!sentBeforeHangingUp.isEmpty()) {
                socket->write(sentBeforeHangingUp);
                QVERIFY(socket->waitForBytesWritten(5'000));
            }
            sockets.push_back(std::move(socket));
        }
        sockets.clear(); // each one closes
        QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), (round + 1) * perRound, 5'000);
    }
    QCOMPARE(listener.handshakesInProgress(), 0);

    const std::unique_ptr<QSslSocket> client = encryptedClient(listener.serverPort());
    QTRY_COMPARE_WITH_TIMEOUT(encrypted.size(), 1, 5'000);
    QVERIFY2(client->isEncrypted(), qPrintable(client->errorString()));
    delete encrypted.at(0).at(0).value<PeerConnection*>();
}

// The host requires a client certificate and this client has none. OpenSSL sends the alert that
// says so while the client is still writing: a host that closed at once would answer those
// writes with a reset, and the client would see a broken pipe instead of the reason.
void TestTlsListener::failedHandshakeLetsTheClientReadTheAlert()
{
    TlsListener listener(TlsPolicy::hostConfiguration(identity(QStringLiteral("host")),
                             TlsPolicy::ClientCertificates::Required, caCertificates()),
        SessionLimits());
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    QSignalSpy rejected(&listener, &TlsListener::peerRejected);

    StepClient client(listener.serverPort());
    QVERIFY(client.handshake()); // TLS 1.3: the client is done before the host has checked it

    // A client that sends its first megabyte before it reads anything.
    const QByteArray chunk = pattern(16 * 1024);
    for (int i = 0; i < 64; ++i)
        QVERIFY2(client.writeSome(chunk),
            qPrintable(QStringLiteral("write %1 failed: the host reset the connection").arg(i)));
    int ending = SSL_ERROR_NONE;
    QByteArray reason;
    QVERIFY(pumpUntil([&] { return client.readEnded(ending, reason); }));
    QCOMPARE(ending, SSL_ERROR_SSL);
    QVERIFY2(reason.contains("alert certificate required"), reason.constData());

    QTRY_COMPARE(rejected.size(), 1);
    const QString why = rejected.at(0).at(1).toString();
    QVERIFY2(why.contains(QStringLiteral("certificate")), qPrintable(why));
}

QTEST_GUILESS_MAIN(TestTlsListener)
#include "tst_tlslistener.moc"
