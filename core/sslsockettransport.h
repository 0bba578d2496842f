// SPDX-License-Identifier: MIT
#pragma once

#include "tlstransport.h"

#include <QSslCipher>
#include <QSslSocket>

#include <memory>

namespace securechat {

/// The client's transport: a QSslSocket, whose verification and sslErrors drive the trust prompt.
class SslSocketTransport final : public TlsTransport {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SslSocketTransport)

public:
    /// The socket already carries the client configuration (and peer verify name).
    SslSocketTransport(std::unique_ptr<QSslSocket> socket, QString host, quint16 port, QObject* parent = nullptr);
    ~SslSocketTransport() override;

    void startHandshake() override;
    bool isEncrypted() const override { return m_socket->isEncrypted(); }
    bool isDisconnected() const override { return m_socket->state() == QAbstractSocket::UnconnectedState; }
    QByteArray readAll() override { return m_socket->readAll(); }
    void setReadBufferSize(qint64 bytes) override { m_socket->setReadBufferSize(bytes); }
    void write(const QByteArray& data) override { m_socket->write(data); }
    qint64 bytesToWrite() const override { return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite(); }
    void disconnectFromHost() override { m_socket->disconnectFromHost(); }
    void abort() override { m_socket->abort(); }
    void ignoreSslErrors(const QList<QSslError>& errors) override;
    QString errorString() const override { return m_socket->errorString(); }

    QHostAddress peerAddress() const override { return m_socket->peerAddress(); }
    quint16 peerPort() const override { return m_socket->peerPort(); }
    QList<QSslCertificate> peerCertificateChain() const override { return m_socket->peerCertificateChain(); }
    QSsl::SslProtocol sessionProtocol() const override { return m_socket->sessionCipher().protocol(); }
    QString sessionCipher() const override;
    QString keyExchangeGroup() const override;
    QByteArray negotiatedAlpn() const override;

private:
    std::unique_ptr<QSslSocket> m_socket;
    QString m_host;
    quint16 m_port;
};

} // namespace securechat
