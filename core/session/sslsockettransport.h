// SPDX-License-Identifier: MIT
#pragma once

#include "session/peertransport.h"

#include <QSslSocket>

#include <memory>

namespace securechat {

/// A PeerTransport on a QSslSocket of either role: the one PeerConnection runs on in the product.
/// Turns the socket's signals into the stream's: an error after the handshake that is the peer
/// closing is peerClosed(), any other is failed() in words.
class SslSocketTransport final : public PeerTransport {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SslSocketTransport)

public:
    explicit SslSocketTransport(std::unique_ptr<QSslSocket> socket);
    ~SslSocketTransport() override;

    QSslSocket& socket() const { return *m_socket; }
    /// The client side: connects, then starts the handshake.
    void connectToHost(const QString& host, quint16 port);

    bool isEncrypted() const override { return m_socket->isEncrypted(); }
    qint64 bytesAvailable() const override { return m_socket->bytesAvailable(); }
    QByteArray read(qint64 maxBytes) override { return m_socket->read(maxBytes); }
    void write(const QByteArray& data) override { m_socket->write(data); }
    qint64 bytesToWrite() const override;
    void setReadBufferSize(qint64 bytes) override { m_socket->setReadBufferSize(bytes); }
    void disconnectFromPeer(std::chrono::milliseconds linger) override;
    void abort() override { m_socket->abort(); }

    /// Why a socket of either role failed, in words. remoteEnd: "host:port" as connected to;
    /// empty: the socket's peer address (Qt forgets the name and port of a connection that failed).
    static Disconnect describe(
        const QSslSocket& socket, QAbstractSocket::SocketError error, const QString& remoteEnd = {});

private:
    void onErrorOccurred(QAbstractSocket::SocketError error);

    std::unique_ptr<QSslSocket> m_socket;
    QString m_remoteEnd; // "host:port" as asked for by connectToHost(), for what describe() says
};

} // namespace securechat
