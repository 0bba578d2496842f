// SPDX-License-Identifier: MIT
#pragma once

#include "tlstransport.h"

#include <QSocketNotifier>

#include <memory>

struct ssl_st;
struct x509_store_ctx_st;

namespace securechat {

class HostTlsContext;

/// The host's transport: libssl straight on the accepted descriptor (a socket BIO), driven by
/// QSocketNotifier; read always, write only while output is waiting. What several events queue
/// in one pass of the event loop (many peers joining, many senders) goes out in one send per peer.
///
/// QSslSocket copied every outgoing byte through its own buffers and memory BIOs (zero-filling it
/// once) and kept four 16–32 KiB ring-buffer blocks per peer. Here queued lines wait as they are
/// (shared between the peers they go to) until SSL_write takes them a record at a time, and an
/// idle peer holds no buffer at all (SSL_MODE_RELEASE_BUFFERS).
class HostTlsTransport final : public TlsTransport {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostTlsTransport)

public:
    /// Takes the accepted descriptor: closes it when done, in every case.
    HostTlsTransport(qintptr descriptor, std::shared_ptr<const HostTlsContext> context, QObject* parent = nullptr);
    ~HostTlsTransport() override;

    void startHandshake() override;
    bool isEncrypted() const override { return m_encrypted; }
    bool isDisconnected() const override { return m_descriptor < 0; }
    QByteArray readAll() override;
    void setReadBufferSize(qint64 bytes) override;
    void write(const QByteArray& data) override;
    qint64 bytesToWrite() const override { return m_outboundBytes; }
    void disconnectFromHost() override;
    void abort() override;
    void ignoreSslErrors(const QList<QSslError>& errors) override { m_ignoredErrors = errors; }
    QString errorString() const override { return m_errorString; }

    QHostAddress peerAddress() const override { return m_peerAddress; }
    quint16 peerPort() const override { return m_peerPort; }
    QList<QSslCertificate> peerCertificateChain() const override { return m_peerChain; }
    QSsl::SslProtocol sessionProtocol() const override;
    QString sessionCipher() const override;
    QString keyExchangeGroup() const override;
    QByteArray negotiatedAlpn() const override;

    /// Called by HostTlsContext from inside the handshake with the client's chain: keeps the chain,
    /// and under mutual TLS verifies it, reports each problem through sslErrors and fails the
    /// handshake (with the alert OpenSSL picks) unless the receiver ignored every one. 1: proceed.
    int verifyClientChain(x509_store_ctx_st* store);

private:
    void onReadable();
    void onWritable();
    void continueHandshake();
    void readDecrypted();
    void flush();
    void consumeOutbound(qsizetype bytes);
    void sendCloseNotify();
    void lingerUntilPeerCloses();
    void discardUntilPeerCloses();
    void wantWrite(bool wanted);
    void lose(QAbstractSocket::SocketError error, const QString& message);
    void closeDescriptor();
    void resumeReading();
    static int collectChainProblem(int preverified, x509_store_ctx_st* store);

    std::shared_ptr<const HostTlsContext> m_context;
    ssl_st* m_ssl = nullptr;
    int m_descriptor;
    QSocketNotifier m_readNotifier;
    QSocketNotifier m_writeNotifier;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    QList<QSslCertificate> m_peerChain;
    QList<QSslError> m_chainProblems; // the client chain's problems, while verifying it
    QList<int> m_chainProblemCodes; // the same, as OpenSSL's X509_V_ERR codes
    QList<QSslError> m_ignoredErrors;
    QString m_errorString;
    QByteArray m_received;
    qint64 m_readBufferSize = 0;
    // What SSL_write has not taken yet: the lines as queued (shared with the other peers that get
    // the same frame, not copied), from m_headSent bytes into the first one.
    QList<QByteArray> m_outbound;
    qsizetype m_headSent = 0;
    qint64 m_outboundBytes = 0;
    bool m_encrypted = false;
    bool m_closeRequested = false; // flush, then close_notify, then close
    bool m_peerClosed = false; // close_notify received: nothing more to read
    bool m_readingPaused = false; // the read buffer size was reached
    bool m_lingering = false; // close_notify and FIN sent: waiting for the peer to close
};

} // namespace securechat
