// SPDX-License-Identifier: MIT
#pragma once

#include "session/disconnect.h"

#include <QByteArray>
#include <QObject>

#include <chrono>

namespace securechat {

/// The byte stream under a PeerConnection: what it reads and writes, how much the network has not
/// taken yet, and how the stream ends. The product's is SslSocketTransport (a QSslSocket); the seam
/// lets a unit test drive PeerConnection's framing, limits, backpressure and close byte by byte.
class PeerTransport : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeerTransport)

public:
    /// For setReadBufferSize(): no bound.
    static constexpr qint64 Unbounded = 0;

    ~PeerTransport() override = default;

    /// The TLS handshake has finished.
    virtual bool isEncrypted() const = 0;
    virtual qint64 bytesAvailable() const = 0;
    virtual QByteArray read(qint64 maxBytes) = 0;
    virtual void write(const QByteArray& data) = 0;
    /// What was written and the network has not taken yet.
    virtual qint64 bytesToWrite() const = 0;
    /// Past this much unread data the transport stops reading from the network, so that TCP slows
    /// the peer down.
    virtual void setReadBufferSize(qint64 bytes) = 0;
    /// Sends what is queued, then ends the stream in order, lingering up to `linger` so that the
    /// peer can read it.
    virtual void disconnectFromPeer(std::chrono::milliseconds linger) = 0;
    /// Ends the stream at once, discarding what is queued.
    virtual void abort() = 0;

Q_SIGNALS:
    void encrypted();
    void readyRead();
    /// The network took some of what was written.
    void bytesWritten();
    /// The peer ended the stream in order (close_notify): what it sent before is readable.
    void peerClosed();
    /// The stream failed, in words; disconnected() follows.
    void failed(const securechat::Disconnect& reason);
    /// The stream is over.
    void disconnected();

protected:
    PeerTransport() = default;
};

} // namespace securechat
