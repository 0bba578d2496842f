// SPDX-License-Identifier: MIT
// The host's libssl transport on its own, over real TLS on 127.0.0.1: what it reports, partial
// writes against a peer that does not read, and each way a connection ends. The client here is
// libssl too, driven step by step, so that it can do what QSslSocket cannot: read nothing for a
// while, or send close_notify and keep the TCP connection open.
#include "hosttlscontext.h"
#include "hosttlstransport.h"
#include "testcerts.h"
#include "tlspolicy.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QSslCipher>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

#include <csignal>

#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

using namespace securechat;
using namespace securechat::test;

namespace {

// Runs the event loop (the host side) until `done` or the timeout.
template <typename Done>
bool pumpUntil(Done done, int timeoutMs = 10'000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
    }
    return true;
}

// Hands every accepted connection to a HostTlsTransport on one context.
class TransportServer final : public QTcpServer {
public:
    explicit TransportServer(TlsPolicy::ClientCertificates clientCertificates = TlsPolicy::ClientCertificates::NotRequested)
        : m_context(HostTlsContext::create(identity(QStringLiteral("host")), clientCertificates, caCertificates()).value())
    {
        listen(QHostAddress::LocalHost, 0);
    }
    std::vector<std::unique_ptr<HostTlsTransport>> transports;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        transports.push_back(std::make_unique<HostTlsTransport>(descriptor, m_context));
        transports.back()->startHandshake();
    }

private:
    std::shared_ptr<const HostTlsContext> m_context;
};

// A libssl client on a non-blocking socket, one step at a time.
class StepClient final {
    Q_DISABLE_COPY_MOVE(StepClient)

public:
    explicit StepClient(quint16 port, const char* alpn = nullptr)
        : m_context(SSL_CTX_new(TLS_client_method()))
    {
        m_descriptor = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::connect(m_descriptor, reinterpret_cast<const sockaddr*>(&address), sizeof address);
        ::fcntl(m_descriptor, F_SETFL, ::fcntl(m_descriptor, F_GETFL) | O_NONBLOCK);
        m_ssl = SSL_new(m_context);
        SSL_set_fd(m_ssl, m_descriptor);
        SSL_set_connect_state(m_ssl);
        if (alpn) {
            QByteArray wire(1, static_cast<char>(qstrlen(alpn)));
            wire += alpn;
            SSL_set_alpn_protos(m_ssl, reinterpret_cast<const unsigned char*>(wire.constData()), static_cast<unsigned>(wire.size()));
        }
    }
    ~StepClient()
    {
        SSL_free(m_ssl);
        SSL_CTX_free(m_context);
        if (m_descriptor >= 0)
            ::close(m_descriptor);
    }

    bool handshake()
    {
        return pumpUntil([this] {
            const int result = SSL_do_handshake(m_ssl);
            return result == 1 || !wouldBlock(result);
        }) && SSL_is_init_finished(m_ssl);
    }
    bool write(const QByteArray& data)
    {
        qsizetype sent = 0;
        return pumpUntil([&] {
            size_t written = 0;
            if (SSL_write_ex(m_ssl, data.constData() + sent, static_cast<size_t>(data.size() - sent), &written) == 1)
                sent += static_cast<qsizetype>(written);
            return sent == data.size();
        });
    }
    /// Writes what the socket takes now, without waiting (the peer may not be reading); false if
    /// the connection failed (a reset).
    bool writeSome(const QByteArray& data)
    {
        size_t written = 0;
        const int result = SSL_write_ex(m_ssl, data.constData(), static_cast<size_t>(data.size()), &written);
        const bool alive = result == 1 || wouldBlock(result);
        QCoreApplication::processEvents(); // the host runs in this process
        return alive;
    }
    /// Reads until the stream ends; returns SSL_get_error's verdict on how it ended.
    int readToEnd(QByteArray& into, int timeoutMs = 20'000)
    {
        int ending = SSL_ERROR_NONE;
        pumpUntil([&] {
            std::array<char, 16384> chunk {};
            size_t got = 0;
            while (SSL_read_ex(m_ssl, chunk.data(), chunk.size(), &got) == 1)
                into.append(chunk.data(), static_cast<qsizetype>(got));
            ending = SSL_get_error(m_ssl, 0);
            return ending != SSL_ERROR_WANT_READ && ending != SSL_ERROR_WANT_WRITE;
        }, timeoutMs);
        return ending;
    }
    /// close_notify, and the TCP connection stays open.
    void sendCloseNotify() { SSL_shutdown(m_ssl); }
    /// A FIN without close_notify.
    void closeWithoutCloseNotify()
    {
        ::close(m_descriptor);
        m_descriptor = -1;
    }
    quint16 localPort() const
    {
        sockaddr_in address {};
        socklen_t length = sizeof address;
        ::getsockname(m_descriptor, reinterpret_cast<sockaddr*>(&address), &length);
        return ntohs(address.sin_port);
    }

private:
    bool wouldBlock(int result) const
    {
        const int error = SSL_get_error(m_ssl, result);
        return error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE;
    }

    SSL_CTX* m_context;
    SSL* m_ssl = nullptr;
    int m_descriptor = -1;
};

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = static_cast<char>('a' + (i * 7 + i / 4096) % 26);
    return bytes;
}

} // namespace

class TestHostTlsTransport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reportsWhatWasNegotiated_data();
    void reportsWhatWasNegotiated();
    void readBufferSizeBoundsWhatIsReadAhead();
    void partialWritesKeepEverythingInOrder();
    void closeFlushesThenSendsCloseNotify();
    void closeWhileThePeerKeepsSendingDeliversTheLastWords();
    void closeNotifyAloneLeavesTheConnectionUp();
    void endOfStreamWithoutCloseNotifyDeliversFirst();
    void writingToAClosedPeerEndsTheConnectionNotTheProcess();
    void garbageFailsTheHandshake();
};

void TestHostTlsTransport::initTestCase()
{
    // StepClient plays a peer in another process: a reset it provokes must show as an error in
    // the test, not kill the test process (its plain socket BIO does not say MSG_NOSIGNAL).
    std::signal(SIGPIPE, SIG_IGN);
}

void TestHostTlsTransport::reportsWhatWasNegotiated_data()
{
    QTest::addColumn<QByteArray>("offered");
    QTest::addColumn<QByteArray>("agreed");
    QTest::newRow("securechat/1 offered") << QByteArray("securechat/1") << QByteArray("securechat/1");
    QTest::newRow("another protocol offered") << QByteArray("http/1.1") << QByteArray();
    QTest::newRow("no ALPN") << QByteArray() << QByteArray();
}

void TestHostTlsTransport::reportsWhatWasNegotiated()
{
    QFETCH(QByteArray, offered);
    QFETCH(QByteArray, agreed);
    TransportServer server;
    StepClient client(server.serverPort(), offered.isEmpty() ? nullptr : offered.constData());
    QVERIFY(client.handshake());
    QVERIFY(pumpUntil([&] { return !server.transports.empty() && server.transports.front()->isEncrypted(); }));
    const HostTlsTransport& transport = *server.transports.front();
    QCOMPARE(transport.negotiatedAlpn(), agreed);
    QCOMPARE(transport.sessionProtocol(), QSsl::TlsV1_3);
    QCOMPARE(transport.sessionCipher(), QStringLiteral("TLS_AES_128_GCM_SHA256"));
    QCOMPARE(transport.keyExchangeGroup(), QStringLiteral("X25519"));
    QCOMPARE(transport.peerAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(transport.peerPort(), client.localPort());
    QVERIFY(transport.peerCertificateChain().isEmpty());
}

// A held connection (PeerConnection before open()) reads no more than its bound; reading resumes
// with readAll(), including records OpenSSL had already read ahead, and nothing is lost.
void TestHostTlsTransport::readBufferSizeBoundsWhatIsReadAhead()
{
    TransportServer server;
    StepClient client(server.serverPort());
    QVERIFY(client.handshake());
    QVERIFY(pumpUntil([&] { return !server.transports.empty() && server.transports.front()->isEncrypted(); }));
    HostTlsTransport& transport = *server.transports.front();
    constexpr qint64 Bound = 64 * 1024;
    transport.setReadBufferSize(Bound);

    const QByteArray sent = pattern(1024 * 1024);
    QVERIFY(client.write(sent));
    QTest::qWait(200);
    QByteArray received = transport.readAll();
    QVERIFY2(received.size() >= Bound && received.size() < Bound + 16 * 1024, qPrintable(QString::number(received.size())));
    QVERIFY(pumpUntil([&] {
        received += transport.readAll();
        return received.size() == sent.size();
    }));
    QVERIFY(received == sent);
}

void TestHostTlsTransport::partialWritesKeepEverythingInOrder()
{
    TransportServer server;
    StepClient client(server.serverPort());
    QVERIFY(client.handshake());
    QVERIFY(pumpUntil([&] { return !server.transports.empty() && server.transports.front()->isEncrypted(); }));
    HostTlsTransport& transport = *server.transports.front();

    // More than the kernel's buffers hold: the client reads nothing yet, so SSL_write stops short.
    const QByteArray sent = pattern(24 * 1024 * 1024);
    for (qsizetype at = 0; at < sent.size(); at += 100'000)
        transport.write(sent.mid(at, 100'000));
    QCOMPARE(transport.bytesToWrite(), sent.size());
    QTest::qWait(300);
    const qint64 waiting = transport.bytesToWrite();
    QVERIFY2(waiting > 0 && waiting < sent.size(), qPrintable(QString::number(waiting)));
    transport.write(QByteArrayLiteral("end\n"));
    QCOMPARE(transport.bytesToWrite(), waiting + 4);

    QByteArray received;
    transport.disconnectFromHost();
    QCOMPARE(client.readToEnd(received), SSL_ERROR_ZERO_RETURN); // close_notify after everything
    QCOMPARE(received.size(), sent.size() + 4);
    QVERIFY(received == sent + "end\n");
    QCOMPARE(transport.bytesToWrite(), 0);
    client.closeWithoutCloseNotify(); // the transport waits for the peer's side to close too
    QTRY_VERIFY(transport.isDisconnected());
}

void TestHostTlsTransport::closeFlushesThenSendsCloseNotify()
{
    TransportServer server;
    StepClient client(server.serverPort());
    QVERIFY(client.handshake());
    QVERIFY(pumpUntil([&] { return !server.transports.empty() && server.transports.front()->isEncrypted(); }));
    HostTlsTransport& transport = *server.transports.front();
    QSignalSpy disconnected(&transport, &TlsTransport::disconnected);

    const QByteArray sent = pattern(8 * 1024 * 1024);
    transport.write(sent);
    transport.disconnectFromHost();
    transport.write(QByteArrayLiteral("too late")); // refused: the close has begun
    QVERIFY(disconnected.isEmpty());
    QByteArray received;
    QCOMPARE(client.readToEnd(received), SSL_ERROR_ZERO_RETURN);
    QVERIFY(received == sent);
    QTest::qWait(50);
    QVERIFY(disconnected.isEmpty()); // until the peer closes its side
    client.closeWithoutCloseNotify();
    QTRY_COMPARE(disconnected.size(), 1);
}

// A peer still sending when the host closes (one flooding an endless line): closing at once would
// make the kernel answer its data with a reset, and QSslSocket drops what it has not read yet
// when its write fails so (the hardening suite's flooder missed why it was dropped).
void TestHostTlsTransport::closeWhileThePeerKeepsSendingDeliversTheLastWords()
{
    TransportServer server;
    StepClient client(server.serverPort());
    QVERIFY(client.handshake());
    QVERIFY(pumpUntil([&] { return !server.transports.empty() && server.transports.front()->isEncrypted(); }));
    HostTlsTransport& transport = *server.transports.front();
    transport.setReadBufferSize(64 * 1024); // the host reads no more, as while a connection is held
    QSignalSpy disconnected(&transport, &TlsTransport::disconnected);

    // Far more than the host reads and the kernel buffers: unread input piles up at the host.
    const QByteArray flood = pattern(256 * 1024);
    for (int i = 0; i < 16; ++i)
        QVERIFY(client.writeSome(flood));
    transport.write(QByteArrayLiteral("you sent too much\n"));
    transport.disconnectFromHost();
    // Still sending after the host closed: no reset, which a peer like QSslSocket takes as the end,
    // dropping what it has not read yet.
    for (int i = 0; i < 16; ++i)
        QVERIFY2(client.writeSome(flood), qPrintable(QStringLiteral("write %1 after the close").arg(i)));

    QByteArray received;
    QCOMPARE(client.readToEnd(received), SSL_ERROR_ZERO_RETURN); // not a reset
    QCOMPARE(received, QByteArrayLiteral("you sent too much\n"));
    client.closeWithoutCloseNotify();
    QTRY_COMPARE(disconnected.size(), 1);
}

void TestHostTlsTransport::closeNotifyAloneLeavesTheConnectionUp()
{
    TransportServer server;
    StepClient client(server.serverPort());
    QVERIFY(client.handshake());
    QVERIFY(pumpUntil([&] { return !server.transports.empty() && server.transports.front()->isEncrypted(); }));
    HostTlsTransport& transport = *server.transports.front();
    QSignalSpy errors(&transport, &TlsTransport::errorOccurred);
    QSignalSpy disconnected(&transport, &TlsTransport::disconnected);
    QByteArray readByHost;
    connect(&transport, &TlsTransport::readyRead, this, [&] { readByHost += transport.readAll(); });

    QVERIFY(client.write(QByteArrayLiteral("one\ntwo")));
    client.sendCloseNotify();
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<QAbstractSocket::SocketError>(), QAbstractSocket::RemoteHostClosedError);
    QCOMPARE(readByHost, QByteArrayLiteral("one\ntwo")); // everything before the close_notify
    QVERIFY(!transport.isDisconnected());
    QVERIFY(disconnected.isEmpty());

    // The host still has its say, then closes.
    transport.write(QByteArrayLiteral("bye\n"));
    transport.disconnectFromHost();
    QByteArray received;
    QCOMPARE(client.readToEnd(received), SSL_ERROR_ZERO_RETURN);
    QCOMPARE(received, QByteArrayLiteral("bye\n"));
    client.closeWithoutCloseNotify();
    QTRY_COMPARE(disconnected.size(), 1);
}

void TestHostTlsTransport::endOfStreamWithoutCloseNotifyDeliversFirst()
{
    TransportServer server;
    StepClient client(server.serverPort());
    QVERIFY(client.handshake());
    QVERIFY(pumpUntil([&] { return !server.transports.empty() && server.transports.front()->isEncrypted(); }));
    HostTlsTransport& transport = *server.transports.front();
    QByteArray readByHost;
    QList<QAbstractSocket::SocketError> errors;
    bool dataBeforeError = false;
    connect(&transport, &TlsTransport::readyRead, this, [&] { readByHost += transport.readAll(); });
    connect(&transport, &TlsTransport::errorOccurred, this, [&](QAbstractSocket::SocketError error) {
        errors << error;
        dataBeforeError = readByHost == "last line, no newline";
    });
    QSignalSpy disconnected(&transport, &TlsTransport::disconnected);

    QVERIFY(client.write(QByteArrayLiteral("last line, no newline")));
    client.closeWithoutCloseNotify();
    QTRY_COMPARE(disconnected.size(), 1);
    QCOMPARE(errors, QList<QAbstractSocket::SocketError> { QAbstractSocket::RemoteHostClosedError });
    QVERIFY(dataBeforeError);
    QVERIFY(transport.isEncrypted()); // so that PeerConnection takes it as the peer's end
    QVERIFY(transport.isDisconnected());
}

// The peer is gone while the host still has a lot to say. Whichever the transport notices first,
// the end of stream or the reset its writes provoke, the connection ends and the process goes on
// (a write after the reset raises SIGPIPE unless it says MSG_NOSIGNAL, as every write here does).
void TestHostTlsTransport::writingToAClosedPeerEndsTheConnectionNotTheProcess()
{
    TransportServer server;
    StepClient client(server.serverPort());
    QVERIFY(client.handshake());
    QVERIFY(pumpUntil([&] { return !server.transports.empty() && server.transports.front()->isEncrypted(); }));
    HostTlsTransport& transport = *server.transports.front();
    QSignalSpy disconnected(&transport, &TlsTransport::disconnected);
    client.closeWithoutCloseNotify();
    for (int i = 0; i < 64; ++i)
        transport.write(pattern(64 * 1024)); // the first records reach a closed socket: a reset
    QTRY_COMPARE(disconnected.size(), 1);
    QVERIFY(transport.isDisconnected());
}

void TestHostTlsTransport::garbageFailsTheHandshake()
{
    TransportServer server;
    QTcpSocket plain;
    plain.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(plain.waitForConnected());
    plain.write("GET / HTTP/1.0\r\n\r\n");
    QVERIFY(pumpUntil([&] { return !server.transports.empty(); }));
    const HostTlsTransport& transport = *server.transports.front();
    QTRY_VERIFY(transport.isDisconnected());
    QVERIFY(!transport.isEncrypted());
    QVERIFY2(transport.errorString().startsWith(QStringLiteral("Error during SSL handshake: ")), qPrintable(transport.errorString()));
    QVERIFY(!transport.errorString().contains(u'\n'));
    QTRY_COMPARE(plain.state(), QAbstractSocket::UnconnectedState);
}

QTEST_GUILESS_MAIN(TestHostTlsTransport)
#include "tst_hosttlstransport.moc"
