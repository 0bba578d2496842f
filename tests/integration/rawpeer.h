// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/protocol.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslSocket>

namespace securechat::test {

/// A TLS peer the test drives byte by byte. It speaks text lines (no ALPN, like openssl s_client)
/// or structured frames (ALPN securechat/1), and can misbehave as no ChatClient would: spoof a
/// sender, stop reading, close without close_notify, reset the connection.
class RawPeer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawPeer)

public:
    enum class Mode { Text, Structured };
    Q_ENUM(Mode)

    explicit RawPeer(Mode mode, QObject* parent = nullptr);
    ~RawPeer() override;

    /// Connects to the host on 127.0.0.1 from `source`: any 127.x address, so that tests can
    /// play several machines.
    void connectTo(quint16 port, const QHostAddress& source = QHostAddress::LocalHost);
    /// The handshake succeeded within the timeout.
    bool waitEncrypted(int timeoutMs = 5'000);
    /// Structured: says hello and waits for the host's; returns the nickname the host gave, or
    /// empty when it did not answer in time.
    QString join(const QString& nick, int timeoutMs = 5'000);

    void sendRaw(const QByteArray& bytes);
    void sendLine(const QByteArray& line) { sendRaw(line + '\n'); }
    void sendFrame(const Frame& frame);
    /// Waits until everything written has left the process (handed to the kernel).
    bool waitFlushed(int timeoutMs = 5'000);

    /// Never reads again: the kernel's buffers fill up and the host's outbound queue grows.
    void stopReading();
    /// Closes the TCP connection with a FIN but no close_notify (a crashed or careless peer).
    void closeWithoutCloseNotify();
    /// Closes with a TCP RST (SO_LINGER 0), as a crashed machine or a middlebox would.
    void reset();

    QSslSocket& socket() { return m_socket; }
    /// Complete lines received, LF stripped, raw bytes.
    const QList<QByteArray>& lines() const { return m_lines; }
    /// The lines that decode as frames, in order.
    QList<Frame> frames() const;
    /// Index of the first frame of that type at or after `from`, or -1.
    qsizetype indexOf(FrameType type, qsizetype from = 0) const;
    bool isDisconnected() const { return m_disconnected; }
    bool hasReceivedCloseNotify() const { return m_closeNotify; }

Q_SIGNALS:
    void lineReceived(const QByteArray& line);

private:
    void onReadyRead();

    QSslSocket m_socket;
    QByteArray m_partial;
    QList<QByteArray> m_lines;
    bool m_reading = true;
    bool m_disconnected = false;
    bool m_closeNotify = false;
};

} // namespace securechat::test
