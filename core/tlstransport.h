// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractSocket>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSsl>
#include <QSslCertificate>
#include <QSslError>

namespace securechat {

/// One TLS connection's byte stream, whatever carries it: what PeerConnection drives and what a
/// person is shown about the session. The client side runs on QSslSocket (its trust prompt relies
/// on Qt's verification), the host side directly on libssl (one SSL_CTX for all peers).
///
/// The signals keep QSslSocket's meaning, so that PeerConnection reads one set of events:
/// errorOccurred(RemoteHostClosedError) after the handshake says the peer ended its side
/// (close_notify, end of stream or reset), and disconnected() that the connection is gone.
class TlsTransport : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsTransport)

public:
    using QObject::QObject;

    /// Starts the TLS handshake (connecting first, on the client side).
    virtual void startHandshake() = 0;
    virtual bool isEncrypted() const = 0;
    /// True once the connection is gone (or never came up): no disconnected() will follow.
    virtual bool isDisconnected() const = 0;

    /// Everything decrypted so far.
    virtual QByteArray readAll() = 0;
    /// Bounds what is read ahead of readAll(); 0: unbounded.
    virtual void setReadBufferSize(qint64 bytes) = 0;
    /// Queues data to send; never refuses (the caller bounds the queue with bytesToWrite()).
    virtual void write(const QByteArray& data) = 0;
    /// Bytes queued but not yet handed to the kernel.
    virtual qint64 bytesToWrite() const = 0;
    /// Flushes what is queued, sends close_notify, closes; disconnected() follows.
    virtual void disconnectFromHost() = 0;
    /// Closes at once, discarding what is queued. Emits nothing.
    virtual void abort() = 0;
    /// Ignores exactly these errors for the handshake in progress. Only valid inside sslErrors.
    virtual void ignoreSslErrors(const QList<QSslError>& errors) = 0;
    virtual QString errorString() const = 0;

    virtual QHostAddress peerAddress() const = 0;
    virtual quint16 peerPort() const = 0;
    /// The peer's certificate first; empty if it sent none.
    virtual QList<QSslCertificate> peerCertificateChain() const = 0;
    virtual QSsl::SslProtocol sessionProtocol() const = 0;
    /// OpenSSL's name: "TLS_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256".
    virtual QString sessionCipher() const = 0;
    /// "X25519", "P-256", "P-384", or empty when the TLS library does not tell.
    virtual QString keyExchangeGroup() const = 0;
    /// The ALPN protocol agreed, or empty.
    virtual QByteArray negotiatedAlpn() const = 0;

Q_SIGNALS:
    /// Emitted from inside the handshake: receivers decide here (see ignoreSslErrors).
    void sslErrors(const QList<QSslError>& errors);
    void encrypted();
    void readyRead();
    void errorOccurred(QAbstractSocket::SocketError error);
    void disconnected();
};

} // namespace securechat
