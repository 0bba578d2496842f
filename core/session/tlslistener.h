// SPDX-License-Identifier: MIT
#pragma once

#include "session/pendinghandshakes.h"
#include "session/sessionlimits.h"

#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslServer>

#include <functional>

namespace securechat {

class PeerConnection;

/// The host's listener: a QSslServer that runs each connection's TLS handshake on a server-side
/// QSslSocket and hands the encrypted socket, as a (still held) PeerConnection, to its owner.
///
/// What it adds to QSslServer (each pinned by a test; docs/qt-tls.md):
/// - a cap on handshakes in progress per source address, applied before Qt takes a slot;
/// - accepting resumes whenever a handshaking socket goes away (Qt resumes only on
///   nextPendingConnection() or its own timeout, so sockets that hang up could stop it for good);
/// - the configured handshake timeout is the real bound (Qt's restarts at the ClientHello);
/// - every connection dropped before it is handed out is reported once, in one line, including
///   those Qt drops without a word (bytes that are not TLS);
/// - a failed handshake lingers (LingeringClose), so that the client can read the alert.
class TlsListener final : public QSslServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsListener)

public:
    /// Decides, inside the handshake, which certificate errors of a client are acceptable.
    using ClientErrorFilter = std::function<QList<QSslError>(const QList<QSslError>&)>;

    TlsListener(const QSslConfiguration& configuration, SessionLimits limits, QObject* parent = nullptr);
    ~TlsListener() override;

    void setClientErrorFilter(ClientErrorFilter filter) { m_clientErrorFilter = std::move(filter); }
    int handshakesInProgress() const { return m_pending.inProgress(); }

Q_SIGNALS:
    /// The handshake succeeded; the receiver takes ownership (the connection is still held).
    void peerEncrypted(securechat::PeerConnection* connection);
    /// A connection was dropped before it could join; `who` is "ADDR:PORT".
    void peerRejected(const QString& who, const QString& reason);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    QSslSocket* socketFor(qintptr socketDescriptor) const;
    void watch(QSslSocket* socket, const QHostAddress& address, const QString& who);
    void onSslErrors(QSslSocket* socket, const QList<QSslError>& errors);
    void onHandshakeError(QSslSocket* socket, QAbstractSocket::SocketError error);
    void onHandshakeTimedOut(QSslSocket* socket);
    void onSocketGone(QObject* socket);
    void takeEncrypted();
    void refuse(qintptr socketDescriptor, const QString& who, const QString& reason);
    static QString describeClientCertificate(
        const QSslCertificate& certificate, const QList<QSslError>& errors);

    SessionLimits m_limits;
    ClientErrorFilter m_clientErrorFilter;
    PendingHandshakes m_pending;
};

} // namespace securechat
