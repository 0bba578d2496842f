// SPDX-License-Identifier: MIT
#pragma once

#include "sessionlimits.h"

#include <QHash>
#include <QHostAddress>
#include <QSslError>
#include <QTcpServer>

#include <memory>

namespace securechat {

class HostTlsContext;
class PeerConnection;

/// Accepts TCP connections and runs their TLS handshakes, handing each encrypted (still held)
/// connection to its owner.
///
/// A QTcpServer rather than QSslServer: QSslServer counts handshaking sockets toward its pending
/// queue (30 idle connections stalled a good client for 4.9 s) and deletes failed sockets itself.
/// Here each source address may have a bounded number of handshakes in progress, and every
/// dropped connection is reported. Each connection runs on libssl (HostTlsTransport), all of them
/// on the one context given here.
class TlsListener final : public QTcpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsListener)

public:
    /// Decides, inside the handshake, which certificate errors of a client are acceptable.
    using ClientErrorFilter = std::function<QList<QSslError>(const QList<QSslError>&)>;

    TlsListener(std::shared_ptr<const HostTlsContext> context, SessionLimits limits, QObject* parent = nullptr);
    ~TlsListener() override;

    void setClientErrorFilter(ClientErrorFilter filter) { m_clientErrorFilter = std::move(filter); }
    int handshakesInProgress() const;

Q_SIGNALS:
    /// The handshake succeeded; the receiver takes ownership (the connection is still held).
    void peerEncrypted(securechat::PeerConnection* connection);
    /// A connection was dropped before it could join; `who` is "ADDR:PORT".
    void peerRejected(const QString& who, const QString& reason);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    struct PendingHandshake {
        QHostAddress address;
        QString who;
        QString certificateProblem;
        bool handedOut;
    };

    void release(const QHostAddress& address);
    static QString describeClientCertificate(const QSslCertificate& certificate, const QList<QSslError>& errors);

    std::shared_ptr<const HostTlsContext> m_context;
    SessionLimits m_limits;
    ClientErrorFilter m_clientErrorFilter;
    QHash<QHostAddress, int> m_handshakesByAddress;
};

QString describeEndpoint(const QHostAddress& address, quint16 port);

} // namespace securechat
