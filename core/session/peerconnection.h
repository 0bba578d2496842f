// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/linecodec.h"
#include "session/disconnect.h"
#include "session/peertransport.h"
#include "session/sessionlimits.h"

#include <QObject>
#include <QSslSocket>
#include <QTimer>

#include <memory>

namespace securechat {

class SslSocketTransport;

/// One TLS connection carrying lines, on a QSslSocket of either role: handshake timeout (the
/// client's; the host's is TlsListener's), line framing, a bounded outbound queue, and a close that
/// flushes before close_notify and then lingers (LingeringClose). It reads and writes through a
/// PeerTransport: SslSocketTransport in the product, a fake in tst_peerconnectionframing.
///
/// A connection starts *held*: received lines are not delivered and sent lines are queued until
/// open() is called, so that nothing is exchanged before the owner has decided to trust the peer.
class PeerConnection final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeerConnection)

public:
    /// The socket carries its configuration: a client's, not yet connected, or a host's, already
    /// encrypted (TlsListener ran its handshake).
    PeerConnection(
        std::unique_ptr<QSslSocket> socket, const SessionLimits& limits, QObject* parent = nullptr);
    /// On any transport, already encrypted; connectToHost(), socket() and ignoreSslErrors() need
    /// the socket constructor.
    PeerConnection(
        std::unique_ptr<PeerTransport> transport, const SessionLimits& limits, QObject* parent = nullptr);
    ~PeerConnection() override;

    /// The client side: connects, then starts the handshake and its timeout.
    void connectToHost(const QString& host, quint16 port);

    void open();
    bool isEncrypted() const { return m_transport->isEncrypted(); }
    bool isFinished() const { return m_finished; }
    /// The peer's address, certificates and what was negotiated.
    const QSslSocket& socket() const;
    /// Ignores exactly these errors for the handshake in progress. Only valid inside sslErrors.
    void ignoreSslErrors(const QList<QSslError>& errors);

    /// Queues one encoded line (terminator included). Past the outbound limit the peer is dropped.
    void sendLine(const QByteArray& encodedLine);
    qint64 pendingOutboundBytes() const;
    /// Past the high-water mark, until it drains to half of it (see congested()).
    bool isCongested() const { return m_congested; }

    /// Stops taking the peer's data, so that TCP slows the peer down; lines that already arrived
    /// wait. What arrives before the peer closes is still delivered when it closes.
    void pauseReading();
    void resumeReading();

    /// Flushes what is queued, sends close_notify, then finishes.
    void close();
    /// Drops the connection at once, discarding what is queued.
    void abort(const Disconnect& reason);

    static Disconnect handshakeTimedOut(std::chrono::milliseconds timeout);

Q_SIGNALS:
    /// Emitted directly from the handshake: the owner must decide here (see ignoreSslErrors).
    void sslErrors(const QList<QSslError>& errors);
    void encrypted();
    void lineReceived(const QString& line);
    /// The peer broke the line limit; the owner tells the peer why, then closes.
    void lineTooLong(const QString& message);
    /// The outbound queue passed the high-water mark: its senders should be held back.
    void congested();
    /// The queue drained to half the high-water mark.
    void drained();
    /// Emitted once, when the connection is over. The owner may deleteLater() from here.
    void finished(const securechat::Disconnect& reason);

private:
    void connectTransport();
    SslSocketTransport& sslTransport(const char* caller) const;
    void onReadyRead();
    void onDisconnected();
    void onFailed(const Disconnect& reason);
    void onPeerClosed();
    void onBytesWritten();
    void deliverReceived();
    /// Delivers decoded lines until paused; true when none is left and more may be read.
    bool deliverDecoded();
    void finish(const Disconnect& reason);

    SslSocketTransport* m_sslTransport = nullptr; // m_transport, when it is a socket's
    std::unique_ptr<PeerTransport> m_transport;
    SessionLimits m_limits;
    LineCodec m_codec;
    QStringList m_decoded; // complete lines not delivered yet: reading was paused
    QByteArray m_heldOutput;
    qint64 m_pendingBound = 0; // at least what is waiting to be sent (see sendLine)
    QTimer m_handshakeTimer;
    QTimer m_closeTimer;
    QTimer m_stallTimer; // runs while congested; restarted whenever the peer takes something
    Disconnect m_pendingReason;
    bool m_open = false;
    bool m_closing = false;
    bool m_finished = false;
    bool m_peerClosed = false;
    bool m_congested = false;
    bool m_readingPaused = false;
};

} // namespace securechat
