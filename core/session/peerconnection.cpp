// SPDX-License-Identifier: MIT
#include "session/peerconnection.h"

#include "session/sslsockettransport.h"

namespace securechat {

namespace {

    // Bounds what Qt buffers for us while the connection is held or paused (nothing is read then).
    constexpr qint64 HeldReadBufferBytes = 64 * 1024;
    // What deliverReceived() takes from Qt between two checks for a pause.
    constexpr qint64 DeliveryPieceBytes = 16 * 1024;

    QString seconds(std::chrono::milliseconds duration)
    {
        return QString::number(static_cast<double>(duration.count()) / 1000.0);
    }

} // namespace

PeerConnection::PeerConnection(
    std::unique_ptr<QSslSocket> socket, const SessionLimits& limits, QObject* parent)
    : QObject(parent)
    , m_sslTransport(new SslSocketTransport(std::move(socket)))
    , m_transport(m_sslTransport)
    , m_limits(limits)
    , m_codec(limits.maxLineBytes)
{
    // Direct: ignoreSslErrors only works while the handshake is still inside this signal.
    connect(&m_sslTransport->socket(), &QSslSocket::sslErrors, this, &PeerConnection::sslErrors,
        Qt::DirectConnection);
    connectTransport();
}

PeerConnection::PeerConnection(
    std::unique_ptr<PeerTransport> transport, const SessionLimits& limits, QObject* parent)
    : QObject(parent)
    , m_transport(std::move(transport))
    , m_limits(limits)
    , m_codec(limits.maxLineBytes)
{
    connectTransport();
}

void PeerConnection::connectTransport()
{
    m_transport->setParent(nullptr);
    m_transport->setReadBufferSize(HeldReadBufferBytes);

    m_handshakeTimer.setSingleShot(true);
    m_handshakeTimer.setInterval(m_limits.handshakeTimeout);
    connect(&m_handshakeTimer, &QTimer::timeout, this,
        [this] { abort(handshakeTimedOut(m_limits.handshakeTimeout)); });
    m_closeTimer.setSingleShot(true);
    m_closeTimer.setInterval(m_limits.closeTimeout);
    connect(&m_closeTimer, &QTimer::timeout, this, [this] {
        abort({ Disconnect::Kind::Clean, tr("closed (the peer did not take the last data)") });
    });
    m_stallTimer.setSingleShot(true);
    m_stallTimer.setInterval(m_limits.stallTimeout);
    connect(&m_stallTimer, &QTimer::timeout, this, [this] {
        abort({ Disconnect::Kind::Protocol,
            tr("not reading: nothing it was sent was taken for %1 s").arg(seconds(m_limits.stallTimeout)) });
    });

    PeerTransport* t = m_transport.get();
    connect(t, &PeerTransport::encrypted, this, [this] {
        m_handshakeTimer.stop();
        Q_EMIT encrypted();
    });
    connect(t, &PeerTransport::readyRead, this, &PeerConnection::onReadyRead);
    connect(t, &PeerTransport::bytesWritten, this, &PeerConnection::onBytesWritten);
    connect(t, &PeerTransport::peerClosed, this, &PeerConnection::onPeerClosed);
    connect(t, &PeerTransport::failed, this, &PeerConnection::onFailed);
    connect(t, &PeerTransport::disconnected, this, &PeerConnection::onDisconnected);
}

PeerConnection::~PeerConnection()
{
    // The transport and its socket go after this part of the object: nothing they emit on their
    // way may reach here.
    m_transport->disconnect(this);
    if (m_sslTransport)
        m_sslTransport->socket().disconnect(this);
}

SslSocketTransport& PeerConnection::sslTransport(const char* caller) const
{
    // Only the socket constructor gives it one: asking a test's transport for TLS is a bug.
    if (!m_sslTransport)
        qFatal("PeerConnection::%s() called on a connection made without a socket", caller);
    return *m_sslTransport;
}

const QSslSocket& PeerConnection::socket() const
{
    return sslTransport("socket").socket();
}

void PeerConnection::connectToHost(const QString& host, quint16 port)
{
    m_handshakeTimer.start();
    sslTransport("connectToHost").connectToHost(host, port);
}

void PeerConnection::ignoreSslErrors(const QList<QSslError>& errors)
{
    // Never with an empty list: QSslSocket reads that as "ignore everything".
    if (!errors.isEmpty())
        sslTransport("ignoreSslErrors").socket().ignoreSslErrors(errors);
}

void PeerConnection::open()
{
    if (m_open || m_finished)
        return;
    m_open = true;
    // Unbounded once open: with a bounded buffer, Qt 6.4 drops what it had not yet decrypted when
    // the peer's close_notify arrives (measured: 728 of 2,000 queued lines arrived). Memory
    // stays bounded anyway: every readyRead is drained at once and the codec caps a line.
    m_transport->setReadBufferSize(0);
    if (!m_heldOutput.isEmpty()) {
        m_transport->write(m_heldOutput);
        m_heldOutput.clear();
    }
    deliverReceived();
}

void PeerConnection::sendLine(const QByteArray& encodedLine)
{
    if (m_finished || m_closing || m_pendingReason.kind != Disconnect::Kind::Clean)
        return;
    // m_pendingBound is what was waiting when last measured plus all queued since: an upper bound,
    // as the socket only ever drains. It is asked again only when the bound would pass
    // the limit; asking it for every line was 4% of the host's CPU relaying to many peers.
    if (m_pendingBound + encodedLine.size() > m_limits.maxOutboundBytes) {
        m_pendingBound = pendingOutboundBytes();
        if (m_pendingBound + encodedLine.size() > m_limits.maxOutboundBytes) {
            // Deferred: the caller may be iterating over every peer of a session right now.
            m_pendingReason = { Disconnect::Kind::Protocol,
                tr("not reading: more than %1 KiB were waiting to be sent")
                    .arg(m_limits.maxOutboundBytes / 1024) };
            QMetaObject::invokeMethod(
                this, [this] { abort(m_pendingReason); }, Qt::QueuedConnection);
            return;
        }
    }
    m_pendingBound += encodedLine.size();
    if (m_open)
        m_transport->write(encodedLine);
    else
        m_heldOutput += encodedLine;
    if (!m_congested && m_pendingBound > m_limits.outboundHighWater) {
        m_pendingBound = pendingOutboundBytes();
        if (m_pendingBound > m_limits.outboundHighWater) {
            m_congested = true;
            m_stallTimer.start();
            Q_EMIT congested();
        }
    }
}

void PeerConnection::onBytesWritten()
{
    if (!m_congested)
        return;
    m_pendingBound = pendingOutboundBytes();
    if (m_pendingBound > m_limits.outboundHighWater / 2) {
        m_stallTimer.start(); // it took something: not stalled
        return;
    }
    m_congested = false;
    m_stallTimer.stop();
    Q_EMIT drained();
}

void PeerConnection::pauseReading()
{
    if (m_readingPaused || m_finished)
        return;
    m_readingPaused = true;
    // Qt stops reading from the kernel once this much waits: TCP then slows the peer down.
    m_transport->setReadBufferSize(HeldReadBufferBytes);
}

void PeerConnection::resumeReading()
{
    if (!m_readingPaused)
        return;
    m_readingPaused = false;
    if (!m_open || m_finished)
        return;
    m_transport->setReadBufferSize(0); // unbounded once open: see open()
    deliverReceived();
}

qint64 PeerConnection::pendingOutboundBytes() const
{
    return m_heldOutput.size() + m_transport->bytesToWrite();
}

void PeerConnection::close()
{
    if (m_finished || m_closing)
        return;
    m_closing = true;
    if (!m_open || !m_transport->isEncrypted()) {
        abort({});
        return;
    }
    m_closeTimer.start();
    m_transport->disconnectFromPeer(m_limits.closeTimeout);
}

void PeerConnection::abort(const Disconnect& reason)
{
    if (m_finished)
        return;
    m_pendingReason = reason;
    m_heldOutput.clear();
    m_transport->abort();
    finish(reason);
}

void PeerConnection::onReadyRead()
{
    if (m_open && !m_readingPaused)
        deliverReceived();
}

void PeerConnection::deliverReceived()
{
    // A piece at a time, and a line at a time, so that pausing (backpressure or a rate limit,
    // decided while a line is relayed) takes effect at the next line; Qt keeps what was not read.
    // Once the peer has closed, everything is delivered.
    while (deliverDecoded() && m_transport->bytesAvailable() > 0) {
        const QByteArray data = m_transport->read(DeliveryPieceBytes);
        if (m_codec.hasError())
            return; // the line limit was broken: the rest is discarded
        m_decoded += m_codec.feed(data);
        if (m_codec.hasError()) {
            deliverDecoded();
            if (!m_finished)
                Q_EMIT lineTooLong(m_codec.errorString());
            return;
        }
    }
}

bool PeerConnection::deliverDecoded()
{
    while (!m_decoded.isEmpty() && !m_finished && (!m_readingPaused || m_peerClosed))
        Q_EMIT lineReceived(m_decoded.takeFirst());
    return m_decoded.isEmpty() && !m_finished && (!m_readingPaused || m_peerClosed);
}

void PeerConnection::onPeerClosed()
{
    // The TCP connection stays open and no disconnected() follows: take what was sent and close,
    // the close timer bounding the rest (Qt sends no close_notify back).
    if (m_finished || m_peerClosed)
        return;
    m_peerClosed = true;
    if (m_open) {
        deliverReceived();
        if (const auto last = m_codec.finish()) {
            m_decoded << *last;
            deliverDecoded();
        }
    }
    close();
}

void PeerConnection::onDisconnected()
{
    if (m_finished)
        return;
    if (m_open && !m_peerClosed) {
        m_peerClosed = true;
        deliverReceived();
        if (const auto last = m_codec.finish()) {
            m_decoded << *last;
            deliverDecoded();
        }
    }
    if (m_pendingReason.kind == Disconnect::Kind::Clean && m_pendingReason.message.isEmpty()
        && !m_transport->isEncrypted() && !m_closing) {
        m_pendingReason
            = { Disconnect::Kind::Tls, tr("the connection closed before the TLS handshake finished") };
    }
    finish(m_pendingReason);
}

void PeerConnection::onFailed(const Disconnect& reason)
{
    if (!m_finished && m_pendingReason.kind == Disconnect::Kind::Clean && m_pendingReason.message.isEmpty())
        m_pendingReason = reason;
}

void PeerConnection::finish(const Disconnect& reason)
{
    if (m_finished)
        return;
    m_finished = true;
    m_handshakeTimer.stop();
    m_closeTimer.stop();
    m_stallTimer.stop();
    Q_EMIT finished(reason);
}

Disconnect PeerConnection::handshakeTimedOut(std::chrono::milliseconds timeout)
{
    return { Disconnect::Kind::Tls,
        tr("the TLS handshake did not finish within %1 s").arg(seconds(timeout)) };
}

} // namespace securechat
