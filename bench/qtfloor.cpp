// SPDX-License-Identifier: MIT
// securechat-qtfloor: the Qt floor of scripts/bench. A chat relay on a bare QSslServer and
// server-side QSslSockets, doing only what any host built on those classes must do: accept,
// handshake under SecureChat's TLS policy, and pass every complete line to every other peer.
// What SecureChat's host costs above this is SecureChat's own; what this costs is Qt's.
//
//   securechat-qtfloor --port N --cert host.pem --key host.key
//
// Listens on 127.0.0.1 only (--port 0: a port the kernel picks) and prints
// "listening on 127.0.0.1:PORT" on stdout once it accepts. A line is relayed byte for byte, LF
// included, with nothing added (unlike ncat --chat's "<userN> "); a final line without a LF is
// dropped. No framing protocol, no limits, no trust decisions: never expose this to a network.
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStringList>

#include <cstdio>
#include <optional>
#include <utility>

namespace {

// Sockets still handshaking count toward this Qt limit (default 30), and accepting pauses at
// it: far above the 1,000 idle peers of scripts/bench, so it never applies.
constexpr int MaxPendingConnections = 4096;

// SecureChat's policy (core/tlspolicy.cpp), repeated here: the floor links Qt only.
QSslConfiguration serverConfiguration(const QList<QSslCertificate>& chain, const QSslKey& key)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setCiphers(
        QStringLiteral("TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:"
                       "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                       "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                       "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305"));
    configuration.setBackendConfigurationOption("Groups", QByteArrayLiteral("X25519:P-256:P-384"));
    configuration.setSslOption(QSsl::SslOptionDisableSessionTickets, true);
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    // As the host without --require-client-cert: a client certificate is asked for, not needed,
    // and the explicit (empty) CA list keeps Qt from loading the system's roots on demand.
    configuration.setCaCertificates({});
    configuration.setPeerVerifyMode(QSslSocket::QueryPeer);
    return configuration;
}

std::optional<QSslKey> readKey(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray pem = file.readAll();
    for (const QSsl::KeyAlgorithm algorithm : { QSsl::Ec, QSsl::Rsa }) {
        if (QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey); !key.isNull())
            return key;
    }
    return std::nullopt;
}

class FloorRelay final {
    Q_DISABLE_COPY_MOVE(FloorRelay)

public:
    explicit FloorRelay(const QSslConfiguration& configuration)
    {
        m_server.setSslConfiguration(configuration);
        m_server.setMaxPendingConnections(MaxPendingConnections);
        // Emitted once a socket is encrypted (newConnection fires at TCP accept, too early).
        QObject::connect(&m_server, &QTcpServer::pendingConnectionAvailable, &m_server, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                join(static_cast<QSslSocket*>(socket)); // QSslServer queues only QSslSockets
        });
    }

    bool listen(quint16 port) { return m_server.listen(QHostAddress::LocalHost, port); }
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

private:
    void join(QSslSocket* peer)
    {
        m_peers.append(peer);
        // TCP_NODELAY, as SecureChat's host sets it (core/peerconnection.cpp): with Nagle, a paced
        // line waited ~5 ms (p50) for the previous one's ACK, and its CPU per line measured Nagle's
        // batching instead of Qt's cost.
        peer->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // The bytes after a peer's last LF so far, kept until the rest of that line arrives.
        QObject::connect(peer, &QIODevice::readyRead, peer,
            [this, peer, partial = QByteArray()]() mutable { relayFrom(peer, partial); });
        // A close_notify alone leaves the socket connected with only this error: close our side
        // too (disconnectFromHost flushes first). Any other error closes it the same way.
        QObject::connect(peer, &QAbstractSocket::errorOccurred, peer, [this, peer] {
            m_peers.removeOne(peer);
            peer->disconnectFromHost();
        });
        QObject::connect(peer, &QAbstractSocket::disconnected, peer, [this, peer] {
            m_peers.removeOne(peer);
            peer->deleteLater(); // not at once: the socket is still emitting
        });
    }

    void relayFrom(QSslSocket* sender, QByteArray& partial)
    {
        // Read into one buffer reused for every read, 16 KiB at a time: readAll() allocates
        // a new array each time, and in bulk its page faults were most of the relay's CPU.
        qint64 size = 0;
        while ((size = sender->read(m_chunk.data(), m_chunk.size())) > 0) {
            const char* const begin = m_chunk.constData();
            const qsizetype lastLf = QByteArrayView(begin, size).lastIndexOf('\n');
            if (lastLf < 0) {
                partial.append(begin, size);
                continue;
            }
            // The sender's unfinished line, then every complete line of this read: each peer gets
            // them in two writes back to back, so nothing of another sender's comes between.
            const qint64 complete = lastLf + 1;
            for (QSslSocket* peer : std::as_const(m_peers)) {
                if (peer == sender)
                    continue;
                if (!partial.isEmpty())
                    peer->write(partial);
                peer->write(begin, complete);
            }
            partial = QByteArray(begin + complete, size - complete);
        }
    }

    static constexpr qsizetype ChunkSize = 16 * 1024;
    QByteArray m_chunk { ChunkSize, Qt::Uninitialized };
    // Declared before the server, so it outlives the sockets the server deletes with itself.
    QList<QSslSocket*> m_peers;
    QSslServer m_server;
};

int usage(const char* problem)
{
    std::fprintf(stderr,
        "securechat-qtfloor: %s\nusage: securechat-qtfloor --port N --cert host.pem --key host.key\n",
        problem);
    return 64;
}

} // namespace

int main(int argc, char* argv[])
{
    // As securechat-cli does for SecureChat's host (app/cli/main.cpp): Qt's own event dispatcher,
    // not glib's, so that both relays run on the same event loop.
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const auto option = [&arguments](const QString& name) {
        const qsizetype at = arguments.indexOf(name);
        return at > 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : QString();
    };
    bool portOk = false;
    const uint port = option(QStringLiteral("--port")).toUInt(&portOk);
    const QString certPath = option(QStringLiteral("--cert"));
    const QString keyPath = option(QStringLiteral("--key"));
    if (!portOk || port > 65535 || certPath.isEmpty() || keyPath.isEmpty())
        return usage("--port, --cert and --key are required");

    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certPath, QSsl::Pem);
    const std::optional<QSslKey> key = readKey(keyPath);
    if (chain.isEmpty() || !key)
        return usage("cannot read the certificate or the key");

    FloorRelay relay(serverConfiguration(chain, *key));
    if (!relay.listen(static_cast<quint16>(port))) {
        std::fprintf(stderr, "securechat-qtfloor: cannot listen: %s\n", qPrintable(relay.errorString()));
        return 3;
    }
    std::printf("listening on 127.0.0.1:%u\n", static_cast<unsigned>(relay.port()));
    std::fflush(stdout);
    return app.exec();
}
